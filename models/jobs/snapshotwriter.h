#pragma once

#include "profile.h"
#include "user.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

class SnapshotStore;

// Writes one snapshot on a thread of its own, with a store connection of its own, so that storing
// the accounts of one page overlaps reading and parsing the next (`roster snapshot`, `review
// --save`, Take snapshot now). Work is done in the order it is given; a batch waits while several
// are queued and they hold a few thousand accounts, so memory stays flat when the disk is slower
// than the network, while small pages still queue up behind the end of a profile (which sorts
// and checksums it, a second or so for 100,000 accounts) as the next profile is read. After a
// failure the rest is skipped and error() says what went wrong.
class SnapshotWriter
{
public:
    explicit SnapshotWriter(const QString &storePath);
    ~SnapshotWriter(); // finishes what is queued
    SnapshotWriter(const SnapshotWriter &) = delete;
    SnapshotWriter &operator=(const SnapshotWriter &) = delete;

    // Waits for the queue: the new snapshot's id, or 0 with error() set.
    qint64 createSnapshot(const QDateTime &takenAtUtc, const QString &rosterVersion);
    // Queued: the profile's entry, its accounts, its end (SnapshotStore's steps of the same name).
    void beginProfile(qint64 snapshot, int position, const Profile &profile);
    void addAccounts(const QList<User> &users);
    void finishProfile(qint64 reportedTotal, bool complete, const QString &error);
    // Waits for the queue, then removes the snapshot (a failed read is no snapshot).
    void remove(qint64 snapshot);
    // Waits for everything queued: false when any of it failed.
    bool flush();
    bool failed() const;
    QString error() const;

private:
    using Task = std::function<bool(SnapshotStore &)>;
    struct Queued
    {
        Task task;
        qsizetype accounts = 0;
    };
    void post(Task task, bool wait, qsizetype accounts = 0);
    void run(QString path);

    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Queued> m_queue;
    qsizetype m_queuedAccounts = 0;
    bool m_busy = false;
    bool m_stopping = false;
    QString m_error;
    qint64 m_profileRow = 0; // the writer thread's: the profile being written
    std::thread m_thread;
};
