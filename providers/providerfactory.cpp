#include "providerfactory.h"

#include "char/charprovider.h"
#include "csp/cspprovider.h"
#include "karmo/karmoprovider.h"
#include "char/charparser.h"
#include "csp/cspparser.h"
#include "karmo/karmoparser.h"
#include "llamacloud/llamacloudparser.h"
#include "llamacloud/llamacloudprovider.h"

#include <QJsonDocument>

namespace {
template<User (*Read)(const QJsonObject &, const QString &, QString *)>
User decode(const QByteArray &raw)
{
    QString ignored;
    User u = Read(QJsonDocument::fromJson(raw).object(), QString(), &ignored);
    u.rawRecord = raw;
    return u;
}
} // namespace

Provider *ProviderFactory::create(const Profile &profile, const QString &secret,
                                  QNetworkAccessManager *nam, QObject *parent)
{
    if (profile.kind == QLatin1String("karmo"))
        return new KarmoProvider(profile, secret, nam, parent);
    if (profile.kind == QLatin1String("llamacloud"))
        return new LlamaCloudProvider(profile, secret, nam, parent);
    if (profile.kind == QLatin1String("csp"))
        return new CspProvider(profile, secret, nam, parent);
    if (profile.kind == QLatin1String("char"))
        return new CharProvider(profile, secret, nam, parent);
    return nullptr;
}

ProviderFactory::RecordDecoder ProviderFactory::recordDecoder(const QString &kind)
{
    if (kind == QLatin1String("karmo"))
        return &decode<KarmoParser::readUser>;
    if (kind == QLatin1String("llamacloud"))
        return &decode<LlamaCloudParser::readMember>;
    if (kind == QLatin1String("csp"))
        return &decode<CspParser::readResult>;
    if (kind == QLatin1String("char"))
        return &decode<CharParser::readUser>;
    return nullptr;
}
