// Karmo against the sandbox: paging to the end, request shape, every documented error,
// retries, malformed bodies, cursor loops, cancellation.
#include "karmo/karmoparser.h"
#include "karmo/karmoprovider.h"
#include "karmo/karmoroutes.h"
#include "sandbox/sandboxdata.h"
#include "testsupport.h"
#include "vendortest.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>

using namespace TestSupport;

class TestKarmo : public VendorTest<KarmoProvider>
{
    Q_OBJECT

    KarmoProvider *provider(
        const QString &org, const QString &token = SandboxServer::demoToken(), int pageSize = 0)
    {
        QJsonObject options;
        if (pageSize > 0)
            options.insert(QStringLiteral("pageSize"), pageSize);
        return make(QStringLiteral("karmo"), org, token, options, 60000);
    }

private slots:
    void initTestCase()
    {
        m_server.setLatencyMs(2);
        QVERIFY(m_server.start() != 0);
    }

    void init()
    {
        m_server.resetHits();
        m_server.clearRecentRequests();
    }

    void pagesToTheEnd()
    {
        const QString org = QStringLiteral("acme-n250");
        const Walk walk = fetchAll(provider(org));
        QVERIFY2(!walk.error.isError(), qPrintable(walk.error.summary()));
        QCOMPARE(walk.pages, 3);
        QCOMPARE(walk.users.size(), 250);
        for (int i = 0; i < walk.users.size(); ++i) {
            const SandboxPerson person = SandboxData::person(org, i);
            const User &u = walk.users.at(i);
            QCOMPARE(u.id, KarmoRoutes::userId(org, i));
            QCOMPARE(u.userId, u.id);
            QCOMPARE(u.email, person.email);
            QCOMPARE(u.givenName, person.givenName.isNull() ? QString() : person.givenName);
            QCOMPARE(u.familyName, person.familyName.isNull() ? QString() : person.familyName);
            QCOMPARE(u.phone, person.phone);
            const QString joined = User::joinNames(person.givenName, person.familyName);
            QCOMPARE(u.displayName, joined.isEmpty() ? person.email : joined);
            QVERIFY(!u.rawRecord.isEmpty());
        }
    }

    void exactlyOnePageWhenItFits()
    {
        const Walk walk = fetchAll(provider(QStringLiteral("acme-n100")));
        QCOMPARE(walk.users.size(), 100);
        QCOMPARE(walk.pages, 1);
        const Walk empty = fetchAll(provider(QStringLiteral("acme-n0")));
        QVERIFY(!empty.error.isError());
        QCOMPARE(empty.users.size(), 0);
    }

    void requestShape()
    {
        fetchAll(provider(QStringLiteral("shape-n150"), QStringLiteral("tok-1")));
        const QList<SandboxRequest> requests = m_server.recentRequests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests[0].path, QStringLiteral("/karmo/organizations/shape-n150/users"));
        QCOMPARE(requests[0].query.queryItemValue(QStringLiteral("limit")), QStringLiteral("100"));
        QVERIFY(!requests[0].query.hasQueryItem(QStringLiteral("after")));
        QVERIFY(!requests[0].query.hasQueryItem(QStringLiteral("before")));
        QCOMPARE(requests[0].header("Authorization"), QByteArray("Bearer tok-1"));
        QVERIFY(requests[1].query.hasQueryItem(QStringLiteral("after")));
        QCOMPARE(requests[1].query.queryItemValue(QStringLiteral("limit")), QStringLiteral("100"));
    }

    void pageSizeOption()
    {
        const Walk walk
            = fetchAll(provider(QStringLiteral("small-n95"), SandboxServer::demoToken(), 30));
        QCOMPARE(walk.users.size(), 95);
        QCOMPARE(walk.pages, 4);
        QCOMPARE(m_server.recentRequests().first().query.queryItemValue(QStringLiteral("limit")),
            QStringLiteral("30"));
    }

    void documentedErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("fieldErrors");
        QTest::newRow("400") << 400 << "BAD_REQUEST"
                             << "40000012"
                             << "Request validation failed" << 2;
        QTest::newRow("401") << 401 << "UNAUTHORIZED"
                             << "40100001"
                             << "Bearer token expired" << 0;
        QTest::newRow("403") << 403 << "FORBIDDEN"
                             << "40300003"
                             << "The token lacks the users:read scope" << 0;
        QTest::newRow("404 numeric code") << 404 << "NOT_FOUND"
                                          << "40400404"
                                          << "Organization not found" << 0;
        QTest::newRow("409 short numeric code padded") << 409 << "CONFLICT"
                                                       << "00009001"
                                                       << "Organization is being migrated" << 0;
        QTest::newRow("422") << 422 << "UNPROCESSABLE_ENTITY"
                             << "42200007"
                             << "Unprocessable organization filter" << 2;
        QTest::newRow("429") << 429 << "RATE_LIMITED"
                             << "42900001"
                             << "Rate limit exceeded" << 0;
        QTest::newRow("500") << 500 << "INTERNAL_SERVER_ERROR"
                             << "50000000"
                             << "Internal server error" << 0;
        QTest::newRow("503 not configured")
            << 503 << "PROVIDER_NOT_CONFIGURED"
            << "50300001"
            << "access-management provider is not configured for this environment" << 0;
    }

    void documentedErrors()
    {
        QFETCH(int, status);
        QFETCH(QString, name);
        QFETCH(QString, code);
        QFETCH(QString, message);
        QFETCH(int, fieldErrors);
        KarmoProvider *k = provider(QStringLiteral("error-%1").arg(status));
        fastRetries(k, 50);
        const ProviderError e = firstError(k);
        QCOMPARE(e.kind, ProviderError::Kind::Http);
        QCOMPARE(e.httpStatus, status);
        QCOMPARE(e.name, name);
        QCOMPARE(e.code, code);
        QCOMPARE(e.message, message);
        QCOMPARE(e.fieldErrors.size(), fieldErrors);
        if (fieldErrors) {
            QCOMPARE(e.fieldErrors[0].location, QStringLiteral("/email"));
            QCOMPARE(e.fieldErrors[0].detail, QStringLiteral("must be a valid email"));
        }
        QVERIFY(e.meta.contains(
            qMakePair(QStringLiteral("organizationId"), QStringLiteral("error-%1").arg(status))));
        QVERIFY(
            e.meta.contains(qMakePair(QStringLiteral("environment"), QStringLiteral("sandbox"))));
        QVERIFY(e.requestId.startsWith(QStringLiteral("sbx-")));
        QVERIFY(!e.rawBody.isEmpty());
        // 429 and a retryable 5xx are retried; everything else, and the "not configured" 503, is
        // not.
        const int expectedAttempts = (status == 429) ? 4 : 1;
        QCOMPARE(e.attempts, expectedAttempts);
        QCOMPARE(m_server.hits(QStringLiteral("karmo:error-%1").arg(status)), expectedAttempts);
        if (status == 429)
            QCOMPARE(e.retryAfterSeconds, 1);
        QVERIFY(!e.summary().contains(SandboxServer::demoToken()));
    }

    void rateLimitOnceThenSucceeds()
    {
        QElapsedTimer timer;
        timer.start();
        const Walk walk = fetchAll(provider(QStringLiteral("error-429-once-n20")));
        QVERIFY2(!walk.error.isError(), qPrintable(walk.error.summary()));
        QCOMPARE(walk.users.size(), 20);
        QVERIFY(timer.elapsed() >= 900); // Retry-After: 1 was honoured
        QCOMPARE(m_server.hits(QStringLiteral("karmo:error-429-once-n20")), 2);
    }

    void proxy503IsRetried()
    {
        const Walk walk = fetchAll(provider(QStringLiteral("error-503-proxy-once-n10")));
        QVERIFY2(!walk.error.isError(), qPrintable(walk.error.summary()));
        QCOMPARE(walk.users.size(), 10);
    }

    void proxy503GivesUp()
    {
        const ProviderError e = firstError(provider(QStringLiteral("error-503-proxy")));
        QCOMPARE(e.httpStatus, 503);
        QCOMPARE(e.name, QStringLiteral("SERVICE_UNAVAILABLE"));
        QCOMPARE(e.attempts, 4);
        QVERIFY(e.rawBody.contains("Service Temporarily Unavailable"));
    }

    void expiredToken()
    {
        const ProviderError e
            = firstError(provider(QStringLiteral("acme"), QStringLiteral("expired")));
        QCOMPARE(e.httpStatus, 401);
        QCOMPARE(e.code, QStringLiteral("40100001"));
    }

    void badBodies_data()
    {
        QTest::addColumn<QString>("org");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("malformed")
            << "malformed" << int(ProviderError::Kind::Malformed) << "not valid JSON";
        QTest::newRow("wrong types") << "wrong-types" << int(ProviderError::Kind::Malformed)
                                     << "users[0]: \"email\" should be a string";
        QTest::newRow("truncated")
            << "truncated-n50" << int(ProviderError::Kind::Malformed) << "truncated";
        QTest::newRow("empty page claims more")
            << "empty-claims-more" << int(ProviderError::Kind::Malformed)
            << "empty but claims another page";
        QTest::newRow("cursor loop")
            << "loop-n500" << int(ProviderError::Kind::Loop) << "already used";
        QTest::newRow("more follows, no cursor")
            << "null-cursor-n500" << int(ProviderError::Kind::Malformed)
            << "gives no \"nextCursor\"";
        QTest::newRow("connection cut mid-body")
            << "truncated-transport-n50" << int(ProviderError::Kind::Network) << "";
    }

    void badBodies()
    {
        QFETCH(QString, org);
        QFETCH(int, kind);
        QFETCH(QString, message);
        const Walk walk = fetchAll(provider(org));
        QVERIFY(!walk.timedOut);
        QCOMPARE(int(walk.error.kind), kind);
        QVERIFY2(walk.error.message.contains(message), qPrintable(walk.error.message));
    }

    void abortMidPage()
    {
        m_server.setLatencyMs(300);
        KarmoProvider *k = provider(QStringLiteral("acme-n50"));
        const int before = m_server.requestCount();
        PageReply *reply = k->fetchPage({});
        QSignalSpy finished(reply, &PageReply::finished);
        QTRY_VERIFY(m_server.requestCount() > before); // the request is at the server
        reply->abort();
        QVERIFY(drain(m_server, m_nam)); // its answer went out; nothing came of it
        m_server.setLatencyMs(2);
        QCOMPARE(finished.count(), 0);
        QVERIFY(!reply->isFinished());
        delete reply;
    }

    void deletingProviderMidPageIsSafe()
    {
        m_server.setLatencyMs(200);
        KarmoProvider *k = provider(QStringLiteral("acme-n50"));
        const int before = m_server.requestCount();
        k->fetchPage({});
        QTRY_VERIFY(m_server.requestCount() > before);
        delete k;
        QVERIFY(drain(m_server, m_nam)); // the answer to the deleted provider's request went out
        m_server.setLatencyMs(2);
    }

    void peekNextCursor_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("cursor");
        QTest::newRow("plain") << QByteArray(
            "{\"users\":[],\"pagination\":{\"hasNextPage\":true,\"nextCursor\":\"abc123\"}}")
                               << "abc123";
        QTest::newRow("spaces") << QByteArray("{\"pagination\": {\"nextCursor\" :  \"x-y\"}}")
                                << "x-y";
        QTest::newRow("null") << QByteArray(
            "{\"pagination\":{\"hasNextPage\":true,\"nextCursor\":null}}")
                              << "";
        QTest::newRow("no next page")
            << QByteArray("{\"pagination\":{\"hasNextPage\":false,\"nextCursor\":\"abc\"}}") << "";
        // The pagination object is parsed, so an escaped cursor is read exactly as the parser reads
        // it.
        QTest::newRow("escaped") << QByteArray("{\"pagination\":{\"nextCursor\":\"a\\\"b\"}}")
                                 << "a\"b";
        // Real servers pretty-print and order keys as they like (issue #12).
        QTest::newRow("pretty, pagination first") << QByteArray(
            "{\n    \"pagination\": {\n        \"hasNextPage\": true,\n        \"nextCursor\": "
            "\"c2\"\n    },\n    \"users\": [\n        {\"id\": \"u\", \"nextCursor\": "
            "\"decoy\"}\n    ]\n}\n") << "c2";
        QTest::newRow("pretty last page keeps its cursor") << QByteArray(
            "{\n  \"users\": [],\n  \"pagination\": {\n    \"nextCursor\": \"stale\",\n    "
            "\"previousCursor\": \"p\",\n    \"hasPreviousPage\": true,\n    \"hasNextPage\": "
            "false\n  }\n}") << "";
        QTest::newRow("cursor in a user, none in pagination") << QByteArray(
            "{\"users\":[{\"nextCursor\":\"decoy\"}],\"pagination\":{\"hasNextPage\":false}}")
                                                              << "";
        QTest::newRow("byte-order mark")
            << QByteArray("\xEF\xBB\xBF{\"pagination\":{\"nextCursor\":\"bom\"}}") << "bom";
        QTest::newRow("absent") << QByteArray("{\"users\":[]}") << "";
        QTest::newRow("truncated") << QByteArray("{\"pagination\":{\"nextCursor\":\"abc") << "";
    }

    void peekNextCursor()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, cursor);
        QCOMPARE(KarmoParser::peekNextCursor(body), cursor);
    }

    void parserCodeFormats()
    {
        QCOMPARE(KarmoParser::formatCode(QJsonValue(40100001)), QStringLiteral("40100001"));
        QCOMPARE(KarmoParser::formatCode(QJsonValue(42)), QStringLiteral("00000042"));
        QCOMPARE(
            KarmoParser::formatCode(QJsonValue(QStringLiteral("123"))), QStringLiteral("00000123"));
        QCOMPARE(KarmoParser::formatCode(QJsonValue(QStringLiteral("E-1"))), QStringLiteral("E-1"));
    }

    void parserAliasesAndNulls()
    {
        const ParseResult r
            = KarmoParser::parsePage("{\"users\":[{\"id\":\"u1\",\"email\":\"a@x\",\"phoneNumber\":"
                                     "\"+1555\",\"firstName\":\"A\",\"lastName\":null},"
                                     "{\"id\":\"u2\",\"email\":\"b@x\",\"mobile\":null}],"
                                     "\"pagination\":{\"hasNextPage\":false,\"nextCursor\":null}}");
        QVERIFY(r.ok());
        QCOMPARE(r.page.users.size(), 2);
        QCOMPARE(r.page.users[0].phone, QStringLiteral("+1555"));
        QCOMPARE(r.page.users[0].givenName, QStringLiteral("A"));
        QCOMPARE(r.page.users[0].displayName, QStringLiteral("A"));
        QCOMPARE(r.page.users[1].displayName, QStringLiteral("b@x"));
        QVERIFY(!r.page.hasMore());
        // "More follows" with no cursor to ask for it is refused, never a silent early end.
        const ParseResult more
            = KarmoParser::parsePage("{\"users\":[{\"id\":\"u1\",\"email\":\"a@x\"}],"
                                     "\"pagination\":{\"hasNextPage\":true,\"nextCursor\":null}}");
        QVERIFY(!more.ok());
        QCOMPARE(more.error.kind, ProviderError::Kind::Malformed);
    }
};

QTEST_GUILESS_MAIN(TestKarmo)
#include "tst_karmo.moc"
