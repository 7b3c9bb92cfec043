#pragma once

#include "profile.h"
#include "providererror.h"

#include <QObject>

#include <functional>

// Fetches a profile's secret from the environment, a file or the OS keychain.
// There is no insecure fallback: when the keychain is unavailable, that is an error.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    using ReadCallback = std::function<void(const QString &secret, const ProviderError &error)>;
    struct Secrets
    {
        QString token; // the profile's credential
        QString proxy; // its proxyCredential's, when it has one
    };
    using SecretsCallback = std::function<void(const Secrets &secrets, const ProviderError &error)>;
    using WriteCallback = std::function<void(const ProviderError &error)>;

    explicit CredentialStore(QObject *parent = nullptr);

    // How long the keychain may take before it counts as unavailable.
    void setKeychainTimeoutMs(int ms) { m_keychainTimeoutMs = ms; }
    static QString keychainService();

    // Calls back exactly once (asynchronously for the keychain), unless `context` is destroyed.
    void read(const Profile &profile, QObject *context, ReadCallback callback);
    // The credential, then the proxyCredential if there is one; the same rules as read().
    void readSecrets(const Profile &profile, QObject *context, SecretsCallback callback);
    // The profile as the proxyCredential's reader sees it: its keychain entry is "NAME (proxy)".
    static Profile proxyProfile(const Profile &profile);
    // Synchronous sources only (env, file, inline); keychain profiles get an error.
    static QString readNow(const Profile &profile, ProviderError *error);

    // One keychain entry by its key; `found` is false (without an error) when there is none.
    using EntryCallback
        = std::function<void(const QString &secret, bool found, const ProviderError &error)>;
    void readKeychain(const QString &key, QObject *context, EntryCallback callback);

    void writeKeychain(const QString &profileName, const QString &secret, QObject *context,
        WriteCallback callback);
    void removeKeychain(const QString &profileName, QObject *context, WriteCallback callback);

private:
    int m_keychainTimeoutMs = 5000;
};
