#include "reviewdialog.h"

#include "profilestore.h"
#include "providerkind.h"
#include "statuscolors.h"
#include "viewtext.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
enum ProfileColumn { NameColumn, KindColumn, ProgressColumn };

} // namespace

ReviewDialog::ReviewDialog(ProfileStore *store, SessionProviders providers, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_providers(providers)
{
    setWindowTitle(tr("Access review"));
    auto *outer = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Writes every user of the checked profiles to one CSV file: person "
                                "(the lower-cased email a spreadsheet pivots on), profile and "
                                "kind, then the usual columns. Profiles are read one after "
                                "another; the file appears only when the review is complete."),
        this);
    intro->setWordWrap(true);
    outer->addWidget(intro);

    m_profiles = new QTreeWidget(this);
    m_profiles->setObjectName(QStringLiteral("profileTree"));
    m_profiles->setAccessibleName(tr("Profiles reviewed"));
    m_profiles->setHeaderLabels({tr("Profile"), tr("Kind"), tr("Progress")});
    m_profiles->setRootIsDecorated(false);
    m_profiles->header()->setSectionResizeMode(ProgressColumn, QHeaderView::Stretch);
    for (const Profile &p : m_store->profiles()) {
        auto *item
            = new QTreeWidgetItem(m_profiles, {p.name, ProviderKinds::displayName(p.kind), {}});
        item->setCheckState(NameColumn, Qt::Checked);
    }
    m_profiles->resizeColumnToContents(NameColumn);
    m_profiles->resizeColumnToContents(KindColumn);
    outer->addWidget(m_profiles, 1);

    auto *form = new QFormLayout;
    auto *pathRow = new QHBoxLayout;
    m_path = new QLineEdit(this);
    const QString folder
        = QSettings()
              .value(QStringLiteral("review/folder"),
                  QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
              .toString();
    m_path->setText(QDir(folder).filePath(
        QStringLiteral("access-review-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate))));
    auto *browseButton = new QPushButton(tr("&Browse…"), this);
    connect(browseButton, &QPushButton::clicked, this, &ReviewDialog::browse);
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browseButton);
    auto *pathLabel = new QLabel(tr("&File:"), this);
    pathLabel->setBuddy(m_path);
    form->addRow(pathLabel, pathRow);
    m_skipFailed
        = new QCheckBox(tr("&Leave out profiles that fail (the summary names them)"), this);
    m_bom = new QCheckBox(tr("Start with a &byte-order mark (for spreadsheets)"), this);
    m_skipFailed->setObjectName(QStringLiteral("skipFailed"));
    form->addRow(QString(), m_skipFailed);
    form->addRow(QString(), m_bom);
    outer->addLayout(form);

    m_progress = new QProgressBar(this);
    m_progress->hide();
    outer->addWidget(m_progress);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setFocusPolicy(Qt::NoFocus); // empty until the review ends: never a focus stop
    outer->addWidget(m_summary);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_start = buttons->addButton(tr("&Start review"), QDialogButtonBox::ActionRole);
    m_start->setObjectName(QStringLiteral("startButton"));
    m_start->setDefault(true);
    m_cancel = buttons->addButton(tr("&Cancel review"), QDialogButtonBox::ActionRole);
    connect(m_start, &QPushButton::clicked, this, &ReviewDialog::startReview);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_review)
            m_review->cancel();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    outer->addWidget(buttons);
    resize(760, 560);
    updateButtons();
}

ReviewDialog::~ReviewDialog()
{
    delete m_run; // a review still running is cancelled: the old file stays
}

void ReviewDialog::setOutputPath(const QString &path)
{
    m_path->setText(path);
}

void ReviewDialog::setProfileChecked(const QString &name, bool checked)
{
    for (int i = 0; i < m_profiles->topLevelItemCount(); ++i) {
        if (m_profiles->topLevelItem(i)->text(NameColumn) == name)
            m_profiles->topLevelItem(i)->setCheckState(
                NameColumn, checked ? Qt::Checked : Qt::Unchecked);
    }
}

void ReviewDialog::browse()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Access review file"), m_path->text(), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        m_path->setText(path);
}

void ReviewDialog::startReview()
{
    const QString path = m_path->text().trimmed();
    if (path.isEmpty()) {
        m_summary->setText(tr("Choose the file to write first."));
        return;
    }
    delete m_run;
    m_run = new QObject(this);
    AccessReview::Options options;
    options.skipFailed = m_skipFailed->isChecked();
    options.csv.byteOrderMark = m_bom->isChecked();
    m_review = new AccessReview(options, m_run);
    m_review->setOutputPath(path);
    m_rowOf.clear();
    QList<Profile> chosen;
    for (int i = 0; i < m_profiles->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_profiles->topLevelItem(i);
        item->setText(ProgressColumn, QString());
        item->setForeground(ProgressColumn, palette().color(QPalette::Text));
        const Profile *p = m_store->find(item->text(NameColumn));
        if (!p || item->checkState(NameColumn) != Qt::Checked)
            continue;
        m_review->addProfile(*p);
        m_rowOf.append(i);
        chosen.append(*p);
        item->setText(ProgressColumn, tr("Waiting"));
    }
    if (chosen.isEmpty()) {
        m_summary->setText(tr("Check at least one profile."));
        return;
    }
    connect(m_review, &AccessReview::progress, this, &ReviewDialog::onProgress);
    connect(m_review, &AccessReview::profileFinished, this, &ReviewDialog::onProfileFinished);
    connect(m_review, &AccessReview::finished, this, &ReviewDialog::onFinished);
    QSettings().setValue(QStringLiteral("review/folder"), QFileInfo(path).absolutePath());
    m_progress->setRange(0, int(chosen.size()));
    m_progress->setValue(0);
    m_progress->show();
    m_summary->setText(tr("Reviewing %n profile(s)…", nullptr, int(chosen.size())));
    m_review->start();
    if (m_review->isRunning())
        m_review->requestProviders(m_providers);
    updateButtons();
}

QString ReviewDialog::progressText(const AccessReview &review, int index)
{
    const qint64 total = review.total(index);
    return total > 0 ? tr("%1 of %2 users (%3%)")
                           .arg(grouped(review.rows(index)), grouped(total))
                           .arg(100 * review.rows(index) / total)
                     : tr("%1 users so far").arg(grouped(review.rows(index)));
}

void ReviewDialog::onProgress(int index)
{
    m_profiles->topLevelItem(m_rowOf.at(index))
        ->setText(ProgressColumn, progressText(*m_review, index));
}

void ReviewDialog::onProfileFinished(int index)
{
    QTreeWidgetItem *item = m_profiles->topLevelItem(m_rowOf.at(index));
    switch (m_review->status(index)) {
    case AccessReview::Status::Done:
        item->setText(ProgressColumn, tr("%1 users").arg(grouped(m_review->rows(index))));
        break;
    case AccessReview::Status::Skipped:
    case AccessReview::Status::Failed:
        item->setText(ProgressColumn,
            (m_review->status(index) == AccessReview::Status::Skipped ? tr("Left out: %1")
                                                                      : tr("Failed: %1"))
                .arg(m_review->profileError(index).summary()));
        item->setForeground(ProgressColumn, StatusColors::error(palette()));
        break;
    default:
        break;
    }
    m_progress->setValue(m_progress->value() + 1);
}

void ReviewDialog::onFinished(bool ok)
{
    m_progress->hide();
    if (!ok) {
        m_summary->setText(tr("The review was not written: %1\nAn existing file was left as it "
                              "was. Check \"Leave out profiles that fail\" to write the others.")
                               .arg(m_review->error().summary()));
    } else {
        m_summary->setText(m_review->summaryLines(m_path->text()).join(QLatin1Char('\n')));
    }
    updateButtons();
}

void ReviewDialog::updateButtons()
{
    const bool running = isRunning();
    m_start->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_profiles->setEnabled(!running);
}
