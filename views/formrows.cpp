#include "formrows.h"

#include <QGridLayout>
#include <QLabel>
#include <QStyle>
#include <QWidget>

FormRows::FormRows(QWidget *parent)
    : m_parent(parent)
    , m_grid(new QGridLayout(parent))
{
    m_grid->setColumnStretch(1, 1);
}

// Rows take their own height; the space left over goes below the last one, as in QFormLayout.
int FormRows::nextRow()
{
    const int row = m_rows++;
    m_grid->setRowStretch(row, 0);
    m_grid->setRowStretch(m_rows, 1);
    return row;
}

QLabel *FormRows::addRow(const QString &label, QWidget *field)
{
    const int row = nextRow();
    QLabel *l = nullptr;
    if (!label.isEmpty()) {
        l = new QLabel(label, m_parent);
        l->setBuddy(field);
        // Where the style puts a form's labels, as QFormLayout asks it. The label keeps to the
        // first line of its field, as tall as the field is built, so that a message that opens
        // below the field (the field is a box) does not move the label away from it.
        const auto align = Qt::Alignment(
            m_parent->style()->styleHint(QStyle::SH_FormLayoutLabelAlignment, nullptr, m_parent));
        l->setAlignment((align & Qt::AlignHorizontal_Mask) | Qt::AlignVCenter);
        l->setMinimumHeight(field->sizeHint().height());
        m_grid->addWidget(l, row, 0, (align & Qt::AlignHorizontal_Mask) | Qt::AlignTop);
        m_labels.insert(field, l);
    }
    m_grid->addWidget(field, row, 1);
    return l;
}

void FormRows::addRow(QLayout *field)
{
    m_grid->addLayout(field, nextRow(), 1);
}

void FormRows::setRowVisible(QWidget *field, bool visible)
{
    field->setVisible(visible);
    if (QLabel *l = m_labels.value(field))
        l->setVisible(visible);
}

QLabel *FormRows::labelFor(QWidget *field) const
{
    return m_labels.value(field);
}
