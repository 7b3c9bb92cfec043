#pragma once

#include "snapshotdiff.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>

#include <memory>
#include <optional>

// File › History…'s table: what changed between two snapshots, one row per joiner, leaver and
// changed field (SnapshotDiff's rows, in its order), filtered by profile and by change. The
// comparison runs on a worker thread with its own connection to the store, so a large history
// never stalls the window; compared() follows. Only the latest compare() is kept.
class HistoryDiffModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum ColumnIndex {
        ChangeColumn,
        PersonColumn,
        ProfileColumn,
        FieldColumn,
        BeforeColumn,
        AfterColumn,
        ColumnCount
    };

    explicit HistoryDiffModel(QObject *parent = nullptr);
    ~HistoryDiffModel() override;

    // Compares snapshot `from` with `to` in the store at `storePath`; the rows so far go.
    void compare(const QString &storePath, qint64 from, qint64 to);
    void clear();
    // From compare() until compared() has been emitted.
    bool isComparing() const { return m_comparing; }
    qint64 from() const { return m_from; }
    qint64 to() const { return m_to; }
    // Why the last comparison failed; empty when it did not.
    const QString &error() const { return m_error; }

    // Only rows of `profile` (empty: every profile) and of `change` (nullopt: every change).
    void setFilter(const QString &profile, std::optional<SnapshotDiff::Change> change);
    bool keeps(const SnapshotDiff::Row &row) const;

    // Every row of the comparison, and the one shown at `row`.
    const QList<SnapshotDiff::Row> &allRows() const { return m_rows; }
    const SnapshotDiff::Row *rowAt(int row) const;
    const QList<SnapshotDiff::ProfileCounts> &counts() const { return m_counts; }
    const QStringList &leftOut() const { return m_leftOut; }

    static QString changeText(SnapshotDiff::Change change);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void compared(bool ok);

private:
    struct Result
    {
        QList<SnapshotDiff::Row> rows;
        QList<SnapshotDiff::ProfileCounts> counts;
        QStringList leftOut;
        QString error;
    };
    void onFinished();
    void refilter();

    QFutureWatcher<std::shared_ptr<Result>> m_watcher;
    bool m_comparing = false;
    qint64 m_from = 0;
    qint64 m_to = 0;
    QString m_error;
    QList<SnapshotDiff::Row> m_rows;
    QList<SnapshotDiff::ProfileCounts> m_counts;
    QStringList m_leftOut;
    QList<int> m_shown; // indexes into m_rows
    QString m_profile;
    std::optional<SnapshotDiff::Change> m_change;
};
