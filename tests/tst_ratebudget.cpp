// Pacing under a host's rate limit: every spelling of the rate-limit headers, the budget's spread
// and its wait for the reset, fewer pages in flight after a 429, and parallel CSP exports against
// the sandbox's fixed-window quota (alone and two profiles of one host at once) and its token
// bucket, that meet at most one 429.
#include "httpclient.h"
#include "offsetpager.h"
#include "providerfactory.h"
#include "ratebudget.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>

using namespace TestSupport;

namespace {
HttpResponse withHeaders(const HeaderList &headers)
{
    HttpResponse r;
    r.status = 200;
    r.headers = headers;
    return r;
}

RateLimitInfo info(qint64 limit, qint64 remaining, qint64 resetMs)
{
    RateLimitInfo i;
    i.limit = limit;
    i.remaining = remaining;
    i.resetMs = resetMs;
    return i;
}
} // namespace

class TestRateBudget : public QObject
{
    Q_OBJECT

    SandboxServer m_server;
    QNetworkAccessManager m_nam;

    Provider *csp(const QString &name, const QString &org) { return csp(name, org, m_server); }

    Provider *csp(const QString &name, const QString &org, SandboxServer &server)
    {
        Profile p = sandboxProfile(server, QStringLiteral("csp"), org);
        p.name = name;
        p.options.insert(QStringLiteral("tokenType"), QStringLiteral("access_token"));
        Provider *provider = ProviderFactory::create(p, SandboxServer::demoToken(), &m_nam, this);
        fastRetries(provider);
        return provider;
    }

    struct Run
    {
        int users = 0;
        bool finished = false;
        ProviderError error;
    };

    static void follow(OffsetPager &pager, Run *r)
    {
        connect(&pager, &OffsetPager::usersReady, &pager,
            [r](const QList<User> &users) { r->users += int(users.size()); });
        connect(&pager, &OffsetPager::finished, &pager, [r] { r->finished = true; });
        connect(
            &pager, &OffsetPager::failed, &pager, [r](const ProviderError &e) { r->error = e; });
    }

private slots:
    void initTestCase()
    {
        m_server.setLatencyMs(5);
        QVERIFY(m_server.start() != 0);
    }

    void headers_data()
    {
        QTest::addColumn<HeaderList>("headers");
        QTest::addColumn<qint64>("limit");
        QTest::addColumn<qint64>("remaining");
        QTest::addColumn<qint64>("resetMs");
        const qint64 epoch = QDateTime::currentSecsSinceEpoch();
        QTest::newRow("IETF RateLimit, draft 7")
            << HeaderList {{"RateLimit", "limit=100, remaining=40, reset=30"}} << qint64(100)
            << qint64(40) << qint64(30000);
        QTest::newRow("IETF RateLimit with RateLimit-Policy, draft 8")
            << HeaderList {{"RateLimit", "\"default\";r=7;t=12"},
                   {"RateLimit-Policy", "\"default\";q=50;w=60"}}
            << qint64(50) << qint64(7) << qint64(12000);
        QTest::newRow("RateLimit-Limit, -Remaining, -Reset")
            << HeaderList {{"RateLimit-Limit", "60"}, {"RateLimit-Remaining", "59"},
                   {"RateLimit-Reset", "5"}}
            << qint64(60) << qint64(59) << qint64(5000);
        QTest::newRow("RateLimit-Limit with a policy after it")
            << HeaderList {{"RateLimit-Limit", "100, 100;w=60"}, {"RateLimit-Remaining", "3"},
                   {"RateLimit-Reset", "9"}}
            << qint64(100) << qint64(3) << qint64(9000);
        QTest::newRow("X-RateLimit-*, GitHub's epoch reset")
            << HeaderList {{"x-ratelimit-limit", "5000"}, {"x-ratelimit-remaining", "4999"},
                   {"x-ratelimit-reset", QByteArray::number(epoch + 20)}}
            << qint64(5000) << qint64(4999) << qint64(20000);
        QTest::newRow("X-Rate-Limit-*, Okta's spelling")
            << HeaderList {{"X-Rate-Limit-Limit", "600"}, {"X-Rate-Limit-Remaining", "0"},
                   {"X-Rate-Limit-Reset", QByteArray::number(epoch + 40)}}
            << qint64(600) << qint64(0) << qint64(40000);
        QTest::newRow("none") << HeaderList {{"Content-Type", "application/json"}} << qint64(-1)
                              << qint64(-1) << qint64(-1);
        QTest::newRow("unreadable") << HeaderList {{"X-RateLimit-Remaining", "lots"}} << qint64(-1)
                                    << qint64(-1) << qint64(-1);
    }

    void headers()
    {
        QFETCH(HeaderList, headers);
        QFETCH(qint64, limit);
        QFETCH(qint64, remaining);
        QFETCH(qint64, resetMs);
        const RateLimitInfo i
            = RateLimitHeaders::read(withHeaders(headers), QDateTime::currentDateTimeUtc());
        QCOMPARE(i.limit, limit);
        QCOMPARE(i.remaining, remaining);
        // An epoch reset is read against the clock: allow the second it may have turned.
        QVERIFY2(std::abs(i.resetMs - resetMs) <= (resetMs > 0 ? 1000 : 0),
            qPrintable(QString::number(i.resetMs)));
    }

    void goesAtOnceWhileTheBudgetLasts()
    {
        RateBudget b;
        QCOMPARE(b.reserve().waitMs, 0); // nothing known yet
        b.answered(info(100, 80, 10000), 200);
        for (int i = 0; i < 50; ++i)
            QCOMPARE(b.reserve().waitMs, 0);
    }

    void untilTheFirstAnswerOneRequestGoesAndTheOthersWait()
    {
        RateBudget b;
        const RateBudget::Turn first = b.reserve();
        QVERIFY(first.counted);
        QCOMPARE(first.waitMs, 0);
        for (int i = 0; i < 7; ++i) {
            const RateBudget::Turn waiting = b.reserve();
            QVERIFY(!waiting.counted); // not counted: nothing to answer or release for it
            QVERIFY(waiting.waitMs > 0);
            QVERIFY(RateBudget::missed(waiting) || waiting.windowEnd <= RateBudget::nowMs());
        }
        b.answered(info(10, 9, 800), 200);
        // Known now: the rest of the window goes at once, the last of it spread, none over.
        int atOnce = 0;
        for (int i = 0; i < 9; ++i) {
            const RateBudget::Turn t = b.reserve();
            QVERIFY(t.counted);
            atOnce += t.waitMs == 0 ? 1 : 0;
        }
        QVERIFY2(atOnce >= 7 && atOnce < 9, qPrintable(QString::number(atOnce)));
        QVERIFY(b.reserve().waitMs >= 700); // the tenth waits for the reset
    }

    void aHostThatSaysNothingOfALimitIsNotWaitedFor()
    {
        RateBudget b;
        QVERIFY(b.reserve().counted);
        QVERIFY(!b.reserve().counted);
        b.answered(RateLimitInfo(), 200);
        for (int i = 0; i < 20; ++i) {
            const RateBudget::Turn t = b.reserve();
            QVERIFY(t.counted);
            QCOMPARE(t.waitMs, 0);
        }
    }

    void aFirstRequestThatFailedHandsTheQuestionToTheNext()
    {
        RateBudget b;
        QVERIFY(b.reserve().counted);
        QVERIFY(!b.reserve().counted);
        b.released(); // a transport failure: nothing learnt
        QVERIFY(b.reserve().counted); // this one asks now
        QVERIFY(!b.reserve().counted);
    }

    void aSlowFirstAnswerHoldsTheOthersASecondAtMost()
    {
        RateBudget b;
        QVERIFY(b.reserve().counted);
        QElapsedTimer waited;
        waited.start();
        QVERIFY(QTest::qWaitFor([&b] { return b.reserve().counted; }, 5000));
        QVERIFY2(waited.elapsed() >= 900, qPrintable(QString::number(waited.elapsed())));
    }

    void spreadsWhatIsLeftUntilTheReset()
    {
        RateBudget b;
        b.reserve().waitMs;
        b.answered(info(100, 5, 2000), 200);
        QList<qint64> waits;
        for (int i = 0; i < 5; ++i) {
            const RateBudget::Turn turn = b.reserve();
            QVERIFY(turn.windowEnd - RateBudget::nowMs() >= turn.waitMs - 5); // within this window
            waits << turn.waitMs;
        }
        // Spread, not spent at once, and all within the window.
        QVERIFY2(
            waits.last() >= 1200 && waits.last() < 2000, qPrintable(QString::number(waits.last())));
        for (int i = 1; i < waits.size(); ++i)
            QVERIFY(waits[i] >= waits[i - 1]);
        // Spent: the next waits for the window to start again.
        const qint64 spent = b.reserve().waitMs;
        QVERIFY2(spent >= 2000 && spent <= 2100, qPrintable(QString::number(spent)));
        // The next window allows its whole limit (100) as soon as it starts; the 101st waits for
        // the window after it.
        for (int i = 0; i < 99; ++i)
            QVERIFY(std::abs(b.reserve().waitMs - spent) <= 20);
        const qint64 later = b.reserve().waitMs;
        QVERIFY2(
            later >= spent + 1900 && later <= spent + 2100, qPrintable(QString::number(later)));
    }

    void aloneItGoesAtTheWindowsRateThenWaitsForTheReset()
    {
        RateBudget b;
        b.reserve().waitMs;
        b.answered(info(20, 19, 1000), 200); // one sent, one counted: nobody else spends it
        QList<qint64> waits;
        for (int i = 0; i < 19; ++i)
            waits << b.reserve().waitMs;
        // At once while it lasts, then the last ones spread at the window's rate (50 ms apart),
        // not over the whole time to the reset: an export that ends there does not wait for it.
        for (int i = 0; i < 17; ++i)
            QCOMPARE(waits[i], 0);
        QVERIFY2(waits[18] > 0 && waits[18] <= 2 * 50 + 5, qPrintable(QString::number(waits[18])));
        QVERIFY(waits[18] >= waits[17]);
        const qint64 spent = b.reserve().waitMs;
        QVERIFY2(spent >= 900 && spent <= 1100, qPrintable(QString::number(spent)));
    }

    void seeingAnotherClientSpendItSpreadsTheRestUntilTheReset()
    {
        RateBudget b;
        b.reserve().waitMs;
        b.answered(info(100, 99, 2000), 200); // alone so far
        for (int i = 0; i < 3; ++i)
            QCOMPARE(b.reserve().waitMs, 0);
        // The server counts 90 more than this process sent: someone else spends the window.
        b.answered(info(100, 6, 2000), 200);
        QList<qint64> waits;
        for (int i = 0; i < 6; ++i)
            waits << b.reserve().waitMs;
        QVERIFY2(
            waits.last() >= 1200 && waits.last() < 2000, qPrintable(QString::number(waits.last())));
    }

    void aTurnThatCameTooLateIsMissed()
    {
        QVERIFY(QTest::qWaitFor([] { return RateBudget::nowMs() > 5; })); // a clock past its start
        QVERIFY(!RateBudget::missed({}));
        QVERIFY(!RateBudget::missed({0, RateBudget::nowMs() + 1000}));
        QVERIFY(RateBudget::missed({0, RateBudget::nowMs() - 1}));
    }

    void answersOutOfOrderKeepTheLowestCount()
    {
        RateBudget b;
        b.reserve().waitMs;
        b.reserve().waitMs;
        b.answered(info(100, 1, 5000), 200); // the newer answer came first
        b.answered(info(100, 50, 5000), 200);
        QCOMPARE(b.reserve().waitMs, 0); // the one left goes now
        QVERIFY(b.reserve().waitMs >= 4900); // then the reset
    }

    void a429HalvesThePagesInFlightAndSuccessesGrowThemBack()
    {
        RateBudget b;
        b.reserve(); // a host that says nothing of its limit: eight go at once after the first
        b.answered({}, 200);
        for (int i = 0; i < 8; ++i)
            QVERIFY(b.reserve().counted);
        b.answered({}, 429);
        QCOMPARE(b.parallelAllowance(), 4);
        b.answered({}, 429);
        QCOMPARE(b.parallelAllowance(), 2);
        b.answered({}, 200);
        QCOMPARE(b.parallelAllowance(), 3);
        for (int i = 0; i < 100; ++i)
            b.answered({}, 200);
        QCOMPARE(b.parallelAllowance(), 64);
    }

    void oneHostOneBudget()
    {
        const auto a = RateBudget::forOrigin(QUrl(QStringLiteral("https://API.example.com/v1")));
        const auto b = RateBudget::forOrigin(QUrl(QStringLiteral("https://api.example.com:443/x")));
        const auto c = RateBudget::forOrigin(QUrl(QStringLiteral("https://api.example.com:8443/")));
        QCOMPARE(a.get(), b.get());
        QVERIFY(a.get() != c.get());
    }

    void aParallelExportStaysUnderTheHostsLimit_data()
    {
        QTest::addColumn<QString>("word");
        QTest::newRow("fixed window") << "quota";
        QTest::newRow("token bucket") << "bucket";
    }

    void aParallelExportStaysUnderTheHostsLimit()
    {
        QFETCH(QString, word);
        SandboxQuota &limit = word == QLatin1String("quota") ? m_server.quota() : m_server.bucket();
        limit.configure(10, 1);
        limit.reset();
        OffsetPager pager(csp(word, QStringLiteral("acme-%1-n3000").arg(word)), 8);
        Run r;
        follow(pager, &r);
        pager.start(0, 100, 3000);
        QVERIFY(QTest::qWaitFor([&r] { return r.finished || r.error.isError(); }, 60000));
        QVERIFY2(!r.error.isError(), qPrintable(r.error.message));
        QCOMPARE(r.users, 3000);
        QVERIFY2(limit.rejections() <= 1,
            qPrintable(QStringLiteral("%1 answers were 429").arg(limit.rejections())));
    }

    void theSandboxsBucketRefillsAsItGoes()
    {
        SandboxQuota q(SandboxQuota::Mode::TokenBucket);
        q.configure(10, 1);
        const qint64 t = 1700000000000;
        for (int i = 0; i < 10; ++i)
            QVERIFY(q.take(t).allowed);
        const SandboxQuota::Decision spent = q.take(t);
        QVERIFY(!spent.allowed);
        const RateLimitInfo i = RateLimitHeaders::read(
            withHeaders(spent.headers), QDateTime::fromMSecsSinceEpoch(t, Qt::UTC));
        QCOMPARE(i.limit, 10);
        QCOMPARE(i.remaining, 0);
        QCOMPARE(i.resetMs, 1000); // full again in a second
        QVERIFY(withHeaders(spent.headers).header("Retry-After") == "1");
        // 150 ms earns one request and a half: one goes, not two.
        QVERIFY(q.take(t + 150).allowed);
        QVERIFY(!q.take(t + 150).allowed);
        // Idle, it fills up to its size and no further.
        for (int k = 0; k < 10; ++k)
            QVERIFY(q.take(t + 5000).allowed);
        QVERIFY(!q.take(t + 5000).allowed);
        QCOMPARE(q.accepted(), 21);
        QCOMPARE(q.rejections(), 3);
    }

    void twoProfilesOfOneHostShareItsQuota_data()
    {
        QTest::addColumn<bool>("cold");
        QTest::newRow("a host already answered") << false;
        // A host not asked before in this process: 16 at once would spend a limit of 10 six times
        // over before its first answer tells it.
        QTest::newRow("a host not asked before") << true;
    }

    void twoProfilesOfOneHostShareItsQuota()
    {
        QFETCH(bool, cold);
        SandboxServer fresh;
        if (cold) {
            fresh.setLatencyMs(5);
            QVERIFY(fresh.start() != 0);
        }
        SandboxServer &server = cold ? fresh : m_server;
        server.quota().configure(10, 1);
        server.quota().reset();
        OffsetPager first(
            csp(QStringLiteral("quota a"), QStringLiteral("north-quota-n1500"), server), 8);
        OffsetPager second(
            csp(QStringLiteral("quota b"), QStringLiteral("south-quota-n1500"), server), 8);
        Run a;
        Run b;
        follow(first, &a);
        follow(second, &b);
        first.start(0, 100, 1500);
        second.start(0, 100, 1500);
        QVERIFY(QTest::qWaitFor(
            [&] { return (a.finished || a.error.isError()) && (b.finished || b.error.isError()); },
            60000));
        QVERIFY(!a.error.isError() && !b.error.isError());
        QCOMPARE(a.users + b.users, 3000);
        QVERIFY2(server.quota().rejections() <= 1,
            qPrintable(QStringLiteral("%1 answers were 429").arg(server.quota().rejections())));
    }
};

QTEST_MAIN(TestRateBudget)
#include "tst_ratebudget.moc"
