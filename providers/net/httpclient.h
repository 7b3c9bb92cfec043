#pragma once

#include "providererror.h"
#include "ratebudget.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslError>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;
class QTimer;
struct Transport;

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    HeaderList headers;
    QByteArray body;
    // A successful (2xx) body is handed out as it arrives (HttpCall::bodyChunk) and never kept;
    // error bodies are kept as usual. Once part of a body was handed out, a failure is final.
    bool streamBody = false;
};

struct HttpResponse
{
    int status = 0;
    HeaderList headers;
    QByteArray body;
    QString requestId;
    QUrl url;
    int attempts = 0;

    // Case-insensitive header lookup; empty when absent.
    QByteArray header(const QByteArray &name) const;
};

struct HttpOptions
{
    int timeoutMs = 30000; // inactivity timeout per attempt
    int maxAttempts = 4; // in all, first attempt included
    int retryAfterCapMs = 60000; // a longer Retry-After is shortened to this
    int backoffBaseMs = 500; // first backoff without Retry-After, doubled per attempt, jittered
    int backoffMaxMs = 16000;
    qint64 maxBodyBytes = qint64(256) << 20;
    qint64 maxStreamedBytes = qint64(16) << 30; // a streamed body is never held whole
    int maxRedirects = 5;
    // The machine went offline, or a host that answered can no longer be reached: the request
    // waits for the network (asking again every offlinePollMs, at once when the system says it
    // is back), up to offlineWaitMs, without spending its attempts.
    int offlineWaitMs = 10 * 60 * 1000;
    int offlinePollMs = 5000;
};

class HttpClient;
class BearerSource;

// What a call needs from its client, copied so a call never depends on the client's lifetime.
struct HttpClientConfig
{
    QPointer<QNetworkAccessManager> nam;
    QUrl baseUrl;
    std::function<void(QNetworkRequest &)> decorator;
    std::function<bool(const struct HttpResponse &)> retryVeto;
    std::function<qint64(const struct HttpResponse &)> retryHint;
    std::function<QDateTime()> clock;
    HttpOptions options;
    // Set when the profile trusts CAs besides the system store (caFile, SSL_CERT_FILE/DIR).
    std::optional<QSslConfiguration> ssl;
    // A caFile or proxy that cannot be used: every request fails with it at once.
    ProviderError transportError;
    // The profile's own proxy ("none" is NoProxy); empty when the system's rules decide.
    std::optional<QNetworkProxy> ownProxy;
    // The requests the base URL's host allows, shared with every client of that host.
    std::shared_ptr<RateBudget> budget;
    // This client's host answered at least once (any status): when it then cannot be reached,
    // the network went away, rather than the address being wrong.
    std::shared_ptr<bool> answered = std::make_shared<bool>(false);
    // A signed-in profile's access token: sent as "Authorization: Bearer" to the base origin,
    // refreshed before it expires and once after a 401. Null for a fixed secret.
    std::shared_ptr<BearerSource> bearer;
    // The chain the server presented last, for "Test connection".
    std::shared_ptr<QList<QSslCertificate>> peerChain = std::make_shared<QList<QSslCertificate>>();
};

// One logical request, retries and redirects included. Owned by whoever called send().
class HttpCall : public QObject
{
    Q_OBJECT
public:
    ~HttpCall() override;

    // Stops everything; no signal is emitted afterwards.
    void abort();
    // Backpressure for a streamed body: while paused nothing more is read (the reply's buffer is
    // bounded, so the server is held back by TCP) and the inactivity timeout does not run.
    void setReadingPaused(bool paused);
    bool isFinished() const { return m_finished; }
    // True when an HTTP response (of any status) arrived; false on a transport failure.
    bool hasResponse() const { return m_hasResponse; }
    const HttpResponse &response() const { return m_response; }
    // Moves the response out, so its body can be freed by whoever processes it last.
    HttpResponse takeResponse() { return std::move(m_response); }
    const ProviderError &error() const { return m_error; }
    int attempts() const { return m_attempt; }

signals:
    void finished();
    // The next attempt goes in delayMs. nextAttempt 0: not a retry, but the request waits for its
    // turn under the host's rate limit (only announced for a wait of a second or more).
    void retrying(int nextAttempt, int delayMs);
    void downloadProgress(qint64 received, qint64 total);
    // The next bytes of a streamed 2xx body (HttpRequest::streamBody).
    void bodyChunk(const QByteArray &chunk);

private:
    friend class HttpClient;
    HttpCall(HttpClientConfig config, const HttpRequest &request, QObject *parent);

    void startAttempt();
    void sendTo(const QUrl &url, const QByteArray &method, const QByteArray &body);
    void onReplyFinished();
    void onTimeout();
    bool failedAtTransport(QNetworkReply *reply);
    void failTransport(ProviderError::Kind kind, const QString &detail, bool retryable);
    void scheduleRetry(int delayMs);
    int backoffMs() const;
    bool streaming() const;
    void readAvailable();
    void finishWithResponse(HttpResponse response);
    void finishWithError(ProviderError error);
    void dropReply();
    bool waitForTurn();
    void settleBudget(const HttpResponse *answer);
    bool waitForNetwork();
    bool refreshBearer(const QByteArray &rejected);

    HttpClientConfig m_config;
    HttpRequest m_request;
    QPointer<QNetworkReply> m_reply; // the manager may go first
    QTimer *m_timeout = nullptr;
    QTimer *m_retryTimer = nullptr;
    int m_attempt = 0;
    int m_redirects = 0;
    bool m_finished = false;
    bool m_aborted = false;
    bool m_hasResponse = false;
    bool m_bearerAsked = false; // a token about to expire was refreshed before an attempt
    bool m_bearerRetried = false; // a 401 was answered by refreshing the token once
    QByteArray m_sentBearer;
    bool m_turnTaken = false; // waited for its turn: this attempt goes without asking again
    RateBudget::Turn m_turn;
    bool m_holding = false; // counted in the budget, not yet answered
    QNetworkReply::NetworkError m_transportCode = QNetworkReply::NoError; // the last attempt's
    QElapsedTimer m_offline; // running while the network is away
    QMetaObject::Connection m_onlineWatch;
    HttpResponse m_response;
    QByteArray m_body;
    qint64 m_received = 0;
    qint64 m_cap = 0;
    bool m_paused = false;
    bool m_streamed = false; // part of this attempt's body was handed out
    ProviderError m_error;
    QList<QSslError> m_sslErrors; // this attempt's, with the chain the server presented
    QList<QSslCertificate> m_presented;
};

// The HTTP layer every provider shares: credentials only to the base origin, timeouts, retries
// with Retry-After, same-origin redirects only, a response size cap, cancellation.
class HttpClient : public QObject
{
    Q_OBJECT
public:
    using Decorator = std::function<void(QNetworkRequest &)>;
    // Asked about a response whose status is retryable; returning false stops retrying it.
    using RetryVeto = std::function<bool(const HttpResponse &)>;
    using Clock = std::function<QDateTime()>;
    // How long a retryable response asks to wait, from what only the vendor knows how to read
    // (Char's body `retry_after`); -1 when it says nothing.
    using RetryHint = std::function<qint64(const HttpResponse &)>;

    HttpClient(QNetworkAccessManager *nam, const QUrl &baseUrl, QObject *parent = nullptr);

    void setDecorator(Decorator decorator) { m_config.decorator = std::move(decorator); }
    void setRetryVeto(RetryVeto veto) { m_config.retryVeto = std::move(veto); }
    void setRetryHint(RetryHint hint) { m_config.retryHint = std::move(hint); }
    void setOptions(const HttpOptions &options) { m_config.options = options; }
    const HttpOptions &options() const { return m_config.options; }
    void setClock(Clock clock) { m_config.clock = std::move(clock); }
    void setBearerSource(std::shared_ptr<BearerSource> source)
    {
        m_config.bearer = std::move(source);
    }
    // Which CAs to trust besides the system store and which proxy to use. A proxy of its own
    // ("none" or a URL) gives the client a network manager of its own.
    void setTransport(const Transport &transport);
    // The certificates the server presented on the last TLS connection (leaf first).
    QList<QSslCertificate> lastPeerChain() const { return *m_config.peerChain; }
    QUrl baseUrl() const { return m_config.baseUrl; }
    const RateBudget *budget() const { return m_config.budget.get(); }

    // Starts a request; the caller owns the returned call (parented to `parent`).
    HttpCall *send(const HttpRequest &request, QObject *parent = nullptr) const;
    // Resolves a path or a relative link against the base URL's origin.
    QUrl resolve(const QString &pathOrLink) const;
    bool isSameOrigin(const QUrl &url) const { return sameOrigin(url, m_config.baseUrl); }

    static bool sameOrigin(const QUrl &a, const QUrl &b);
    static bool isRetryableStatus(int status);
    // Delta-seconds or an HTTP-date; -1 when absent or unreadable.
    static qint64 parseRetryAfterMs(const QByteArray &value, const QDateTime &now);
    // X-RateLimit-Reset: epoch seconds (a value past 10^9), else seconds from now; -1 when absent.
    static qint64 parseRateLimitResetMs(const QByteArray &value, const QDateTime &now);
    // What a retryable response asks to wait, in order: the Retry-After header, the vendor's
    // hint, X-RateLimit-Reset (429 only); -1 when nothing says.
    static qint64 requestedDelayMs(
        const HttpResponse &response, const RetryHint &hint, const QDateTime &now);
    static bool isLoopbackHost(const QString &host);

private:
    HttpClientConfig m_config;
    QNetworkAccessManager *m_ownNam = nullptr;
    QPointer<QNetworkAccessManager> m_sharedNam; // the one given, while a proxy of its own is used
};
