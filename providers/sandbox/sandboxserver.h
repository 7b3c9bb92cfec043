#pragma once

#include "sandboxoauth.h"
#include "sandboxquota.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QMutex>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

#include <atomic>
#include <functional>

class QTcpSocket;

using SandboxHeaders = QList<QPair<QByteArray, QByteArray>>;

struct SandboxRequest
{
    QByteArray method;
    QUrl url;
    QString path;
    QUrlQuery query;
    SandboxHeaders headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const;
    // The bearer token, the Basic credentials (user:password), the csp-auth-token or the session
    // cookie, whichever is present.
    QString bearer() const;
};

struct SandboxResponse
{
    int status = 200;
    SandboxHeaders headers;
    QByteArray body;
    QByteArray contentType = "application/json";
    qint64 truncateAt = -1; // announce the whole body, send this many bytes, then close
    bool closeLater = false; // with truncateAt: close only once the part has gone out
    qint64 stallAt = -1; // send this many bytes of the body, then nothing more (never close)
    bool chunked = false; // Transfer-Encoding: chunked instead of Content-Length
    // When set, the body is generated as it is sent (chunked), piece by piece, and never held
    // whole: appends the next piece to *out; returns false once that was the last one.
    std::function<bool(QByteArray *out)> generate;
    int delayMs = -1; // overrides the server's latency

    static SandboxResponse json(int status, QByteArray body);
    // A 200 JSON array of `count` items, generated as it is sent.
    static SandboxResponse jsonArray(
        qint64 count, std::function<void(QByteArray &out, qint64 index)> appendItem);
    // Runs the generator to the end into `body` (for injections and behaviours that need it whole).
    void materialize();
    void addHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append(qMakePair(name, value));
    }
    // Applies the body-level injections ("truncated": half the JSON; "truncated-transport": the
    // connection closes halfway; "slow": answers after 3 s) that every route shares.
    void applyBodyInjection(const QString &special);
    // "truncated-transport-once": the connection closes mid-body the first time `key` is asked.
    void applyCutOnce(const QString &special, class SandboxServer &server, const QString &key);
    // What a proxy or gateway in front of the API sends instead of the vendor's error: an HTML
    // page ("-proxy") or a generic JSON body ("-generic"). False for any other injection.
    static bool gateway(const struct SandboxInjection &injection, SandboxResponse *out);
};

// Serves every provider's API on 127.0.0.1 from deterministic synthetic data, with latency
// and error injection (see README: "Sandbox organizations").
//   Karmo        /karmo/organizations/{org}/users
//   LlamaCloud   /llamacloud/api/v1/organizations/{org}/users
//   CSP          /csp/gateway/am/api/orgs/{org}/users,
//   /csp/gateway/am/api/auth/api-tokens/authorize Char         /char/api/directories,
//   /char/api/directories/{id}/users
class SandboxServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit SandboxServer(QObject *parent = nullptr);
    ~SandboxServer() override;

    // Serves HTTPS with this certificate from now on (before start()).
    void setTls(const QSslCertificate &certificate, const QSslKey &key);
    bool isTls() const { return m_tls; }
    // Listens on 127.0.0.1; returns the port, 0 on failure.
    quint16 start(quint16 port = 0);
    quint16 port() const { return m_port; }
    QUrl url(const QString &path = {}) const;

    void setLatencyMs(int ms) { m_latencyMs = ms; }
    int latencyMs() const { return m_latencyMs; }
    void setUsersPerOrganization(qint64 n) { m_usersPerOrg = n; }
    qint64 usersPerOrganization() const { return m_usersPerOrg; }

    // The token every demo profile uses.
    static QString demoToken() { return QStringLiteral("roster-demo-token"); }

    // Counts calls per key: lets a route fail the first time and succeed afterwards.
    int hit(const QString &key);
    int hits(const QString &key) const;
    void resetHits();

    // CSP access tokens issued by the exchange, with their expiry.
    enum class TokenState { Unknown, Valid, Expired };
    QString issueCspToken(qint64 lifetimeMs);
    TokenState cspTokenState(const QString &token) const;

    // Karmo cursors issued so far stop being accepted (400 "Cursor expired"), as a real server's
    // do after a while; new ones work. Safe from any thread.
    void expireCursors() { m_cursorGeneration.fetch_add(1); }
    int cursorGeneration() const { return m_cursorGeneration.load(); }

    // The rate limit of "quota" organizations.
    SandboxQuota &quota() { return m_quota; }
    // The token bucket of "bucket" organizations.
    SandboxQuota &bucket() { return m_bucket; }
    // The authorization server at /oauth, for profiles that sign in.
    SandboxOAuth &oauth() { return m_oauth; }

    // For tests: a "truncated-transport-once" connection is held after its first part until
    // releaseCuts() closes it, so the cut comes after the client has handed rows out, however
    // slowly it reads. Without it the connection closes 100 ms after the part went out.
    void holdCuts(bool hold) { m_holdCuts = hold; }
    void releaseCuts();

    int requestCount() const { return m_requestCount; }
    // Requests whose answer is due and was written (or dropped, the client having gone).
    int answerCount() const { return m_answerCount; }
    // The last requests served (at most 500), for tests to inspect.
    QList<SandboxRequest> recentRequests() const;
    void clearRecentRequests();

signals:
    void served(const QString &path, int status);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    SandboxResponse dispatch(const SandboxRequest &request);
    // What a real deployment adds on the way out (SandboxBehaviours): cookies, layout,
    // compression, chunking, a stalled body.
    void applyBehaviours(const SandboxRequest &request, SandboxResponse *response);
    void write(QTcpSocket *socket, const SandboxResponse &response);
    void writeGenerated(QTcpSocket *socket, QByteArray head, const SandboxResponse &response);

    quint16 m_port = 0;
    bool m_tls = false;
    std::atomic<int> m_latencyMs {60};
    std::atomic<qint64> m_usersPerOrg {25000};
    std::atomic<int> m_requestCount {0};
    std::atomic<int> m_answerCount {0};
    SandboxQuota m_quota;
    SandboxQuota m_bucket {SandboxQuota::Mode::TokenBucket};
    SandboxOAuth m_oauth;
    std::atomic<int> m_cursorGeneration {0};
    std::atomic<bool> m_holdCuts {false};
    QList<QPointer<QTcpSocket>> m_heldCuts; // under m_mutex
    mutable QMutex m_mutex;
    QHash<QString, int> m_hits;
    QHash<QString, qint64> m_cspTokens; // token -> expiry (ms since epoch)
    QList<SandboxRequest> m_recent;
    quint64 m_serial = 0;
};
