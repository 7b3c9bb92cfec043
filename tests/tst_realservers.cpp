// How real deployments answer, beyond what the vendors document (docs/server-behaviours.md):
// load balancers that set cookies, rate limits said only in the body, gateways' own 503s,
// pretty-printed and reordered pages, gzip, chunked bodies, stalled bodies, empty organizations,
// enormous fields, totals that change during an export, local files that cannot be written.
#include "csvwriter.h"
#include "exportjob.h"
#include "karmo/karmoparser.h"
#include "karmo/karmoroutes.h"
#include "providerfactory.h"
#include "sandbox/sandboxdata.h"
#include "testsupport.h"

#include <QBuffer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QTemporaryDir>

using namespace TestSupport;

class TestRealServers : public QObject
{
    Q_OBJECT

    SandboxServer m_server;
    QNetworkAccessManager m_nam;
    QTemporaryDir m_dir;

    static QString basePath(const QString &kind)
    {
        return kind == QLatin1String("csp") ? QString() : QLatin1Char('/') + kind;
    }

    Provider *make(const QString &kind, const QString &org,
        const QString &token = SandboxServer::demoToken(), HttpOptions tweak = {})
    {
        Profile p = SandboxDemo::profile(
            QStringLiteral("test %1 %2").arg(kind, org), kind, m_server.url(), org);
        p.credential.value = token;
        if (kind == QLatin1String("csp"))
            p.options.insert(QStringLiteral("tokenType"), QStringLiteral("access_token"));
        Provider *provider = ProviderFactory::create(p, token, &m_nam, this);
        tweak.backoffBaseMs = 10;
        provider->http()->setOptions(tweak);
        return provider;
    }

    QList<SandboxRequest> requestsFor(const QString &org) const
    {
        QList<SandboxRequest> out;
        for (const SandboxRequest &r : m_server.recentRequests()) {
            if (r.path.contains(org))
                out << r;
        }
        return out;
    }

    struct Exported
    {
        bool ok = false;
        ProviderError error;
        QString notice;
        qint64 rows = 0;
    };

    Exported exportTo(Provider *provider, const QString &path, int parallel = 4)
    {
        ExportJob::Options options;
        options.maxParallelPages = parallel;
        ExportJob job(provider, options);
        job.setOutputPath(path);
        QSignalSpy done(&job, &ExportJob::finished);
        job.start();
        Exported e;
        if (done.isEmpty() && !done.wait(60000))
            return e;
        e.ok = done.first().first().toBool();
        e.error = job.error();
        e.notice = job.notice();
        e.rows = job.rowsWritten();
        return e;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server.setLatencyMs(2);
        QVERIFY(m_server.start() != 0);
    }

    void init()
    {
        m_server.resetHits();
        m_server.clearRecentRequests();
    }

    void cookiesSetByALoadBalancerNeverReplaceTheProfilesSession()
    {
        // A 503 that sets cookies, then success: the retry must still carry the profile's session.
        const QString org = QStringLiteral("error-503-once-cookies-n40");
        const Walk walk = fetchAll(make(QStringLiteral("llamacloud"), org));
        QVERIFY2(!walk.error.isError(), qPrintable(walk.error.summary()));
        QCOMPARE(walk.users.size(), 40);
        const QList<SandboxRequest> requests = requestsFor(org);
        QCOMPARE(requests.size(), 2);
        for (const SandboxRequest &r : requests)
            QCOMPARE(r.header("Cookie"), QByteArray("session=roster-demo-token"));

        // Another profile on the same host, through the same manager, sends its own session only.
        m_server.clearRecentRequests();
        const Walk other = fetchAll(make(QStringLiteral("llamacloud"),
            QStringLiteral("acme-cookies-n10"), QStringLiteral("other-session")));
        QVERIFY2(!other.error.isError(), qPrintable(other.error.summary()));
        for (const SandboxRequest &r : requestsFor(QStringLiteral("acme-cookies-n10")))
            QCOMPARE(r.header("Cookie"), QByteArray("session=other-session"));
        // And nothing was kept for later: the shared jar stayed empty.
        QVERIFY(m_nam.cookieJar()
                    ->cookiesForUrl(m_server.url(QStringLiteral("/llamacloud/")))
                    .isEmpty());
    }

    void charRateLimitInTheBodyIsHonoured()
    {
        // Char's 429: retry_after in the body, X-RateLimit-Reset, no Retry-After header.
        Provider *c = make(QStringLiteral("char"), QStringLiteral("error-429-once-n30"));
        PageReply *reply = c->fetchPage({});
        QSignalSpy retrying(reply, &PageReply::retrying);
        QVERIFY(waitFor(reply));
        QVERIFY2(!reply->hasError(), qPrintable(reply->error().summary()));
        QCOMPARE(reply->page().users.size(), 30);
        QCOMPARE(retrying.size(), 1);
        QCOMPARE(
            retrying.first().at(1).toInt(), 1000); // the body's retry_after, not a 10 ms backoff
    }

    void rateLimitSignalsInOrder_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<QByteArray>("reset");
        QTest::addColumn<qint64>("hint");
        QTest::addColumn<qint64>("expected");
        const QDateTime now = QDateTime::fromSecsSinceEpoch(1800000000, Qt::UTC);
        const QByteArray in90s = QByteArray::number(now.toSecsSinceEpoch() + 90);
        QTest::newRow("Retry-After wins")
            << 429 << QByteArray("5") << in90s << qint64(7000) << qint64(5000);
        QTest::newRow("then the vendor's body")
            << 429 << QByteArray() << in90s << qint64(7000) << qint64(7000);
        QTest::newRow("then an epoch reset")
            << 429 << QByteArray() << in90s << qint64(-1) << qint64(90000);
        QTest::newRow("reset as seconds from now")
            << 429 << QByteArray() << QByteArray("42") << qint64(-1) << qint64(42000);
        QTest::newRow("reset in the past")
            << 429 << QByteArray() << QByteArray("1700000000") << qint64(-1) << qint64(0);
        QTest::newRow("reset only counts for 429")
            << 503 << QByteArray() << in90s << qint64(-1) << qint64(-1);
        QTest::newRow("nothing said")
            << 429 << QByteArray() << QByteArray() << qint64(-1) << qint64(-1);
    }

    void rateLimitSignalsInOrder()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, retryAfter);
        QFETCH(QByteArray, reset);
        QFETCH(qint64, hint);
        QFETCH(qint64, expected);
        HttpResponse r;
        r.status = status;
        if (!retryAfter.isEmpty())
            r.headers.append({"Retry-After", retryAfter});
        if (!reset.isEmpty())
            r.headers.append({"x-ratelimit-reset", reset});
        const QDateTime now = QDateTime::fromSecsSinceEpoch(1800000000, Qt::UTC);
        QCOMPARE(HttpClient::requestedDelayMs(
                     r, [hint](const HttpResponse &) { return hint; }, now),
            expected);
    }

    void karmoGatewayJson503IsRetried()
    {
        // {"message":"Service Unavailable"} is a gateway's, not Karmo's "not configured".
        const Walk once
            = fetchAll(make(QStringLiteral("karmo"), QStringLiteral("error-503-generic-once-n30")));
        QVERIFY2(!once.error.isError(), qPrintable(once.error.summary()));
        QCOMPARE(once.users.size(), 30);

        const ProviderError always
            = firstError(make(QStringLiteral("karmo"), QStringLiteral("error-503-generic")));
        QCOMPARE(always.httpStatus, 503);
        QCOMPARE(always.attempts, 4);
        QCOMPARE(always.name, QStringLiteral("SERVICE_UNAVAILABLE"));
        QCOMPARE(always.message, QStringLiteral("Service Unavailable"));

        // Karmo's own body (an 8-digit code) still means "not configured", and is not retried.
        const ProviderError karmo
            = firstError(make(QStringLiteral("karmo"), QStringLiteral("error-503")));
        QCOMPARE(karmo.attempts, 1);
        QCOMPARE(karmo.name, QStringLiteral("PROVIDER_NOT_CONFIGURED"));
        QCOMPARE(karmo.code, QStringLiteral("50300001"));
    }

    void karmoErrorBodyIsToldByItsCode_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("karmo");
        QTest::newRow("string code")
            << QByteArray(R"({"code":"50300001","message":"not configured"})") << true;
        QTest::newRow("numeric code") << QByteArray(R"({"code":50300001})") << true;
        QTest::newRow("short numeric code") << QByteArray(R"({"code":9001,"message":"x"})") << true;
        QTest::newRow("gateway message")
            << QByteArray(R"({"message":"Service Unavailable"})") << false;
        QTest::newRow("word code")
            << QByteArray(R"({"code":"UNAVAILABLE","message":"x"})") << false;
        QTest::newRow("nine digits") << QByteArray(R"({"code":"503000011"})") << false;
        QTest::newRow("html") << QByteArray("<html>503</html>") << false;
    }

    void karmoErrorBodyIsToldByItsCode()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, karmo);
        QCOMPARE(KarmoParser::isKarmoErrorBody(body), karmo);
    }

    void prettyReorderedKarmoPagesCostNoExtraRequest()
    {
        // Pretty-printed, "pagination" before "users", and a cursor left on the last page.
        const QString org = QStringLiteral("acme-pretty-n250");
        const Exported e = exportTo(
            make(QStringLiteral("karmo"), org), m_dir.filePath(QStringLiteral("pretty.csv")));
        QVERIFY2(e.ok, qPrintable(e.error.summary()));
        QCOMPARE(e.rows, 250);
        QCOMPARE(requestsFor(org).size(), 3);
    }

    void compressedAndChunkedBodies_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("org");
        QTest::addColumn<int>("users");
        QTest::newRow("karmo") << "karmo"
                               << "acme-gzip-chunked-n250" << 250;
        QTest::newRow("llamacloud") << "llamacloud"
                                    << "acme-gzip-chunked-n300" << 300;
        QTest::newRow("csp") << "csp"
                             << "acme-gzip-chunked-n450" << 450;
        QTest::newRow("char") << "char"
                              << "dir-gzip-chunked-n300" << 300;
        QTest::newRow("scim") << "scim"
                              << "acme-gzip-chunked-n450" << 450;
        QTest::newRow("scim pretty, cookies") << "scim"
                                              << "acme-pretty-cookies-n250" << 250;
        QTest::newRow("llamacloud chunked only") << "llamacloud"
                                                 << "acme-chunked-n2000" << 2000;
    }

    void compressedAndChunkedBodies()
    {
        QFETCH(QString, kind);
        QFETCH(QString, org);
        QFETCH(int, users);
        const Walk walk = fetchAll(make(kind, org));
        QVERIFY2(!walk.error.isError(), qPrintable(walk.error.summary()));
        QCOMPARE(walk.users.size(), users);
        QCOMPARE(walk.users.last().email, SandboxData::person(org, users - 1).email);
        const QList<SandboxRequest> requests = requestsFor(org);
        QVERIFY(!requests.isEmpty());
        if (org.contains(QLatin1String("gzip")))
            QVERIFY(requests.first().header("Accept-Encoding").contains("gzip"));
    }

    void stalledBodyTimesOutAndIsRetried()
    {
        HttpOptions quick;
        quick.timeoutMs = 300;
        const QString org = QStringLiteral("acme-stall-n150");
        const Walk walk
            = fetchAll(make(QStringLiteral("karmo"), org, SandboxServer::demoToken(), quick));
        QVERIFY2(!walk.error.isError(), qPrintable(walk.error.summary()));
        QCOMPARE(walk.users.size(), 150);
        QCOMPARE(requestsFor(org).size(), 4); // each of the two pages stalled once

        m_server.resetHits();
        quick.maxAttempts = 1;
        const ProviderError e
            = firstError(make(QStringLiteral("karmo"), org, SandboxServer::demoToken(), quick));
        QCOMPARE(e.kind, ProviderError::Kind::Timeout);
    }

    void emptyOrganizations_data()
    {
        QTest::addColumn<QString>("kind");
        for (const char *kind : {"karmo", "llamacloud", "csp", "char", "scim"})
            QTest::newRow(kind) << QString::fromLatin1(kind);
    }

    void emptyOrganizations()
    {
        QFETCH(QString, kind);
        const Walk walk = fetchAll(make(kind, QStringLiteral("empty-n0")));
        QVERIFY2(!walk.error.isError(), qPrintable(walk.error.summary()));
        QCOMPARE(walk.users.size(), 0);
        QCOMPARE(walk.pages, 1);
        const Exported e = exportTo(make(kind, QStringLiteral("empty-n0")),
            m_dir.filePath(kind + QStringLiteral("-empty.csv")));
        QVERIFY2(e.ok, qPrintable(e.error.summary()));
        QCOMPARE(e.rows, 0);
    }

    void enormousFieldsSurvive()
    {
        const QString huge(4 * 1024 * 1024, QLatin1Char('x'));
        const QByteArray body
            = "{\"users\":[{\"id\":\"user_1\",\"email\":\"a@example.com\",\"givenName\":\""
            + huge.toUtf8() + "\"}],\"pagination\":{\"hasNextPage\":false,\"nextCursor\":null}}";
        const ParseResult result = KarmoParser::parsePage(body);
        QVERIFY(result.ok());
        QCOMPARE(result.page.users.first().givenName.size(), huge.size());
        QBuffer out;
        QVERIFY(out.open(QIODevice::WriteOnly));
        CsvWriter writer(&out, {Column::Id, Column::GivenName}, {});
        QVERIFY(writer.writeHeader());
        QVERIFY(writer.writeUser(result.page.users.first()));
        QVERIFY(writer.flush());
        QCOMPARE(
            out.data().size(), qsizetype(strlen("id,given_name\r\nuser_1,\r\n")) + huge.size());
    }

    void aByteOrderMarkBeforeTheBodyIsIgnored()
    {
        const QByteArray body = "\xEF\xBB\xBF{\"users\":[{\"id\":\"user_1\",\"email\":\"a@example."
                                "com\"}],\"pagination\":{\"hasNextPage\":false}}";
        const ParseResult result = KarmoParser::parsePage(body);
        QVERIFY2(result.ok(), qPrintable(result.error.message));
        QCOMPARE(result.page.users.first().email, QStringLiteral("a@example.com"));
    }

    void aTotalThatChangesDuringAnExportIsReportedNotFailed()
    {
        // Someone joins with every request: CSP's totalResults grows while the export runs.
        const QString path = m_dir.filePath(QStringLiteral("growing.csv"));
        const Exported e
            = exportTo(make(QStringLiteral("csp"), QStringLiteral("growing-n450")), path);
        QVERIFY2(e.ok, qPrintable(e.error.summary()));
        QVERIFY(QFile::exists(path));
        QVERIFY2(e.notice.contains(QStringLiteral("450")), qPrintable(e.notice));
        QVERIFY2(e.notice.contains(QStringLiteral("%1 rows").arg(e.rows)), qPrintable(e.notice));
        QVERIFY(e.rows >= 450);

        // A steady organization gets no notice.
        const Exported steady
            = exportTo(make(QStringLiteral("csp"), QStringLiteral("acme-n450")), path);
        QVERIFY(steady.ok);
        QVERIFY(steady.notice.isEmpty());
    }

    void anUnwritableOutputIsALocalFileError()
    {
        const QString path = m_dir.filePath(QStringLiteral("no-such-folder/out.csv"));
        const Exported e
            = exportTo(make(QStringLiteral("karmo"), QStringLiteral("acme-n10")), path);
        QVERIFY(!e.ok);
        QCOMPARE(e.error.kind, ProviderError::Kind::LocalFile);
        QVERIFY2(e.error.message.contains(path), qPrintable(e.error.message));
    }

    void aFullDiskIsALocalFileError()
    {
        QFile full(QStringLiteral("/dev/full"));
        if (!full.open(QIODevice::WriteOnly))
            QSKIP("no /dev/full here");
        ExportJob job(make(QStringLiteral("karmo"), QStringLiteral("acme-n300")), {});
        job.setOutputDevice(&full);
        QSignalSpy done(&job, &ExportJob::finished);
        job.start();
        QVERIFY(done.wait(30000));
        QCOMPARE(done.first().first().toBool(), false);
        QCOMPARE(job.error().kind, ProviderError::Kind::LocalFile);
        QVERIFY2(job.error().message.contains(QStringLiteral("No space left on device")),
            qPrintable(job.error().message));
    }
};

QTEST_GUILESS_MAIN(TestRealServers)
#include "tst_realservers.moc"
