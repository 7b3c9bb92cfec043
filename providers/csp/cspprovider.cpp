#include "cspprovider.h"

#include "../providerkind.h"
#include "cspparser.h"
#include "httppagereply.h"
#include "responseparsing.h"

#include <QCoreApplication>
#include <QTimer>

namespace {

// A page request that first obtains an access token and, after one 401, refreshes it once.
class CspPageReply : public HttpPageReply
{
public:
    CspPageReply(const QString &token, const QUrl &url, CspProvider *provider)
        : HttpPageReply(
            token,
            [](const HttpResponse &response) {
                return ResponseParsing::parse(
                    response, CspParser::parsePage, CspParser::parseError);
            },
            provider)
        , m_url(url)
        , m_provider(provider)
    { }

    void begin()
    {
        m_provider->withAccessToken(this, [this](const QString &token, const ProviderError &error) {
            if (error.isError())
                finishWithError(error);
            else
                send(token);
        });
    }

protected:
    bool intercept(const HttpResponse &response) override
    {
        if (response.status != 401 || m_refreshed || !m_provider->exchangesTokens())
            return false;
        m_refreshed = true;
        m_provider->withAccessToken(
            this,
            [this](const QString &token, const ProviderError &error) {
                if (error.isError())
                    finishWithError(error);
                else
                    send(token);
            },
            m_usedToken);
        return true;
    }

private:
    void send(const QString &accessToken)
    {
        m_usedToken = accessToken;
        HttpRequest request;
        request.url = m_url;
        m_provider->applyAuth(&request, accessToken);
        start(m_provider->http(), request);
    }

    QUrl m_url;
    CspProvider *m_provider;
    QString m_usedToken;
    bool m_refreshed = false;
};

class FailedReply : public PageReply
{
public:
    FailedReply(const QString &token, ProviderError error, QObject *parent)
        : PageReply(token, parent)
    {
        QTimer::singleShot(0, this, [this, error] { finishWithError(error); });
    }
};
} // namespace

CspProvider::CspProvider(
    const Profile &profile, const QString &secret, QNetworkAccessManager *nam, QObject *parent)
    : Provider(profile, nam, parent)
    , m_secret(secret)
    , m_exchange(Csp::kind().optionValue(profile, QStringLiteral("tokenType"))
          == QLatin1String("api_token"))
    , m_bearer(Csp::kind().optionValue(profile, QStringLiteral("authHeader"))
          == QLatin1String("authorization"))
    , m_pageSize(Csp::kind().pageSize(profile, Csp::kind().maxPageSize))
{ }

ProviderCapabilities CspProvider::capabilities() const
{
    return {ProviderCapabilities::Paging::Offset, Csp::kind().maxPageSize, m_pageSize};
}

QString CspProvider::tokenForOffset(qint64 offset, const QString &) const
{
    const QUrl url
        = endpoint(QStringLiteral("/csp/gateway/am/api/orgs/%1/users").arg(profile().organization));
    return url.path(QUrl::FullyEncoded)
        + QStringLiteral("?pageStart=%1&pageLimit=%2").arg(offset + 1).arg(m_pageSize);
}

void CspProvider::applyAuth(HttpRequest *request, const QString &accessToken) const
{
    if (m_bearer)
        request->headers.append({"Authorization", "Bearer " + accessToken.toUtf8()});
    else
        request->headers.append({"csp-auth-token", accessToken.toUtf8()});
}

PageReply *CspProvider::fetchPage(const QString &token)
{
    const QUrl url = http()->resolve(token.isEmpty() ? tokenForOffset(0) : token);
    if (!http()->isSameOrigin(url)) {
        ProviderError error = ProviderError::make(ProviderError::Kind::ForeignOrigin,
            tr("Refused to follow a page link to another origin: %1")
                .arg(url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)));
        error.url = url.toString(QUrl::RemoveUserInfo);
        return new FailedReply(token, error, this);
    }
    auto *reply = new CspPageReply(token, url, this);
    reply->begin();
    return reply;
}

void CspProvider::withAccessToken(QObject *context, TokenCallback callback, const QString &stale)
{
    if (!m_exchange) {
        QTimer::singleShot(0, context, [callback, secret = m_secret] { callback(secret, {}); });
        return;
    }
    const bool fresh = !m_accessToken.isEmpty() && QDateTime::currentDateTimeUtc() < m_refreshAt
        && m_accessToken != stale;
    if (fresh) {
        QTimer::singleShot(0, context, [callback, token = m_accessToken] { callback(token, {}); });
        return;
    }
    if (!stale.isEmpty() && m_accessToken == stale)
        m_accessToken.clear();
    m_waiters.append(qMakePair(QPointer<QObject>(context), std::move(callback)));
    if (!m_exchangeCall)
        startExchange();
}

void CspProvider::startExchange()
{
    HttpRequest request;
    request.method = "POST";
    request.url = endpoint(QStringLiteral("/csp/gateway/am/api/auth/api-tokens/authorize"));
    request.headers.append(
        qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
    request.body = "api_token=" + QUrl::toPercentEncoding(m_secret);
    ++m_exchangeCount;
    m_exchangeCall = http()->send(request, this);
    connect(m_exchangeCall, &HttpCall::finished, this, [this] {
        HttpCall *call = m_exchangeCall;
        m_exchangeCall = nullptr;
        call->deleteLater();
        ProviderError error;
        CspParser::AccessToken token;
        if (!call->hasResponse()) {
            error = call->error();
            error.kind = ProviderError::Kind::Authentication;
            error.message = tr("The token exchange failed: %1").arg(call->error().message);
        } else if (CspParser::parseTokenResponse(call->response().status, call->response().body,
                       call->response().headers, &token, &error)) {
            m_accessToken = token.token;
            // Refresh shortly before expiry: a tenth of the lifetime, at most a minute early.
            const qint64 lifeMs = token.expiresInSeconds * 1000;
            const qint64 marginMs = std::min<qint64>(60000, lifeMs / 10);
            m_refreshAt = QDateTime::currentDateTimeUtc().addMSecs(lifeMs - marginMs);
        } else {
            error.url = call->response().url.toString(QUrl::RemoveUserInfo);
            error.attempts = call->response().attempts;
        }
        const auto waiters = std::exchange(m_waiters, {});
        for (const auto &waiter : waiters) {
            if (waiter.first)
                waiter.second(error.isError() ? QString() : m_accessToken, error);
        }
    });
}

QString CspProvider::kind() const
{
    return Csp::kind().id;
}
