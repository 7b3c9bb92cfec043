#pragma once

#include "profile.h"
#include "providererror.h"

#include <functional>

class CredentialStore;
class ProfileSessions;
class Provider;
class QNetworkAccessManager;
class QObject;

// Where the window's dialogs that work across profiles (find, access review) get a provider for
// a profile: the open session's when there is one, else a new one, made once the credential is
// read and parented to `context`. `done` runs once, later, unless `context` is gone.
struct SessionProviders
{
    ProfileSessions *sessions = nullptr;
    CredentialStore *credentials = nullptr;
    QNetworkAccessManager *nam = nullptr;

    using Done = std::function<void(Provider *provider, const ProviderError &error)>;
    void request(const Profile &profile, QObject *context, Done done) const;
};
