#include "providerfactory.h"

#include "provider.h"
#include "providerkind.h"

Provider *ProviderFactory::create(
    const Profile &profile, const QString &secret, QNetworkAccessManager *nam, QObject *parent)
{
    const ProviderKind *kind = ProviderKinds::find(profile.kind);
    return kind ? kind->create(profile, secret, nam, parent) : nullptr;
}

std::shared_ptr<Provider> ProviderFactory::createShared(
    const Profile &profile, const QString &secret, QNetworkAccessManager *nam)
{
    Provider *provider = create(profile, secret, nam, nullptr);
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
