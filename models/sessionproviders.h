#pragma once

#include "profile.h"
#include "provider.h"
#include "providererror.h"

#include <functional>

class CredentialStore;
class ProfileSessions;
class QNetworkAccessManager;
class QObject;

// Where whatever works across profiles (find and the access review, in the window and on the
// command line) gets a provider for a profile: the open session's when there is one (the window),
// else a new one, made once the credential is read. Either way the provider is shared: whoever
// holds it keeps it alive, so closing the session cannot pull it from under a running find.
// `done` runs once, later, unless `context` is gone. Without sessions (the command line) every
// provider is new.
struct SessionProviders
{
    ProfileSessions *sessions = nullptr;
    CredentialStore *credentials = nullptr;
    QNetworkAccessManager *nam = nullptr;

    using Done = std::function<void(SharedProvider provider, const ProviderError &error)>;
    void request(const Profile &profile, QObject *context, Done done) const;
};
