#include "../providerkind.h"
#include "scimfilter.h"
#include "scimparser.h"
#include "scimprovider.h"

const ProviderKind &Scim::kind()
{
    using C = Column;
    static const ProviderKind k {
        .id = QStringLiteral("scim"),
        .displayName = [] { return ScimProvider::tr("SCIM 2.0"); },
        .urlPlaceholder = QStringLiteral("https://api.example.com/scim/v2"),
        .organizationPlaceholder = nullptr,
        .organizationLabel = nullptr,
        .hasOrganization = false, // the base URL is the tenant
        .options = {{
            .key = QStringLiteral("auth"),
            .label = [] { return ScimProvider::tr("SCIM &auth:"); },
            .values = {QStringLiteral("bearer"), QStringLiteral("basic")},
            .titles =
                [] {
                    return QStringList {ScimProvider::tr("Bearer token"),
                        ScimProvider::tr("HTTP Basic (user:password)")};
                },
        }},
        // count: at most the server's filter.maxResults (100 when it does not say)
        .maxPageSize = 1000,
        .columns
        = {C::Id, C::UserId, C::Email, C::GivenName, C::FamilyName, C::DisplayName, C::Phone,
            C::Status, C::Roles, C::Username, C::IdpId, C::CreatedAt, C::UpdatedAt, C::Groups},
        .hiddenColumns = {C::IdpId}, // the same as user_id (externalId)
        .sections = ProviderKind::Roles | ProviderKind::Groups | ProviderKind::Employment,
        .serverSearch = true, // when ServiceProviderConfig says filter.supported
        .dormantStatuses = {QStringLiteral("inactive")},
        .searchProblem = &ScimFilter::searchTextProblem,
        .sendsBearer =
            [](const Profile &p) {
                return p.option(QStringLiteral("auth"), {}) != QLatin1String("basic");
            },
        .create = &ProviderKindHelpers::create<ScimProvider>,
        .decode = &ProviderKindHelpers::decode<ScimParser::readUser>,
        .discover = nullptr,
    };
    return k;
}
