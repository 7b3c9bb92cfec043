#include "provider.h"

#include "probereply.h"

#include "httpclient.h"
#include "transport.h"

Provider::Provider(const Profile &profile, QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_http(new HttpClient(nam, profile.baseUrl, this))
{
    m_http->setTransport(Transport::forProfile(profile));
}

Provider::~Provider() = default;

QString Provider::tokenForOffset(qint64, const QString &) const
{
    return {};
}

QString Provider::firstToken(const QString &query) const
{
    return query.isEmpty() ? QString() : tokenForOffset(0, query);
}

QString Provider::searchQuery(const QString &) const
{
    return {};
}

QUrl Provider::endpoint(const QString &path) const
{
    QUrl url = m_profile.baseUrl;
    QString prefix = url.path();
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    url.setPath(prefix + path);
    return url;
}

PageReply *Provider::probe()
{
    const bool oneArray = capabilities().paging == ProviderCapabilities::Paging::Single;
    return new ProbeReply(fetchPage(firstToken({})), oneArray, this);
}
