#include "userfilterproxymodel.h"

#include "usertablemodel.h"

UserFilterProxyModel::UserFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortLocaleAware(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortRole(UserTableModel::RawValueRole);
    setDynamicSortFilter(true);
}

void UserFilterProxyModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
#if QT_VERSION >= QT_VERSION_CHECK(6, 9, 0)
    beginFilterChange();
    m_text = trimmed;
    endFilterChange();
#else
    m_text = trimmed;
    invalidateFilter();
#endif
}

bool UserFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    const auto *model = qobject_cast<const UserTableModel *>(sourceModel());
    if (!model)
        return true;
    const QString text = model->compactUser(sourceRow).searchText();
    // Every word must match somewhere, so "alex admin" finds Alex with the admin role.
    const QStringList words = m_text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (!text.contains(word, Qt::CaseInsensitive))
            return false;
    }
    Q_UNUSED(sourceParent);
    return true;
}
