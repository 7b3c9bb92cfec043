#include "snapshotwriter.h"

#include "snapshotstore.h"

namespace {
// A batch waits while this many are queued and hold this many accounts (a page's batch is 100 to
// 1,000 accounts, about a kilobyte each).
constexpr std::size_t kMaxQueued = 8;
constexpr qsizetype kMaxQueuedAccounts = 2500;
} // namespace

SnapshotWriter::SnapshotWriter(const QString &storePath)
    : m_thread([this, storePath] { run(storePath); })
{ }

SnapshotWriter::~SnapshotWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void SnapshotWriter::run(QString path)
{
    SnapshotStore store(std::move(path));
    const bool opened = store.open();
    std::unique_lock lock(m_mutex);
    if (!opened)
        m_error = store.error();
    for (;;) {
        m_changed.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
        if (m_queue.empty())
            return; // stopping, and nothing is left
        Task task = std::move(m_queue.front().task);
        m_queuedAccounts -= m_queue.front().accounts;
        m_queue.pop_front();
        m_busy = true;
        const bool skip = !m_error.isEmpty();
        lock.unlock();
        m_changed.notify_all(); // room in the queue
        const bool ok = skip || task(store);
        lock.lock();
        if (!ok && m_error.isEmpty())
            m_error = store.error();
        m_busy = false;
        m_changed.notify_all();
    }
}

void SnapshotWriter::post(Task task, bool wait, qsizetype accounts)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock,
        [this] { return m_queue.size() < kMaxQueued || m_queuedAccounts < kMaxQueuedAccounts; });
    m_queue.push_back({std::move(task), accounts});
    m_queuedAccounts += accounts;
    m_changed.notify_all();
    if (wait)
        m_changed.wait(lock, [this] { return m_queue.empty() && !m_busy; });
}

qint64 SnapshotWriter::createSnapshot(const QDateTime &takenAtUtc, const QString &rosterVersion)
{
    qint64 id = 0;
    post(
        [&](SnapshotStore &store) {
            id = store.createSnapshot(takenAtUtc, rosterVersion);
            return id != 0;
        },
        true);
    return failed() ? 0 : id;
}

void SnapshotWriter::beginProfile(qint64 snapshot, int position, const Profile &profile)
{
    post(
        [this, snapshot, position, profile](SnapshotStore &store) {
            m_profileRow = store.addProfile(snapshot, position, profile);
            return m_profileRow != 0;
        },
        false);
}

void SnapshotWriter::addAccounts(const QList<User> &users)
{
    post([this, users](SnapshotStore &store) { return store.addAccounts(m_profileRow, users); },
        false, users.size());
}

void SnapshotWriter::finishProfile(qint64 reportedTotal, bool complete, const QString &error)
{
    post(
        [this, reportedTotal, complete, error](SnapshotStore &store) {
            return store.finishProfile(
                std::exchange(m_profileRow, 0), reportedTotal, complete, error);
        },
        false);
}

void SnapshotWriter::remove(qint64 snapshot)
{
    flush();
    // Even after a failure: what was written of it goes.
    std::unique_lock lock(m_mutex);
    const QString was = std::exchange(m_error, QString());
    lock.unlock();
    post([snapshot](SnapshotStore &store) { return store.remove(snapshot); }, true);
    lock.lock();
    if (!was.isEmpty())
        m_error = was;
}

bool SnapshotWriter::flush()
{
    post([](SnapshotStore &) { return true; }, true);
    return !failed();
}

bool SnapshotWriter::failed() const
{
    std::lock_guard lock(m_mutex);
    return !m_error.isEmpty();
}

QString SnapshotWriter::error() const
{
    std::lock_guard lock(m_mutex);
    return m_error;
}
