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
