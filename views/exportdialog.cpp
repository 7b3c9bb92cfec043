#include "exportdialog.h"

#include "accessibility.h"
#include "statuscolors.h"
#include "usertablemodel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QVBoxLayout>

ExportDialog::ExportDialog(Scope scope, const QString &profileName, qint64 rows,
    const QList<Column> &visible, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(scope == Scope::All ? tr("Export all users") : tr("Export selected users"));
    auto *layout = new QVBoxLayout(this);
    auto *summary = m_summary = new QLabel(this);
    summary->setWordWrap(true);
    if (scope == Scope::All)
        summary->setText(rows >= 0
                ? tr("Every page of %1 (%2 users) is fetched straight into the file.")
                      .arg(profileName, QLocale().toString(rows))
                : tr("Every page of %1 is fetched straight into the file.").arg(profileName));
    else
        summary->setText(tr("%n selected row(s) of %1, in the table's order.", nullptr, int(rows))
                             .arg(profileName));
    layout->addWidget(summary);

    auto *form = new QFormLayout;
    auto *pathRow = new QHBoxLayout;
    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("path"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    // addRow(QString, QLayout *) gives the label no buddy, so its mnemonic would show as a
    // literal "&": the label is made here and pointed at the path field.
    auto *pathLabel = new QLabel(tr("&File:"), this);
    pathLabel->setBuddy(m_path);
    form->addRow(pathLabel, pathRow);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);

    m_columns = buildColumnList(visible);
    form->addRow(tr("&Columns:"), m_columns);
    Accessibility::nameAfterLabel(m_columns, tr("&Columns:"));
    connect(m_columns, &QListWidget::itemChanged, this, &ExportDialog::validate);

    m_bom = new QCheckBox(
        tr("Start with a byte-order &mark (helps some spreadsheet programs detect UTF-8)"), this);
    m_guard = new QCheckBox(tr("Protect against &formulas: prefix ' to cells starting with = + - @ "
                               "(not to plain numbers such as phone numbers)"),
        this);
    m_guard->setChecked(true);
    QSettings settings;
    m_bom->setChecked(settings.value(QStringLiteral("export/bom"), false).toBool());
    m_guard->setChecked(settings.value(QStringLiteral("export/formulaGuard"), true).toBool());
    form->addRow(QString(), m_bom);
    form->addRow(QString(), m_guard);
    layout->addLayout(form);

    m_problem = new QLabel(this);
    StatusColors::paintAsError(m_problem);
    m_problem->setWordWrap(true);
    layout->addWidget(m_problem);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    layout->addWidget(m_buttons);

    const QString dir = defaultFolder(settings.value(QStringLiteral("export/lastDir")).toString());
    QString slug = profileName.toLower();
    slug.replace(QRegularExpression(QStringLiteral("[^\\w]+")), QStringLiteral("-"));
    slug.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
    m_path->setText(QDir(dir).filePath(
        (slug.isEmpty() ? QStringLiteral("users") : slug + QStringLiteral("-users"))
        + QStringLiteral(".csv")));
    // It opens on the proposed path, selected: typing a name of one's own replaces it.
    m_path->setFocus();
    m_path->selectAll();
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::validate);
    resize(620, 520);
    validate();
}

// Every column, the visible ones first and ticked, in the order the table shows them.
QListWidget *ExportDialog::buildColumnList(const QList<Column> &visible)
{
    auto *list = new QListWidget(this);
    list->setDragDropMode(QAbstractItemView::InternalMove);
    list->setDefaultDropAction(Qt::MoveAction);
    list->setToolTip(tr("Tick the columns to write; drag them to change their order."));
    QList<Column> order = visible;
    for (Column c : Columns::all()) {
        if (!order.contains(c))
            order << c;
    }
    for (Column c : order) {
        auto *item = new QListWidgetItem(
            QStringLiteral("%1  (%2)").arg(UserTableModel::columnTitle(c), Columns::key(c)), list);
        item->setData(Qt::UserRole, int(c));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsDragEnabled);
        item->setCheckState(visible.contains(c) ? Qt::Checked : Qt::Unchecked);
    }
    return list;
}

QString ExportDialog::defaultFolder(const QString &lastUsed)
{
    // The folder the user chose last time, else Documents, else home: always one that exists,
    // so the proposed path can be exported to at once (a fresh account may have no Documents).
    const QStringList candidates {lastUsed,
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation), QDir::homePath()};
    for (const QString &c : candidates) {
        if (!c.isEmpty() && QFileInfo(c).isDir())
            return c;
    }
    return QDir::currentPath();
}

void ExportDialog::setSearch(const QString &profileName, const QString &text, qint64 found)
{
    setWindowTitle(tr("Export the users found"));
    m_summary->setText(found >= 0
            ? tr("The %1 users the server found in %2 for “%3” are fetched straight into the file.")
                  .arg(QLocale().toString(found), profileName, text)
            : tr("The users the server finds in %1 for “%2” are fetched straight into the file.")
                  .arg(profileName, text));
}

QString ExportDialog::summaryText() const
{
    return m_summary->text();
}

QString ExportDialog::path() const
{
    return m_path->text().trimmed();
}

void ExportDialog::setPath(const QString &path)
{
    m_path->setText(path);
}

QList<Column> ExportDialog::columns() const
{
    QList<Column> out;
    for (int i = 0; i < m_columns->count(); ++i) {
        if (m_columns->item(i)->checkState() == Qt::Checked)
            out << static_cast<Column>(m_columns->item(i)->data(Qt::UserRole).toInt());
    }
    return out;
}

bool ExportDialog::byteOrderMark() const
{
    return m_bom->isChecked();
}

bool ExportDialog::formulaGuard() const
{
    return m_guard->isChecked();
}

void ExportDialog::browse()
{
    const QString chosen = QFileDialog::getSaveFileName(
        this, tr("Export to CSV"), path(), tr("CSV files (*.csv);;All files (*)"));
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

void ExportDialog::validate()
{
    QString problem;
    if (columns().isEmpty())
        problem = tr("Tick at least one column.");
    else if (path().isEmpty())
        problem = tr("Choose a file to write.");
    else if (!QFileInfo(QFileInfo(path()).absolutePath()).isDir())
        problem = tr("The folder %1 does not exist.")
                      .arg(QDir::toNativeSeparators(QFileInfo(path()).absolutePath()));
    else if (QFileInfo(path()).isDir())
        problem = tr("%1 is a folder; add a file name.").arg(QDir::toNativeSeparators(path()));
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

void ExportDialog::accept()
{
    validate();
    if (!m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    if (QFileInfo::exists(path()) && isVisible()) {
        const auto answer = QMessageBox::question(this, tr("Replace file?"),
            tr("%1 already exists. Replace it when the export has finished?\n(If the export fails "
               "or is cancelled, the file stays as it is.)")
                .arg(QDir::toNativeSeparators(path())));
        if (answer != QMessageBox::Yes)
            return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("export/lastDir"), QFileInfo(path()).absolutePath());
    settings.setValue(QStringLiteral("export/bom"), byteOrderMark());
    settings.setValue(QStringLiteral("export/formulaGuard"), formulaGuard());
    QDialog::accept();
}
