#include "historydiffmodel.h"

#include "column.h"

#include <QtConcurrent/QtConcurrentRun>

HistoryDiffModel::HistoryDiffModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    connect(&m_watcher, &QFutureWatcher<std::shared_ptr<Result>>::finished, this,
        &HistoryDiffModel::onFinished);
}

// A comparison still running finishes on its own thread; its result is dropped.
HistoryDiffModel::~HistoryDiffModel() = default;

void HistoryDiffModel::compare(const QString &storePath, qint64 from, qint64 to)
{
    clear();
    m_from = from;
    m_to = to;
    m_comparing = true;
    m_watcher.setFuture(QtConcurrent::run([storePath, from, to] {
        auto result = std::make_shared<Result>();
        SnapshotStore store(storePath); // this thread's own connection
        if (!store.open()) {
            result->error = store.error();
            return result;
        }
        SnapshotDiff diff(store, from, to);
        if (!diff.run()) {
            result->error = diff.error();
            return result;
        }
        result->rows = diff.rows();
        result->counts = diff.counts();
        result->leftOut = diff.leftOut();
        return result;
    }));
}

void HistoryDiffModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_counts.clear();
    m_leftOut.clear();
    m_shown.clear();
    m_error.clear();
    m_from = m_to = 0;
    m_comparing = false;
    endResetModel();
}

void HistoryDiffModel::onFinished()
{
    if (!m_comparing)
        return; // cleared since
    m_comparing = false;
    const std::shared_ptr<Result> result = m_watcher.result();
    m_error = result->error;
    beginResetModel();
    m_rows = std::move(result->rows);
    m_counts = std::move(result->counts);
    m_leftOut = std::move(result->leftOut);
    refilter();
    endResetModel();
    emit compared(m_error.isEmpty());
}

void HistoryDiffModel::setFilter(const QString &profile, std::optional<SnapshotDiff::Change> change)
{
    beginResetModel();
    m_profile = profile;
    m_change = change;
    refilter();
    endResetModel();
}

bool HistoryDiffModel::keeps(const SnapshotDiff::Row &row) const
{
    return (m_profile.isEmpty() || row.profile == m_profile)
        && (!m_change || row.change == *m_change);
}

void HistoryDiffModel::refilter()
{
    m_shown.clear();
    for (int i = 0; i < int(m_rows.size()); ++i) {
        if (keeps(m_rows.at(i)))
            m_shown << i;
    }
}

const SnapshotDiff::Row *HistoryDiffModel::rowAt(int row) const
{
    return row >= 0 && row < m_shown.size() ? &m_rows.at(m_shown.at(row)) : nullptr;
}

QString HistoryDiffModel::changeText(SnapshotDiff::Change change)
{
    switch (change) {
    case SnapshotDiff::Change::Joined:
        return tr("Joined");
    case SnapshotDiff::Change::Left:
        return tr("Left");
    case SnapshotDiff::Change::Changed:
        break;
    }
    return tr("Changed");
}

int HistoryDiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

int HistoryDiffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {
QString fieldTitle(const QString &key)
{
    Column column {};
    return Columns::fromKey(key, &column) ? Columns::title(column) : key;
}
} // namespace

QVariant HistoryDiffModel::data(const QModelIndex &index, int role) const
{
    const SnapshotDiff::Row *row = rowAt(index.row());
    if (!row || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    switch (index.column()) {
    case ChangeColumn:
        return changeText(row->change);
    case PersonColumn:
        return row->person.isEmpty() && role == Qt::DisplayRole
            ? tr("(no email) %1").arg(row->accountId)
            : row->person;
    case ProfileColumn:
        return row->profile;
    case FieldColumn:
        return row->field.isEmpty() ? QString() : fieldTitle(row->field);
    case BeforeColumn:
        return row->before;
    case AfterColumn:
        return row->after;
    default:
        return {};
    }
}

QVariant HistoryDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ChangeColumn:
        return tr("Change");
    case PersonColumn:
        return tr("Person");
    case ProfileColumn:
        return tr("Profile");
    case FieldColumn:
        return tr("Field");
    case BeforeColumn:
        return tr("Before");
    case AfterColumn:
        return tr("After");
    default:
        return {};
    }
}
