#include "oauthsession.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QTimer>

namespace {

QString sessionKey(const Profile &p)
{
    const OAuthSettings &o = p.credential.oauth;
    return QStringList {p.name, o.issuer.toString(), o.clientId, o.scopes.join(QLatin1Char(' ')),
        o.audience, p.caFile, p.proxy}
        .join(QLatin1Char('\n'));
}

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// The keychain entry: the refresh token and, for display, whom the sign-in named.
QString entryText(const QString &refreshToken, const QString &account)
{
    return QString::fromUtf8(QJsonDocument(
        QJsonObject {{QStringLiteral("refreshToken"), refreshToken},
            {QStringLiteral("account"),
                account}}).toJson(QJsonDocument::Compact));
}

QJsonObject entryObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}
} // namespace

std::shared_ptr<OAuthSession> OAuthSession::forProfile(const Profile &profile)
{
    static QHash<QString, std::weak_ptr<OAuthSession>> sessions;
    const QString key = sessionKey(profile);
    if (std::shared_ptr<OAuthSession> alive = sessions.value(key).lock())
        return alive;
    std::shared_ptr<OAuthSession> session(
        new OAuthSession(profile), [](OAuthSession *s) { s->deleteLater(); });
    sessions.insert(key, session);
    return session;
}

QString OAuthSession::keychainKey(const QString &profileName)
{
    return QStringLiteral("%1 (oauth)").arg(profileName);
}

ProviderError OAuthSession::notSignedIn(const QString &profileName)
{
    ProviderError error = ProviderError::make(ProviderError::Kind::Authentication,
        tr("not signed in: run roster login --profile \"%1\"").arg(profileName));
    error.signInNeeded = true;
    return error;
}

OAuthSession::OAuthSession(const Profile &profile)
    : m_profile(profile)
    , m_client(profile, &m_nam)
{ }

bool OAuthSession::needsRefresh() const
{
    return m_access.isEmpty() || now() >= m_refreshAtMs;
}

void OAuthSession::accessToken(QObject *context, TokenDone done)
{
    if (!needsRefresh()) {
        QTimer::singleShot(0, context, [this, done] { done(QString::fromUtf8(m_access), {}); });
        return;
    }
    refresh(context, {}, [this, done](const ProviderError &error) {
        done(error.isError() ? QString() : QString::fromUtf8(m_access), error);
    });
}

void OAuthSession::refresh(QObject *context, const QByteArray &rejected, Done done)
{
    // Someone refreshed since the rejected token was sent: the current one is the fresh one.
    if (!rejected.isEmpty() && rejected != m_access && !needsRefresh()) {
        QTimer::singleShot(0, context, [done] { done({}); });
        return;
    }
    m_waiters.append({context, std::move(done)});
    if (!std::exchange(m_refreshing, true))
        startRefresh();
}

void OAuthSession::startRefresh()
{
    m_access.clear();
    m_keychain.readKeychain(keychainKey(m_profile.name), this,
        [this](const QString &text, bool found, const ProviderError &error) {
            if (error.isError()) {
                settle(ProviderError::make(ProviderError::Kind::Authentication,
                    tr("Profile \"%1\": %2").arg(m_profile.name, error.message)));
                return;
            }
            const QJsonObject entry = entryObject(text);
            const QString refreshToken = entry.value(QStringLiteral("refreshToken")).toString();
            if (!found || refreshToken.isEmpty()) {
                settle(notSignedIn(m_profile.name));
                return;
            }
            refreshWith(refreshToken, entry.value(QStringLiteral("account")).toString());
        });
}

void OAuthSession::refreshWith(const QString &refreshToken, const QString &account)
{
    m_client.discover(this, [=, this](const OAuthEndpoints &endpoints, const ProviderError &error) {
        if (error.isError()) {
            settle(error);
            return;
        }
        OAuthClient::Form form {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
            {QStringLiteral("refresh_token"), refreshToken},
            {QStringLiteral("client_id"), m_profile.credential.oauth.clientId}};
        m_client.post(endpoints.token, form, this, [=, this](const OAuthAnswer &answer) {
            if (!answer.ok() || answer.text(QStringLiteral("access_token")).isEmpty()) {
                settle(refused(answer));
                return;
            }
            keep(answer);
            const QString rotated = answer.text(QStringLiteral("refresh_token"));
            if (rotated.isEmpty() || rotated == refreshToken) {
                settle({});
                return;
            }
            // A server that rotates refresh tokens: the old one is spent, the new one kept.
            m_keychain.writeKeychain(keychainKey(m_profile.name), entryText(rotated, account), this,
                [this](const ProviderError &e) { settle(e); });
        });
    });
}

ProviderError OAuthSession::refused(const OAuthAnswer &answer) const
{
    if (answer.error == QLatin1String("invalid_grant")) {
        ProviderError error = ProviderError::make(ProviderError::Kind::Authentication,
            tr("the sign-in of profile \"%1\" has expired or was revoked (%2); sign in again: run "
               "roster login --profile \"%1\", or \"Sign In Again…\" in the window")
                .arg(m_profile.name, answer.refusal()));
        error.signInNeeded = true;
        error.httpStatus = answer.status;
        return error;
    }
    ProviderError error = answer.failure.isError()
        ? answer.failure
        : ProviderError::make(ProviderError::Kind::Authentication,
            tr("Profile \"%1\": the token could not be refreshed: %2")
                .arg(m_profile.name, answer.refusal()));
    error.httpStatus = answer.status;
    return error;
}

void OAuthSession::keep(const OAuthAnswer &answer)
{
    m_access = answer.text(QStringLiteral("access_token")).toUtf8();
    const double seconds = answer.body.value(QStringLiteral("expires_in")).toDouble(3600);
    const qint64 lifetimeMs = qint64(std::max(0.0, seconds) * 1000);
    // Shortly before it expires: a minute, or a quarter of a short-lived token's life.
    m_refreshAtMs = now() + lifetimeMs - std::min<qint64>(60000, lifetimeMs / 4);
}

void OAuthSession::settle(const ProviderError &error)
{
    m_refreshing = false;
    if (error.isError())
        m_access.clear();
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &w : waiters) {
        if (w.context)
            QTimer::singleShot(0, w.context, [done = w.done, error] { done(error); });
    }
}

void OAuthSession::signedIn(const OAuthAnswer &answer, QObject *context, Done done)
{
    QPointer<QObject> guard(context);
    if (answer.text(QStringLiteral("access_token")).isEmpty()) {
        ProviderError error = ProviderError::make(ProviderError::Kind::Authentication,
            tr("Profile \"%1\": the token endpoint's answer holds no access_token")
                .arg(m_profile.name));
        QTimer::singleShot(0, context, [done, error] { done(error); });
        return;
    }
    keep(answer);
    const QString refreshToken = answer.text(QStringLiteral("refresh_token"));
    const QString account = OAuthClient::accountOf(answer.text(QStringLiteral("id_token")));
    if (refreshToken.isEmpty()) {
        // Nothing to keep: the access token lasts while this process does.
        QTimer::singleShot(0, context, [done] { done({}); });
        return;
    }
    m_keychain.writeKeychain(keychainKey(m_profile.name), entryText(refreshToken, account), this,
        [guard, done](const ProviderError &error) {
            if (guard)
                done(error);
        });
}

void OAuthSession::signOut(QObject *context, Done done)
{
    m_access.clear();
    m_refreshAtMs = 0;
    QPointer<QObject> guard(context);
    m_keychain.removeKeychain(
        keychainKey(m_profile.name), this, [guard, done](const ProviderError &e) {
            if (guard)
                done(e);
        });
}

void OAuthSession::account(QObject *context, AccountDone done)
{
    QPointer<QObject> guard(context);
    m_keychain.readKeychain(keychainKey(m_profile.name), this,
        [guard, done](const QString &text, bool found, const ProviderError &error) {
            if (!guard)
                return;
            const QJsonObject entry = entryObject(text);
            const bool signedIn
                = found && !entry.value(QStringLiteral("refreshToken")).toString().isEmpty();
            done(signedIn, entry.value(QStringLiteral("account")).toString(), error);
        });
}
