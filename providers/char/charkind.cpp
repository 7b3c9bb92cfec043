#include "../providerkind.h"
#include "charparser.h"
#include "charprovider.h"
#include "httpclient.h"

#include <QLocale>

namespace {

void readDirectories(OrganizationLookup *lookup, const HttpCall *call)
{
    if (!call->hasResponse()) {
        lookup->error = call->error();
        return;
    }
    const HttpResponse &r = call->response();
    if (r.status != 200) {
        lookup->error = CharParser::parseError(r.status, r.body, r.headers);
        return;
    }
    QList<CharDirectory> dirs;
    if (!CharParser::parseDirectories(r.body, &dirs, &lookup->error))
        return;
    if (dirs.isEmpty()) {
        lookup->error = ProviderError::make(ProviderError::Kind::Configuration,
            CharProvider::tr("This token sees no directories."));
        return;
    }
    for (const CharDirectory &d : std::as_const(dirs)) {
        const QString users
            = d.userCount >= 0 ? QLocale().toString(d.userCount) : CharProvider::tr("?");
        lookup->choices.append(
            {d.id, CharProvider::tr("%1 — %2 (%3 users) [%4]").arg(d.name, d.type, users, d.id)});
    }
}

// GET /api/directories: the directories the token can see, to fill in a profile's organization.
OrganizationLookup *discoverDirectories(
    const Profile &profile, const QString &secret, QNetworkAccessManager *nam, QObject *parent)
{
    auto *lookup = new OrganizationLookup(parent);
    lookup->title = CharProvider::tr("Choose a directory");
    lookup->prompt = CharProvider::tr("Directories this token can see:");
    auto *provider = new CharProvider(profile, secret, nam, lookup);
    HttpCall *call = provider->requestDirectories(lookup);
    QObject::connect(call, &HttpCall::finished, lookup, [lookup, call, provider] {
        call->deleteLater();
        provider->deleteLater();
        readDirectories(lookup, call);
        emit lookup->finished();
    });
    return lookup;
}

} // namespace

const ProviderKind &Char::kind()
{
    using C = Column;
    static const ProviderKind k {
        .id = QStringLiteral("char"),
        .displayName = [] { return CharProvider::tr("Char directory"); },
        .urlPlaceholder = QStringLiteral("https://app.usechar.ai"),
        .organizationPlaceholder = [] { return CharProvider::tr("Directory id (UUID)"); },
        .organizationLabel = [] { return CharProvider::tr("Directory:"); },
        .options = {},
        // One array: pageSize is how many rows the table reveals at once.
        .maxPageSize = 10000,
        .columns = {C::Id, C::UserId, C::Email, C::GivenName, C::FamilyName, C::DisplayName,
            C::Status, C::IdpId, C::CreatedAt, C::UpdatedAt},
        .hiddenColumns = {},
        .sections = ProviderKind::Attributes,
        .dormantStatuses = {QStringLiteral("inactive"), QStringLiteral("suspended")},
        .sendsBearer = [](const Profile &) { return true; },
        .create = &ProviderKindHelpers::create<CharProvider>,
        .decode = &ProviderKindHelpers::decode<CharParser::readUser>,
        .discover = &discoverDirectories,
    };
    return k;
}
