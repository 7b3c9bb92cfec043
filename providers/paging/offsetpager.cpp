#include "offsetpager.h"

#include "httpclient.h"
#include "ratebudget.h"

#include "pagereply.h"
#include "provider.h"

OffsetPager::OffsetPager(Provider *provider, int maxParallel, const QString &query, QObject *parent)
    : QObject(parent)
    , m_provider(provider)
    , m_maxParallel(std::max(1, maxParallel))
    , m_query(query)
{
    if (provider)
        connect(provider, &QObject::destroyed, this, &OffsetPager::lost);
}

OffsetPager::~OffsetPager()
{
    abort();
}

void OffsetPager::start(qint64 from, qint64 stride, qint64 total)
{
    abort();
    m_running = true;
    m_next = from;
    m_requestAt = from;
    m_stride = std::max<qint64>(1, stride);
    m_total = total;
    // Asynchronous even when there is nothing to fetch, so the caller's connections are in place.
    QMetaObject::invokeMethod(
        this, [this] { deliver(); }, Qt::QueuedConnection);
}

void OffsetPager::abort()
{
    m_running = false;
    ++m_epoch;
    for (PageReply *r : std::as_const(m_inFlight)) {
        if (!r)
            continue;
        r->abort();
        r->disconnect(this);
        r->deleteLater();
    }
    m_inFlight.clear();
    m_done.clear();
}

void OffsetPager::request(qint64 offset)
{
    if (!m_provider) {
        fail(ProviderError::make(ProviderError::Kind::Cancelled,
            tr("The profile was closed before its users were read.")));
        return;
    }
    PageReply *reply = m_provider->fetchPage(m_provider->tokenForOffset(offset, m_query));
    reply->setKeepsRawRecords(m_keepsRaw);
    m_inFlight.insert(offset, reply);
    connect(reply, &QObject::destroyed, this, &OffsetPager::lost);
    connect(reply, &PageReply::finished, this, [this, reply, offset] { onPage(reply, offset); });
    connect(reply, &PageReply::retrying, this, &OffsetPager::retrying);
}

void OffsetPager::onPage(PageReply *reply, qint64 offset)
{
    if (m_inFlight.value(offset) == reply)
        m_inFlight.remove(offset);
    reply->disconnect(this); // read: its deletion is ours, not a loss
    reply->deleteLater();
    if (!m_running)
        return;
    if (reply->hasError()) {
        fail(reply->error());
        return;
    }
    Page page = reply->takePage();
    if (page.total >= 0 && page.total != m_total) {
        m_total = page.total;
        emit totalChanged(m_total);
    }
    // The server caps its pages below what was asked: ask for that much from now on.
    const qint64 n = page.users.size();
    if (n > 0 && n < m_stride && offset + n < m_total)
        m_stride = n;
    m_done.insert(offset, std::move(page.users));
    deliver();
}

void OffsetPager::deliver()
{
    if (!m_running)
        return;
    // Hand out, in order, every page that starts at or before the next item; overlaps are cut.
    while (!m_done.isEmpty() && m_done.firstKey() <= m_next) {
        const qint64 key = m_done.firstKey();
        QList<User> users = m_done.take(key);
        const qint64 end = key + users.size();
        if (users.isEmpty() && key == m_next && m_next < m_total) {
            fail(ProviderError::make(ProviderError::Kind::Malformed,
                tr("The provider returned an empty page at item %1 of %2.")
                    .arg(m_next + 1)
                    .arg(m_total)));
            return;
        }
        if (end <= m_next)
            continue; // everything in it was already handed out
        const qint64 skip = m_next - key;
        m_next = end;
        emit usersReady(skip > 0 ? users.mid(skip) : users);
        if (!m_running)
            return;
    }
    if (m_next >= m_total) {
        abort(); // pages asked for past a total that shrank are not needed
        emit finished();
        return;
    }
    // A short page left a gap before the next page we have or expect: fetch it now.
    bool covered = false;
    for (auto it = m_inFlight.cbegin(); it != m_inFlight.cend() && !covered; ++it)
        covered = it.key() <= m_next && m_next < it.key() + m_stride;
    if (!covered && (m_done.isEmpty() || m_done.firstKey() > m_next))
        request(m_next);
    m_requestAt = std::max(m_requestAt, m_next);
    fill();
}

void OffsetPager::fill()
{
    // Fewer at once after the host answered 429 (the budget halves them, then grows them back).
    const RateBudget *budget = m_provider && m_provider->http() && m_provider->http()->budget()
        ? m_provider->http()->budget()
        : nullptr;
    const int parallel = std::min(m_maxParallel, budget ? budget->parallelAllowance() : INT_MAX);
    while (m_running && m_inFlight.size() < parallel && m_done.size() < 2 * m_maxParallel
        && m_requestAt < m_total) {
        if (!m_inFlight.contains(m_requestAt) && !m_done.contains(m_requestAt))
            request(m_requestAt);
        m_requestAt += m_stride;
    }
}

// The provider or a reply in flight was deleted by someone else: fail once back in the event loop.
void OffsetPager::lost()
{
    if (!m_running)
        return;
    const quint64 epoch = m_epoch;
    QMetaObject::invokeMethod(
        this,
        [this, epoch] {
            if (epoch == m_epoch && m_running)
                fail(ProviderError::make(ProviderError::Kind::Cancelled,
                    tr("The profile was closed while its users were being read.")));
        },
        Qt::QueuedConnection);
}

void OffsetPager::fail(const ProviderError &error)
{
    abort();
    emit failed(error);
}
