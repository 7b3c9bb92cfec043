#pragma once

#include <QHash>
#include <QString>

class QGridLayout;
class QLabel;
class QLayout;
class QWidget;

// A form of labels and fields, as QFormLayout lays it out, whose rows can be hidden safely.
//
// QFormLayout is not used for forms with rows that come and go: in Qt 6.4, once a row is hidden
// its items keep the row index of an earlier layout, and the height-for-width pass (taken as soon
// as one item wraps words) writes through that index past the end of its table. The profile
// dialog corrupted the heap that way. A QGridLayout simply gives a row whose widgets are all
// hidden no height and no spacing.
class FormRows
{
public:
    explicit FormRows(QWidget *parent);

    // A row of `label` (none when empty) and `field`; the label's buddy is the field. Returns the
    // label, or nullptr.
    QLabel *addRow(const QString &label, QWidget *field);
    // A row whose field is a layout, under the fields' column.
    void addRow(QLayout *field);
    // Shows or hides `field` together with its label.
    void setRowVisible(QWidget *field, bool visible);
    QLabel *labelFor(QWidget *field) const;
    QGridLayout *layout() const { return m_grid; }

private:
    int nextRow();
    QWidget *m_parent;
    QGridLayout *m_grid;
    QHash<const QWidget *, QLabel *> m_labels;
    int m_rows = 0;
};
