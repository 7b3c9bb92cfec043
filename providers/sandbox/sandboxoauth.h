#pragma once

#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <atomic>

struct SandboxRequest;
struct SandboxResponse;

// The sandbox's authorization server (OAuth 2.0 with PKCE, RFC 8628 device authorization), whose
// short-lived access tokens the provider routes accept until they expire. The issuer is
// BASE/oauth; BASE/oauth-plain has only RFC 8414's document, BASE/oauth-mixup a document that
// names another issuer. Client ids choose how it behaves (as organization words do for the
// routes): "roster-deny" is refused, "roster-expire" lets device codes expire, "roster-slow" asks
// the first device poll to slow down, "roster-rotate" rotates refresh tokens. Consent is
// automatic: authorize redirects at once, and opening a device code's page approves it.
class SandboxOAuth
{
public:
    enum class TokenState { NotOurs, Valid, Expired };

    // Answers the authorization server's paths; false for any other.
    bool handle(const QUrl &base, const SandboxRequest &request, SandboxResponse *response);
    TokenState accessTokenState(const QString &token) const;
    static bool isOurs(const QString &token) { return token.startsWith(QLatin1String("sbx-at-")); }

    void setAccessLifetimeMs(qint64 ms) { m_lifetimeMs = ms; }
    qint64 accessLifetimeMs() const { return m_lifetimeMs; }
    // Every refresh token issued so far is refused from now on (invalid_grant), as after a
    // password change.
    void revokeRefreshTokens();
    // Every access token issued so far expires now (the provider routes answer 401).
    void expireAccessTokens();
    int refreshes() const { return m_refreshes; }
    int devicePolls() const { return m_devicePolls; }
    // Every access and refresh token issued, so tests can check none was written anywhere.
    QStringList issuedTokens() const;

private:
    struct Code
    {
        QString challenge, redirectUri, clientId;
        bool used = false;
    };
    struct Device
    {
        QString userCode, clientId;
        enum { Pending, Approved } state = Pending;
        int polls = 0;
    };

    SandboxResponse discovery(const QUrl &base, const QString &issuerPath) const;
    SandboxResponse authorize(const SandboxRequest &request);
    SandboxResponse token(const SandboxRequest &request);
    SandboxResponse deviceAuthorization(const QUrl &base, const SandboxRequest &request);
    SandboxResponse devicePage(const SandboxRequest &request);
    SandboxResponse deviceGrant(const QString &deviceCode);
    SandboxResponse refreshGrant(const QString &refreshToken, const QString &clientId);
    // The token answer, with a refresh token (`refresh`: the one to keep giving) and an ID token.
    SandboxResponse issue(const QString &clientId, const QString &refresh);

    mutable QMutex m_mutex;
    std::atomic<qint64> m_lifetimeMs {3600 * 1000};
    std::atomic<int> m_refreshes {0};
    std::atomic<int> m_devicePolls {0};
    QHash<QString, Code> m_codes;
    QHash<QString, qint64> m_access; // token -> expiry (ms since the epoch)
    QHash<QString, bool> m_refresh; // token -> revoked
    QHash<QString, Device> m_devices; // device_code -> its state
    quint64 m_serial = 0;
};
