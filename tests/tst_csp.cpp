// CSP against the sandbox: offset paging with totals, nextLink handling, token exchange,
// caching, refresh on expiry and after a 401, invalid_grant, documented errors.
#include "csp/cspparser.h"
#include "csp/cspprovider.h"
#include "csp/csproutes.h"
#include "sandbox/sandboxdata.h"
#include "testsupport.h"
#include "vendortest.h"

#include <QNetworkAccessManager>

using namespace TestSupport;

class TestCsp : public VendorTest<CspProvider>
{
    Q_OBJECT

    CspProvider *provider(const QString &org,
        const QString &apiToken = QStringLiteral("api-token-1"), const QJsonObject &options = {})
    {
        return make(QStringLiteral("csp"), org, apiToken, options);
    }

    int exchanges() const { return m_server.hits(QStringLiteral("csp:exchange")); }

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

    void pagesToTheEndWithTotal()
    {
        const QString org = QStringLiteral("acme-n450");
        CspProvider *c = provider(org);
        const Walk walk = fetchAll(c);
        QVERIFY2(!walk.error.isError(), qPrintable(walk.error.summary()));
        QCOMPARE(walk.pages, 3);
        QCOMPARE(walk.total, 450);
        QCOMPARE(walk.users.size(), 450);
        int serviceRoles = 0, groups = 0;
        for (int i = 0; i < walk.users.size(); ++i) {
            const User &u = walk.users[i];
            const SandboxPerson person = SandboxData::person(org, i);
            QCOMPARE(u.id, CspRoutes::userId(org, i));
            QCOMPARE(u.email, person.email);
            QCOMPARE(u.username, person.username);
            QCOMPARE(u.idpId, person.idpId.isNull() ? QString() : person.idpId);
            const QString joined = User::joinNames(person.givenName, person.familyName);
            QCOMPARE(u.displayName, joined.isEmpty() ? person.username : joined);
            QVERIFY(!u.roles.isEmpty());
            QVERIFY(!u.roles.first().isServiceRole());
            for (const Role &r : u.roles) {
                serviceRoles += r.isServiceRole();
                groups += r.groups.size();
            }
        }
        QVERIFY(serviceRoles > 0);
        QVERIFY(groups > 0);
        // One exchange served every page.
        QCOMPARE(exchanges(), 1);
        QCOMPARE(c->exchangeCount(), 1);
    }

    void requestShape()
    {
        fetchAll(provider(QStringLiteral("shape-n250")));
        const QList<SandboxRequest> requests = m_server.recentRequests();
        QCOMPARE(requests.size(), 3); // exchange + two pages
        QCOMPARE(requests[0].method, QByteArray("POST"));
        QCOMPARE(requests[0].path, QStringLiteral("/csp/gateway/am/api/auth/api-tokens/authorize"));
        QCOMPARE(
            requests[0].header("Content-Type"), QByteArray("application/x-www-form-urlencoded"));
        QCOMPARE(requests[0].body, QByteArray("api_token=api-token-1"));
        QCOMPARE(requests[1].path, QStringLiteral("/csp/gateway/am/api/orgs/shape-n250/users"));
        QCOMPARE(
            requests[1].query.queryItemValue(QStringLiteral("pageStart")), QStringLiteral("1"));
        QCOMPARE(
            requests[1].query.queryItemValue(QStringLiteral("pageLimit")), QStringLiteral("200"));
        QVERIFY(requests[1].header("csp-auth-token").startsWith("csp-at-"));
        QVERIFY(requests[1].header("Authorization").isEmpty());
        QCOMPARE(
            requests[2].query.queryItemValue(QStringLiteral("pageStart")), QStringLiteral("201"));
    }

    void accessTokenWithAuthorizationHeader()
    {
        QJsonObject options {{QStringLiteral("tokenType"), QStringLiteral("access_token")},
            {QStringLiteral("authHeader"), QStringLiteral("authorization")}};
        const Walk walk = fetchAll(
            provider(QStringLiteral("org-n5"), QStringLiteral("my-access-token"), options));
        QVERIFY(!walk.error.isError());
        QCOMPARE(walk.users.size(), 5);
        QCOMPARE(exchanges(), 0);
        const SandboxRequest req = m_server.recentRequests().first();
        QCOMPARE(req.header("Authorization"), QByteArray("Bearer my-access-token"));
        QVERIFY(req.header("csp-auth-token").isEmpty());
    }

    void tokenTokenForOffset()
    {
        CspProvider *c = provider(QStringLiteral("o"));
        QCOMPARE(c->tokenForOffset(400),
            QStringLiteral("/csp/gateway/am/api/orgs/o/users?pageStart=401&pageLimit=200"));
        PageReply *reply = c->fetchPage(c->tokenForOffset(0));
        QVERIFY(waitFor(reply));
        QCOMPARE(reply->page().users.size(), 200);
    }

    void refreshedAfterExpiry()
    {
        CspProvider *c = provider(QStringLiteral("short-n10"), QStringLiteral("short-lived-1"));
        QVERIFY(!fetchAll(c).error.isError());
        QCOMPARE(exchanges(), 1);
        // Until the 2 s token has expired (it was due for refresh before that).
        const QString token
            = QString::fromUtf8(m_server.recentRequests().constLast().header("csp-auth-token"));
        QVERIFY(!token.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(
            m_server.cspTokenState(token) == SandboxServer::TokenState::Expired, 10000);
        const Walk again = fetchAll(c);
        QVERIFY2(!again.error.isError(), qPrintable(again.error.summary()));
        QCOMPARE(exchanges(), 2);
    }

    void refreshedOnceAfter401()
    {
        CspProvider *c = provider(QStringLiteral("error-401-once-n10"));
        const Walk walk = fetchAll(c);
        QVERIFY2(!walk.error.isError(), qPrintable(walk.error.summary()));
        QCOMPARE(walk.users.size(), 10);
        QCOMPARE(exchanges(), 2);
    }

    void persistent401IsNotRetriedForever()
    {
        CspProvider *c = provider(QStringLiteral("error-401"));
        const ProviderError e = firstError(c);
        QCOMPARE(e.httpStatus, 401);
        QCOMPARE(exchanges(), 2); // one refresh, then the error stands
    }

    void invalidGrant_data()
    {
        QTest::addColumn<QString>("apiToken");
        QTest::newRow("revoked") << "revoked";
        QTest::newRow("expired") << "expired";
    }

    void invalidGrant()
    {
        QFETCH(QString, apiToken);
        const ProviderError e = firstError(provider(QStringLiteral("org-n5"), apiToken));
        QCOMPARE(e.kind, ProviderError::Kind::Authentication);
        QCOMPARE(e.httpStatus, 400);
        QVERIFY2(e.message.contains(QStringLiteral("invalid_grant")), qPrintable(e.message));
        QVERIFY(e.message.contains(QStringLiteral("expired or revoked")));
        QCOMPARE(e.attempts, 1);
        QCOMPARE(exchanges(), 1);
        QVERIFY(!e.message.contains(apiToken == QLatin1String("revoked")
                ? QStringLiteral("revoked)")
                : QStringLiteral("api_token=")));
    }

    void documentedErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("cspCode");
        QTest::addColumn<int>("attempts");
        QTest::newRow("400") << 400 << "Invalid pageLimit: must be at most 200"
                             << "540.120-340.400" << 1;
        QTest::newRow("403") << 403 << "The user is not authorized to use the API"
                             << "540.120-340.403" << 1;
        QTest::newRow("404") << 404 << "Organization not found"
                             << "540.120-340.800" << 1;
        QTest::newRow("429") << 429 << "Too many requests"
                             << "540.120-340.429" << 4;
    }

    void documentedErrors()
    {
        QFETCH(int, status);
        QFETCH(QString, message);
        QFETCH(QString, cspCode);
        QFETCH(int, attempts);
        const ProviderError e = firstError(provider(QStringLiteral("error-%1").arg(status)));
        QCOMPARE(e.httpStatus, status);
        QCOMPARE(e.name, ProviderError::statusName(status));
        QCOMPARE(e.message, message);
        QCOMPARE(e.code, cspCode);
        QVERIFY(!e.requestId.isEmpty());
        QVERIFY(!e.requestId.startsWith(QStringLiteral("sbx-"))); // the body's requestId wins
        QVERIFY(e.meta.contains(qMakePair(QStringLiteral("moduleCode"), QStringLiteral("540"))));
        QVERIFY(e.meta.contains(
            qMakePair(QStringLiteral("traceId"), QStringLiteral("abc71b186e364bc4"))));
        QCOMPARE(e.attempts, attempts);
    }

    void numericModuleCode()
    {
        const ProviderError e = CspParser::parseError(401,
            R"({"statusCode":401,"message":"m","requestId":"r","moduleCode":540,"cspErrorCode":"c","traceId":"t","metadata":{"k":1}})",
            {});
        QVERIFY(e.meta.contains(qMakePair(QStringLiteral("moduleCode"), QStringLiteral("540"))));
        QVERIFY(e.meta.contains(qMakePair(QStringLiteral("metadata.k"), QStringLiteral("1"))));
    }

    void foreignNextLinkIsRefused()
    {
        const Walk walk = fetchAll(provider(QStringLiteral("foreign-link-n300")));
        QCOMPARE(walk.users.size(), 200);
        QCOMPARE(walk.error.kind, ProviderError::Kind::ForeignOrigin);
        QVERIFY(walk.error.message.contains(QStringLiteral("127.0.0.2")));
        // Nothing was sent to the other origin: the sandbox saw only the exchange and one page.
        QCOMPARE(m_server.recentRequests().size(), 2);
    }

    void badBodies_data()
    {
        QTest::addColumn<QString>("org");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("malformed")
            << "malformed" << int(ProviderError::Kind::Malformed) << "not valid JSON";
        QTest::newRow("wrong types") << "wrong-types" << int(ProviderError::Kind::Malformed)
                                     << "\"email\" should be a string";
        QTest::newRow("truncated")
            << "truncated-n30" << int(ProviderError::Kind::Malformed) << "truncated";
        QTest::newRow("empty page claims more")
            << "empty-claims-more-n500" << int(ProviderError::Kind::Malformed)
            << "empty but claims another page";
        QTest::newRow("link loop")
            << "loop-n500" << int(ProviderError::Kind::Loop) << "already used";
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

    void concurrentPagesShareOneExchange()
    {
        CspProvider *c = provider(QStringLiteral("par-n1000"));
        QList<PageReply *> replies;
        for (int i = 0; i < 5; ++i)
            replies << c->fetchPage(c->tokenForOffset(qint64(i) * 200));
        for (PageReply *r : replies) {
            QVERIFY(waitFor(r));
            QVERIFY2(!r->hasError(), qPrintable(r->error().summary()));
            QCOMPARE(r->page().users.size(), 200);
        }
        QCOMPARE(exchanges(), 1);
        QCOMPARE(replies[4]->page().users.last().id,
            CspRoutes::userId(QStringLiteral("par-n1000"), 999));
    }
};

QTEST_GUILESS_MAIN(TestCsp)
#include "tst_csp.moc"
