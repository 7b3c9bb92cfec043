// LlamaCloud against the sandbox: the whole array, roles and permissions, auth modes, FastAPI
// errors, bad bodies, parsing large arrays off the UI thread.
#include "httppagereply.h"
#include "llamacloud/llamacloudparser.h"
#include "llamacloud/llamacloudprovider.h"
#include "llamacloud/llamacloudroutes.h"
#include "sandbox/sandboxdata.h"
#include "testsupport.h"
#include "vendortest.h"

#include <QNetworkAccessManager>
#include <QThread>

using namespace TestSupport;

class TestLlamaCloud : public VendorTest<LlamaCloudProvider>
{
    Q_OBJECT

    LlamaCloudProvider *provider(const QString &org, const QString &auth = QStringLiteral("cookie"))
    {
        return make(QStringLiteral("llamacloud"), org, SandboxServer::demoToken(),
            {{QStringLiteral("auth"), auth}});
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

    void wholeOrganization()
    {
        const QString org = QStringLiteral("3fa85f64-n300");
        const Walk walk = fetchAll(provider(org));
        QVERIFY2(!walk.error.isError(), qPrintable(walk.error.summary()));
        QCOMPARE(walk.pages, 1);
        QCOMPARE(walk.users.size(), 300);
        QCOMPARE(walk.total, 300);
        int pending = 0, withRoles = 0, denied = 0, invitedByEmail = 0, invitedById = 0;
        for (int i = 0; i < walk.users.size(); ++i) {
            const User &u = walk.users[i];
            const SandboxPerson person = SandboxData::person(org, i);
            QCOMPARE(u.id, LlamaCloudRoutes::memberId(org, i));
            QCOMPARE(u.email, person.email);
            QCOMPARE(u.displayName, person.email);
            QCOMPARE(u.pending, person.pending);
            QCOMPARE(
                u.status, person.pending ? QStringLiteral("pending") : QStringLiteral("active"));
            QCOMPARE(u.userId.isEmpty(), person.pending);
            QCOMPARE(u.organizationId, org);
            pending += u.pending;
            withRoles += !u.roles.isEmpty();
            invitedByEmail += !u.invitedByEmail.isEmpty();
            invitedById += !u.invitedById.isEmpty() && u.invitedByEmail.isEmpty();
            if (!u.invitedByEmail.isEmpty())
                QCOMPARE(u.invitedBy(), u.invitedByEmail);
            for (const Role &r : u.roles) {
                QVERIFY(!r.name.isEmpty());
                QVERIFY(!r.isServiceRole());
                QVERIFY(!r.permissions.isEmpty());
                for (const Permission &perm : r.permissions)
                    denied += !perm.granted;
            }
        }
        // The sandbox covers the cases the window and CSV must handle.
        QVERIFY(pending > 0);
        QVERIFY(withRoles > 0);
        QVERIFY(denied > 0);
        QVERIFY(invitedByEmail > 0);
        QVERIFY(invitedById > 0);
    }

    void rolesColumnJoinsNames()
    {
        const ParseResult r = LlamaCloudParser::parsePage(
            "[{\"id\":\"m1\",\"email\":\"a@x\",\"organization_id\":\"o\",\"pending\":false,"
            "\"roles\":["
            "{\"id\":\"r1\",\"role_id\":\"R1\",\"role\":{\"id\":\"R1\",\"name\":\"admin\","
            "\"organization_id\":\"o\",\"permissions\":[]}},"
            "{\"id\":\"r2\",\"role_id\":\"R2\",\"role\":{\"id\":\"R2\",\"name\":\"viewer\","
            "\"organization_id\":\"o\",\"permissions\":["
            "{\"id\":\"p\",\"name\":\"projects:read\",\"description\":null,\"access\":false}]}}]}"
            "]");
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.page.users[0].value(Column::Roles), QStringLiteral("admin;viewer"));
        QCOMPARE(r.page.users[0].roles[1].permissions[0].granted, false);
        QCOMPARE(r.page.users[0].value(Column::GivenName), QString());
    }

    void cookieAuth()
    {
        fetchAll(provider(QStringLiteral("org-n1")));
        const SandboxRequest req = m_server.recentRequests().first();
        QCOMPARE(req.path, QStringLiteral("/llamacloud/api/v1/organizations/org-n1/users"));
        QCOMPARE(req.header("Cookie"), QByteArray("session=roster-demo-token"));
        QVERIFY(req.header("Authorization").isEmpty());
    }

    void bearerAuth()
    {
        fetchAll(provider(QStringLiteral("org-n1"), QStringLiteral("bearer")));
        const SandboxRequest req = m_server.recentRequests().first();
        QCOMPARE(req.header("Authorization"), QByteArray("Bearer roster-demo-token"));
        QVERIFY(req.header("Cookie").isEmpty());
    }

    void validationError()
    {
        const ProviderError e = firstError(provider(QStringLiteral("error-422")));
        QCOMPARE(e.httpStatus, 422);
        QCOMPARE(e.name, QStringLiteral("UNPROCESSABLE_ENTITY"));
        QCOMPARE(e.fieldErrors.size(), 2);
        QCOMPARE(e.fieldErrors[0].location, QStringLiteral("path.organization_id"));
        QCOMPARE(e.fieldErrors[0].detail, QStringLiteral("value is not a valid uuid"));
        QCOMPARE(e.fieldErrors[0].type, QStringLiteral("type_error.uuid"));
        QCOMPARE(e.fieldErrors[1].location, QStringLiteral("query.limit.0"));
        QCOMPARE(e.attempts, 1);
    }

    void detailErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("attempts");
        QTest::newRow("401") << 401 << "Not authenticated" << 1;
        QTest::newRow("403") << 403 << "You do not have access to this organization" << 1;
        QTest::newRow("404") << 404 << "Organization not found" << 1;
        QTest::newRow("429") << 429 << "Too many requests; slow down" << 4;
        QTest::newRow("500") << 500 << "Internal Server Error" << 1;
    }

    void detailErrors()
    {
        QFETCH(int, status);
        QFETCH(QString, message);
        QFETCH(int, attempts);
        const ProviderError e = firstError(provider(QStringLiteral("error-%1").arg(status)));
        QCOMPARE(e.httpStatus, status);
        QCOMPARE(e.name, ProviderError::statusName(status));
        QCOMPARE(e.message, message);
        QCOMPARE(e.attempts, attempts);
        QVERIFY(e.fieldErrors.isEmpty());
    }

    void badBodies_data()
    {
        QTest::addColumn<QString>("org");
        QTest::addColumn<QString>("message");
        QTest::newRow("malformed") << "malformed"
                                   << "not valid JSON";
        QTest::newRow("wrong types") << "wrong-types"
                                     << "[0]: \"pending\" should be true or false";
        QTest::newRow("truncated") << "truncated-n40"
                                   << "truncated";
    }

    void badBodies()
    {
        QFETCH(QString, org);
        QFETCH(QString, message);
        const ProviderError e = firstError(provider(org));
        QCOMPARE(e.kind, ProviderError::Kind::Malformed);
        QVERIFY2(e.message.contains(message), qPrintable(e.message));
        QVERIFY(!e.rawBody.isEmpty());
    }

    void largeArrayIsParsedOffTheUiThread()
    {
        // About 9 MB: above the threshold, so the parser must run on a worker thread.
        LlamaCloudProvider *l = provider(QStringLiteral("unused"));
        auto parseOn = [&](const QString &org, QThread **thread, int *users) {
            auto *reply = new HttpPageReply(
                QString(),
                [thread](const HttpResponse &response) {
                    *thread = QThread::currentThread();
                    return LlamaCloudParser::parsePage(response.body);
                },
                this);
            HttpRequest request;
            request.url = m_server.url(
                QStringLiteral("/llamacloud/api/v1/organizations/%1/users").arg(org));
            request.headers.append(qMakePair(QByteArray("Cookie"), QByteArray("session=x")));
            reply->start(l->http(), request);
            const bool done = waitFor(reply, 60000);
            *users = reply->hasError() ? -1 : int(reply->page().users.size());
            delete reply;
            return done;
        };
        QThread *bigThread = nullptr;
        QThread *smallThread = nullptr;
        int bigUsers = 0, smallUsers = 0;
        QVERIFY(parseOn(QStringLiteral("big-n12000"), &bigThread, &bigUsers));
        QVERIFY(parseOn(QStringLiteral("small-n3"), &smallThread, &smallUsers));
        QCOMPARE(bigUsers, 12000);
        QCOMPARE(smallUsers, 3);
        QVERIFY(bigThread != nullptr);
        QVERIFY(bigThread != QThread::currentThread());
        QCOMPARE(smallThread, QThread::currentThread());
    }
};

QTEST_GUILESS_MAIN(TestLlamaCloud)
#include "tst_llamacloud.moc"
