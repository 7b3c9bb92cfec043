#pragma once

#include "bearersource.h"
#include "credentialstore.h"
#include "oauthclient.h"
#include "profile.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>

#include <memory>

// One signed-in profile's tokens, shared by every provider, job and window that uses the profile
// at once (so they refresh once, not each on its own). The refresh token lives only in the OS
// keychain, as the entry "NAME (oauth)"; the access token only in memory.
class OAuthSession : public QObject, public BearerSource
{
    Q_OBJECT
public:
    using TokenDone = std::function<void(const QString &accessToken, const ProviderError &error)>;
    using AccountDone
        = std::function<void(bool signedIn, const QString &account, const ProviderError &error)>;

    // The session of a profile with an `oauth` credential: the same one while any user of it is
    // alive and the profile's sign-in settings are unchanged.
    static std::shared_ptr<OAuthSession> forProfile(const Profile &profile);
    // The keychain entry that holds the profile's refresh token (not translated).
    static QString keychainKey(const QString &profileName);
    // "not signed in: run roster login --profile "NAME"", marked signInNeeded.
    static ProviderError notSignedIn(const QString &profileName);

    const Profile &profile() const { return m_profile; }
    OAuthClient *client() { return &m_client; }
    CredentialStore *keychain() { return &m_keychain; }

    // A valid access token, refreshed from the keychain's refresh token when there is none yet.
    void accessToken(QObject *context, TokenDone done);

    QByteArray token() const override { return m_access; }
    bool needsRefresh() const override;
    void refresh(QObject *context, const QByteArray &rejected, Done done) override;

    // A sign-in flow's token answer: the access token kept, the refresh token stored.
    void signedIn(const OAuthAnswer &answer, QObject *context, Done done);
    // Forgets the tokens: the keychain entry and the one in memory.
    void signOut(QObject *context, Done done);
    // Whether the keychain holds a sign-in, and whom it names.
    void account(QObject *context, AccountDone done);

private:
    explicit OAuthSession(const Profile &profile);
    void startRefresh();
    void refreshWith(const QString &refreshToken, const QString &account);
    void keep(const OAuthAnswer &answer);
    void settle(const ProviderError &error);
    ProviderError refused(const OAuthAnswer &answer) const;

    struct Waiter
    {
        QPointer<QObject> context;
        Done done;
    };

    Profile m_profile;
    QNetworkAccessManager m_nam;
    OAuthClient m_client;
    CredentialStore m_keychain;
    QByteArray m_access;
    qint64 m_refreshAtMs = 0; // ms since the epoch
    QList<Waiter> m_waiters;
    bool m_refreshing = false;
};
