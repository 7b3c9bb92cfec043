#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QPair>

#include <atomic>

// The host-wide rate limit of organizations with the word "quota" (acme-quota): a fixed window of
// `perWindow` requests every `windowSeconds`, aligned with the clock's seconds, shared by every
// such organization of the server, as Okta, GitHub and most vendor APIs count. Each answer says
// what is left in X-Rate-Limit-Limit, -Remaining and -Reset (epoch seconds); a request beyond the
// quota gets 429 with Retry-After.
// As a token bucket (organizations with the word "bucket"), it holds `perWindow` requests and
// refills continuously at `perWindow` every `windowSeconds`, as GitLab, Shopify and API gateways
// count, and answers in the IETF fields: `RateLimit: limit=, remaining=, reset=` (whole seconds
// until the bucket is full again, rounded up) and `RateLimit-Policy`.
class SandboxQuota
{
public:
    struct Decision
    {
        bool allowed = true;
        QList<QPair<QByteArray, QByteArray>> headers;
    };

    enum class Mode { FixedWindow, TokenBucket };
    explicit SandboxQuota(Mode mode = Mode::FixedWindow)
        : m_mode(mode)
    { }

    void configure(int perWindow, int windowSeconds);
    Decision take(qint64 nowMs);
    int rejections() const { return m_rejections; }
    int accepted() const { return m_accepted; }
    void reset();
    int perWindow() const { return m_perWindow; }
    int windowSeconds() const { return m_windowSeconds; }

private:
    Decision takeFromBucket(qint64 nowMs);

    const Mode m_mode;
    mutable QMutex m_mutex;
    int m_perWindow = 10;
    int m_windowSeconds = 1;
    qint64 m_windowStart = -1; // epoch seconds
    int m_used = 0;
    double m_tokens = 0; // the bucket's, as of m_lastMs
    qint64 m_lastMs = -1; // -1: full
    std::atomic<int> m_rejections {0};
    std::atomic<int> m_accepted {0};
};
