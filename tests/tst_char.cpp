// Char against the sandbox: directory users, raw_attributes decoded twice, directory discovery,
// documented errors with data{code, field, details}, rate limit headers, bad bodies.
#include "char/charparser.h"
#include "char/charprovider.h"
#include "char/charroutes.h"
#include "sandbox/sandboxdata.h"
#include "testsupport.h"
#include "vendortest.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>

using namespace TestSupport;

class TestChar : public VendorTest<CharProvider>
{
    Q_OBJECT

    CharProvider *provider(const QString &dir, const QString &token = SandboxServer::demoToken())
    {
        return make(QStringLiteral("char"), dir, token);
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

    void directoryUsers()
    {
        const QString dir = QStringLiteral("9b2f0c1e-n200");
        const Walk walk = fetchAll(provider(dir));
        QVERIFY2(!walk.error.isError(), qPrintable(walk.error.summary()));
        QCOMPARE(walk.users.size(), 200);
        int decoded = 0, keptAsString = 0, inactive = 0;
        for (int i = 0; i < walk.users.size(); ++i) {
            const User &u = walk.users[i];
            const SandboxPerson person = SandboxData::person(dir, i);
            QCOMPARE(u.id, CharRoutes::recordId(dir, i));
            QCOMPARE(u.email, person.email);
            QCOMPARE(
                u.status, person.active ? QStringLiteral("active") : QStringLiteral("inactive"));
            QCOMPARE(u.organizationId, dir);
            inactive += !person.active;
            if (u.rawAttributesIsJson) {
                ++decoded;
                const QJsonDocument doc = QJsonDocument::fromJson(u.rawAttributes.toUtf8());
                QVERIFY(doc.isObject());
                QVERIFY(doc.object().contains(QStringLiteral("department")));
            } else if (!u.rawAttributes.isEmpty()) {
                ++keptAsString;
                QCOMPARE(u.rawAttributes, QStringLiteral("not json {"));
            }
        }
        QVERIFY(decoded > 0);
        QVERIFY(keptAsString > 0);
        QVERIFY(inactive > 0);
        const SandboxRequest req = m_server.recentRequests().first();
        QCOMPARE(req.path, QStringLiteral("/char/api/directories/9b2f0c1e-n200/users"));
        QCOMPARE(req.header("Authorization"), QByteArray("Bearer roster-demo-token"));
    }

    void listsDirectories()
    {
        CharProvider *c = provider(QStringLiteral("unused"));
        HttpCall *call = c->requestDirectories(this);
        QSignalSpy spy(call, &HttpCall::finished);
        QVERIFY(spy.wait(10000));
        QVERIFY(call->hasResponse());
        QList<CharDirectory> dirs;
        ProviderError error;
        QVERIFY(CharParser::parseDirectories(call->response().body, &dirs, &error));
        QCOMPARE(dirs.size(), 3);
        QCOMPARE(dirs[0].id, CharRoutes::demoDirectoryId(0));
        QCOMPARE(dirs[0].name, QStringLiteral("Acme Corp (Okta)"));
        QCOMPARE(dirs[0].userCount, qint64(25000));
    }

    void documentedErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("400") << 400 << "BAD_REQUEST"
                             << "VALIDATION_ERROR"
                             << "id";
        QTest::newRow("401") << 401 << "UNAUTHORIZED"
                             << "AUTH_REQUIRED"
                             << "";
        QTest::newRow("403") << 403 << "FORBIDDEN"
                             << "ACCESS_DENIED"
                             << "directory_id";
        QTest::newRow("404") << 404 << "NOT_FOUND"
                             << "RESOURCE_NOT_FOUND"
                             << "id";
        QTest::newRow("409") << 409 << "CONFLICT"
                             << "CONFLICT"
                             << "";
        QTest::newRow("500") << 500 << "INTERNAL_ERROR"
                             << "INTERNAL_ERROR"
                             << "";
    }

    void documentedErrors()
    {
        QFETCH(int, status);
        QFETCH(QString, name);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const ProviderError e = firstError(provider(QStringLiteral("error-%1").arg(status)));
        QCOMPARE(e.httpStatus, status);
        QCOMPARE(e.name, name);
        QCOMPARE(e.code, code);
        QVERIFY(!e.message.isEmpty());
        if (!field.isEmpty()) {
            QCOMPARE(e.fieldErrors.size(), 1);
            QCOMPARE(e.fieldErrors[0].location, field);
        }
        QCOMPARE(e.attempts, 1);
    }

    void orgContextRequired()
    {
        const ProviderError e
            = firstError(provider(QStringLiteral("dir"), QStringLiteral("no-org-claim")));
        QCOMPARE(e.httpStatus, 403);
        QCOMPARE(e.code, QStringLiteral("ORG_CONTEXT_REQUIRED"));
    }

    void rateLimited()
    {
        const ProviderError e = firstError(provider(QStringLiteral("error-429")));
        QCOMPARE(e.httpStatus, 429);
        QCOMPARE(e.name, QStringLiteral("RATE_LIMITED"));
        QCOMPARE(e.retryAfterSeconds, 1);
        QCOMPARE(e.attempts, 4);
        QVERIFY(
            e.meta.contains(qMakePair(QStringLiteral("X-RateLimit-Limit"), QStringLiteral("100"))));
        QVERIFY(e.meta.contains(
            qMakePair(QStringLiteral("X-RateLimit-Remaining"), QStringLiteral("0"))));
        QVERIFY(e.meta.contains(
            qMakePair(QStringLiteral("X-RateLimit-Reset"), QStringLiteral("1767225600"))));
    }

    void rateLimitedOnceThenSucceeds()
    {
        const Walk walk = fetchAll(provider(QStringLiteral("error-429-once-n7")));
        QVERIFY2(!walk.error.isError(), qPrintable(walk.error.summary()));
        QCOMPARE(walk.users.size(), 7);
    }

    void badBodies_data()
    {
        QTest::addColumn<QString>("org");
        QTest::addColumn<QString>("message");
        QTest::newRow("malformed") << "malformed"
                                   << "not valid JSON";
        QTest::newRow("wrong types") << "wrong-types"
                                     << "Expected a JSON array";
        QTest::newRow("truncated") << "truncated-n20"
                                   << "truncated";
    }

    void badBodies()
    {
        QFETCH(QString, org);
        QFETCH(QString, message);
        const ProviderError e = firstError(provider(org));
        QCOMPARE(e.kind, ProviderError::Kind::Malformed);
        QVERIFY2(e.message.contains(message), qPrintable(e.message));
    }
};

QTEST_GUILESS_MAIN(TestChar)
#include "tst_char.moc"
