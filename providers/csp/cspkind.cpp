#include "../providerkind.h"
#include "cspparser.h"
#include "cspprovider.h"

const ProviderKind &Csp::kind()
{
    using C = Column;
    static const ProviderKind k{
        .id = QStringLiteral("csp"),
        .displayName = [] { return CspProvider::tr("VMware Cloud Services (CSP)"); },
        .urlPlaceholder = QStringLiteral("https://console.cloud.vmware.com"),
        .organizationPlaceholder = nullptr,
        .organizationLabel = nullptr,
        .options = {
            {
                .key = QStringLiteral("tokenType"),
                .label = [] { return CspProvider::tr("CSP &token:"); },
                .values = {QStringLiteral("api_token"), QStringLiteral("access_token")},
                .titles = [] { return QStringList{CspProvider::tr("API token (exchanged)"), CspProvider::tr("Access token")}; },
            },
            {
                .key = QStringLiteral("authHeader"),
                .label = [] { return CspProvider::tr("CSP auth h&eader:"); },
                .values = {QStringLiteral("csp-auth-token"), QStringLiteral("authorization")},
                .titles = [] { return QStringList{QStringLiteral("csp-auth-token"), QStringLiteral("Authorization: Bearer")}; },
            },
        },
        .maxPageSize = 200, // pageLimit, at most 200 (v2)
        .columns = {C::Id, C::UserId, C::Email, C::GivenName, C::FamilyName, C::DisplayName, C::Roles, C::Username, C::IdpId},
        .hiddenColumns = {C::UserId}, // the same as the id
        .sections = ProviderKind::Roles,
        .create = &ProviderKindHelpers::create<CspProvider>,
        .decode = &ProviderKindHelpers::decode<CspParser::readResult>,
        .discover = nullptr,
    };
    return k;
}
