#include "oauthclient.h"

#include "httpclient.h"
#include "transport.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QPointer>
#include <QRandomGenerator>

namespace {

ProviderError signInError(const Profile &profile, const QString &message)
{
    return ProviderError::make(ProviderError::Kind::Authentication,
        OAuthClient::tr("Profile \"%1\": %2").arg(profile.name, message));
}

QUrl originOf(const QUrl &url)
{
    QUrl origin;
    origin.setScheme(url.scheme());
    origin.setHost(url.host());
    origin.setPort(url.port());
    return origin;
}

QString trimmedPath(const QUrl &url)
{
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path;
}
} // namespace

QString OAuthAnswer::refusal() const
{
    if (failure.isError())
        return failure.message;
    if (error.isEmpty())
        return OAuthClient::tr("the server answered HTTP %1 without an OAuth error").arg(status);
    if (errorDescription.isEmpty())
        return OAuthClient::tr("the server refused: %1").arg(error);
    return OAuthClient::tr("the server refused: %1 (%2)").arg(error, errorDescription);
}

OAuthClient::OAuthClient(const Profile &profile, QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_nam(nam)
{ }

OAuthClient::Form OAuthClient::clientFields() const
{
    Form form {{QStringLiteral("client_id"), settings().clientId}};
    if (!settings().scopes.isEmpty())
        form.append({QStringLiteral("scope"), settings().scopes.join(QLatin1Char(' '))});
    if (!settings().audience.isEmpty())
        form.append({QStringLiteral("audience"), settings().audience});
    return form;
}

QByteArray OAuthClient::base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray OAuthClient::randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(raw.begin(), raw.end());
    return base64Url(raw);
}

QByteArray OAuthClient::challengeOf(const QByteArray &verifier)
{
    return base64Url(QCryptographicHash::hash(verifier, QCryptographicHash::Sha256));
}

QString OAuthClient::accountOf(const QString &idToken)
{
    const QList<QStringView> parts = QStringView(idToken).split(QLatin1Char('.'));
    if (parts.size() < 2)
        return {};
    const QByteArray payload = QByteArray::fromBase64(
        parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QJsonObject claims = QJsonDocument::fromJson(payload).object();
    for (const char *claim : {"email", "name", "preferred_username"}) {
        const QString value = claims.value(QLatin1String(claim)).toString().trimmed();
        if (!value.isEmpty())
            return value.left(200);
    }
    return {};
}

bool OAuthClient::acceptableEndpoint(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty())
        return false;
    return url.scheme() == QLatin1String("https")
        || (url.scheme() == QLatin1String("http") && HttpClient::isLoopbackHost(url.host()));
}

HttpCall *OAuthClient::send(
    const QUrl &url, const QByteArray &method, const QByteArray &body, QObject *parent)
{
    auto *client = new HttpClient(m_nam, originOf(url));
    client->setTransport(Transport::forProfile(m_profile));
    HttpOptions options = client->options();
    options.maxAttempts = 2;
    options.timeoutMs = 20000;
    options.maxBodyBytes = 1 << 20;
    client->setOptions(options);
    HttpRequest request;
    request.method = method;
    request.url = url;
    request.body = body;
    if (method == "POST")
        request.headers.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
    HttpCall *call = client->send(request, parent);
    client->setParent(call); // its network manager, when the proxy is its own, lives as long
    return call;
}

void OAuthClient::discover(QObject *context, Discovered done)
{
    if (m_endpoints) {
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(
            this,
            [=, endpoints = *m_endpoints] {
                if (guard)
                    done(endpoints, {});
            },
            Qt::QueuedConnection);
        return;
    }
    const QUrl issuer = settings().issuer;
    QUrl oidc = issuer;
    oidc.setPath(trimmedPath(issuer) + QStringLiteral("/.well-known/openid-configuration"));
    QUrl rfc8414 = originOf(issuer);
    rfc8414.setPath(
        QStringLiteral("/.well-known/oauth-authorization-server") + trimmedPath(issuer));
    fetchDocument({oidc, rfc8414}, 0, context, std::move(done));
}

void OAuthClient::fetchDocument(
    const QList<QUrl> &candidates, int index, QObject *context, Discovered done)
{
    HttpCall *call = send(candidates.at(index), "GET", {}, context);
    connect(call, &HttpCall::finished, context, [=, this] {
        call->deleteLater();
        const int status = call->hasResponse() ? call->response().status : 0;
        if (call->hasResponse() && status != 200 && index + 1 < candidates.size()) {
            fetchDocument(candidates, index + 1, context, done);
            return;
        }
        if (!call->hasResponse() || status != 200) {
            const QString why = call->hasResponse()
                ? tr("HTTP %1 from %2").arg(status).arg(candidates.at(index).toString())
                : call->error().message;
            done({},
                signInError(
                    m_profile, tr("cannot read the issuer's discovery document: %1").arg(why)));
            return;
        }
        const QJsonObject doc = QJsonDocument::fromJson(call->response().body).object();
        // RFC 8414 3.3: the document must be the issuer's own, or tokens could go to another.
        const QUrl named(doc.value(QStringLiteral("issuer")).toString());
        if (trimmedPath(named) != trimmedPath(settings().issuer)
            || originOf(named) != originOf(settings().issuer)) {
            done({},
                signInError(m_profile,
                    tr("the discovery document names the issuer \"%1\", not \"%2\"")
                        .arg(named.toString(), settings().issuer.toString())));
            return;
        }
        OAuthEndpoints endpoints;
        endpoints.authorization
            = QUrl(doc.value(QStringLiteral("authorization_endpoint")).toString());
        endpoints.token = QUrl(doc.value(QStringLiteral("token_endpoint")).toString());
        endpoints.deviceAuthorization
            = QUrl(doc.value(QStringLiteral("device_authorization_endpoint")).toString());
        if (!acceptableEndpoint(endpoints.token)) {
            done({},
                signInError(m_profile,
                    tr("the discovery document names no usable token_endpoint (https, or http on a "
                       "loopback host)")));
            return;
        }
        if (!acceptableEndpoint(endpoints.authorization))
            endpoints.authorization.clear();
        if (!acceptableEndpoint(endpoints.deviceAuthorization))
            endpoints.deviceAuthorization.clear();
        m_endpoints = endpoints;
        done(endpoints, {});
    });
}

void OAuthClient::post(const QUrl &endpoint, const Form &form, QObject *context, Answered done)
{
    QByteArray body; // application/x-www-form-urlencoded, every reserved byte escaped
    for (const auto &field : form) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(field.first) + '=' + QUrl::toPercentEncoding(field.second);
    }
    HttpCall *call = send(endpoint, "POST", body, context);
    connect(call, &HttpCall::finished, context, [=, this] {
        call->deleteLater();
        OAuthAnswer answer;
        if (!call->hasResponse()) {
            answer.failure = call->error();
            answer.failure.message
                = tr("Profile \"%1\": %2").arg(m_profile.name, call->error().message);
            done(answer);
            return;
        }
        answer.status = call->response().status;
        QJsonParseError parse;
        const QJsonDocument doc = QJsonDocument::fromJson(call->response().body, &parse);
        answer.body = doc.object();
        answer.error = answer.text(QStringLiteral("error"));
        answer.errorDescription = answer.text(QStringLiteral("error_description")).left(500);
        if (!doc.isObject() && answer.status / 100 == 2)
            answer.failure = signInError(m_profile,
                tr("the authorization server's answer is not a JSON object (HTTP %1)")
                    .arg(answer.status));
        done(answer);
    });
}
