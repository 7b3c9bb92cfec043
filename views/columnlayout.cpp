#include "columnlayout.h"

#include "column.h"
#include "providerkind.h"

#include <QHeaderView>
#include <QSettings>

void ColumnLayout::save(const QHeaderView *header, const QString &kind)
{
    if (kind.isEmpty())
        return;
    QSettings settings;
    settings.setValue(QStringLiteral("columns/") + kind, header->saveState());
    settings.setValue(QStringLiteral("columnCount/") + kind, Columns::count);
}

void ColumnLayout::restore(QHeaderView *header, const QString &kind)
{
    const QSettings settings;
    const QByteArray state = settings.value(QStringLiteral("columns/") + kind).toByteArray();
    const ProviderKind *k = ProviderKinds::find(kind);
    if (!state.isEmpty() && header->restoreState(state)) {
        header->setSortIndicator(-1, Qt::AscendingOrder);
        // A layout from before a column was added (0.1 saved no count: it had 14).
        const int known = settings.value(QStringLiteral("columnCount/") + kind, 14).toInt();
        for (Column column : Columns::all()) {
            if (Columns::info(column).since >= known)
                header->setSectionHidden(int(column), k && !k->columns.contains(column));
        }
        return;
    }
    // First time for this kind: show the columns it fills, in the documented order, except those
    // it fills with a copy of another.
    const QList<Column> shown = k ? k->columns : Columns::all();
    for (int i = 0; i < header->count(); ++i) {
        const auto column = static_cast<Column>(i);
        header->moveSection(header->visualIndex(i), i);
        header->setSectionHidden(
            i, !shown.contains(column) || (k && k->hiddenColumns.contains(column)));
        header->resizeSection(i, column == Column::Email || column == Column::Roles ? 240 : 150);
    }
}
