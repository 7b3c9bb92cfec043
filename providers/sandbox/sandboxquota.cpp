#include "sandboxquota.h"

void SandboxQuota::configure(int perWindow, int windowSeconds)
{
    QMutexLocker lock(&m_mutex);
    m_perWindow = std::max(1, perWindow);
    m_windowSeconds = std::max(1, windowSeconds);
    m_windowStart = -1;
    m_used = 0;
}

void SandboxQuota::reset()
{
    QMutexLocker lock(&m_mutex);
    m_windowStart = -1;
    m_used = 0;
    m_rejections = 0;
    m_accepted = 0;
}

SandboxQuota::Decision SandboxQuota::take(qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
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
