#pragma once

#include "providererror.h"

#include <QObject>

// The contract every long operation follows (export, access review, find), in the spirit of KDE's
// KJob: start() once; progress signals as it goes; cancel() at any time; finished() exactly once,
// with error() empty on success or the ProviderError that stopped it (Cancelled after cancel()).
// Nothing is emitted after finished(). The window and the command line only present a job.
class Job : public QObject
{
    Q_OBJECT
public:
    ~Job() override;

    virtual void start() = 0;
    // Stops; finished(false) follows at once, with a Cancelled error.
    virtual void cancel() = 0;

    bool isRunning() const { return m_running; }
    bool isFinished() const { return m_finished; }
    // Why it failed; empty while it runs and after a success.
    const ProviderError &error() const { return m_error; }

    // What retrying() means, in the words the window and the command line both use.
    static QString waitText(int nextAttempt, int delayMs);

signals:
    // The provider asked to wait (rate limit, unavailable): the next attempt goes in delayMs.
    // nextAttempt 0: no failure, the next request waits for its turn under the rate limit.
    // nextAttempt -1: the network went away; the request waits for it, at most delayMs more.
    void retrying(int nextAttempt, int delayMs);
    void finished(bool ok);

protected:
    explicit Job(QObject *parent = nullptr);
    // Marks the job started; false when it already was (a job runs once).
    bool begin();
    // Ends the job, once: a success when `error` is empty.
    void end(const ProviderError &error = {});
    ProviderError cancelled(const QString &what) const;

private:
    bool m_running = false;
    bool m_finished = false;
    ProviderError m_error;
};
