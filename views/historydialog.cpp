#include "historydialog.h"

#include "csvoutput.h"
#include "historydiffmodel.h"
#include "profilestore.h"
#include "providerkind.h"
#include "reviewdialog.h"
#include "statuscolors.h"
#include "userdetailpane.h"
#include "viewtext.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
enum ListColumn { IdColumn, TakenColumn, ProfilesColumn, AccountsColumn, CompleteColumn };
enum ProgressColumn { NameColumn, KindColumn, StateColumn };
constexpr int kIdRole = Qt::UserRole;
} // namespace

HistoryDialog::HistoryDialog(
    ProfileStore *profiles, SessionProviders providers, QString storePath, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_providers(providers)
    , m_store(std::move(storePath))
{
    setWindowTitle(tr("History"));
    auto *outer = new QVBoxLayout(this);
    auto *intro
        = new QLabel(tr("Dated snapshots of who has access, kept in %1 (never a "
                        "credential). Select one snapshot to see what changed since the one "
                        "before it, or two to compare them.")
                         .arg(QDir::toNativeSeparators(m_store.path())),
            this);
    intro->setWordWrap(true);
    intro->setTextInteractionFlags(Qt::TextSelectableByMouse);
    outer->addWidget(intro);

    m_vertical = new QSplitter(Qt::Vertical, this);
    m_vertical->setObjectName(QStringLiteral("historySplitter"));
    m_vertical->setChildrenCollapsible(false);
    buildSnapshotList(m_vertical);
    buildDiffArea(m_vertical);
    m_vertical->setStretchFactor(1, 3);
    outer->addWidget(m_vertical, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    outer->addWidget(buttons);

    resize(1200, 780);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("history/geometry")).toByteArray());
    m_vertical->restoreState(settings.value(QStringLiteral("history/split")).toByteArray());
    m_horizontal->restoreState(settings.value(QStringLiteral("history/detailSplit")).toByteArray());

    m_open = m_store.open();
    if (!m_open)
        m_status->setText(tr("The history cannot be opened: %1").arg(m_store.error()));
    reload();
    updateButtons();
}

HistoryDialog::~HistoryDialog()
{
    delete m_run; // a snapshot still being taken is cancelled: the store keeps none of it
}

void HistoryDialog::done(int result)
{
    QSettings settings;
    settings.setValue(QStringLiteral("history/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("history/split"), m_vertical->saveState());
    settings.setValue(QStringLiteral("history/detailSplit"), m_horizontal->saveState());
    QDialog::done(result);
}

void HistoryDialog::buildSnapshotList(QWidget *parent)
{
    auto *top = new QWidget(parent);
    auto *row = new QHBoxLayout(top);
    row->setContentsMargins(0, 0, 0, 0);
    auto *lists = new QVBoxLayout;
    auto *listLabel = new QLabel(tr("&Snapshots:"), top);
    m_list = new QTreeWidget(top);
    m_list->setObjectName(QStringLiteral("snapshotList"));
    m_list->setAccessibleName(tr("Snapshots"));
    m_list->setHeaderLabels(
        {tr("Snapshot"), tr("Taken"), tr("Profiles"), tr("Accounts"), tr("Complete")});
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->header()->setSectionResizeMode(ProfilesColumn, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    listLabel->setBuddy(m_list);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &HistoryDialog::onSelectionChanged);
    lists->addWidget(listLabel);
    lists->addWidget(m_list, 1);
    m_progress = new QTreeWidget(top);
    m_progress->setObjectName(QStringLiteral("snapshotProgress"));
    m_progress->setAccessibleName(tr("Snapshot progress"));
    m_progress->setHeaderLabels({tr("Profile"), tr("Kind"), tr("Progress")});
    m_progress->setRootIsDecorated(false);
    m_progress->header()->setSectionResizeMode(StateColumn, QHeaderView::Stretch);
    m_progress->setMaximumHeight(150);
    m_progress->hide();
    lists->addWidget(m_progress);
    m_status = new QLabel(top);
    m_status->setObjectName(QStringLiteral("historyStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    lists->addWidget(m_status);
    row->addLayout(lists, 1);

    auto *side = new QVBoxLayout;
    m_take = new QPushButton(tr("&Take snapshot now"), top);
    m_take->setObjectName(QStringLiteral("takeSnapshotButton"));
    m_cancel = new QPushButton(tr("&Cancel snapshot"), top);
    m_cancel->setObjectName(QStringLiteral("cancelSnapshotButton"));
    m_delete = new QPushButton(tr("&Delete…"), top);
    m_delete->setObjectName(QStringLiteral("deleteSnapshotButton"));
    connect(m_take, &QPushButton::clicked, this, &HistoryDialog::takeSnapshot);
    connect(m_cancel, &QPushButton::clicked, this, &HistoryDialog::cancelSnapshot);
    connect(m_delete, &QPushButton::clicked, this, &HistoryDialog::deleteSelected);
    side->addWidget(m_take);
    side->addWidget(m_cancel);
    side->addWidget(m_delete);
    side->addStretch(1);
    row->addLayout(side);
}

void HistoryDialog::buildDiffArea(QWidget *parent)
{
    auto *bottom = new QWidget(parent);
    auto *column = new QVBoxLayout(bottom);
    column->setContentsMargins(0, 0, 0, 0);
    m_compareLabel = new QLabel(bottom);
    m_compareLabel->setObjectName(QStringLiteral("compareLabel"));
    m_compareLabel->setWordWrap(true);
    m_compareLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(m_compareLabel);

    auto *filters = new QHBoxLayout;
    m_profileFilter = new QComboBox(bottom);
    m_profileFilter->setObjectName(QStringLiteral("profileFilter"));
    m_profileFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_changeFilter = new QComboBox(bottom);
    m_changeFilter->setObjectName(QStringLiteral("changeFilter"));
    m_changeFilter->addItem(tr("Every change"), -1);
    for (SnapshotDiff::Change c :
        {SnapshotDiff::Change::Joined, SnapshotDiff::Change::Left, SnapshotDiff::Change::Changed})
        m_changeFilter->addItem(HistoryDiffModel::changeText(c), int(c));
    auto *profileLabel = new QLabel(tr("&Profile:"), bottom);
    profileLabel->setBuddy(m_profileFilter);
    auto *changeLabel = new QLabel(tr("C&hange:"), bottom);
    changeLabel->setBuddy(m_changeFilter);
    m_export = new QPushButton(tr("&Export to CSV…"), bottom);
    m_export->setObjectName(QStringLiteral("exportDiffButton"));
    m_export->setToolTip(tr("Writes the rows shown, with the columns of roster diff"));
    connect(m_profileFilter, &QComboBox::currentIndexChanged, this, &HistoryDialog::updateFilter);
    connect(m_changeFilter, &QComboBox::currentIndexChanged, this, &HistoryDialog::updateFilter);
    connect(m_export, &QPushButton::clicked, this, &HistoryDialog::exportShown);
    filters->addWidget(profileLabel);
    filters->addWidget(m_profileFilter);
    filters->addWidget(changeLabel);
    filters->addWidget(m_changeFilter);
    filters->addStretch(1);
    filters->addWidget(m_export);
    column->addLayout(filters);

    m_horizontal = new QSplitter(Qt::Horizontal, bottom);
    m_horizontal->setChildrenCollapsible(false);
    m_model = new HistoryDiffModel(this);
    connect(m_model, &HistoryDiffModel::compared, this, &HistoryDialog::onCompared);
    m_table = new QTableView(m_horizontal);
    m_table->setObjectName(QStringLiteral("diffTable"));
    m_table->setAccessibleName(tr("Changes"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    // Before and after share what the other columns leave, side by side.
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(HistoryDiffModel::BeforeColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(HistoryDiffModel::AfterColumn, QHeaderView::Stretch);
    m_table->setColumnWidth(HistoryDiffModel::ChangeColumn, 80);
    m_table->setColumnWidth(HistoryDiffModel::PersonColumn, 220);
    m_table->setColumnWidth(HistoryDiffModel::ProfileColumn, 130);
    m_table->setColumnWidth(HistoryDiffModel::FieldColumn, 100);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &HistoryDialog::updateDetail);
    m_detail = new UserDetailPane(m_horizontal);
    m_detail->setObjectName(QStringLiteral("historyDetail"));
    m_horizontal->setStretchFactor(0, 3);
    m_horizontal->setStretchFactor(1, 1);
    m_horizontal->setSizes({800, 300});
    column->addWidget(m_horizontal, 1);
}

QString HistoryDialog::describe(const SnapshotStore::Snapshot &s) const
{
    return tr("snapshot %1 (%2)")
        .arg(s.id)
        .arg(QLocale().toString(s.takenAt.toLocalTime(), QLocale::ShortFormat));
}

const SnapshotStore::Snapshot *HistoryDialog::snapshot(qint64 id) const
{
    for (const SnapshotStore::Snapshot &s : m_snapshots) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

void HistoryDialog::reload(qint64 select)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    m_snapshots.clear();
    if (m_open) {
        std::optional<QList<SnapshotStore::Snapshot>> all = m_store.snapshots();
        if (all)
            m_snapshots = std::move(*all);
        else
            m_status->setText(tr("The history cannot be read: %1").arg(m_store.error()));
    }
    for (const SnapshotStore::Snapshot &s : m_snapshots) {
        QStringList names;
        for (const SnapshotStore::ProfileEntry &p : s.profiles)
            names << (p.complete ? p.name : tr("%1 (incomplete)").arg(p.name));
        auto *item = new QTreeWidgetItem(m_list,
            {QString::number(s.id),
                QLocale().toString(s.takenAt.toLocalTime(), QLocale::ShortFormat),
                names.join(QStringLiteral(", ")), grouped(s.accounts()),
                s.complete() ? tr("Yes") : tr("No")});
        item->setData(IdColumn, kIdRole, s.id);
        item->setTextAlignment(AccountsColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setToolTip(ProfilesColumn, names.join(QLatin1Char('\n')));
        if (!s.complete())
            item->setForeground(CompleteColumn, StatusColors::error(palette()));
        if (s.id == select || (select == 0 && m_list->topLevelItemCount() == 1))
            item->setSelected(true);
    }
    for (int c : {IdColumn, TakenColumn, AccountsColumn, CompleteColumn})
        m_list->resizeColumnToContents(c);
    if (m_snapshots.isEmpty() && m_open)
        m_status->setText(tr("No snapshot yet. \"Take snapshot now\" reads every user of every "
                             "profile and keeps them here; roster snapshot does the same from a "
                             "script."));
    onSelectionChanged();
}

bool HistoryDialog::isComparing() const
{
    return m_model->isComparing();
}

// One snapshot selected: what changed since the one before it; two: from the older to the newer.
void HistoryDialog::onSelectionChanged()
{
    QList<qint64> ids;
    for (QTreeWidgetItem *item : m_list->selectedItems())
        ids << item->data(IdColumn, kIdRole).toLongLong();
    std::sort(ids.begin(), ids.end());
    if (ids.size() == 1) {
        const auto it = std::find_if(m_snapshots.cbegin(), m_snapshots.cend(),
            [&ids](const SnapshotStore::Snapshot &s) { return s.id < ids.first(); });
        if (it != m_snapshots.cend()) {
            compareSnapshots(it->id, ids.first());
            return;
        }
        m_compareLabel->setText(tr("This is the first snapshot: there is nothing before it to "
                                   "compare with. Take another one later to see what changed."));
    } else if (ids.size() == 2) {
        compareSnapshots(ids.first(), ids.last());
        return;
    } else {
        m_compareLabel->setText(ids.isEmpty()
                ? tr("Select a snapshot to see what changed since the one before it.")
                : tr("Select one or two snapshots to compare."));
    }
    m_model->clear();
    m_detail->clear();
    updateButtons();
}

bool HistoryDialog::compareSnapshots(qint64 from, qint64 to)
{
    const SnapshotStore::Snapshot *a = snapshot(from);
    const SnapshotStore::Snapshot *b = snapshot(to);
    if (!a || !b)
        return false;
    m_compareLabel->setText(tr("Comparing %1 with %2…").arg(describe(*a), describe(*b)));
    m_detail->clear();
    m_model->compare(m_store.path(), from, to);
    updateButtons();
    return true;
}

void HistoryDialog::onCompared(bool ok)
{
    const SnapshotStore::Snapshot *a = snapshot(m_model->from());
    const SnapshotStore::Snapshot *b = snapshot(m_model->to());
    if (!ok || !a || !b) {
        m_compareLabel->setText(tr("The snapshots cannot be compared: %1").arg(m_model->error()));
        updateButtons();
        return;
    }
    QStringList lines {tr("From %1 to %2:").arg(describe(*a), describe(*b))};
    for (const SnapshotDiff::ProfileCounts &c : m_model->counts())
        lines << tr("%1: %2 joined, %3 left, %4 changed")
                     .arg(c.profile, grouped(c.joined), grouped(c.left), grouped(c.changed));
    if (!m_model->leftOut().isEmpty())
        lines << tr("Left out: %1").arg(m_model->leftOut().join(QStringLiteral("; ")));
    if (m_model->counts().isEmpty() && m_model->leftOut().isEmpty())
        lines << tr("No profile is in both snapshots.");
    m_compareLabel->setText(lines.join(QLatin1Char('\n')));

    const QString chosen = m_profileFilter->currentData().toString();
    const QSignalBlocker blocker(m_profileFilter);
    m_profileFilter->clear();
    m_profileFilter->addItem(tr("Every profile"), QString());
    for (const SnapshotDiff::ProfileCounts &c : m_model->counts())
        m_profileFilter->addItem(c.profile, c.profile);
    m_profileFilter->setCurrentIndex(std::max(0, m_profileFilter->findData(chosen)));
    updateFilter();
}

void HistoryDialog::updateFilter()
{
    const int change = m_changeFilter->currentData().toInt();
    m_model->setFilter(m_profileFilter->currentData().toString(),
        change < 0 ? std::nullopt : std::optional(SnapshotDiff::Change(change)));
    m_detail->clear();
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    updateButtons();
}

// The account as its snapshot holds it: the later one, or the earlier for an account that left.
void HistoryDialog::updateDetail()
{
    const SnapshotDiff::Row *row = m_model->rowAt(m_table->currentIndex().row());
    const SnapshotStore::Snapshot *s = row
        ? snapshot(row->change == SnapshotDiff::Change::Left ? m_model->from() : m_model->to())
        : nullptr;
    if (!s) {
        m_detail->clear();
        return;
    }
    for (const SnapshotStore::ProfileEntry &p : s->profiles) {
        if (p.name != row->profile)
            continue;
        const std::optional<QStringList> values = m_store.account(p.rowId, row->accountId);
        if (values && !values->isEmpty()) {
            m_detail->setUser(SnapshotStore::user(*values), p.kind);
            return;
        }
    }
    m_detail->clear();
}

void HistoryDialog::updateButtons()
{
    const bool taking = isTakingSnapshot();
    m_take->setEnabled(m_open && !taking && !m_profiles->profiles().isEmpty());
    m_cancel->setEnabled(taking);
    m_delete->setEnabled(m_open && !taking && !m_list->selectedItems().isEmpty());
    m_export->setEnabled(!m_model->isComparing() && m_model->rowCount() > 0);
}

void HistoryDialog::deleteSelected()
{
    QList<qint64> ids;
    for (QTreeWidgetItem *item : m_list->selectedItems())
        ids << item->data(IdColumn, kIdRole).toLongLong();
    if (ids.isEmpty())
        return;
    const auto answer = QMessageBox::question(this, tr("Delete snapshots"),
        tr("Delete %n snapshot(s) and every account they hold? This cannot be undone.", nullptr,
            int(ids.size())),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    for (qint64 id : ids) {
        if (!m_store.remove(id)) {
            m_status->setText(tr("Snapshot %1 was not deleted: %2").arg(id).arg(m_store.error()));
            break;
        }
    }
    reload();
}

void HistoryDialog::exportShown()
{
    const QString folder
        = QSettings()
              .value(QStringLiteral("history/folder"),
                  QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
              .toString();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export changes"),
        QDir(folder).filePath(
            QStringLiteral("roster-diff-%1-%2.csv").arg(m_model->from()).arg(m_model->to())),
        tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("history/folder"), QFileInfo(path).absolutePath());
    if (!exportTo(path))
        QMessageBox::warning(this, tr("Export changes"), m_status->text());
}

bool HistoryDialog::exportTo(const QString &path)
{
    CsvOutput output {QList<Column> {}};
    output.setPath(path);
    qint64 rows = 0;
    const bool ok = SnapshotDiff::write(output, m_model->allRows(), [this, &rows](const auto &r) {
        const bool keep = m_model->keeps(r);
        rows += keep;
        return keep;
    });
    m_status->setText(ok
            ? tr("Wrote %1 rows to %2").arg(grouped(rows), QDir::toNativeSeparators(path))
            : tr("The changes were not written: %1\nAn existing file was left as it "
                 "was.")
                  .arg(output.error().summary()));
    return ok;
}

void HistoryDialog::takeSnapshot()
{
    if (!m_open || isTakingSnapshot())
        return;
    delete m_run;
    m_run = new QObject(this);
    AccessReview::Options options;
    options.writeCsv = false;
    options.skipFailed = true; // a profile that fails is kept as incomplete, never as "nobody"
    m_review = new AccessReview(options, m_run);
    m_review->setStore(&m_store);
    m_progress->clear();
    for (const Profile &p : m_profiles->profiles()) {
        m_review->addProfile(p);
        new QTreeWidgetItem(
            m_progress, {p.name, ProviderKinds::displayName(p.kind), tr("Waiting")});
    }
    m_progress->resizeColumnToContents(NameColumn);
    m_progress->resizeColumnToContents(KindColumn);
    m_progress->show();
    connect(m_review, &AccessReview::progress, this, &HistoryDialog::onProgress);
    connect(m_review, &AccessReview::profileFinished, this, &HistoryDialog::onProfileFinished);
    connect(m_review, &AccessReview::finished, this, &HistoryDialog::onSnapshotFinished);
    m_status->setText(
        tr("Taking a snapshot of %n profile(s)…", nullptr, int(m_profiles->profiles().size())));
    m_review->start();
    if (m_review->isRunning())
        m_review->requestProviders(m_providers);
    updateButtons();
}

void HistoryDialog::cancelSnapshot()
{
    if (m_review)
        m_review->cancel();
}

void HistoryDialog::onProgress(int index)
{
    m_progress->topLevelItem(index)->setText(
        StateColumn, ReviewDialog::progressText(*m_review, index));
}

void HistoryDialog::onProfileFinished(int index)
{
    QTreeWidgetItem *item = m_progress->topLevelItem(index);
    if (m_review->status(index) == AccessReview::Status::Done) {
        item->setText(StateColumn, tr("%1 users").arg(grouped(m_review->rows(index))));
        return;
    }
    item->setText(StateColumn, tr("Incomplete: %1").arg(m_review->profileError(index).summary()));
    item->setForeground(StateColumn, StatusColors::error(palette()));
}

void HistoryDialog::onSnapshotFinished(bool ok)
{
    const qint64 id = m_review->snapshotId();
    if (ok && id > 0) {
        const QStringList left = m_review->summary().leftOut;
        qint64 accounts = 0;
        for (int i = 0; i < m_review->profileCount(); ++i)
            accounts += m_review->rows(i);
        m_status->setText(left.isEmpty()
                ? tr("Snapshot %1 taken: %2 accounts.").arg(id).arg(grouped(accounts))
                : tr("Snapshot %1 taken, incomplete for %2.")
                      .arg(id)
                      .arg(left.join(QStringLiteral(", "))));
    } else {
        m_status->setText(m_review->error().kind == ProviderError::Kind::Cancelled
                ? tr("Cancelled: no snapshot was kept.")
                : tr("No snapshot was kept: %1").arg(m_review->error().summary()));
    }
    updateButtons();
    reload(ok ? id : 0);
}
