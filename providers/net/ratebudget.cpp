#include "ratebudget.h"

#include "httpclient.h"

#include <QElapsedTimer>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <utility>

namespace {
constexpr int kMaxParallel = 64;
// After a reset, a little later than the server says: clocks and timers are not exact.
constexpr qint64 kResetMarginMs = 25;
// While the host's first answer is awaited, the others ask again this often, and go anyway once it
// has taken this long (a slow first answer must not hold up everything else).
constexpr qint64 kProbePollMs = 20;
constexpr qint64 kProbePatienceMs = 1000;

qint64 leadingNumber(const QByteArray &value)
{
    // "100", "100, 100;w=60" (older drafts repeat the policy), " 42 "
    static const QRegularExpression number(QStringLiteral("^\\s*(\\d{1,15})"));
    const QRegularExpressionMatch m = number.match(QString::fromLatin1(value));
    return m.hasMatch() ? m.captured(1).toLongLong() : -1;
}

// A parameter of a structured field: `name=12` or `;name=12`.
qint64 parameter(const QByteArray &value, const char *name)
{
    const QRegularExpression p(
        QStringLiteral("(?:^|[\\s,;])%1\\s*=\\s*(\\d{1,15})").arg(QLatin1String(name)));
    const QRegularExpressionMatch m = p.match(QString::fromLatin1(value));
    return m.hasMatch() ? m.captured(1).toLongLong() : -1;
}

void fromStructured(const HttpResponse &response, RateLimitInfo *info)
{
    const QByteArray field = response.header("RateLimit");
    if (field.isEmpty())
        return;
    info->remaining = parameter(field, "remaining");
    if (info->remaining < 0)
        info->remaining = parameter(field, "r");
    qint64 reset = parameter(field, "reset");
    if (reset < 0)
        reset = parameter(field, "t");
    info->resetMs = reset >= 0 ? reset * 1000 : -1;
    info->limit = parameter(field, "limit");
}

void fromPolicy(const HttpResponse &response, RateLimitInfo *info)
{
    const QByteArray policy = response.header("RateLimit-Policy");
    if (policy.isEmpty() || info->limit >= 0)
        return;
    info->limit = parameter(policy, "q");
    if (info->limit < 0)
        info->limit = leadingNumber(policy);
}

void fromFamily(const HttpResponse &response, const QByteArray &prefix, const QDateTime &now,
    RateLimitInfo *info)
{
    const qint64 remaining = leadingNumber(response.header(prefix + "Remaining"));
    if (remaining < 0)
        return;
    info->remaining = remaining;
    info->limit = leadingNumber(response.header(prefix + "Limit"));
    info->resetMs = HttpClient::parseRateLimitResetMs(response.header(prefix + "Reset"), now);
}
} // namespace

RateLimitInfo RateLimitHeaders::read(const HttpResponse &response, const QDateTime &now)
{
    RateLimitInfo info;
    fromStructured(response, &info);
    for (const char *prefix : {"RateLimit-", "X-RateLimit-", "X-Rate-Limit-"}) {
        if (info.remaining >= 0)
            break;
        fromFamily(response, prefix, now, &info);
    }
    fromPolicy(response, &info);
    return info;
}

std::shared_ptr<RateBudget> RateBudget::forOrigin(const QUrl &url)
{
    static QMutex mutex;
    static QHash<QString, std::shared_ptr<RateBudget>> budgets;
    const QString key = url.scheme().toLower() + QLatin1String("://") + url.host().toLower()
        + QLatin1Char(':')
        + QString::number(url.port(
            url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0 ? 443 : 80));
    QMutexLocker lock(&mutex);
    std::shared_ptr<RateBudget> &b = budgets[key];
    if (!b)
        b = std::make_shared<RateBudget>();
    return b;
}

qint64 RateBudget::nowMs()
{
    static const QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.elapsed();
}

// The windows that passed since the last request: each allows the limit again, less what was
// booked into it while the one before was spent.
void RateBudget::rollOver(qint64 now)
{
    while (m_resetAt >= 0 && now >= m_resetAt) {
        if (m_window <= 0 || m_limit <= 0) {
            m_resetAt = -1; // known again from the next answer
            m_left = -1;
            m_booked = 0;
            return;
        }
        m_resetAt += m_window;
        m_othersBefore = std::exchange(m_othersNow, false);
        const qint64 taken = std::min(m_booked, m_limit);
        m_booked -= taken;
        // Requests sent just before the reset may reach the server after it and count in the new
        // window: everything still on the way is counted there too.
        m_left = std::max<qint64>(0, m_limit - std::max<qint64>(taken, m_inFlight));
    }
}

RateBudget::Turn RateBudget::reserve()
{
    QMutexLocker lock(&m_mutex);
    const qint64 now = nowMs();
    rollOver(now);
    if (!windowKnown()) {
        // Nothing known yet: one request learns whether the host counts, the others wait for it.
        if (!m_silent && m_probeSince >= 0 && now - m_probeSince < kProbePatienceMs)
            return {kProbePollMs, now, false};
        if (!m_silent && m_probeSince < 0)
            m_probeSince = now;
        ++m_inFlight;
        return {};
    }
    ++m_inFlight;
    if (m_left > 0) {
        --m_left;
        const qint64 lowWater = std::max<qint64>(2, m_limit > 0 ? m_limit / 10 : 2);
        if (m_left >= lowWater)
            return {0, m_resetAt};
        // Little left: spread, not spent at once. When others spend this budget too, evenly until
        // the reset, leaving them room. Alone, no slower than the limit's own rate (one request
        // every window / limit): this process is the only one spending, so the count it keeps
        // cannot run out early, and an export that ends here need not wait for the reset.
        const qint64 slot = std::max(now, m_nextSlot);
        qint64 interval = std::max<qint64>(0, m_resetAt - slot) / (m_left + 1);
        if (!sharedWithOthers() && m_limit > 0 && m_window > 0)
            interval = std::min(interval, m_window / m_limit);
        m_nextSlot = slot + interval;
        return {slot - now, m_resetAt};
    }
    // Spent: booked into the next window that has room, to go as soon as it starts (a new window
    // allows its whole limit at once).
    const qint64 perWindow = std::max<qint64>(1, m_limit);
    const qint64 window = m_window > 0 ? m_window : 1000;
    const qint64 k = m_booked++;
    const qint64 start = m_resetAt + (k / perWindow) * window;
    return {std::max<qint64>(0, start + kResetMarginMs - now), start + window};
}

void RateBudget::answered(const RateLimitInfo &info, int status)
{
    QMutexLocker lock(&m_mutex);
    const qint64 now = nowMs();
    m_inFlight = std::max(0, m_inFlight - 1);
    m_probeSince = -1;
    if (info.known())
        m_silent = false;
    else if (!windowKnown())
        m_silent = true;
    if (info.known()) {
        rollOver(now);
        // A reset is a whole number of seconds away at most: the window is at least that long.
        m_window = std::max(m_window, (info.resetMs + 999) / 1000 * 1000);
        if (info.limit > 0)
            m_limit = info.limit;
        const qint64 resetAt = now + info.resetMs;
        if (m_resetAt < 0 || resetAt > m_resetAt + 500) {
            // A window not counted here yet: what the server says is left, less what is on the way
            // and not counted there yet. What was sent at once may or may not be counted already;
            // when the limit is known, the limit less everything sent (this one and those on the
            // way) is exact in both cases, and the lower of the two is right either way.
            m_resetAt = resetAt;
            m_left = m_limit > 0 ? std::min(info.remaining, m_limit - (m_inFlight + 1))
                                 : info.remaining - m_inFlight;
            m_left = std::max<qint64>(0, m_left);
            m_booked = 0;
            // Fewer left than this process could have spent: another client spends it too.
            if (m_limit > 0 && info.remaining < m_limit - (m_inFlight + 1))
                m_othersNow = true;
        } else {
            // The same window: answers come back out of order, and other clients spend it too;
            // the lower count is the truer one. Lower than this process's own count: the server
            // counted requests it did not send.
            // (An answer from the window before, sent before its reset, proves nothing.)
            if (m_left >= 0 && info.remaining < m_left && resetAt >= m_resetAt - 500)
                m_othersNow = true;
            m_left = std::min(m_left < 0 ? info.remaining : m_left, info.remaining);
        }
    }
    if (status == 429)
        m_parallel = std::max(1, std::min(m_parallel, m_inFlight + 1) / 2);
    else if (status >= 200 && status < 300)
        m_parallel = std::min(kMaxParallel, m_parallel + 1);
}

void RateBudget::released()
{
    QMutexLocker lock(&m_mutex);
    m_inFlight = std::max(0, m_inFlight - 1);
    m_probeSince = -1; // perhaps the request that was to learn the limit: the next one does
}

int RateBudget::parallelAllowance() const
{
    QMutexLocker lock(&m_mutex);
    return m_parallel;
}
