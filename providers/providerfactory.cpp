#include "providerfactory.h"

#include "char/charprovider.h"
#include "csp/cspprovider.h"
#include "karmo/karmoprovider.h"
#include "llamacloud/llamacloudprovider.h"

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
