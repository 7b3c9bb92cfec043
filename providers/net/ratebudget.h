#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMutex>
#include <QUrl>

#include <memory>

struct HttpResponse;

// What a response says of the rate limit it counts against, before any 429.
struct RateLimitInfo
{
    qint64 limit = -1; // requests a window allows
    qint64 remaining = -1; // left in this window
    qint64 resetMs = -1; // until the window starts again
    bool known() const { return remaining >= 0 && resetMs >= 0; }
};

namespace RateLimitHeaders {
// Reads, in this order: the IETF `RateLimit` field (`limit=, remaining=, reset=` or
// `"policy";r=;t=`) with `RateLimit-Policy` (`100;w=60` or `"policy";q=;w=`), then
// `RateLimit-Limit/-Remaining/-Reset`, `X-RateLimit-*` and `X-Rate-Limit-*`. A reset past 10^9 is
// epoch seconds (GitHub, Okta), else seconds from now.
RateLimitInfo read(const HttpResponse &response, const QDateTime &now);
} // namespace RateLimitHeaders

// The requests one host allows, shared by every client, profile, job and window that talks to it
// in this process. Requests go at once while the budget lasts; once little is left they are
// spread over the time until it resets, and once it is spent they wait for the reset, so that a
// long export paces itself instead of spending everything and then meeting 429s. Until a host's
// first answer says whether it counts, one request goes and the others wait for its answer (a
// second at most), so that a parallel start cannot spend a small limit many times over. The spread
// reaches the reset only while other clients are seen spending the same budget (alone, the last
// requests go at the window's own rate: no slower than the limit allows). On a 429 the
// pages allowed in flight at once halve, and grow back by one with each success.
class RateBudget
{
public:
    static std::shared_ptr<RateBudget> forOrigin(const QUrl &url);

    struct Turn
    {
        qint64 waitMs = 0; // 0: go now
        qint64 windowEnd = -1; // nowMs() by which it must have gone; -1: no window known
        bool counted = true; // false: waits for the host's first answer, then asks again
    };
    // When the next request may go, counting it as sent. Every counted reserve() is matched by one
    // answered() or released().
    Turn reserve();
    // A turn whose window ended before the request went (its timer came late) was counted in a
    // window the server has closed: release it and reserve again.
    static bool missed(const Turn &turn)
    {
        return turn.windowEnd >= 0 && nowMs() >= turn.windowEnd;
    }
    // The request got an HTTP answer with these headers.
    void answered(const RateLimitInfo &info, int status);
    // The request ended without an answer (transport failure, abort).
    void released();
    // Pages to keep in flight at most, for parallel paging.
    int parallelAllowance() const;

    // For tests: a time source in milliseconds (a steady clock by default).
    static qint64 nowMs();

private:
    void rollOver(qint64 now);
    // Whether answers in this window or the one before counted requests this process never sent.
    bool sharedWithOthers() const { return m_othersNow || m_othersBefore; }
    // Whether an answer has said how much of the current window is left, and when it resets.
    bool windowKnown() const { return m_left >= 0 && m_resetAt >= 0; }

    mutable QMutex m_mutex;
    qint64 m_limit = -1;
    qint64 m_window = 0; // ms; the longest reset seen
    qint64 m_left = -1; // requests this window still allows; -1 unknown
    qint64 m_resetAt = -1; // nowMs() at which the window starts again
    qint64 m_booked = 0; // requests already given a turn in the windows after this one
    qint64 m_nextSlot = 0;
    int m_inFlight = 0;
    bool m_silent = false; // answered without a word on its limit: nothing to wait for
    qint64 m_probeSince = -1; // nowMs() the request that learns the host's limit went; -1: none
    bool m_othersNow = false;
    bool m_othersBefore = false;
    int m_parallel = 64;
};
