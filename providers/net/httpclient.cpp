#include "httpclient.h"

#include "bearersource.h"

#include "networkwatch.h"
#include "ratebudget.h"

#include "transport.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QTimer>

namespace {
int defaultPort(const QString &scheme)
{
    return scheme == QLatin1String("https") ? 443 : scheme == QLatin1String("http") ? 80 : -1;
}

QString originText(const QUrl &url)
{
    return url
        .adjusted(
            QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
        .toString();
}
} // namespace

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

HttpClient::HttpClient(QNetworkAccessManager *nam, const QUrl &baseUrl, QObject *parent)
    : QObject(parent)
{
    m_config.nam = nam;
    m_config.baseUrl = baseUrl;
    m_config.clock = [] { return QDateTime::currentDateTimeUtc(); };
    m_config.budget = RateBudget::forOrigin(baseUrl);
    ProxyRules::installSystemFactory();
}

void HttpClient::setTransport(const Transport &transport)
{
    m_config.transportError = transport.error;
    m_config.ssl.reset();
    if (!transport.extraCas.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(Tls::trustedWith(transport.extraCas));
        m_config.ssl = ssl;
    }
    m_config.ownProxy.reset();
    if (transport.proxyMode == Transport::ProxyMode::System) {
        if (m_ownNam) {
            m_config.nam = m_sharedNam;
            m_ownNam->deleteLater();
            m_ownNam = nullptr;
        }
        return;
    }
    if (!m_ownNam) {
        m_sharedNam = m_config.nam;
        m_ownNam = new QNetworkAccessManager(this);
    }
    m_ownNam->setProxy(transport.proxy);
    m_config.nam = m_ownNam;
    m_config.ownProxy = transport.proxy;
}

HttpCall *HttpClient::send(const HttpRequest &request, QObject *parent) const
{
    auto *call = new HttpCall(m_config, request, parent);
    call->startAttempt();
    return call;
}

QUrl HttpClient::resolve(const QString &pathOrLink) const
{
    const QUrl link(pathOrLink);
    if (link.isRelative() && !pathOrLink.startsWith(QLatin1String("//"))) {
        if (pathOrLink.startsWith(QLatin1Char('/'))) {
            // An absolute path is taken as given on the base origin (CSP's nextLink).
            QUrl url = m_config.baseUrl.adjusted(
                QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
            const int q = pathOrLink.indexOf(QLatin1Char('?'));
            url.setPath(q < 0 ? pathOrLink : pathOrLink.left(q), QUrl::TolerantMode);
            if (q >= 0)
                url.setQuery(pathOrLink.mid(q + 1), QUrl::TolerantMode);
            return url;
        }
        return m_config.baseUrl.resolved(link);
    }
    return m_config.baseUrl.resolved(link);
}

bool HttpClient::sameOrigin(const QUrl &a, const QUrl &b)
{
    const QString schemeA = a.scheme().toLower();
    const QString schemeB = b.scheme().toLower();
    return schemeA == schemeB && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(defaultPort(schemeA)) == b.port(defaultPort(schemeB));
}

bool HttpClient::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

HttpCall::HttpCall(HttpClientConfig config, const HttpRequest &request, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_request(request)
    , m_timeout(new QTimer(this))
    , m_retryTimer(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    m_retryTimer->setSingleShot(true);
    m_retryTimer->setTimerType(Qt::PreciseTimer); // a paced turn must not come early
    connect(m_timeout, &QTimer::timeout, this, &HttpCall::onTimeout);
    connect(m_retryTimer, &QTimer::timeout, this, &HttpCall::startAttempt);
}

HttpCall::~HttpCall()
{
    dropReply();
    settleBudget(nullptr);
}

void HttpCall::abort()
{
    m_aborted = true;
    m_timeout->stop();
    m_retryTimer->stop();
    dropReply();
    settleBudget(nullptr);
}

// Takes this attempt's place in the host's budget; false when it has to wait for its turn first
// (the retry timer brings it back).
bool HttpCall::waitForTurn()
{
    if (!m_config.budget)
        return false;
    if (std::exchange(m_turnTaken, false)) {
        if (!RateBudget::missed(m_turn))
            return false;
        settleBudget(nullptr); // came too late for its window: it needs a turn in this one
    }
    m_turn = m_config.budget->reserve();
    m_holding = m_turn.counted;
    const qint64 wait = m_turn.waitMs;
    if (wait <= 0)
        return false;
    m_turnTaken = true;
    if (wait >= 1000)
        emit retrying(0, int(std::min<qint64>(wait, INT_MAX)));
    if (!m_aborted)
        m_retryTimer->start(int(std::min<qint64>(wait, INT_MAX)));
    return true;
}

void HttpCall::settleBudget(const HttpResponse *answer)
{
    if (!std::exchange(m_holding, false))
        return;
    if (answer)
        m_config.budget->answered(
            RateLimitHeaders::read(*answer, m_config.clock()), answer->status);
    else
        m_config.budget->released();
}

void HttpCall::dropReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply.data();
    m_reply = nullptr;
    reply->disconnect(this);
    if (!reply->isFinished())
        reply->abort();
    reply->deleteLater();
}

void HttpCall::startAttempt()
{
    if (m_aborted)
        return;
    if (m_config.transportError.isError()) {
        // Never synchronously from send(): the caller has not connected to finished() yet.
        QTimer::singleShot(0, this, [this] {
            ProviderError error = m_config.transportError;
            error.url = m_request.url.toString(QUrl::RemoveUserInfo);
            finishWithError(error);
        });
        return;
    }
    // Once per call: a server that hands out tokens already expired cannot keep it asking.
    if (m_config.bearer && m_config.bearer->needsRefresh() && !std::exchange(m_bearerAsked, true)
        && refreshBearer({}))
        return;
    if (waitForTurn())
        return;
    ++m_attempt;
    m_redirects = 0;
    m_streamed = false;
    sendTo(m_request.url, m_request.method, m_request.body);
}

void HttpCall::sendTo(const QUrl &url, const QByteArray &method, const QByteArray &body)
{
    QNetworkRequest request(url);
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(
        QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    // A credential only ever comes from the profile: the manager's cookie jar (shared by every
    // profile) neither stores what a server or load balancer sets, nor replaces our Cookie header.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader,
        QStringLiteral("Roster/%1").arg(QLatin1String(ROSTER_VERSION)));
    for (const auto &h : std::as_const(m_request.headers))
        request.setRawHeader(h.first, h.second);
    if (m_config.ssl && url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0)
        request.setSslConfiguration(*m_config.ssl);
    // The credential goes only to the base URL's origin.
    if (m_config.decorator && HttpClient::sameOrigin(url, m_config.baseUrl))
        m_config.decorator(request);
    if (m_config.bearer && HttpClient::sameOrigin(url, m_config.baseUrl)) {
        m_sentBearer = m_config.bearer->token();
        request.setRawHeader("Authorization", "Bearer " + m_sentBearer);
    }
    if (!m_config.nam) {
        failTransport(ProviderError::Kind::Network, tr("The network manager is gone."), false);
        return;
    }

    if (method == "GET")
        m_reply = m_config.nam->get(request);
    else
        m_reply = m_config.nam->sendCustomRequest(request, method, body);

    const qint64 cap
        = m_request.streamBody ? m_config.options.maxStreamedBytes : m_config.options.maxBodyBytes;
    m_body.clear();
    m_received = 0;
    // Backpressure: unbounded, QNAM piles up tens of MB while the UI thread copies a chunk.
    m_reply->setReadBufferSize(2 * 1024 * 1024);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this, cap] {
        // The headers say what the host counts: none waits for the body too (a redirect is not yet)
        const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (m_holding && status >= 200 && (status < 300 || status >= 400)) {
            HttpResponse head; // copied only when a turn is held
            head.status = status;
            head.headers = m_reply->rawHeaderPairs();
            settleBudget(&head);
        }
        const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
        if (!streaming() && length.isValid() && length.toLongLong() <= cap
            && length.toLongLong() > m_body.capacity())
            m_body.reserve(length.toLongLong()); // one allocation, no copying as the body grows
        if (length.isValid() && length.toLongLong() > cap) {
            failTransport(ProviderError::Kind::TooLarge,
                tr("The response announced %1 bytes, more than the limit of %2 bytes.")
                    .arg(length.toLongLong())
                    .arg(cap),
                false);
        }
    });
    // readyRead, not downloadProgress (choked in a reply's first 100 ms): bursts meet the cap.
    m_cap = cap;
    m_sslErrors.clear();
    m_presented.clear();
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        m_sslErrors = errors;
        if (m_reply)
            m_presented = m_reply->sslConfiguration().peerCertificateChain();
    });
    connect(m_reply, &QNetworkReply::encrypted, this, [this] {
        if (m_reply)
            *m_config.peerChain = m_reply->sslConfiguration().peerCertificateChain();
    });
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpCall::readAvailable);
    connect(m_reply, &QNetworkReply::finished, this, &HttpCall::onReplyFinished);
    m_timeout->start(m_config.options.timeoutMs);
}

void HttpCall::readAvailable()
{
    if (!m_reply || m_paused)
        return; // paused: the data waits in the reply's bounded buffer, and TCP holds the rest
    m_timeout->start(m_config.options.timeoutMs);
    // Read as it arrives: one readAll() of a 200 MB body at the end blocks for most of a second.
    // read(bytesAvailable()) hands over the block the network thread filled without copying it
    // when it is the only one waiting (readAll() always copies into an array of its own).
    const QByteArray chunk = m_reply->read(m_reply->bytesAvailable());
    m_received += chunk.size();
    const qint64 received = m_received;
    if (streaming()) {
        m_streamed = m_streamed || !chunk.isEmpty();
        emit bodyChunk(chunk);
        if (!m_reply)
            return; // the receiver gave up on the call
    } else {
        m_body += chunk;
    }
    if (received > m_cap) {
        failTransport(ProviderError::Kind::TooLarge,
            tr("The response exceeded the limit of %1 bytes.").arg(m_cap), false);
        return;
    }
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    emit downloadProgress(received, length.isValid() ? length.toLongLong() : -1);
}

void HttpCall::setReadingPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    if (paused) {
        m_timeout->stop(); // the wait is ours, not the server's
        return;
    }
    if (m_reply) {
        m_timeout->start(m_config.options.timeoutMs);
        QMetaObject::invokeMethod(this, &HttpCall::readAvailable, Qt::QueuedConnection);
    }
}

bool HttpCall::streaming() const
{
    if (!m_request.streamBody || !m_reply)
        return false;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return status >= 200 && status < 300;
}

void HttpCall::onTimeout()
{
    m_transportCode = QNetworkReply::TimeoutError;
    failTransport(ProviderError::Kind::Timeout,
        tr("No data arrived for %1 s.").arg(m_config.options.timeoutMs / 1000.0), true);
}

void HttpCall::failTransport(ProviderError::Kind kind, const QString &detail, bool retryable)
{
    const QUrl url = m_reply ? m_reply->url() : m_request.url;
    dropReply();
    settleBudget(nullptr);
    m_timeout->stop();
    // Rows from a streamed body were already handed out: a silent retry would repeat them.
    if (std::exchange(m_streamed, false))
        retryable = false;
    if (retryable && waitForNetwork())
        return;
    if (retryable && m_attempt < m_config.options.maxAttempts) {
        scheduleRetry(backoffMs());
        return;
    }
    ProviderError error;
    error.kind = kind;
    error.message = detail;
    if (m_offline.isValid())
        error.message += QLatin1Char(' ')
            + tr("The network did not come back within %n minute(s).", nullptr,
                std::max(1, (m_config.options.offlineWaitMs + 59999) / 60000));
    error.transportError = detail;
    error.url = url.toString(QUrl::RemoveUserInfo);
    error.attempts = m_attempt;
    finishWithError(error);
}

// The network went away: ask again when it is back (or every offlinePollMs), without spending
// an attempt, for up to offlineWaitMs; false when it is not away, or that time is up.
bool HttpCall::waitForNetwork()
{
    if (!NetworkWatch::instance()->isAway(std::exchange(m_transportCode, {}), *m_config.answered))
        return false;
    if (!m_offline.isValid())
        m_offline.start();
    const qint64 left = m_config.options.offlineWaitMs - m_offline.elapsed();
    if (left <= 0)
        return false;
    if (!m_onlineWatch)
        m_onlineWatch = connect(NetworkWatch::instance(), &NetworkWatch::online, this, [this] {
            if (m_retryTimer->isActive() && m_offline.isValid())
                m_retryTimer->start(0);
        });
    --m_attempt; // not spent: the request was never answered
    emit retrying(-1, int(left));
    if (!m_aborted)
        m_retryTimer->start(int(std::min<qint64>(left, m_config.options.offlinePollMs)));
    return true;
}

int HttpCall::backoffMs() const
{
    // Doubles per attempt up to the maximum; "equal jitter" keeps it between half and all of that.
    const int base = m_config.options.backoffBaseMs << std::min(m_attempt - 1, 16);
    const int capped = std::min(base, m_config.options.backoffMaxMs);
    return capped / 2 + int(QRandomGenerator::global()->bounded(capped / 2 + 1));
}

void HttpCall::scheduleRetry(int delayMs)
{
    emit retrying(m_attempt + 1, delayMs);
    if (!m_aborted)
        m_retryTimer->start(delayMs);
}

void HttpCall::onReplyFinished()
{
    QNetworkReply *reply = m_reply.data();
    m_reply = nullptr;
    m_timeout->stop();
    if (!reply)
        return;
    reply->deleteLater();
    reply->disconnect(this);

    if (failedAtTransport(reply))
        return;
    m_offline.invalidate(); // answered: the network is back, if it was away
    *m_config.answered = true;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();

    if (status >= 300 && status < 400 && reply->hasRawHeader("Location")) {
        const QUrl target = reply->url().resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
        if (!HttpClient::sameOrigin(target, m_config.baseUrl)) {
            ProviderError error = ProviderError::make(ProviderError::Kind::ForeignOrigin,
                tr("Refused to follow a redirect from %1 to another origin, %2.")
                    .arg(originText(reply->url()), originText(target)));
            error.httpStatus = status;
            error.url = reply->url().toString(QUrl::RemoveUserInfo);
            error.attempts = m_attempt;
            finishWithError(error);
            return;
        }
        if (++m_redirects > m_config.options.maxRedirects) {
            ProviderError error
                = ProviderError::make(ProviderError::Kind::Network, tr("Too many redirects."));
            error.httpStatus = status;
            error.attempts = m_attempt;
            finishWithError(error);
            return;
        }
        const bool keepMethod = status == 307 || status == 308;
        const QByteArray method = keepMethod ? m_request.method : QByteArray("GET");
        sendTo(target, method, keepMethod ? m_request.body : QByteArray());
        return;
    }

    HttpResponse response;
    response.status = status;
    response.headers = reply->rawHeaderPairs();
    if (m_request.streamBody && status >= 200 && status < 300) {
        const QByteArray rest = reply->readAll();
        if (!rest.isEmpty())
            emit bodyChunk(rest);
        if (m_aborted)
            return;
    }
    m_body += reply->readAll();
    response.body = std::exchange(m_body, QByteArray());
    response.requestId = QString::fromUtf8(response.header("X-Request-ID"));
    response.url = reply->url();
    response.attempts = m_attempt;
    settleBudget(&response);
    // An access token the server no longer takes: a fresh one, then this request once more.
    if (status == 401 && m_config.bearer && !std::exchange(m_bearerRetried, true)
        && refreshBearer(m_sentBearer)) {
        m_response = std::move(response); // shown if the refresh fails
        --m_attempt; // the retry is not one of its attempts
        return;
    }

    if (HttpClient::isRetryableStatus(status) && m_attempt < m_config.options.maxAttempts
        && (!m_config.retryVeto || m_config.retryVeto(response))) {
        qint64 delay = HttpClient::requestedDelayMs(response, m_config.retryHint, m_config.clock());
        if (delay < 0)
            delay = backoffMs();
        scheduleRetry(int(std::min<qint64>(delay, m_config.options.retryAfterCapMs)));
        return;
    }
    finishWithResponse(std::move(response));
}

// Asks the bearer source for a fresh token, then starts the attempt again; a refresh that fails
// ends the call with its error (for instance: sign in again).
bool HttpCall::refreshBearer(const QByteArray &rejected)
{
    m_config.bearer->refresh(this, rejected, [this](const ProviderError &error) {
        if (m_aborted)
            return;
        if (!error.isError()) {
            startAttempt();
            return;
        }
        ProviderError e = error;
        e.url = m_request.url.toString(QUrl::RemoveUserInfo);
        e.attempts = m_attempt;
        finishWithError(e);
    });
    return true;
}

// A failure before any trustworthy response: the certificate, the proxy or the connection.
bool HttpCall::failedAtTransport(QNetworkReply *reply)
{
    const QNetworkReply::NetworkError code = reply->error();
    m_transportCode = code;
    if (code == QNetworkReply::SslHandshakeFailedError) {
        // Permanent: a certificate does not become acceptable by asking again.
        m_timeout->stop();
        m_streamed = false;
        ProviderError error = Tls::handshakeError(reply->url(), m_sslErrors, m_presented);
        if (m_sslErrors.isEmpty())
            error.transportError = reply->errorString();
        error.attempts = m_attempt;
        finishWithError(error);
        return true;
    }
    // Which proxy this request went through, if any: the profile's own, else the environment's
    // (Qt never sends loopback requests through a proxy).
    std::optional<QNetworkProxy> used = m_config.ownProxy;
    if (!used && !HttpClient::isLoopbackHost(reply->url().host())) {
        const auto env = ProxyRules::fromEnvironment(reply->url());
        if (env && env->problem.isEmpty())
            used = env->proxy;
    }
    const bool viaProxy = used && used->type() != QNetworkProxy::NoProxy;
    const QString proxy = viaProxy ? ProxyRules::text(*used) : tr("the proxy");
    if (code == QNetworkReply::ProxyAuthenticationRequiredError) {
        m_timeout->stop();
        ProviderError error = ProviderError::make(ProviderError::Kind::Proxy,
            tr("%1 refused the proxy credentials (HTTP 407 Proxy Authentication Required). Give "
               "them with the profile's proxyCredential, or as user:password in the proxy URL "
               "of https_proxy or all_proxy.")
                .arg(proxy));
        error.url = reply->url().toString(QUrl::RemoveUserInfo);
        error.attempts = m_attempt;
        finishWithError(error);
        return true;
    }
    const bool proxyUnreachable = viaProxy
        && (code == QNetworkReply::ConnectionRefusedError
            || code == QNetworkReply::HostNotFoundError
            || code == QNetworkReply::TimeoutError
            // what Qt 6.4 reports for a CONNECT proxy that refuses ("Proxy connection refused")
            || code == QNetworkReply::UnknownNetworkError);
    if (proxyUnreachable
        || (code >= QNetworkReply::ProxyConnectionRefusedError
            && code <= QNetworkReply::UnknownProxyError)) {
        failTransport(ProviderError::Kind::Proxy,
            tr("Could not use %1: %2").arg(proxy, reply->errorString()), true);
        return true;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // Errors below 100 are the connection's (refused, closed mid-body, ...), whatever the status
    // line said: the body cannot be trusted.
    if (status == 0 || (code != QNetworkReply::NoError && code < 100)) {
        failTransport(ProviderError::Kind::Network, reply->errorString(), true);
        return true;
    }
    return false;
}

void HttpCall::finishWithResponse(HttpResponse response)
{
    m_response = std::move(response);
    m_hasResponse = true;
    m_finished = true;
    if (!m_aborted)
        emit finished();
}

void HttpCall::finishWithError(ProviderError error)
{
    m_error = std::move(error);
    m_finished = true;
    if (!m_aborted)
        emit finished();
}
