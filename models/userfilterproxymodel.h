#pragma once

#include <QSortFilterProxyModel>

// Filters and sorts the rows already loaded: a quick text filter over the identifying columns.
class UserFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit UserFilterProxyModel(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
};
