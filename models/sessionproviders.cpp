#include "sessionproviders.h"

#include "credentialstore.h"
#include "profilesessions.h"
#include "provider.h"
#include "providerfactory.h"

#include <QPointer>
#include <QTimer>

void SessionProviders::request(const Profile &profile, QObject *context, Done done) const
{
    ProfileSession *session = sessions ? sessions->find(profile.name) : nullptr;
    if (session && session->provider) {
        QTimer::singleShot(
            0, context, [provider = QPointer<Provider>(session->provider), done = std::move(done)] {
                if (provider)
                    done(provider, {});
                else
                    done(nullptr,
                        ProviderError::make(ProviderError::Kind::Cancelled,
                            Provider::tr("The profile was closed.")));
            });
        return;
    }
    QNetworkAccessManager *manager = nam;
    credentials->read(profile, context,
        [profile, context, manager, done = std::move(done)](
            const QString &secret, const ProviderError &error) {
            if (error.isError())
                done(nullptr, error);
            else
                done(ProviderFactory::create(profile, secret, manager, context), {});
        });
}
