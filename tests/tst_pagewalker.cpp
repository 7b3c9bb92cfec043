// The one paging engine on its own, for every way the APIs page: a cursor a page at a time
// and to the end (prefetched on the hint), offsets in parallel with the stride the server really
// uses, one streamed array, every contradiction the metadata can hold, retries that resume where
// they failed, and aborts and restarts at awkward moments.
#include "column.h"
#include "csp/csproutes.h"
#include "karmo/karmoroutes.h"
#include "llamacloud/llamacloudroutes.h"
#include "pagewalker.h"
#include "providerfactory.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTimer>

using namespace TestSupport;
using namespace Qt::StringLiterals;

// A provider with no server: every page is what the test says, so the engine's own rules are
// reached even where every real parser refuses such a page first.
class StubReply : public PageReply
{
public:
    StubReply(const QString &token, Page page, QObject *parent)
        : PageReply(token, parent)
    {
        QTimer::singleShot(0, this, [this, page] { finishWithPage(page); });
    }
};

class StubProvider : public Provider
{
public:
    using Answer = std::function<Page(const QString &token)>;
    StubProvider(QNetworkAccessManager *nam, ProviderCapabilities::Paging paging, Answer answer)
        : Provider(Profile {}, nam, nullptr)
        , m_paging(paging)
        , m_answer(std::move(answer))
    { }
    QString kind() const override { return QStringLiteral("stub"); }
    ProviderCapabilities capabilities() const override
    {
        ProviderCapabilities c;
        c.paging = m_paging;
        return c;
    }
    PageReply *fetchPage(const QString &token) override
    {
        ++requests;
        return new StubReply(token, m_answer(token), this);
    }
    int requests = 0;

private:
    ProviderCapabilities::Paging m_paging;
    Answer m_answer;
};

class TestPageWalker : public QObject
{
    Q_OBJECT

    SandboxServer m_server;
    QNetworkAccessManager m_nam;

    Provider *make(const QString &kind, const QString &org)
    {
        Profile p = sandboxProfile(m_server, kind, org);
        if (kind == QLatin1String("csp"))
            p.options.insert(QStringLiteral("tokenType"), QStringLiteral("access_token"));
        Provider *provider = ProviderFactory::create(p, SandboxServer::demoToken(), &m_nam, this);
        fastRetries(provider);
        return provider;
    }

    // What a walker handed out, and how.
    struct Log
    {
        QStringList ids;
        int batches = 0;
        QList<PageWalker::State> states;
        QList<qint64> totals;
    };

    static void record(PageWalker &walker, Log &log)
    {
        connect(&walker, &PageWalker::usersReady, &walker, [&log](const QList<User> &users) {
            ++log.batches;
            for (const User &u : users)
                log.ids << u.id;
        });
        connect(&walker, &PageWalker::stateChanged, &walker,
            [&log](PageWalker::State s) { log.states << s; });
        connect(&walker, &PageWalker::totalChanged, &walker, [&log](qint64 t) { log.totals << t; });
    }

    // Waits for the walk to stop; a runaway one (a broken guard) is stopped at the test cap.
    static bool settle(PageWalker &walker, int timeoutMs = kWalkSeconds * 1000)
    {
        const bool settled = QTest::qWaitFor(
            [&walker] {
                return walker.state() != PageWalker::State::Fetching
                    || walker.delivered() >= kWalkUserCap;
            },
            timeoutMs);
        if (walker.delivered() >= kWalkUserCap) {
            walker.abort();
            qWarning("a walk ran past %lld users: is a guard of the engine broken?",
                qlonglong(kWalkUserCap));
            return false;
        }
        return settled;
    }

    static void verifyOnceInOrder(const QStringList &ids, const QString &org, qint64 count,
        QString (*idOf)(const QString &, qint64))
    {
        QCOMPARE(ids.size(), count);
        for (qint64 i = 0; i < count; ++i)
            QCOMPARE(ids.at(i), idOf(org, i));
    }

private slots:
    void initTestCase()
    {
        m_server.setLatencyMs(5);
        QVERIFY(m_server.start() != 0);
    }

    void init() { m_server.resetHits(); }

    void cursorOnePageAtATime()
    {
        const QString org = QStringLiteral("acme-n250");
        PageWalker walker(make(QStringLiteral("karmo"), org), {});
        Log log;
        record(walker, log);
        const int before = m_server.requestCount();
        walker.start();
        QVERIFY(settle(walker));
        QCOMPARE(walker.state(), PageWalker::State::Idle);
        QVERIFY(walker.hasMore());
        QCOMPARE(walker.delivered(), 100);
        QVERIFY(drain(m_server, m_nam)); // nothing more is asked until the caller does
        QCOMPARE(m_server.requestCount() - before, 2); // the page and drain()'s own request
        walker.fetchNext();
        QVERIFY(settle(walker));
        QCOMPARE(walker.delivered(), 200);
        walker.fetchNext();
        QVERIFY(settle(walker));
        QCOMPARE(walker.state(), PageWalker::State::Complete);
        QVERIFY(!walker.hasMore());
        walker.fetchNext(); // nothing left: a no-op
        QCOMPARE(walker.state(), PageWalker::State::Complete);
        QCOMPARE(m_server.requestCount() - before, 4);
        verifyOnceInOrder(log.ids, org, 250, &KarmoRoutes::userId);
    }

    void cursorToTheEndPrefetchesOnTheHint_data()
    {
        QTest::addColumn<QString>("org");
        QTest::newRow("compact") << "acme-n950";
        QTest::newRow("pretty, reordered, cursor kept on the last page") << "acme-pretty-n950";
    }

    void cursorToTheEndPrefetchesOnTheHint()
    {
        QFETCH(QString, org);
        PageWalker walker(make(QStringLiteral("karmo"), org), {});
        Log log;
        record(walker, log);
        const int before = m_server.requestCount();
        walker.start();
        walker.runToEnd();
        QVERIFY(settle(walker));
        QCOMPARE(walker.state(), PageWalker::State::Complete);
        verifyOnceInOrder(log.ids, org, 950, &KarmoRoutes::userId);
        // Every hint was right: one request per page, none wasted.
        QCOMPARE(m_server.requestCount() - before, 10);
        QCOMPARE(log.states.first(), PageWalker::State::Fetching);
        QCOMPARE(log.states.last(), PageWalker::State::Complete);
    }

    void offsetsInParallelWithTheServersStride_data()
    {
        QTest::addColumn<QString>("org");
        QTest::addColumn<int>("total");
        QTest::newRow("plain") << "plain-n1000" << 1000;
        QTest::newRow("capped at 150, asked 200") << "capped-n1001" << 1001;
        QTest::newRow("shorter and longer pages") << "uneven-n2001" << 2001;
        QTest::newRow("a single page") << "small-n7" << 7;
        QTest::newRow("nobody") << "empty-n0" << 0;
    }

    void offsetsInParallelWithTheServersStride()
    {
        QFETCH(QString, org);
        QFETCH(int, total);
        PageWalker walker(make(QStringLiteral("csp"), org), {4, true});
        Log log;
        record(walker, log);
        walker.start();
        walker.runToEnd();
        QVERIFY(settle(walker));
        QVERIFY2(
            walker.state() == PageWalker::State::Complete, qPrintable(walker.error().summary()));
        QCOMPARE(walker.total(), total);
        QCOMPARE(walker.firstTotal(), total);
        verifyOnceInOrder(log.ids, org, total, &CspRoutes::userId);
    }

    void rawRecordsAreKeptOnlyWhenAsked_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("org");
        QTest::addColumn<int>("parallel");
        QTest::newRow("karmo cursor pages") << u"karmo"_s << u"acme-n230"_s << 1;
        QTest::newRow("csp offsets in parallel") << u"csp"_s << u"acme-n450"_s << 4;
        QTest::newRow("llamacloud one array") << u"llamacloud"_s << u"acme-n300"_s << 1;
        QTest::newRow("char one array") << u"char"_s << u"acme-n120"_s << 1;
    }

    void rawRecordsAreKeptOnlyWhenAsked()
    {
        QFETCH(QString, kind);
        QFETCH(QString, org);
        QFETCH(int, parallel);
        // The same walk twice: with the records as received (the table's), and without (an
        // export's): the same users, field for field, only rawRecord differs.
        QList<User> walked[2];
        for (const bool keep : {true, false}) {
            PageWalker walker(make(kind, org), {parallel, true, keep});
            connect(&walker, &PageWalker::usersReady, &walker,
                [&walked, keep](const QList<User> &users) { walked[keep ? 0 : 1] << users; });
            walker.start();
            walker.runToEnd();
            QVERIFY(settle(walker));
            QVERIFY2(walker.state() == PageWalker::State::Complete,
                qPrintable(walker.error().summary()));
        }
        QCOMPARE(walked[1].size(), walked[0].size());
        QVERIFY(walked[0].size() > 100);
        for (qsizetype i = 0; i < walked[0].size(); ++i) {
            User kept = walked[0].at(i);
            const User bare = walked[1].at(i);
            QVERIFY2(!kept.rawRecord.isEmpty(), qPrintable(kept.id));
            QVERIFY2(bare.rawRecord.isEmpty(), qPrintable(bare.id));
            QVERIFY(QJsonDocument::fromJson(kept.rawRecord).isObject());
            QCOMPARE(bare.id, kept.id);
            QCOMPARE(bare.email, kept.email);
            QCOMPARE(bare.roles.size(), kept.roles.size());
            for (const Column c : Columns::all())
                QCOMPARE(Columns::info(c).value(bare), Columns::info(c).value(kept));
        }
    }

    void offsetsAfterSomePagesWereShown()
    {
        // The table shows a page or two, then the view jumps to the end.
        const QString org = QStringLiteral("capped-n1500");
        PageWalker walker(make(QStringLiteral("csp"), org), {4, true});
        Log log;
        record(walker, log);
        walker.start();
        QVERIFY(settle(walker));
        walker.fetchNext();
        QVERIFY(settle(walker));
        QCOMPARE(walker.delivered(), 300);
        walker.runToEnd();
        QVERIFY(settle(walker));
        QCOMPARE(walker.state(), PageWalker::State::Complete);
        verifyOnceInOrder(log.ids, org, 1500, &CspRoutes::userId);
    }

    void oneArrayStreamsInBatches()
    {
        const QString org = QStringLiteral("big-n8000");
        PageWalker walker(make(QStringLiteral("llamacloud"), org), {});
        Log log;
        record(walker, log);
        bool sawStreaming = false;
        connect(&walker, &PageWalker::usersReady, this,
            [&] { sawStreaming = sawStreaming || walker.isStreaming(); });
        walker.start();
        QVERIFY(settle(walker, 60000));
        QCOMPARE(walker.state(), PageWalker::State::Complete);
        QVERIFY2(log.batches > 1, qPrintable(QString::number(log.batches)));
        QVERIFY(sawStreaming);
        QCOMPARE(walker.total(), 8000);
        verifyOnceInOrder(log.ids, org, 8000, &LlamaCloudRoutes::memberId);
    }

    void aRetriedStreamSkipsWhatWasHandedOut()
    {
        const QString org = QStringLiteral("truncated-transport-once-n6000");
        PageWalker walker(make(QStringLiteral("llamacloud"), org), {});
        Log log;
        record(walker, log);
        m_server.holdCuts(true); // the cut comes once members were handed out
        walker.start();
        QTRY_VERIFY_WITH_TIMEOUT(walker.delivered() > 0, 30000);
        m_server.releaseCuts();
        m_server.holdCuts(false);
        QVERIFY(settle(walker, 60000));
        QCOMPARE(walker.state(), PageWalker::State::Failed);
        QCOMPARE(walker.error().kind, ProviderError::Kind::Network);
        const qint64 before = walker.delivered();
        QVERIFY2(before > 0 && before < 6000, qPrintable(QString::number(before)));
        QCOMPARE(log.ids.size(), before);
        walker.retry();
        QVERIFY(settle(walker, 60000));
        QVERIFY2(
            walker.state() == PageWalker::State::Complete, qPrintable(walker.error().summary()));
        verifyOnceInOrder(log.ids, org, 6000, &LlamaCloudRoutes::memberId);
    }

    void aRetryAfterAParallelPageFailedResumesThere()
    {
        const QString org = QStringLiteral("error-403-later-once-n1000");
        PageWalker walker(make(QStringLiteral("csp"), org), {4, true});
        Log log;
        record(walker, log);
        walker.start();
        walker.runToEnd();
        QVERIFY(settle(walker));
        QCOMPARE(walker.state(), PageWalker::State::Failed);
        QVERIFY(walker.hasMore());
        walker.retry();
        QVERIFY(settle(walker));
        QVERIFY2(
            walker.state() == PageWalker::State::Complete, qPrintable(walker.error().summary()));
        verifyOnceInOrder(log.ids, org, 1000, &CspRoutes::userId);
    }

    void contradictionsAreErrors_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("org");
        QTest::addColumn<int>("parallel");
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("message");
        const int loop = int(ProviderError::Kind::Loop);
        const int malformed = int(ProviderError::Kind::Malformed);
        QTest::newRow("karmo: a cursor used before") << "karmo"
                                                     << "loop-n500" << 1 << loop << "already used";
        QTest::newRow("csp: a link back to page one") << "csp"
                                                      << "loop-n500" << 1 << loop << "already used";
        QTest::newRow("karmo: empty page that claims more")
            << "karmo"
            << "empty-claims-more" << 1 << malformed << "claims another page";
        QTest::newRow("csp: empty page that claims more")
            << "csp"
            << "empty-claims-more-n500" << 4 << malformed << "claims another page";
        QTest::newRow("csp: a link to another origin")
            << "csp"
            << "foreign-link-n500" << 1 << int(ProviderError::Kind::ForeignOrigin)
            << "another origin";
        QTest::newRow("csp: a total never sent, page by page")
            << "csp"
            << "overcount-n450" << 1 << int(ProviderError::Kind::Mismatch)
            << "announced 455 users but 450";
        QTest::newRow("csp: a total never sent, in parallel")
            << "csp"
            << "overcount-n450" << 4 << malformed << "empty page at item 451 of 455";
    }

    void contradictionsAreErrors()
    {
        QFETCH(QString, kind);
        QFETCH(QString, org);
        QFETCH(int, parallel);
        QFETCH(int, error);
        QFETCH(QString, message);
        PageWalker walker(make(kind, org), {parallel, true});
        walker.start();
        walker.runToEnd();
        QVERIFY(settle(walker, 5000)); // a few pages: a contradiction shows at once
        QCOMPARE(walker.state(), PageWalker::State::Failed);
        QCOMPARE(int(walker.error().kind), error);
        QVERIFY2(walker.error().message.contains(message), qPrintable(walker.error().message));
    }

    void aChangingTotalIsFollowedAndKept()
    {
        PageWalker walker(make(QStringLiteral("csp"), QStringLiteral("growing-n1000")), {4, true});
        Log log;
        record(walker, log);
        walker.start();
        walker.runToEnd();
        QVERIFY(settle(walker));
        QVERIFY2(
            walker.state() == PageWalker::State::Complete, qPrintable(walker.error().summary()));
        QCOMPARE(walker.firstTotal(), 1000);
        QVERIFY(walker.total() > 1000);
        QCOMPARE(log.totals.last(), walker.total());
        // Parallel answers may come back out of order: every user handed out once, at least
        // as many as first announced.
        QVERIFY(walker.delivered() >= 1000);
        QCOMPARE(walker.delivered(), log.ids.size());
        QCOMPARE(QSet<QString>(log.ids.cbegin(), log.ids.cend()).size(), log.ids.size());
    }

    void nothingAfterAnAbort_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("org");
        QTest::newRow("mid-stream") << "llamacloud"
                                    << "abort-n12000";
        QTest::newRow("mid-parallel") << "csp"
                                      << "abort-n5000";
        QTest::newRow("mid-cursor walk") << "karmo"
                                         << "abort-n5000";
    }

    void nothingAfterAnAbort()
    {
        QFETCH(QString, kind);
        QFETCH(QString, org);
        PageWalker walker(make(kind, org), {4, true});
        Log log;
        record(walker, log);
        walker.start();
        walker.runToEnd();
        QVERIFY(QTest::qWaitFor([&log] { return !log.ids.isEmpty(); }, 30000));
        walker.abort();
        const qsizetype handed = log.ids.size();
        const qsizetype states = log.states.size();
        QCOMPARE(walker.state(), PageWalker::State::Idle);
        QVERIFY(drain(m_server, m_nam)); // every answer went out; none came through
        QCOMPARE(log.ids.size(), handed);
        QCOMPARE(log.states.size(), states);
        // fetchNext() goes on from where the abort stopped, with nobody twice.
        walker.runToEnd();
        QVERIFY(settle(walker, 60000));
        QVERIFY2(
            walker.state() == PageWalker::State::Complete, qPrintable(walker.error().summary()));
        QCOMPARE(QSet<QString>(log.ids.cbegin(), log.ids.cend()).size(), log.ids.size());
        QCOMPARE(walker.delivered(), walker.total() >= 0 ? walker.total() : walker.delivered());
    }

    void restartedFromItsOwnSignal()
    {
        // A receiver that starts the walk over while users are being handed out: the old walk
        // does not go on behind the new one.
        const QString org = QStringLiteral("acme-n250");
        PageWalker walker(make(QStringLiteral("karmo"), org), {});
        int restarts = 0;
        QStringList ids;
        connect(&walker, &PageWalker::usersReady, this, [&](const QList<User> &users) {
            for (const User &u : users)
                ids << u.id;
            if (restarts++ == 0) {
                ids.clear();
                walker.start();
                walker.runToEnd();
            }
        });
        walker.start();
        walker.runToEnd();
        QVERIFY(settle(walker));
        QCOMPARE(walker.state(), PageWalker::State::Complete);
        verifyOnceInOrder(ids, org, 250, &KarmoRoutes::userId);
    }

    void aGoneProviderIsAnError()
    {
        Provider *provider = make(QStringLiteral("karmo"), QStringLiteral("acme-n250"));
        PageWalker walker(provider, {});
        walker.start();
        QVERIFY(settle(walker));
        delete provider;
        walker.fetchNext();
        QCOMPARE(walker.state(), PageWalker::State::Failed);
        // Its profile was closed: the walk was stopped, not misconfigured.
        QCOMPARE(walker.error().kind, ProviderError::Kind::Cancelled);
    }

    // The provider (and with it every reply it made) deleted while a page, parallel pages or a
    // stream are in flight: the walk fails as Cancelled, touches nothing freed (asan), and
    // aborting or destroying it afterwards is harmless.
    void aProviderDeletedMidWalkCancelsIt_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("org");
        QTest::addColumn<bool>("toEnd");
        QTest::newRow("mid-page") << u"karmo"_s << u"gone-n300"_s << false;
        QTest::newRow("mid-cursor walk") << u"karmo"_s << u"gone-n900"_s << true;
        QTest::newRow("mid-parallel") << u"csp"_s << u"gone-n3000"_s << true;
        // "stall": half the array is sent, then nothing, so the stream is still arriving.
        QTest::newRow("mid-stream") << u"llamacloud"_s << u"gone-stall-n2000"_s << true;
    }

    void aProviderDeletedMidWalkCancelsIt()
    {
        QFETCH(QString, kind);
        QFETCH(QString, org);
        QFETCH(bool, toEnd);
        m_server.setLatencyMs(150);
        QPointer<Provider> provider = make(kind, org);
        auto *walker = new PageWalker(provider.data(), {4, true});
        QSignalSpy states(walker, &PageWalker::stateChanged);
        walker->start();
        if (toEnd) {
            // Once the first users are in: the next pages, the parallel ones or the rest of the
            // stream are then in flight.
            QTRY_VERIFY_WITH_TIMEOUT(walker->delivered() > 0, 10000);
            walker->runToEnd();
        }
        QTRY_VERIFY(m_server.requestCount() > 0);
        QCOMPARE(walker->state(), PageWalker::State::Fetching);
        delete provider.data();
        QTRY_COMPARE_WITH_TIMEOUT(walker->state(), PageWalker::State::Failed, 5000);
        QCOMPARE(walker->error().kind, ProviderError::Kind::Cancelled);
        QVERIFY2(
            walker->error().message.contains(u"closed"_s), qPrintable(walker->error().message));
        walker->abort();
        walker->fetchNext(); // nothing to ask: the provider is gone
        QCOMPARE(walker->state(), PageWalker::State::Failed);
        delete walker;
        m_server.setLatencyMs(5);
    }

    // The engine's own safety net: a page with no users that says more follows is an error,
    // first page or later, cursor or offset, never a silent end nor an endless walk.
    void anEmptyPageThatClaimsMoreIsMalformed_data()
    {
        QTest::addColumn<int>("paging");
        QTest::addColumn<int>("emptyAt"); // the page (0-based) that comes back empty
        QTest::newRow("cursor, first page") << int(ProviderCapabilities::Paging::Cursor) << 0;
        QTest::newRow("cursor, third page") << int(ProviderCapabilities::Paging::Cursor) << 2;
        QTest::newRow("offset, first page") << int(ProviderCapabilities::Paging::Offset) << 0;
    }

    void anEmptyPageThatClaimsMoreIsMalformed()
    {
        QFETCH(int, paging);
        QFETCH(int, emptyAt);
        StubProvider provider(
            &m_nam, ProviderCapabilities::Paging(paging), [emptyAt](const QString &token) {
                const int index = token.isEmpty() ? 0 : token.mid(1).toInt();
                Page page;
                page.nextToken = u"p"_s + QString::number(index + 1);
                if (index != emptyAt) {
                    page.users.resize(10);
                    for (int i = 0; i < 10; ++i)
                        page.users[i].id = u"u%1-%2"_s.arg(index).arg(i);
                }
                return page;
            });
        PageWalker walker(&provider, {1, false});
        walker.start();
        walker.runToEnd();
        QVERIFY(settle(walker, 10000));
        QCOMPARE(walker.state(), PageWalker::State::Failed);
        QCOMPARE(walker.error().kind, ProviderError::Kind::Malformed);
        QVERIFY2(walker.error().message.contains(u"says more follows"_s),
            qPrintable(walker.error().message));
        QCOMPARE(walker.delivered(), qint64(10 * emptyAt));
        QCOMPARE(provider.requests, emptyAt + 1);
    }

    // "Test connection": one small request whatever the organization's size. Paged kinds answer
    // with their first page; one-array kinds with their first members, the download stopped.
    void aProbeIsOneSmallRequest_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("org");
        QTest::addColumn<bool>("oneArray");
        QTest::newRow("karmo") << u"karmo"_s << u"probe-n5000"_s << false;
        QTest::newRow("csp") << u"csp"_s << u"probe-n5000"_s << false;
        QTest::newRow("llamacloud") << u"llamacloud"_s << u"probe-n50000"_s << true;
        QTest::newRow("char") << u"char"_s << u"probe-n50000"_s << true;
    }

    void aProbeIsOneSmallRequest()
    {
        QFETCH(QString, kind);
        QFETCH(QString, org);
        QFETCH(bool, oneArray);
        Provider *provider = make(kind, org);
        const int before = m_server.requestCount();
        PageReply *reply = provider->probe();
        QVERIFY(waitFor(reply, 15000));
        QVERIFY2(!reply->hasError(), qPrintable(reply->error().summary()));
        const Page &page = reply->page();
        QVERIFY(!page.users.isEmpty());
        QVERIFY2(page.users.size() <= (oneArray ? 10000 : 200),
            qPrintable(QString::number(page.users.size())));
        QVERIFY(page.hasMore());
        // CSP's token exchange is not asked for "access_token" profiles: one page request each.
        QCOMPARE(m_server.requestCount() - before, 1);
        delete reply;
        delete provider;
    }

    void aProbeReportsTheProvidersError()
    {
        Provider *provider = make(u"llamacloud"_s, u"error-422"_s);
        PageReply *reply = provider->probe();
        QVERIFY(waitFor(reply, 15000));
        QVERIFY(reply->hasError());
        QCOMPARE(reply->error().httpStatus, 422);
        delete reply;
        delete provider;
    }

    // Given a shared provider, the walker keeps it alive: its first holder letting go mid-walk
    // changes nothing.
    void aSharedProviderOutlivesItsOtherHolders()
    {
        Profile p = sandboxProfile(m_server, u"karmo"_s, u"shared-n350"_s);
        SharedProvider provider
            = ProviderFactory::createShared(p, SandboxServer::demoToken(), &m_nam);
        QPointer<Provider> watch(provider.get());
        PageWalker walker(provider, {});
        Log log;
        record(walker, log);
        walker.start();
        walker.runToEnd();
        provider.reset(); // the session closed
        QVERIFY(settle(walker));
        QCOMPARE(walker.state(), PageWalker::State::Complete);
        verifyOnceInOrder(log.ids, u"shared-n350"_s, 350, &KarmoRoutes::userId);
        QVERIFY(watch);
    }
};

QTEST_GUILESS_MAIN(TestPageWalker)
#include "tst_pagewalker.moc"
