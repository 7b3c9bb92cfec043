#pragma once

#include "profile.h"
#include "providererror.h"

#include <functional>

class CredentialStore;
class ProfileSessions;
class Provider;
class QNetworkAccessManager;
class QObject;

// Where whatever works across profiles (find and the access review, in the window and on the
// command line) gets a provider for a profile: the open session's when there is one (the window),
// else a new one, made once the credential is read and parented to `context`. `done` runs once,
// later, unless `context` is gone. Without sessions (the command line) every provider is new.
struct SessionProviders
{
    ProfileSessions *sessions = nullptr;
    CredentialStore *credentials = nullptr;
    QNetworkAccessManager *nam = nullptr;

    using Done = std::function<void(Provider *provider, const ProviderError &error)>;
    void request(const Profile &profile, QObject *context, Done done) const;
};
