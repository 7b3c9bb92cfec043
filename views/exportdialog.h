#pragma once

#include "user.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

// Asks where to export, which columns in which order, and the CSV options.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Scope { Selected, All };

    ExportDialog(Scope scope, const QString &profileName, qint64 rows, const QList<Column> &visible,
        QWidget *parent = nullptr);

    QString path() const;
    void setPath(const QString &path);
    QList<Column> columns() const;
    bool byteOrderMark() const;
    bool formulaGuard() const;
    QListWidget *columnList() const { return m_columns; }
    // Export all during a server search: says that only the users found are written.
    void setSearch(const QString &profileName, const QString &text, qint64 found);
    QString summaryText() const;

    void accept() override;

    // Where the proposed file goes: the last folder used, else Documents, else home; never one
    // that does not exist.
    static QString defaultFolder(const QString &lastUsed);

private:
    QListWidget *buildColumnList(const QList<Column> &visible);
    void browse();
    void validate();

    QLabel *m_summary;
    QLineEdit *m_path;
    QListWidget *m_columns;
    QCheckBox *m_bom;
    QCheckBox *m_guard;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};
