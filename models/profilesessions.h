#pragma once

#include "profile.h"
#include "provider.h"
#include "providererror.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

class CredentialStore;
class ProfileStore;
class QNetworkAccessManager;
class UserTableModel;

// One profile opened in the window: its table model (a child), and the provider made once its
// credential was read (or the error reading it gave). The provider is shared: a find or a review
// that borrowed it keeps it alive after the session is closed, so nothing is lost under them.
class ProfileSession : public QObject
{
    Q_OBJECT
public:
    ProfileSession(const Profile &profile, QObject *parent = nullptr);
    ~ProfileSession() override;

    const Profile &profile() const { return m_profile; }
    UserTableModel *model() const { return m_model; }
    // Null until the credential was read (and after a failure).
    Provider *provider() const { return m_provider.get(); }
    SharedProvider sharedProvider() const { return m_provider; }
    const ProviderError &credentialError() const { return m_credentialError; }
    bool isReadingCredential() const { return m_readingCredential; }

private:
    friend class ProfileSessions;
    void setProvider(SharedProvider provider);
    void setCredentialError(const ProviderError &error);

    Profile m_profile;
    UserTableModel *m_model;
    SharedProvider m_provider;
    ProviderError m_credentialError;
    bool m_readingCredential = true;
    quint64 m_lastUsed = 0;
};

// The profiles the window has opened, with no widgets: creates a session (reads the credential,
// makes the provider and the model), keeps the most recently used ones (their rows come back
// instantly), and closes the others and those whose profile changed.
class ProfileSessions : public QObject
{
    Q_OBJECT
public:
    ProfileSessions(ProfileStore *store, CredentialStore *credentials, QNetworkAccessManager *nam,
        QObject *parent = nullptr);
    ~ProfileSessions() override;

    // The session of the profile called `name` (made on first use; nullptr for no such profile),
    // marked most recently used. Beyond the limit, the least recently used others are closed.
    ProfileSession *open(const QString &name);
    ProfileSession *find(const QString &name) const { return m_sessions.value(name); }
    // Closes one session: its page in flight is aborted, its rows are dropped.
    void close(const QString &name);
    // After the profiles were edited: closes the sessions whose profile changed or went away,
    // or whose secret `secretChanged` says was replaced. Returns their names.
    QStringList closeChanged(const std::function<bool(const QString &name)> &secretChanged);

    void setLimit(int limit) { m_limit = std::max(1, limit); }
    int limit() const { return m_limit; }
    int count() const { return int(m_sessions.size()); }

signals:
    // The credential was read: `session->provider` is loading, or `session->credentialError` says
    // why not.
    void credentialRead(ProfileSession *session);
    // `session` is about to be closed: whoever shows its model lets go of it.
    void aboutToClose(ProfileSession *session);

private:
    void evict(const QString &keep);

    ProfileStore *m_store;
    CredentialStore *m_credentials;
    QNetworkAccessManager *m_nam;
    QHash<QString, ProfileSession *> m_sessions;
    quint64 m_clock = 0;
    int m_limit = 6;
};
