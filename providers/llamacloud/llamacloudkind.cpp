#include "../providerkind.h"
#include "llamacloudparser.h"
#include "llamacloudprovider.h"

const ProviderKind &LlamaCloud::kind()
{
    using C = Column;
    static const ProviderKind k {
        .id = QStringLiteral("llamacloud"),
        .displayName = [] { return LlamaCloudProvider::tr("LlamaCloud"); },
        .urlPlaceholder = QStringLiteral("https://api.cloud.llamaindex.ai"),
        .organizationPlaceholder = nullptr,
        .organizationLabel = nullptr,
        .options = {{
            .key = QStringLiteral("auth"),
            .label = [] { return LlamaCloudProvider::tr("LlamaCloud &auth:"); },
            .values = {QStringLiteral("cookie"), QStringLiteral("bearer")},
            .titles =
                [] {
                    return QStringList {LlamaCloudProvider::tr("Session cookie"),
                        LlamaCloudProvider::tr("Bearer API key")};
                },
        }},
        // One array: pageSize is how many rows the table reveals at once.
        .maxPageSize = 10000,
        .columns = {C::Id, C::UserId, C::Email, C::DisplayName, C::Status, C::Roles, C::InvitedBy,
            C::CreatedAt, C::UpdatedAt},
        .hiddenColumns = {},
        .sections = ProviderKind::Roles | ProviderKind::Invitation,
        .dormantStatuses = {QStringLiteral("pending")},
        .sendsBearer =
            [](const Profile &p) {
                return p.option(QStringLiteral("auth"), {}) == QLatin1String("bearer");
            },
        .create = &ProviderKindHelpers::create<LlamaCloudProvider>,
        .decode = &ProviderKindHelpers::decode<LlamaCloudParser::readMember>,
        .discover = nullptr,
    };
    return k;
}
