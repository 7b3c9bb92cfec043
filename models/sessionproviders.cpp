#include "sessionproviders.h"

#include "credentialstore.h"
#include "profilesessions.h"
#include "provider.h"
#include "providerfactory.h"

#include <QTimer>

void SessionProviders::request(const Profile &profile, QObject *context, Done done) const
{
    ProfileSession *session = sessions ? sessions->find(profile.name) : nullptr;
    if (session && session->provider()) {
        QTimer::singleShot(0, context,
            [provider = session->sharedProvider(), done = std::move(done)] { done(provider, {}); });
        return;
    }
    QNetworkAccessManager *manager = nam;
    credentials->readSecrets(profile, context,
        [profile, manager, done = std::move(done)](
            const CredentialStore::Secrets &secrets, const ProviderError &error) {
            if (error.isError())
                done(nullptr, error);
            else
                done(ProviderFactory::createShared(profile, secrets.token, manager, secrets.proxy),
                    {});
        });
}
