#pragma once

#include <QTableView>

// The user table: header menu to show, hide and reorder columns, Ctrl+C copies the selected rows
// as tab-separated text, and an empty state that says why there are no rows.
class UserTableView : public QTableView
{
    Q_OBJECT
public:
    explicit UserTableView(QWidget *parent = nullptr);

    // The text shown in the middle when there are no rows ("Loading users…", ...).
    void setEmptyText(const QString &text);
    QString emptyText() const { return m_emptyText; }
    // Selected rows (view order) as tab-separated text of the visible columns in visual order.
    QString selectedRowsAsText() const;
    void copySelection();

signals:
    void exportSelectedRequested();
    // Ctrl+End: the user wants the end of the organization, not just of the loaded rows.
    void loadAllRequested();

protected:
    void paintEvent(QPaintEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void showHeaderMenu(const QPoint &pos);
    QString m_emptyText;
};
