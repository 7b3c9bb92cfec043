#include "profilesessions.h"

#include "credentialstore.h"
#include "profilestore.h"
#include "provider.h"
#include "providerfactory.h"
#include "usertablemodel.h"

ProfileSession::ProfileSession(const Profile &profile, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_model(new UserTableModel(this))
{ }

ProfileSession::~ProfileSession()
{
    // The model first: its walk is aborted while the provider is still there.
    delete std::exchange(m_model, nullptr);
}

void ProfileSession::setProvider(SharedProvider provider)
{
    m_readingCredential = false;
    m_provider = std::move(provider);
    m_model->setProvider(m_provider.get());
}

void ProfileSession::setCredentialError(const ProviderError &error)
{
    m_readingCredential = false;
    m_credentialError = error;
}

ProfileSessions::ProfileSessions(
    ProfileStore *store, CredentialStore *credentials, QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_credentials(credentials)
    , m_nam(nam)
{ }

ProfileSessions::~ProfileSessions()
{
    qDeleteAll(std::exchange(m_sessions, {}));
}

ProfileSession *ProfileSessions::open(const QString &name)
{
    ProfileSession *s = m_sessions.value(name);
    if (!s) {
        const Profile *profile = m_store->find(name);
        if (!profile)
            return nullptr;
        s = new ProfileSession(*profile);
        m_sessions.insert(name, s);
        // The session is the callback's context: a session closed meanwhile is never called back.
        m_credentials->readSecrets(*profile, s,
            [this, s](const CredentialStore::Secrets &secrets, const ProviderError &error) {
                if (error.isError())
                    s->setCredentialError(error);
                else
                    s->setProvider(ProviderFactory::createShared(
                        s->profile(), secrets.token, m_nam, secrets.proxy));
                emit credentialRead(s);
            });
    }
    s->m_lastUsed = ++m_clock;
    evict(name);
    return s;
}

void ProfileSessions::close(const QString &name)
{
    ProfileSession *s = m_sessions.value(name);
    if (!s)
        return;
    emit aboutToClose(s);
    m_sessions.remove(name);
    delete s; // aborts its page in flight; its provider lives on while a borrower holds it
}

QStringList ProfileSessions::closeChanged(
    const std::function<bool(const QString &name)> &secretChanged)
{
    QStringList changed;
    for (auto it = m_sessions.cbegin(); it != m_sessions.cend(); ++it) {
        const Profile *p = m_store->find(it.key());
        const Profile &had = (*it)->profile();
        const bool same = p && ProfileStore::toJson(*p) == ProfileStore::toJson(had)
            && p->credential.value == had.credential.value
            && !(secretChanged && secretChanged(it.key()));
        if (!same)
            changed << it.key();
    }
    for (const QString &name : std::as_const(changed))
        close(name);
    return changed;
}

void ProfileSessions::evict(const QString &keep)
{
    while (m_sessions.size() > m_limit) {
        ProfileSession *oldest = nullptr;
        for (ProfileSession *s : std::as_const(m_sessions)) {
            if (s->profile().name != keep && (!oldest || s->m_lastUsed < oldest->m_lastUsed))
                oldest = s;
        }
        if (!oldest)
            return;
        close(oldest->profile().name);
    }
}
