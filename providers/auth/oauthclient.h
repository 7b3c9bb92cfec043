#pragma once

#include "profile.h"
#include "providererror.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <functional>

class HttpCall;
class QNetworkAccessManager;

// Where an authorization server takes each step, from its discovery document.
struct OAuthEndpoints
{
    QUrl authorization;
    QUrl token;
    QUrl deviceAuthorization; // empty when the server has no device flow
};

// What a token endpoint (or a device authorization endpoint) answered.
struct OAuthAnswer
{
    ProviderError failure; // the request did not get an answer that could be read
    int status = 0;
    QJsonObject body;
    // RFC 6749 5.2: "invalid_grant", "authorization_pending", ... with its description.
    QString error;
    QString errorDescription;

    bool ok() const { return !failure.isError() && error.isEmpty() && status / 100 == 2; }
    QString text(const QString &field) const { return body.value(field).toString(); }
    // "the server refused: invalid_grant (Refresh token revoked)", or the failure's message.
    QString refusal() const;
};

// Talks to a profile's authorization server: its discovery document, then form posts to its
// endpoints. Credentials never go elsewhere: each request goes to exactly the URL named.
class OAuthClient : public QObject
{
    Q_OBJECT
public:
    using Discovered = std::function<void(const OAuthEndpoints &, const ProviderError &)>;
    using Answered = std::function<void(const OAuthAnswer &)>;
    using Form = QList<QPair<QString, QString>>;

    OAuthClient(const Profile &profile, QNetworkAccessManager *nam, QObject *parent = nullptr);

    const OAuthSettings &settings() const { return m_profile.credential.oauth; }
    const Profile &profile() const { return m_profile; }
    // The endpoints, once (later calls answer from memory); OpenID Connect's document first,
    // then RFC 8414's.
    void discover(QObject *context, Discovered done);
    void post(const QUrl &endpoint, const Form &form, QObject *context, Answered done);
    // The scopes as the requests send them; the client id, audience and scope fields.
    Form clientFields() const;

    // URL-safe base64 without padding (RFC 7636 appendix A).
    static QByteArray base64Url(const QByteArray &bytes);
    static QByteArray randomToken(int bytes);
    // The PKCE S256 challenge of a verifier.
    static QByteArray challengeOf(const QByteArray &verifier);
    // Who an ID token names (email, else name, else preferred_username), for display only; the
    // token is not verified, and nothing else is read from it.
    static QString accountOf(const QString &idToken);
    // An endpoint a discovery document may name: https, or http on a loopback host.
    static bool acceptableEndpoint(const QUrl &url);

private:
    void fetchDocument(const QList<QUrl> &candidates, int index, QObject *context, Discovered done);
    HttpCall *send(
        const QUrl &url, const QByteArray &method, const QByteArray &body, QObject *parent);

    Profile m_profile;
    QNetworkAccessManager *m_nam;
    std::optional<OAuthEndpoints> m_endpoints;
};
