#pragma once

#include "provider.h"
#include "providererror.h"
#include "tokenloopguard.h"
#include "user.h"

#include <QObject>
#include <QPointer>

class OffsetPager;
class PageReply;

// The one paging engine: walks a provider's organization and hands out its users in order, each
// exactly once, for the table (a page at a time, as the view asks) and the export (to the end)
// alike. It owns every way an API pages and every consistency rule:
// - cursor paging, with the next request sent as soon as the cursor is known (on the reply's hint,
//   before the page is parsed) when walking to the end;
// - offset paging with a total (CSP): once the first page is in, the rest several at a time
//   through OffsetPager, the stride taken from what the server returned;
// - one-array responses: users handed out in batches as they are parsed; a retried stream skips
//   the users already handed out;
// - a repeated token, an empty page that says more follows, and a total that is not what arrived
//   are errors, never a silent early end; a total that changes on the way is followed and both
//   numbers are kept (firstTotal(), total()) for the caller to report.
// abort() (or destroying the walker) stops everything in flight; no signal follows.
// Ownership: the walker owns every reply it asks for (aborts it, deletes it once read) and holds
// them through QPointer. Given a SharedProvider it keeps the provider alive for as long as it
// walks; given a plain pointer it notices when the provider, or a reply, is deleted under it and
// fails with a Cancelled error rather than touching it.
class PageWalker : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Idle, // nothing in flight; more follows (fetchNext) unless nothing was asked yet
        Fetching, // a page, a stream or parallel pages are in flight
        Complete, // every user was handed out
        Failed, // error() says why; retry() asks again where it failed
    };
    Q_ENUM(State)

    struct Options
    {
        int maxParallelPages = 4; // offset-paged APIs that report a total
        bool prefetch = true; // walking to the end: ask for the next page on the reply's hint
        // Users keep their records as received (for the table and the detail pane); an export, a
        // review or a snapshot, which need only the columns, turn it off.
        bool keepRawRecords = true;
    };

    // Walks `provider`, keeping it alive meanwhile.
    PageWalker(SharedProvider provider, Options options, QObject *parent = nullptr);
    // Walks `provider` (not owned): deleted under the walk, it fails the walk as Cancelled.
    PageWalker(Provider *provider, Options options, QObject *parent = nullptr);
    ~PageWalker() override;

    // Only the users matching a server search (Provider::searchQuery()); empty, the default, for
    // the whole organization. Takes effect at the next start().
    void setQuery(const QString &query) { m_query = query; }
    QString query() const { return m_query; }
    // From the first page (again, when called twice).
    void start();
    // Continues a walk stopped earlier: from `token` (a resumeToken() of that walk), the
    // `delivered` users before it already had, `firstTotal` the total it was first told (-1 when
    // none). The users handed out are the ones that walk would have handed out next.
    void startFrom(const QString &token, qint64 delivered, qint64 firstTotal);
    // Whether a walk of this provider can be continued later from a position: not for an API that
    // sends the whole organization in one response.
    bool canContinue() const { return !m_single; }
    // Where a later walk continues right after the users handed out so far (for startFrom()):
    // meaningful between batches, while canContinue(); empty once Complete.
    QString resumeToken() const;
    // The next page, when Idle with more to come.
    void fetchNext();
    // Every remaining page, then Complete: several at a time where the API allows it. When a
    // page is in flight, the walk goes on from it.
    void runToEnd();
    // After Failed: asks again for what failed, and goes on as before (to the end if asked to).
    void retry();
    // Stops whatever is in flight; nothing is emitted afterwards. fetchNext() resumes.
    void abort();

    State state() const { return m_state; }
    bool hasMore() const { return m_more; }
    bool isRunningToEnd() const { return m_toEnd; }
    // A one-array response is arriving.
    bool isStreaming() const;
    qint64 delivered() const { return m_delivered; }
    // The total the provider announced last, and first; -1 when it never said.
    qint64 total() const { return m_total; }
    qint64 firstTotal() const { return m_firstTotal; }
    const ProviderError &error() const { return m_error; }

signals:
    // The next users, in order; never one twice.
    void usersReady(const QList<User> &users);
    void stateChanged(PageWalker::State state);
    void totalChanged(qint64 total);
    void downloadProgress(qint64 received, qint64 total);
    void retrying(int nextAttempt, int delayMs);

private:
    PageReply *send(const QString &token);
    void watch(QObject *object);
    void lost();
    void request(const QString &token);
    void onFinished(PageReply *reply);
    bool acceptPage(const Page &page);
    void deliver(QList<User> users);
    void startParallel(qint64 stride);
    void dropPrefetch();
    void noteTotal(qint64 total);
    void complete();
    void fail(const ProviderError &error);
    void setState(State state);

    QPointer<Provider> m_provider;
    SharedProvider m_keepAlive; // empty when the provider is not shared with the walker
    QString m_query;
    Options m_options;
    bool m_single = false; // the whole organization in one response
    State m_state = State::Idle;
    bool m_more = true;
    bool m_toEnd = false;
    QString m_nextToken; // the page in flight, or the next one to ask for
    QPointer<PageReply> m_current;
    QPointer<PageReply> m_prefetch; // the next page, asked on a hint before this one was parsed
    bool m_prefetchReady = false; // it finished before its predecessor was handed out
    OffsetPager *m_pager = nullptr;
    TokenLoopGuard m_guard;
    qint64 m_delivered = 0;
    qint64 m_lastPageSize = 0;
    quint64 m_epoch = 0; // bumped by abort(): a walk restarted from a signal is not continued
    qint64 m_skip = 0; // users a repeated one-array response sends again, to drop
    qint64 m_total = -1;
    qint64 m_firstTotal = -1;
    ProviderError m_error;
};
