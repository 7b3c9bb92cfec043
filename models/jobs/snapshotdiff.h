#pragma once

#include "snapshotstore.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class CsvOutput;

// What changed between two snapshots, per profile (matched by name) and per account (matched by
// account id): who joined, who left, and for an account in both one row per field that changed
// (lists such as roles compare as sets). A profile incomplete in either snapshot, or in one only,
// is left out and named: an account it did not list is not one that left.
class SnapshotDiff
{
    Q_DECLARE_TR_FUNCTIONS(SnapshotDiff)
public:
    enum class Change { Changed, Joined, Left }; // in the order rows sort by

    struct Row
    {
        Change change = Change::Changed;
        QString person; // the review's key: the lower-cased primary email
        QString profile;
        QString kind;
        QString accountId;
        QString field; // a column key; empty for joined and left
        QString before;
        QString after;
    };

    struct ProfileCounts
    {
        QString profile;
        qint64 joined = 0;
        qint64 left = 0;
        qint64 changed = 0; // accounts with at least one changed field
    };

    // `profiles`: only these (by name); empty for every profile of either snapshot.
    SnapshotDiff(SnapshotStore &store, qint64 from, qint64 to, QStringList profiles = {});

    // Compares; false with error() set when the store cannot be read.
    bool run();
    const QString &error() const { return m_error; }

    // Sorted by profile, change, person, field.
    const QList<Row> &rows() const { return m_rows; }
    const QList<ProfileCounts> &counts() const { return m_counts; }
    // The profiles left out, each with why ("incomplete in snapshot 3", "only in snapshot 4").
    const QStringList &leftOut() const { return m_leftOut; }

    static QStringList header();
    static QString changeKey(Change change);
    static QStringList csvRow(const Row &row);
    // The header and the rows (those `keep` accepts, else all) to `output`, committed: the CSV of
    // `roster diff` and of the window's Export. False with output.error() set.
    static bool write(CsvOutput &output, const QList<Row> &rows,
        const std::function<bool(const Row &)> &keep = {});

private:
    bool compare(
        const SnapshotStore::ProfileEntry &before, const SnapshotStore::ProfileEntry &after);
    void addAccount(Change change, const SnapshotStore::ProfileEntry &profile,
        const SnapshotStore::Accounts &account, ProfileCounts *counts);
    void addChanges(const SnapshotStore::ProfileEntry &profile,
        const SnapshotStore::Accounts &before, const SnapshotStore::Accounts &after,
        ProfileCounts *counts);

    SnapshotStore &m_store;
    qint64 m_from;
    qint64 m_to;
    QStringList m_profiles;
    QString m_error;
    QList<Row> m_rows;
    QList<ProfileCounts> m_counts;
    QStringList m_leftOut;
};
