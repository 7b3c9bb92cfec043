#include "../providerkind.h"
#include "karmoparser.h"
#include "karmoprovider.h"

const ProviderKind &Karmo::kind()
{
    using C = Column;
    static const ProviderKind k {
        .id = QStringLiteral("karmo"),
        .displayName = [] { return KarmoProvider::tr("Karmo (WorkOS mode)"); },
        .urlPlaceholder = QStringLiteral("https://auth.example.com/v1"),
        .organizationPlaceholder = nullptr,
        .organizationLabel = nullptr,
        .options = {},
        .maxPageSize = 100,
        .columns
        = {C::Id, C::UserId, C::Email, C::GivenName, C::FamilyName, C::DisplayName, C::Phone},
        .hiddenColumns = {C::UserId}, // the same as the id
        .sections = ProviderKind::NoSections,
        .sendsBearer = [](const Profile &) { return true; },
        .create = &ProviderKindHelpers::create<KarmoProvider>,
        .decode = &ProviderKindHelpers::decode<KarmoParser::readUser>,
        .discover = nullptr,
    };
    return k;
}
