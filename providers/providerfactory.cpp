#include "providerfactory.h"

#include "httpclient.h"
#include "oauthsession.h"
#include "provider.h"
#include "providerkind.h"
#include "transport.h"

Provider *ProviderFactory::create(const Profile &profile, const QString &secret,
    QNetworkAccessManager *nam, QObject *parent, const QString &proxySecret)
{
    const ProviderKind *kind = ProviderKinds::find(profile.kind);
    Provider *provider = kind ? kind->create(profile, secret, nam, parent) : nullptr;
    if (provider && !proxySecret.isEmpty())
        provider->http()->setTransport(Transport::forProfile(profile, proxySecret));
    // A signed-in profile: every request sends the session's current token, refreshed as it ages.
    if (provider && profile.credential.type == CredentialSource::Type::OAuth)
        provider->http()->setBearerSource(OAuthSession::forProfile(profile));
    return provider;
}

std::shared_ptr<Provider> ProviderFactory::createShared(const Profile &profile,
    const QString &secret, QNetworkAccessManager *nam, const QString &proxySecret)
{
    Provider *provider = create(profile, secret, nam, nullptr, proxySecret);
    if (!provider)
        return {};
    // The last holder may let go from inside a signal of the provider or of one of its replies.
    return std::shared_ptr<Provider>(provider, [](Provider *p) { p->deleteLater(); });
}

ProviderFactory::RecordDecoder ProviderFactory::recordDecoder(const QString &kind)
{
    const ProviderKind *k = ProviderKinds::find(kind);
    return k ? k->decode : nullptr;
}
