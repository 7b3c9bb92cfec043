#include "providerfactory.h"

#include "providerkind.h"

Provider *ProviderFactory::create(
    const Profile &profile, const QString &secret, QNetworkAccessManager *nam, QObject *parent)
{
    const ProviderKind *kind = ProviderKinds::find(profile.kind);
    return kind ? kind->create(profile, secret, nam, parent) : nullptr;
}

ProviderFactory::RecordDecoder ProviderFactory::recordDecoder(const QString &kind)
{
    const ProviderKind *k = ProviderKinds::find(kind);
    return k ? k->decode : nullptr;
}
