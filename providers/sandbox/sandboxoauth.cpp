#include "sandboxoauth.h"

#include "sandboxserver.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace {

QByteArray b64(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString randomPart()
{
    QByteArray raw(12, Qt::Uninitialized);
    QRandomGenerator::global()->generate(raw.begin(), raw.end());
    return QString::fromLatin1(b64(raw));
}

SandboxResponse jsonObject(int status, const QJsonObject &o)
{
    SandboxResponse r
        = SandboxResponse::json(status, QJsonDocument(o).toJson(QJsonDocument::Compact));
    r.addHeader("Cache-Control", "no-store");
    return r;
}

// RFC 6749 5.2.
SandboxResponse oauthError(int status, const QString &error, const QString &description)
{
    return jsonObject(status,
        {{QStringLiteral("error"), error}, {QStringLiteral("error_description"), description}});
}

SandboxResponse page(int status, const QString &title, const QString &text)
{
    SandboxResponse r;
    r.status = status;
    r.contentType = "text/html; charset=utf-8";
    r.body = QStringLiteral("<!DOCTYPE html><html><head><title>%1</title></head><body><h1>%1</h1>"
                            "<p>%2</p></body></html>")
                 .arg(title.toHtmlEscaped(), text.toHtmlEscaped())
                 .toUtf8();
    return r;
}

// A form body (application/x-www-form-urlencoded), '+' read as a space.
QUrlQuery formOf(const QByteArray &body)
{
    QByteArray text = body;
    text.replace('+', "%20");
    return QUrlQuery(QString::fromLatin1(text));
}

QString field(const QUrlQuery &q, const char *name)
{
    return q.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
}

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

bool SandboxOAuth::handle(const QUrl &base, const SandboxRequest &r, SandboxResponse *out)
{
    const QString &path = r.path;
    if (path == QLatin1String("/oauth/.well-known/openid-configuration"))
        *out = discovery(base, QStringLiteral("/oauth"));
    else if (path == QLatin1String("/.well-known/oauth-authorization-server/oauth-plain"))
        *out = discovery(base, QStringLiteral("/oauth-plain"));
    else if (path == QLatin1String("/oauth-mixup/.well-known/openid-configuration"))
        *out = discovery(base, QStringLiteral("/oauth")); // names another issuer than asked
    else if (path == QLatin1String("/oauth/authorize"))
        *out = authorize(r);
    else if (path == QLatin1String("/oauth/token") && r.method == "POST")
        *out = token(r);
    else if (path == QLatin1String("/oauth/device_authorization") && r.method == "POST")
        *out = deviceAuthorization(base, r);
    else if (path == QLatin1String("/oauth/device"))
        *out = devicePage(r);
    else
        return false;
    return true;
}

SandboxResponse SandboxOAuth::discovery(const QUrl &base, const QString &issuerPath) const
{
    auto at = [&](const QString &p) { return base.resolved(QUrl(p)).toString(); };
    return jsonObject(200,
        {{QStringLiteral("issuer"), at(issuerPath)},
            {QStringLiteral("authorization_endpoint"), at(QStringLiteral("/oauth/authorize"))},
            {QStringLiteral("token_endpoint"), at(QStringLiteral("/oauth/token"))},
            {QStringLiteral("device_authorization_endpoint"),
                at(QStringLiteral("/oauth/device_authorization"))},
            {QStringLiteral("code_challenge_methods_supported"), QStringLiteral("S256")},
            {QStringLiteral("grant_types_supported"),
                QStringLiteral("authorization_code refresh_token "
                               "urn:ietf:params:oauth:grant-type:device_code")}});
}

SandboxResponse SandboxOAuth::authorize(const SandboxRequest &r)
{
    const QUrlQuery &q = r.query;
    const QUrl redirect(field(q, "redirect_uri"));
    // Only a loopback redirect: anything else gets an error page, never a redirect (RFC
    // 6749 4.1.2.1).
    if (!redirect.isValid() || redirect.scheme() != QLatin1String("http")
        || (redirect.host() != QLatin1String("127.0.0.1")
            && redirect.host() != QLatin1String("[::1]")))
        return page(400, QStringLiteral("Sign-in refused"),
            QStringLiteral("redirect_uri must be http://127.0.0.1:PORT/..."));
    QUrlQuery back;
    back.addQueryItem(QStringLiteral("state"), field(q, "state"));
    const QString client = field(q, "client_id");
    if (field(q, "response_type") != QLatin1String("code"))
        back.addQueryItem(QStringLiteral("error"), QStringLiteral("unsupported_response_type"));
    else if (field(q, "code_challenge_method") != QLatin1String("S256")
        || field(q, "code_challenge").size() < 43)
        back.addQueryItem(QStringLiteral("error"), QStringLiteral("invalid_request")),
            back.addQueryItem(
                QStringLiteral("error_description"), QStringLiteral("PKCE with S256 is required"));
    else if (client == QLatin1String("roster-deny"))
        back.addQueryItem(QStringLiteral("error"), QStringLiteral("access_denied")),
            back.addQueryItem(QStringLiteral("error_description"),
                QStringLiteral("The user declined the sign-in"));
    else {
        QMutexLocker lock(&m_mutex);
        const QString code = QStringLiteral("sbx-code-%1").arg(randomPart());
        m_codes.insert(code, {field(q, "code_challenge"), redirect.toString(), client});
        back.addQueryItem(QStringLiteral("code"), code);
    }
    QUrl target = redirect;
    target.setQuery(back);
    SandboxResponse response = page(302, QStringLiteral("Signed in"),
        QStringLiteral("Consent given automatically by the sandbox; returning to Roster."));
    response.addHeader("Location", target.toEncoded());
    return response;
}

SandboxResponse SandboxOAuth::token(const SandboxRequest &r)
{
    const QUrlQuery form = formOf(r.body);
    const QString grant = field(form, "grant_type");
    const QString client = field(form, "client_id");
    if (grant == QLatin1String("refresh_token"))
        return refreshGrant(field(form, "refresh_token"), client);
    if (grant == QLatin1String("urn:ietf:params:oauth:grant-type:device_code"))
        return deviceGrant(field(form, "device_code"));
    if (grant != QLatin1String("authorization_code"))
        return oauthError(400, QStringLiteral("unsupported_grant_type"), grant);
    QMutexLocker lock(&m_mutex);
    auto it = m_codes.find(field(form, "code"));
    if (it == m_codes.end() || it->used)
        return oauthError(400, QStringLiteral("invalid_grant"),
            QStringLiteral("The authorization code is unknown or was used"));
    it->used = true;
    if (it->redirectUri != field(form, "redirect_uri") || it->clientId != client)
        return oauthError(400, QStringLiteral("invalid_grant"),
            QStringLiteral("redirect_uri or client_id differ from the authorization request"));
    const QByteArray verifier = field(form, "code_verifier").toLatin1();
    if (QString::fromLatin1(b64(QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)))
        != it->challenge)
        return oauthError(400, QStringLiteral("invalid_grant"),
            QStringLiteral("The code_verifier does not match the code_challenge"));
    lock.unlock();
    return issue(client, {});
}

SandboxResponse SandboxOAuth::refreshGrant(const QString &refreshToken, const QString &clientId)
{
    ++m_refreshes;
    QMutexLocker lock(&m_mutex);
    const auto it = m_refresh.constFind(refreshToken);
    if (it == m_refresh.cend() || *it)
        return oauthError(400, QStringLiteral("invalid_grant"),
            QStringLiteral("The refresh token is invalid or was revoked"));
    QString keep = refreshToken;
    if (clientId == QLatin1String("roster-rotate")) {
        m_refresh[refreshToken] = true; // spent
        keep.clear();
    }
    lock.unlock();
    return issue(clientId, keep);
}

SandboxResponse SandboxOAuth::issue(const QString &clientId, const QString &refresh)
{
    QMutexLocker lock(&m_mutex);
    const QString access = QStringLiteral("sbx-at-%1-%2").arg(++m_serial).arg(randomPart());
    m_access.insert(access, now() + m_lifetimeMs);
    QString refreshToken = refresh;
    if (refreshToken.isEmpty()) {
        refreshToken = QStringLiteral("sbx-rt-%1-%2").arg(m_serial).arg(randomPart());
        m_refresh.insert(refreshToken, false);
    }
    const QJsonObject claims {{QStringLiteral("iss"), QStringLiteral("sandbox")},
        {QStringLiteral("sub"), QStringLiteral("ana")}, {QStringLiteral("aud"), clientId},
        {QStringLiteral("email"), QStringLiteral("ana.admin@example.com")},
        {QStringLiteral("name"), QStringLiteral("Ana Admin")},
        {QStringLiteral("exp"), (now() + m_lifetimeMs) / 1000}};
    const QByteArray idToken = b64(R"({"alg":"none","typ":"JWT"})") + '.'
        + b64(QJsonDocument(claims).toJson(QJsonDocument::Compact)) + '.';
    return jsonObject(200,
        {{QStringLiteral("access_token"), access},
            {QStringLiteral("token_type"), QStringLiteral("Bearer")},
            {QStringLiteral("expires_in"), double(m_lifetimeMs) / 1000.0},
            {QStringLiteral("refresh_token"), refreshToken},
            {QStringLiteral("id_token"), QString::fromLatin1(idToken)}});
}

SandboxResponse SandboxOAuth::deviceAuthorization(const QUrl &base, const SandboxRequest &r)
{
    const QString client = field(formOf(r.body), "client_id");
    if (client.isEmpty())
        return oauthError(
            400, QStringLiteral("invalid_client"), QStringLiteral("client_id is missing"));
    QMutexLocker lock(&m_mutex);
    const QString deviceCode = QStringLiteral("sbx-dc-%1").arg(randomPart());
    const QString userCode = QStringLiteral("%1-%2")
                                 .arg(++m_serial % 9000 + 1000)
                                 .arg(QRandomGenerator::global()->bounded(1000, 9999));
    m_devices.insert(deviceCode, {userCode, client});
    const QString verification = base.resolved(QUrl(QStringLiteral("/oauth/device"))).toString();
    const QString complete = verification + QStringLiteral("?user_code=") + userCode;
    return jsonObject(200,
        {{QStringLiteral("device_code"), deviceCode}, {QStringLiteral("user_code"), userCode},
            {QStringLiteral("verification_uri"), verification},
            {QStringLiteral("verification_uri_complete"), complete},
            {QStringLiteral("expires_in"), 600}, {QStringLiteral("interval"), 1}});
}

SandboxResponse SandboxOAuth::devicePage(const SandboxRequest &r)
{
    const QString userCode = field(r.query, "user_code").trimmed();
    if (userCode.isEmpty())
        return page(200, QStringLiteral("Sign in on this device"),
            QStringLiteral("Open this page with ?user_code=CODE to approve a sign-in."));
    QMutexLocker lock(&m_mutex);
    for (Device &d : m_devices) {
        if (d.userCode == userCode) {
            d.state = Device::Approved;
            return page(200, QStringLiteral("Approved"),
                QStringLiteral("The sign-in is approved; return to Roster."));
        }
    }
    return page(
        404, QStringLiteral("Unknown code"), QStringLiteral("No sign-in waits for this code."));
}

SandboxResponse SandboxOAuth::deviceGrant(const QString &deviceCode)
{
    ++m_devicePolls;
    QMutexLocker lock(&m_mutex);
    auto it = m_devices.find(deviceCode);
    if (it == m_devices.end())
        return oauthError(
            400, QStringLiteral("invalid_grant"), QStringLiteral("Unknown device_code"));
    const int poll = ++it->polls;
    const QString client = it->clientId;
    if (client == QLatin1String("roster-slow") && poll == 1)
        return oauthError(400, QStringLiteral("slow_down"), QStringLiteral("Polling too fast"));
    if (client == QLatin1String("roster-expire"))
        return oauthError(
            400, QStringLiteral("expired_token"), QStringLiteral("The device code expired"));
    if (client == QLatin1String("roster-deny") && poll >= 2)
        return oauthError(
            400, QStringLiteral("access_denied"), QStringLiteral("The user declined"));
    if (it->state != Device::Approved)
        return oauthError(
            400, QStringLiteral("authorization_pending"), QStringLiteral("Not approved yet"));
    m_devices.erase(it);
    lock.unlock();
    return issue(client, {});
}

SandboxOAuth::TokenState SandboxOAuth::accessTokenState(const QString &token) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_access.constFind(token);
    if (it == m_access.cend())
        return TokenState::NotOurs;
    return now() < *it ? TokenState::Valid : TokenState::Expired;
}

void SandboxOAuth::revokeRefreshTokens()
{
    QMutexLocker lock(&m_mutex);
    for (bool &revoked : m_refresh)
        revoked = true;
}

void SandboxOAuth::expireAccessTokens()
{
    QMutexLocker lock(&m_mutex);
    for (qint64 &expiry : m_access)
        expiry = 0;
}

QStringList SandboxOAuth::issuedTokens() const
{
    QMutexLocker lock(&m_mutex);
    return m_access.keys() + m_refresh.keys();
}
