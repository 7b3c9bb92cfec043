// The shared HTTP layer against real servers on 127.0.0.1: retries, Retry-After, timeouts,
// size cap, redirects and credentials, cancellation.
#include "httpclient.h"

#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

namespace {
QHttpServerResponse respond(
    int status, const QByteArray &body, const QByteArray &type = "application/json")
{
    return QHttpServerResponse(type, body, QHttpServerResponder::StatusCode(status));
}

// A raw TCP server for what QHttpServer cannot do: never answer, trickle a body, omit its length.
class RawServer : public QTcpServer
{
public:
    enum class Mode { Silent, Trickle, Unbounded };
    explicit RawServer(Mode mode)
        : m_mode(mode)
    {
        listen(QHostAddress::LocalHost);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                ++connections;
                connect(s, &QTcpSocket::disconnected, this, [this] { ++disconnects; });
                connect(s, &QTcpSocket::readyRead, s, [this, s] {
                    s->readAll();
                    if (m_mode == Mode::Trickle)
                        s->write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n{\"partial\":\""
                            + QByteArray(20000, 'x'));
                    if (m_mode == Mode::Unbounded) {
                        s->write("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
                        s->write(QByteArray(3 * 1024 * 1024, 'x'));
                        s->disconnectFromHost();
                    }
                });
            }
        });
    }
    QUrl url(const QString &path = QStringLiteral("/")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path));
    }
    int connections = 0;
    int disconnects = 0;

private:
    Mode m_mode;
};
} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT

private:
    QHttpServer m_server;
    QHttpServer m_other;
    quint16 m_port = 0;
    quint16 m_otherPort = 0;
    QHash<QString, int> m_hits;
    QList<QByteArray> m_otherAuth;
    QByteArray m_lastAuth;
    QNetworkAccessManager m_nam;

    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
    }

    HttpClient *client(HttpOptions options = {})
    {
        auto *c = new HttpClient(&m_nam, url(QStringLiteral("/")), this);
        options.backoffBaseMs = std::min(options.backoffBaseMs, 20);
        c->setOptions(options);
        c->setDecorator(
            [](QNetworkRequest &r) { r.setRawHeader("Authorization", "Bearer s3cret-token"); });
        return c;
    }

    static bool waitFinished(HttpCall *call, int timeoutMs = 20000)
    {
        QSignalSpy spy(call, &HttpCall::finished);
        return call->isFinished() || spy.wait(timeoutMs);
    }

private slots:
    void initTestCase()
    {
        // 429 once with Retry-After in seconds, then OK.
        m_server.route(QStringLiteral("/ra-delta"), [this] {
            if (++m_hits[QStringLiteral("ra-delta")] == 1) {
                QHttpServerResponse r = respond(429, R"({"code":"RATE_LIMITED"})");
                r.setHeader("Retry-After", "1");
                return r;
            }
            return respond(200, R"({"ok":true})");
        });
        // 429 once with Retry-After as an HTTP-date two seconds ahead, then OK.
        m_server.route(QStringLiteral("/ra-date"), [this] {
            if (++m_hits[QStringLiteral("ra-date")] == 1) {
                QHttpServerResponse r = respond(429, "{}");
                const QDateTime at = QDateTime::currentDateTimeUtc().addSecs(2);
                r.setHeader("Retry-After",
                    QLocale::c()
                        .toString(at, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
                        .toLatin1());
                return r;
            }
            return respond(200, "{}");
        });
        m_server.route(QStringLiteral("/ra-huge"), [this] {
            if (++m_hits[QStringLiteral("ra-huge")] == 1) {
                QHttpServerResponse r = respond(429, "{}");
                r.setHeader("Retry-After", "3600");
                return r;
            }
            return respond(200, "{}");
        });
        m_server.route(QStringLiteral("/html503"), [this] {
            if (++m_hits[QStringLiteral("html503")] == 1)
                return respond(503, "<html><body>Service Unavailable</body></html>", "text/html");
            return respond(200, "{}");
        });
        m_server.route(QStringLiteral("/always/<arg>"), [this](int status) {
            ++m_hits[QStringLiteral("always/%1").arg(status)];
            return respond(status, R"({"message":"nope"})");
        });
        m_server.route(QStringLiteral("/backoff"), [this] {
            if (++m_hits[QStringLiteral("backoff")] <= 2)
                return respond(502, "bad gateway", "text/plain");
            return respond(200, "{}");
        });
        m_server.route(
            QStringLiteral("/big"), [] { return respond(200, QByteArray(2 * 1024 * 1024, 'a')); });
        m_server.route(QStringLiteral("/reqid"), [] {
            QHttpServerResponse r = respond(404, "{}");
            r.setHeader("X-Request-ID", "req-abc-123");
            return r;
        });
        m_server.route(QStringLiteral("/redirect-away"), [this] {
            QHttpServerResponse r = respond(302, {});
            r.setHeader("Location",
                QStringLiteral("http://127.0.0.1:%1/collect").arg(m_otherPort).toLatin1());
            return r;
        });
        m_server.route(QStringLiteral("/redirect-home"), [] {
            QHttpServerResponse r = respond(302, {});
            r.setHeader("Location", "/final");
            return r;
        });
        m_server.route(QStringLiteral("/final"), [this](const QHttpServerRequest &req) {
            m_lastAuth = req.value("Authorization");
            return respond(200, R"({"final":true})");
        });
        m_other.route(QStringLiteral("/collect"), [this](const QHttpServerRequest &req) {
            m_otherAuth.append(req.value("Authorization"));
            return respond(200, "{}");
        });
        m_port = m_server.listen(QHostAddress::LocalHost);
        m_otherPort = m_other.listen(QHostAddress::LocalHost);
        QVERIFY(m_port != 0);
        QVERIFY(m_otherPort != 0);
    }

    void init()
    {
        m_hits.clear();
        m_otherAuth.clear();
        m_lastAuth.clear();
    }

    void retryAfterSeconds()
    {
        HttpRequest req;
        req.url = url(QStringLiteral("/ra-delta"));
        QElapsedTimer timer;
        timer.start();
        HttpCall *call = client()->send(req, this);
        QVERIFY(waitFinished(call));
        QVERIFY(call->hasResponse());
        QCOMPARE(call->response().status, 200);
        QCOMPARE(call->attempts(), 2);
        QCOMPARE(m_hits.value(QStringLiteral("ra-delta")), 2);
        QVERIFY2(timer.elapsed() >= 950, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(timer.elapsed() < 15000, qPrintable(QString::number(timer.elapsed())));
    }

    void retryAfterHttpDate()
    {
        HttpRequest req;
        req.url = url(QStringLiteral("/ra-date"));
        QElapsedTimer timer;
        timer.start();
        HttpCall *call = client()->send(req, this);
        QVERIFY(waitFinished(call));
        QCOMPARE(call->response().status, 200);
        QCOMPARE(call->attempts(), 2);
        // The date has one-second resolution, so the wait is between one and two seconds.
        QVERIFY2(timer.elapsed() >= 900, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(timer.elapsed() < 15000, qPrintable(QString::number(timer.elapsed())));
    }

    void retryAfterIsCapped()
    {
        HttpOptions options;
        options.retryAfterCapMs = 200;
        HttpRequest req;
        req.url = url(QStringLiteral("/ra-huge"));
        QElapsedTimer timer;
        timer.start();
        HttpCall *call = client(options)->send(req, this);
        QVERIFY(waitFinished(call));
        QCOMPARE(call->response().status, 200);
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    }

    void parseRetryAfter_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("expectedMs");
        QTest::newRow("delta") << QByteArray("120") << qint64(120000);
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("spaces") << QByteArray(" 7 ") << qint64(7000);
        QTest::newRow("imf-fixdate") << QByteArray("Sun, 06 Nov 1994 08:49:42 GMT") << qint64(5000);
        QTest::newRow("date in the past")
            << QByteArray("Sun, 06 Nov 1994 08:40:00 GMT") << qint64(0);
        QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
        QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
        QTest::newRow("absent") << QByteArray() << qint64(-1);
    }

    void parseRetryAfter()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, expectedMs);
        const QDateTime now(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC);
        QCOMPARE(HttpClient::parseRetryAfterMs(value, now), expectedMs);
    }

    void html503IsRetried()
    {
        HttpRequest req;
        req.url = url(QStringLiteral("/html503"));
        HttpCall *call = client()->send(req, this);
        QVERIFY(waitFinished(call));
        QCOMPARE(call->response().status, 200);
        QCOMPARE(call->attempts(), 2);
    }

    void backoffWithoutRetryAfter()
    {
        HttpRequest req;
        req.url = url(QStringLiteral("/backoff"));
        HttpCall *call = client()->send(req, this);
        QSignalSpy retries(call, &HttpCall::retrying);
        QVERIFY(waitFinished(call));
        QCOMPARE(call->response().status, 200);
        QCOMPARE(call->attempts(), 3);
        QCOMPARE(retries.count(), 2);
        // Backoff doubles: the second delay's upper bound is twice the first's.
        QVERIFY(retries.at(0).at(1).toInt() <= 20);
        QVERIFY(retries.at(1).at(1).toInt() <= 40);
    }

    void givesUpAfterMaxAttempts()
    {
        HttpRequest req;
        req.url = url(QStringLiteral("/always/503"));
        HttpCall *call = client()->send(req, this);
        QVERIFY(waitFinished(call));
        QVERIFY(call->hasResponse());
        QCOMPARE(call->response().status, 503);
        QCOMPARE(call->attempts(), 4);
        QCOMPARE(m_hits.value(QStringLiteral("always/503")), 4);
    }

    void retryVetoStopsRetrying()
    {
        HttpRequest req;
        req.url = url(QStringLiteral("/always/503"));
        HttpClient *c = client();
        c->setRetryVeto([](const HttpResponse &r) { return !r.body.contains("nope"); });
        HttpCall *call = c->send(req, this);
        QVERIFY(waitFinished(call));
        QCOMPARE(call->attempts(), 1);
    }

    void notRetried_data()
    {
        QTest::addColumn<int>("status");
        for (int s : {400, 401, 403, 404, 409, 422})
            QTest::newRow(qPrintable(QString::number(s))) << s;
    }

    void notRetried()
    {
        QFETCH(int, status);
        HttpRequest req;
        req.url = url(QStringLiteral("/always/%1").arg(status));
        HttpCall *call = client()->send(req, this);
        QVERIFY(waitFinished(call));
        QVERIFY(call->hasResponse());
        QCOMPARE(call->response().status, status);
        QCOMPARE(call->attempts(), 1);
        QCOMPARE(m_hits.value(QStringLiteral("always/%1").arg(status)), 1);
    }

    void timeoutFires()
    {
        RawServer silent(RawServer::Mode::Silent);
        HttpOptions options;
        options.timeoutMs = 300;
        options.maxAttempts = 2;
        auto *c = new HttpClient(&m_nam, silent.url(), this);
        options.backoffBaseMs = 10;
        c->setOptions(options);
        HttpRequest req;
        req.url = silent.url(QStringLiteral("/hang"));
        QElapsedTimer timer;
        timer.start();
        HttpCall *call = c->send(req, this);
        QVERIFY(waitFinished(call));
        QVERIFY(!call->hasResponse());
        QCOMPARE(call->error().kind, ProviderError::Kind::Timeout);
        QCOMPARE(call->error().attempts, 2);
        QVERIFY(timer.elapsed() >= 550);
        QVERIFY(timer.elapsed() < 10000);
    }

    void oversizedBodyWithLength()
    {
        HttpOptions options;
        options.maxBodyBytes = 1024 * 1024;
        HttpRequest req;
        req.url = url(QStringLiteral("/big"));
        HttpCall *call = client(options)->send(req, this);
        QVERIFY(waitFinished(call));
        QVERIFY(!call->hasResponse());
        QCOMPARE(call->error().kind, ProviderError::Kind::TooLarge);
        QCOMPARE(call->error().attempts, 1);
        QVERIFY(call->error().message.contains(QStringLiteral("1048576")));
    }

    void oversizedBodyWithoutLength()
    {
        RawServer unbounded(RawServer::Mode::Unbounded);
        auto *c = new HttpClient(&m_nam, unbounded.url(), this);
        HttpOptions options;
        options.maxBodyBytes = 1024 * 1024;
        c->setOptions(options);
        HttpRequest req;
        req.url = unbounded.url(QStringLiteral("/stream"));
        HttpCall *call = c->send(req, this);
        QVERIFY(waitFinished(call));
        QVERIFY(!call->hasResponse());
        QCOMPARE(call->error().kind, ProviderError::Kind::TooLarge);
    }

    void redirectToAnotherOriginIsRefused()
    {
        HttpRequest req;
        req.url = url(QStringLiteral("/redirect-away"));
        HttpCall *call = client()->send(req, this);
        QVERIFY(waitFinished(call));
        QVERIFY(!call->hasResponse());
        QCOMPARE(call->error().kind, ProviderError::Kind::ForeignOrigin);
        QVERIFY(call->error().message.contains(QString::number(m_otherPort)));
        QVERIFY(!call->error().message.contains(QStringLiteral("s3cret")));
        // The other server was never contacted: a request of our own is the first it sees.
        QNetworkReply *sentinel = m_nam.get(
            QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/collect").arg(m_otherPort))));
        QTRY_VERIFY(sentinel->isFinished());
        sentinel->deleteLater();
        QCOMPARE(m_otherAuth.size(), 1);
        QVERIFY(m_otherAuth.first().isEmpty());
    }

    void credentialOnlyToBaseOrigin()
    {
        HttpRequest req;
        req.url = QUrl(QStringLiteral("http://127.0.0.1:%1/collect").arg(m_otherPort));
        HttpCall *call = client()->send(req, this);
        QVERIFY(waitFinished(call));
        QCOMPARE(call->response().status, 200);
        QCOMPARE(m_otherAuth.size(), 1);
        QVERIFY(m_otherAuth.first().isEmpty());
    }

    void sameOriginRedirectKeepsCredential()
    {
        HttpRequest req;
        req.url = url(QStringLiteral("/redirect-home"));
        HttpCall *call = client()->send(req, this);
        QVERIFY(waitFinished(call));
        QCOMPARE(call->response().status, 200);
        QCOMPARE(call->response().body, QByteArray(R"({"final":true})"));
        QCOMPARE(m_lastAuth, QByteArray("Bearer s3cret-token"));
    }

    void keepsRequestId()
    {
        HttpRequest req;
        req.url = url(QStringLiteral("/reqid"));
        HttpCall *call = client()->send(req, this);
        QVERIFY(waitFinished(call));
        QCOMPARE(call->response().requestId, QStringLiteral("req-abc-123"));
    }

    void abortDuringSlowResponse()
    {
        RawServer trickle(RawServer::Mode::Trickle);
        auto *c = new HttpClient(&m_nam, trickle.url(), this);
        HttpRequest req;
        req.url = trickle.url(QStringLiteral("/slow"));
        HttpCall *call = c->send(req, this);
        QSignalSpy finished(call, &HttpCall::finished);
        QSignalSpy progress(call, &HttpCall::downloadProgress);
        QVERIFY(progress.wait(10000)); // the body has started arriving
        call->abort();
        QTRY_COMPARE(trickle.disconnects, 1); // the server saw the connection go
        QCOMPARE(finished.count(), 0);
        QVERIFY(!call->isFinished());
    }

    void connectionRefusedIsRetriedThenFails()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now
        const QUrl base(QStringLiteral("http://127.0.0.1:%1/").arg(port));
        auto *c = new HttpClient(&m_nam, base, this);
        HttpOptions options;
        options.backoffBaseMs = 10;
        c->setOptions(options);
        HttpRequest req;
        req.url = base;
        HttpCall *call = c->send(req, this);
        QVERIFY(waitFinished(call));
        QCOMPARE(call->error().kind, ProviderError::Kind::Network);
        QCOMPARE(call->error().attempts, 4);
    }

    void sameOriginRules()
    {
        QVERIFY(HttpClient::sameOrigin(QUrl(QStringLiteral("https://a.example/x")),
            QUrl(QStringLiteral("https://A.example:443/y"))));
        QVERIFY(!HttpClient::sameOrigin(
            QUrl(QStringLiteral("https://a.example/")), QUrl(QStringLiteral("http://a.example/"))));
        QVERIFY(!HttpClient::sameOrigin(QUrl(QStringLiteral("https://a.example/")),
            QUrl(QStringLiteral("https://a.example:8443/"))));
        QVERIFY(!HttpClient::sameOrigin(QUrl(QStringLiteral("https://a.example/")),
            QUrl(QStringLiteral("https://b.example/"))));
        QVERIFY(HttpClient::isLoopbackHost(QStringLiteral("127.0.0.9")));
        QVERIFY(HttpClient::isLoopbackHost(QStringLiteral("::1")));
        QVERIFY(HttpClient::isLoopbackHost(QStringLiteral("localhost")));
        QVERIFY(!HttpClient::isLoopbackHost(QStringLiteral("10.0.0.1")));
        QVERIFY(!HttpClient::isLoopbackHost(QStringLiteral("example.com")));
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
