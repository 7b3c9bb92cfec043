#include "pagewalker.h"

#include "offsetpager.h"
#include "pagereply.h"
#include "provider.h"

namespace {

void discard(PageReply *reply, QObject *receiver)
{
    if (!reply)
        return;
    reply->abort();
    reply->disconnect(receiver);
    reply->deleteLater();
}

} // namespace

PageWalker::PageWalker(SharedProvider provider, Options options, QObject *parent)
    : PageWalker(provider.get(), options, parent)
{
    m_keepAlive = std::move(provider);
}

PageWalker::PageWalker(Provider *provider, Options options, QObject *parent)
    : QObject(parent)
    , m_provider(provider)
    , m_options(options)
{
    m_options.maxParallelPages = std::max(1, m_options.maxParallelPages);
    m_single = provider && provider->capabilities().paging == ProviderCapabilities::Paging::Single;
    if (provider)
        watch(provider);
}

PageWalker::~PageWalker()
{
    abort();
}

bool PageWalker::isStreaming() const
{
    return m_current && m_current->isIncremental();
}

void PageWalker::start()
{
    startFrom(m_provider ? m_provider->firstToken(m_query) : QString(), 0, -1);
}

void PageWalker::startFrom(const QString &token, qint64 delivered, qint64 firstTotal)
{
    abort();
    m_guard.reset();
    m_nextToken.clear();
    m_more = true;
    m_delivered = std::max<qint64>(0, delivered);
    m_lastPageSize = 0;
    m_skip = 0;
    m_total = -1;
    m_firstTotal = firstTotal;
    m_error = ProviderError();
    m_state = State::Idle;
    request(token);
}

QString PageWalker::resumeToken() const
{
    if (m_single || !m_provider || m_state == State::Complete)
        return {};
    if (m_delivered == 0)
        return m_provider->firstToken(m_query);
    // Offsets: the first user not handed out, however many pages are in flight around it.
    if (m_provider->capabilities().paging == ProviderCapabilities::Paging::Offset)
        return m_provider->tokenForOffset(m_delivered, m_query);
    // Cursors: the page after the last one handed out (asked already, or about to be).
    return m_more ? m_nextToken : QString();
}

void PageWalker::fetchNext()
{
    if (m_state != State::Idle || !m_more)
        return;
    request(m_nextToken);
}

void PageWalker::runToEnd()
{
    m_toEnd = true;
    if (m_state != State::Idle || !m_more)
        return;
    if (m_provider && m_provider->capabilities().paging == ProviderCapabilities::Paging::Offset
        && m_total > m_delivered && m_delivered > 0 && m_options.maxParallelPages > 1) {
        startParallel(m_lastPageSize > 0 ? m_lastPageSize : m_provider->capabilities().pageSize);
        return;
    }
    request(m_nextToken);
}

void PageWalker::retry()
{
    if (m_state != State::Failed)
        return;
    m_error = ProviderError();
    m_state = State::Idle;
    if (m_toEnd)
        runToEnd();
    else
        request(m_nextToken);
}

void PageWalker::abort()
{
    ++m_epoch;
    discard(std::exchange(m_current, nullptr), this);
    dropPrefetch();
    if (m_pager) {
        m_pager->abort();
        m_pager->deleteLater();
        m_pager = nullptr;
    }
    if (m_state == State::Fetching)
        m_state = State::Idle; // silently: nothing is emitted after an abort
}

void PageWalker::dropPrefetch()
{
    discard(std::exchange(m_prefetch, nullptr), this);
    m_prefetchReady = false;
}

// Something the walk depends on (the provider, a reply in flight) is deleted by someone else:
// its profile was closed. The walk fails as Cancelled, once control is back in the event loop.
void PageWalker::watch(QObject *object)
{
    connect(object, &QObject::destroyed, this, &PageWalker::lost);
}

void PageWalker::lost()
{
    if (m_state != State::Fetching)
        return;
    const quint64 epoch = m_epoch;
    QMetaObject::invokeMethod(
        this,
        [this, epoch] {
            if (epoch == m_epoch && m_state == State::Fetching)
                fail(ProviderError::make(ProviderError::Kind::Cancelled,
                    tr("The profile was closed while its users were being read.")));
        },
        Qt::QueuedConnection);
}

PageReply *PageWalker::send(const QString &token)
{
    PageReply *reply = m_provider->fetchPage(token);
    reply->setKeepsRawRecords(m_options.keepRawRecords);
    watch(reply);
    connect(reply, &PageReply::retrying, this, &PageWalker::retrying);
    connect(reply, &PageReply::finished, this, [this, reply] { onFinished(reply); });
    connect(reply, &PageReply::progress, this, [this, reply](qint64 received, qint64 total) {
        if (reply == m_current)
            emit downloadProgress(received, total);
    });
    connect(reply, &PageReply::nextTokenHint, this, [this, reply](const QString &hint) {
        // Only when nothing is queued yet: a wrong hint costs one request, never a wrong row.
        if (m_toEnd && m_options.prefetch && reply == m_current && !m_prefetch && !m_pager)
            m_prefetch = send(hint);
    });
    if (m_single) {
        // One array: users are handed out as they are parsed, not when the last byte is in.
        reply->setIncremental(true);
        connect(reply, &PageReply::usersArrived, this, [this, reply](const QList<User> &users) {
            if (reply == m_current)
                deliver(users);
        });
    }
    return reply;
}

void PageWalker::request(const QString &token)
{
    if (!m_provider) {
        fail(ProviderError::make(ProviderError::Kind::Cancelled,
            tr("The profile was closed before its users were read.")));
        return;
    }
    m_guard.markUsed(token);
    m_nextToken = token;
    // A one-array API can only send the whole array again: what was handed out is skipped.
    if (m_single)
        m_skip = m_delivered;
    m_current = send(token);
    setState(State::Fetching);
}

void PageWalker::onFinished(PageReply *reply)
{
    if (reply == m_prefetch) {
        m_prefetchReady = true; // keep the order: it is handled once its predecessor is
        return;
    }
    if (reply != m_current)
        return;
    m_current = nullptr;
    reply->disconnect(this); // read: its deletion is ours, not a loss
    reply->deleteLater();
    if (reply->hasError()) {
        dropPrefetch();
        fail(reply->error());
        return;
    }
    Page page = reply->takePage();
    if (!acceptPage(page))
        return;
    if (!page.users.isEmpty())
        m_lastPageSize = page.users.size(); // what the server really sends: the parallel stride
    const ProviderCapabilities caps = m_provider->capabilities();
    // Offsets and a total (CSP): once the first page is in, the rest several at a time.
    if (m_toEnd && caps.paging == ProviderCapabilities::Paging::Offset && page.hasMore()
        && page.total > m_delivered + page.users.size() && !page.users.isEmpty()
        && m_options.maxParallelPages > 1) {
        dropPrefetch();
        m_more = true;
        const quint64 epoch = m_epoch;
        deliver(std::move(page.users));
        if (epoch == m_epoch)
            startParallel(m_lastPageSize);
        return;
    }
    // The next page travels while this one is handed out: usually it is already on its way,
    // asked on the hint; a wrong hint is dropped and the right page asked.
    m_more = page.hasMore();
    PageReply *next = std::exchange(m_prefetch, nullptr).data();
    const bool nextReady = std::exchange(m_prefetchReady, false);
    if (next && (!m_more || next->token() != page.nextToken)) {
        discard(next, this);
        next = nullptr;
    }
    if (m_more) {
        m_guard.markUsed(page.nextToken);
        m_nextToken = page.nextToken;
        if (next)
            m_current = next;
        else if (m_toEnd)
            request(page.nextToken);
    }
    const quint64 epoch = m_epoch;
    deliver(std::move(page.users));
    if (epoch != m_epoch)
        return; // whoever took the users stopped or restarted the walk
    if (next && nextReady) {
        QPointer<PageReply> ready(next);
        QMetaObject::invokeMethod(
            this,
            [this, ready] {
                if (ready && ready == m_current)
                    onFinished(ready);
            },
            Qt::QueuedConnection);
    }
    if (!m_more)
        complete();
    else if (!m_current)
        setState(State::Idle);
}

bool PageWalker::acceptPage(const Page &page)
{
    noteTotal(page.total);
    const ProviderError loop = m_guard.check(page);
    if (loop.isError()) {
        fail(loop);
        return false;
    }
    if (page.users.isEmpty() && page.hasMore() && !m_single) {
        // Following it could spin through empty pages forever, and stopping would be a silent
        // early end.
        fail(ProviderError::make(ProviderError::Kind::Malformed,
            tr("The provider returned an empty page after %L1 users that says more follows.")
                .arg(m_delivered)));
        return false;
    }
    return true;
}

void PageWalker::noteTotal(qint64 total)
{
    if (total < 0)
        return;
    if (m_firstTotal < 0)
        m_firstTotal = total;
    if (total != m_total) {
        m_total = total;
        emit totalChanged(total);
    }
}

void PageWalker::deliver(QList<User> users)
{
    const qsizetype skip = qsizetype(std::min<qint64>(m_skip, users.size()));
    m_skip -= skip;
    if (skip == users.size())
        return;
    if (skip > 0)
        users = users.mid(skip);
    m_delivered += users.size();
    emit usersReady(users);
}

void PageWalker::startParallel(qint64 stride)
{
    if (!m_pager) {
        m_pager = new OffsetPager(m_provider, m_options.maxParallelPages, m_query, this);
        m_pager->setKeepsRawRecords(m_options.keepRawRecords);
        connect(m_pager, &OffsetPager::usersReady, this,
            [this](const QList<User> &users) { deliver(users); });
        connect(
            m_pager, &OffsetPager::totalChanged, this, [this](qint64 total) { noteTotal(total); });
        connect(m_pager, &OffsetPager::retrying, this, &PageWalker::retrying);
        connect(m_pager, &OffsetPager::finished, this, [this] {
            m_more = false;
            m_nextToken.clear();
            complete();
        });
        connect(m_pager, &OffsetPager::failed, this, [this](const ProviderError &error) {
            // Resume later from the first user not yet handed out.
            if (m_provider)
                m_nextToken = m_provider->tokenForOffset(m_pager->position(), m_query);
            m_more = true;
            fail(error);
        });
    }
    setState(State::Fetching);
    m_pager->start(m_delivered, stride, m_total);
}

void PageWalker::complete()
{
    if (m_firstTotal >= 0 && m_firstTotal == m_total && m_delivered != m_total) {
        // Said one number and sent another, without the total ever changing: never silently
        // partial.
        fail(ProviderError::make(ProviderError::Kind::Mismatch,
            tr("The provider announced %1 users but %2 were received.")
                .arg(m_total)
                .arg(m_delivered)));
        return;
    }
    m_more = false;
    setState(State::Complete);
}

void PageWalker::fail(const ProviderError &error)
{
    abort();
    m_error = error;
    setState(State::Failed);
}

void PageWalker::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}
