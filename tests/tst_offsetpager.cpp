// The parallel offset pager on its own, against CSP sandbox organizations that answer as real
// deployments do: pages capped below what was asked, pages shorter and longer than asked, a
// failure midway, a total that grows, an abort, nothing to fetch.
#include "csp/csproutes.h"
#include "offsetpager.h"
#include "providerfactory.h"
#include "testsupport.h"

#include <QNetworkAccessManager>

using namespace TestSupport;

class TestOffsetPager : public QObject
{
    Q_OBJECT

    SandboxServer m_server;
    QNetworkAccessManager m_nam;

    Provider *csp(const QString &org)
    {
        Profile p = sandboxProfile(m_server, QStringLiteral("csp"), org);
        p.options.insert(QStringLiteral("tokenType"), QStringLiteral("access_token"));
        Provider *provider = ProviderFactory::create(p, SandboxServer::demoToken(), &m_nam, this);
        fastRetries(provider);
        return provider;
    }

    struct Run
    {
        QStringList ids;
        bool finished = false;
        ProviderError error;
        QList<qint64> totals;
    };

    Run run(OffsetPager &pager, qint64 from, qint64 stride, qint64 total)
    {
        Run r;
        connect(&pager, &OffsetPager::usersReady, this, [&r](const QList<User> &users) {
            for (const User &u : users)
                r.ids << u.id;
        });
        connect(&pager, &OffsetPager::totalChanged, this, [&r](qint64 t) { r.totals << t; });
        connect(&pager, &OffsetPager::finished, this, [&r] { r.finished = true; });
        connect(&pager, &OffsetPager::failed, this, [&r](const ProviderError &e) { r.error = e; });
        pager.start(from, stride, total);
        [[maybe_unused]] const bool done
            = QTest::qWaitFor([&r] { return r.finished || r.error.isError(); }, 30000);
        return r;
    }

private slots:
    void initTestCase()
    {
        m_server.setLatencyMs(5);
        QVERIFY(m_server.start() != 0);
    }

    void init() { m_server.resetHits(); }

    void everyItemOnceAndInOrder_data()
    {
        QTest::addColumn<QString>("org");
        QTest::addColumn<int>("total");
        QTest::addColumn<int>("stride");
        QTest::newRow("plain") << "plain-n1000" << 1000 << 200;
        QTest::newRow("capped at 150, asked 200") << "capped-n1001" << 1001 << 200; // gaps to fill
        QTest::newRow("shorter and longer pages")
            << "uneven-n2001" << 2001 << 200; // gaps and overlaps
        QTest::newRow("a stride larger than any page") << "capped-n777" << 777 << 500;
    }

    void everyItemOnceAndInOrder()
    {
        QFETCH(QString, org);
        QFETCH(int, total);
        QFETCH(int, stride);
        OffsetPager pager(csp(org), 4);
        const Run r = run(pager, 0, stride, total);
        QVERIFY2(!r.error.isError(), qPrintable(r.error.summary()));
        QVERIFY(r.finished);
        QCOMPARE(r.ids.size(), total);
        for (int i = 0; i < total; ++i)
            QCOMPARE(r.ids[i], CspRoutes::userId(org, i));
        QCOMPARE(pager.position(), qint64(total));
    }

    // The stride follows the page size the server returns, not the one asked for: a capped or
    // uneven organization takes no more requests than its pages need, plus the pages already in
    // flight when the short page came back (keeping the asked stride costs +47 % requests for a
    // capped organization: every gap is filled with a request of its own).
    void requestsFollowTheReturnedPageSize_data()
    {
        QTest::addColumn<QString>("org");
        QTest::addColumn<int>("total");
        QTest::addColumn<int>("returned"); // the shortest page the server sends
        QTest::newRow("capped at 150, asked 200") << "capped-n20000" << 20000 << 150;
        QTest::newRow("uneven, 183 to 217, asked 200") << "uneven-n6001" << 6001 << 183;
    }

    void requestsFollowTheReturnedPageSize()
    {
        QFETCH(QString, org);
        QFETCH(int, total);
        QFETCH(int, returned);
        const int inFlight = 4;
        OffsetPager pager(csp(org), inFlight);
        const int before = m_server.requestCount();
        const Run r = run(pager, 0, 200, total);
        QVERIFY2(!r.error.isError(), qPrintable(r.error.summary()));
        QCOMPARE(r.ids.size(), total);
        const int requests = m_server.requestCount() - before;
        const int bound = (total + returned - 1) / returned + inFlight;
        QVERIFY2(requests <= bound,
            qPrintable(
                QStringLiteral("%1 requests, at most %2 expected").arg(requests).arg(bound)));
    }

    void startsWhereTheCallerStopped()
    {
        const QString org = QStringLiteral("resume-n600");
        OffsetPager pager(csp(org), 3);
        const Run r = run(pager, 250, 200, 600);
        QVERIFY(r.finished);
        QCOMPARE(r.ids.size(), 350);
        QCOMPARE(r.ids.first(), CspRoutes::userId(org, 250));
        QCOMPARE(r.ids.last(), CspRoutes::userId(org, 599));
    }

    void aFailureMidwayStopsAtAKnownPosition()
    {
        // Every page after the first fails: what came before is handed out, in order, and the
        // position says where to resume.
        const QString org = QStringLiteral("error-500-later-n1000");
        OffsetPager pager(csp(org), 4);
        const Run r = run(pager, 0, 200, 1000);
        QVERIFY(!r.finished);
        QCOMPARE(r.error.httpStatus, 500);
        QCOMPARE(pager.position(), qint64(r.ids.size()));
        QVERIFY(!pager.isRunning());
    }

    void aGrowingTotalIsFollowed()
    {
        const QString org = QStringLiteral("growing-n450");
        OffsetPager pager(csp(org), 4);
        const Run r = run(pager, 0, 200, 450);
        QVERIFY2(r.finished, qPrintable(r.error.summary()));
        QVERIFY(!r.totals.isEmpty());
        // Parallel answers can arrive out of order, so the last total heard need not be the
        // largest; the growth was seen and followed.
        QVERIFY(*std::max_element(r.totals.cbegin(), r.totals.cend()) > 450);
        QCOMPARE(pager.total(), r.totals.last());
        QCOMPARE(r.ids.size(), int(pager.position()));
        QVERIFY(r.ids.size() >= 450);
        for (int i = 0; i < r.ids.size(); ++i)
            QCOMPARE(r.ids[i], CspRoutes::userId(org, i));
    }

    void anAbortStopsEverySignal()
    {
        OffsetPager pager(csp(QStringLiteral("abort-n5000")), 4);
        QSignalSpy users(&pager, &OffsetPager::usersReady);
        QSignalSpy finished(&pager, &OffsetPager::finished);
        pager.start(0, 200, 5000);
        QVERIFY(users.wait(10000));
        pager.abort();
        const qsizetype seen = users.size();
        QVERIFY(!finished.wait(300));
        QCOMPARE(users.size(), seen);
        QVERIFY(!pager.isRunning());
    }

    void nothingToFetchFinishesAtOnce()
    {
        OffsetPager pager(csp(QStringLiteral("done-n100")), 4);
        const int before = m_server.requestCount();
        const Run r = run(pager, 100, 200, 100);
        QVERIFY(r.finished);
        QVERIFY(r.ids.isEmpty());
        QCOMPARE(m_server.requestCount(), before);
    }
};

QTEST_GUILESS_MAIN(TestOffsetPager)
#include "tst_offsetpager.moc"
