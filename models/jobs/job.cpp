#include "job.h"

Job::Job(QObject *parent)
    : QObject(parent)
{ }

Job::~Job() = default;

bool Job::begin()
{
    if (m_running || m_finished)
        return false;
    m_running = true;
    return true;
}

void Job::end(const ProviderError &error)
{
    if (m_finished)
        return;
    m_running = false;
    m_finished = true;
    m_error = error;
    emit finished(!error.isError());
}

ProviderError Job::cancelled(const QString &what) const
{
    return ProviderError::make(ProviderError::Kind::Cancelled, what);
}

QString Job::waitText(int nextAttempt, int delayMs)
{
    if (nextAttempt < 0)
        return tr("The network is unreachable; waiting for it to come back (at most %n more "
                  "minute(s)), then going on where it was.",
            nullptr, (delayMs + 59999) / 60000);
    if (nextAttempt == 0)
        return tr("Pacing requests under the provider's rate limit; the next goes in %1 s.")
            .arg(QString::number(delayMs / 1000.0, 'f', 1));
    return tr("The provider asked to wait; trying again in %1 s (attempt %2).")
        .arg(QString::number(delayMs / 1000.0, 'f', 1))
        .arg(nextAttempt);
}
