#include "usertableview.h"

#include "usertablemodel.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>

UserTableView::UserTableView(QWidget *parent)
    : QTableView(parent)
{
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setSortingEnabled(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setDefaultSectionSize(160);
    horizontalHeader()->setSortIndicatorShown(true);
    horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
        &UserTableView::showHeaderMenu);
}

void UserTableView::setEmptyText(const QString &text)
{
    m_emptyText = text;
    viewport()->update();
}

void UserTableView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    if (!model() || model()->rowCount() > 0 || m_emptyText.isEmpty())
        return;
    QPainter painter(viewport());
    QColor color = palette().color(QPalette::PlaceholderText);
    painter.setPen(color);
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    painter.setFont(f);
    painter.drawText(viewport()->rect().adjusted(24, 24, -24, -24),
        Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
}

QString UserTableView::selectedRowsAsText() const
{
    if (!model() || !selectionModel())
        return {};
    QModelIndexList rows = selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
        [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<int> columns;
    const QHeaderView *header = horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns << logical;
    }
    QStringList lines;
    for (const QModelIndex &row : std::as_const(rows)) {
        QStringList cells;
        for (int c : std::as_const(columns)) {
            QString v = model()->index(row.row(), c).data(UserTableModel::RawValueRole).toString();
            // Tabs and line breaks inside a value would break the rows apart.
            v.replace(QLatin1Char('\t'), QLatin1Char(' '));
            v.replace(QLatin1Char('\r'), QLatin1Char(' '));
            v.replace(QLatin1Char('\n'), QLatin1Char(' '));
            cells << v;
        }
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n'));
}

void UserTableView::copySelection()
{
    const QString text = selectedRowsAsText();
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

void UserTableView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        event->accept();
        return;
    }
    if (event->matches(QKeySequence::MoveToEndOfDocument))
        emit loadAllRequested();
    QTableView::keyPressEvent(event);
}

void UserTableView::contextMenuEvent(QContextMenuEvent *event)
{
    if (!selectionModel() || !selectionModel()->hasSelection())
        return;
    QMenu menu(this);
    const int n = int(selectionModel()->selectedRows().size());
    menu.addAction(
        tr("&Copy %n row(s)", nullptr, n), QKeySequence::Copy, this, &UserTableView::copySelection);
    menu.addAction(tr("&Export %n selected row(s)…", nullptr, n), QKeySequence(tr("Ctrl+E")), this,
        &UserTableView::exportSelectedRequested);
    menu.exec(event->globalPos());
}

void UserTableView::showHeaderMenu(const QPoint &pos)
{
    QHeaderView *header = horizontalHeader();
    QMenu menu(this);
    menu.setToolTipsVisible(true);
    int visibleCount = 0;
    for (int i = 0; i < header->count(); ++i)
        visibleCount += !header->isSectionHidden(i);
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        QAction *a = menu.addAction(model()->headerData(logical, Qt::Horizontal).toString());
        a->setToolTip(model()->headerData(logical, Qt::Horizontal, Qt::ToolTipRole).toString());
        a->setCheckable(true);
        a->setChecked(!header->isSectionHidden(logical));
        // The last visible column cannot be hidden.
        a->setEnabled(!(a->isChecked() && visibleCount == 1));
        connect(a, &QAction::toggled, header,
            [header, logical](bool on) { header->setSectionHidden(logical, !on); });
    }
    menu.addSeparator();
    menu.addAction(tr("Drag a column header to reorder"))->setEnabled(false);
    menu.exec(header->viewport()->mapToGlobal(pos));
}
