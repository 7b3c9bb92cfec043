#include "sandboxquota.h"

#include <algorithm>
#include <cmath>

void SandboxQuota::configure(int perWindow, int windowSeconds)
{
    QMutexLocker lock(&m_mutex);
    m_perWindow = std::max(1, perWindow);
    m_windowSeconds = std::max(1, windowSeconds);
    m_windowStart = -1;
    m_used = 0;
    m_lastMs = -1;
}

void SandboxQuota::reset()
{
    QMutexLocker lock(&m_mutex);
    m_windowStart = -1;
    m_used = 0;
    m_lastMs = -1;
    m_rejections = 0;
    m_accepted = 0;
}

SandboxQuota::Decision SandboxQuota::take(qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    if (m_mode == Mode::TokenBucket)
        return takeFromBucket(nowMs);
    const qint64 seconds = nowMs / 1000;
    const qint64 start = seconds - seconds % m_windowSeconds;
    if (start != m_windowStart) {
        m_windowStart = start;
        m_used = 0;
    }
    const qint64 reset = start + m_windowSeconds;
    Decision d;
    d.allowed = m_used < m_perWindow;
    if (d.allowed) {
        ++m_used;
        ++m_accepted;
    } else {
        ++m_rejections;
        // Whole seconds, rounded up: never earlier than the window starts again.
        d.headers.append(qMakePair(QByteArray("Retry-After"),
            QByteArray::number(std::max<qint64>(1, (reset * 1000 - nowMs + 999) / 1000))));
    }
    d.headers.append(qMakePair(QByteArray("X-Rate-Limit-Limit"), QByteArray::number(m_perWindow)));
    d.headers.append(
        qMakePair(QByteArray("X-Rate-Limit-Remaining"), QByteArray::number(m_perWindow - m_used)));
    d.headers.append(qMakePair(QByteArray("X-Rate-Limit-Reset"), QByteArray::number(reset)));
    return d;
}

SandboxQuota::Decision SandboxQuota::takeFromBucket(qint64 nowMs)
{
    const double perMs = double(m_perWindow) / (m_windowSeconds * 1000.0);
    m_tokens = m_lastMs < 0 ? m_perWindow
                            : std::min<double>(m_perWindow, m_tokens + (nowMs - m_lastMs) * perMs);
    m_lastMs = nowMs;
    // Whole seconds until `tokens` more are in, rounded up (never early), without the last bit
    // of floating point turning 1 into 2.
    const auto secondsFor = [this](double tokens) {
        return qint64(std::ceil(tokens * m_windowSeconds / m_perWindow - 1e-9));
    };
    Decision d;
    d.allowed = m_tokens >= 1.0 - 1e-9;
    if (d.allowed) {
        m_tokens = std::max(0.0, m_tokens - 1.0);
        ++m_accepted;
    } else {
        ++m_rejections;
        d.headers.append(qMakePair(QByteArray("Retry-After"),
            QByteArray::number(std::max<qint64>(1, secondsFor(1.0 - m_tokens)))));
    }
    d.headers.append(qMakePair(QByteArray("RateLimit"),
        QByteArrayLiteral("limit=") + QByteArray::number(m_perWindow)
            + ", remaining=" + QByteArray::number(qint64(std::floor(m_tokens + 1e-9)))
            + ", reset=" + QByteArray::number(secondsFor(m_perWindow - m_tokens))));
    d.headers.append(qMakePair(QByteArray("RateLimit-Policy"),
        QByteArray::number(m_perWindow) + ";w=" + QByteArray::number(m_windowSeconds)));
    return d;
}
