#pragma once

#include <QString>

class QHeaderView;

// The table's columns per provider kind: order, widths and which are shown, saved in the
// settings and restored when a profile of that kind is shown again. A layout saved before a
// column was added (Columns::Info::since) shows the new column only where the kind fills it; a
// kind seen for the first time shows the columns it fills, in the documented order.
namespace ColumnLayout {
void save(const QHeaderView *header, const QString &kind);
void restore(QHeaderView *header, const QString &kind);
} // namespace ColumnLayout
