#include "profilesessions.h"

#include "credentialstore.h"
#include "profilestore.h"
#include "provider.h"
#include "providerfactory.h"
#include "usertablemodel.h"

ProfileSessions::ProfileSessions(
    ProfileStore *store, CredentialStore *credentials, QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_credentials(credentials)
    , m_nam(nam)
{ }

ProfileSessions::~ProfileSessions()
{
    for (ProfileSession *s : std::as_const(m_sessions)) {
        delete s->model;
        delete s;
    }
}

ProfileSession *ProfileSessions::open(const QString &name)
{
    ProfileSession *s = m_sessions.value(name);
    if (!s) {
        const Profile *profile = m_store->find(name);
        if (!profile)
            return nullptr;
        s = new ProfileSession;
        s->profile = *profile;
        s->model = new UserTableModel;
        s->readingCredential = true;
        m_sessions.insert(name, s);
        // The model is the callback's context: a session closed meanwhile is never called back.
        m_credentials->read(
            *profile, s->model, [this, s](const QString &secret, const ProviderError &error) {
                s->readingCredential = false;
                if (error.isError()) {
                    s->credentialError = error;
                } else {
                    s->provider = ProviderFactory::create(s->profile, secret, m_nam, s->model);
                    s->model->setProvider(s->provider);
                }
                emit credentialRead(s);
            });
    }
    s->lastUsed = ++m_clock;
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
    delete s->model; // aborts its page in flight and deletes its provider
    delete s;
}

QStringList ProfileSessions::closeChanged(
    const std::function<bool(const QString &name)> &secretChanged)
{
    QStringList changed;
    for (auto it = m_sessions.cbegin(); it != m_sessions.cend(); ++it) {
        const Profile *p = m_store->find(it.key());
        const Profile &had = (*it)->profile;
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
            if (s->profile.name != keep && (!oldest || s->lastUsed < oldest->lastUsed))
                oldest = s;
        }
        if (!oldest)
            return;
        close(oldest->profile.name);
    }
}
