#include "finddialog.h"

#include "accessibility.h"
#include "errorpane.h"
#include "profilesessions.h"
#include "profilestore.h"
#include "providerkind.h"
#include "statuscolors.h"
#include "userdetailpane.h"
#include "usertablemodel.h"
#include "viewtext.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {
enum ProfileColumn { NameColumn, KindColumn, ResultColumn, CancelColumn };

} // namespace

FindDialog::FindDialog(ProfileStore *store, SessionProviders providers, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_providers(providers)
{
    setWindowTitle(tr("Find in all profiles"));
    buildUi();
    for (const Profile &p : m_store->profiles()) {
        auto *item = new QTreeWidgetItem(
            m_profiles, {p.name, ProviderKinds::displayName(p.kind), QString()});
        item->setCheckState(NameColumn, Qt::Checked);
        item->setData(NameColumn, Qt::UserRole, -1); // not searched yet
    }
    m_profiles->resizeColumnToContents(NameColumn);
    m_profiles->resizeColumnToContents(KindColumn);
    const QByteArray geometry = QSettings().value(QStringLiteral("find/geometry")).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1200, 760);
    updateSummary();
}

FindDialog::~FindDialog()
{
    QSettings().setValue(QStringLiteral("find/geometry"), saveGeometry());
    delete m_run; // aborts whatever is still in flight
}

void FindDialog::buildUi()
{
    auto *outer = new QVBoxLayout(this);
    auto *query = new QHBoxLayout;
    auto *label = new QLabel(tr("&Email or name:"), this);
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("findText"));
    m_text->setPlaceholderText(tr("ada@example.com, or Ada Lovelace"));
    Accessibility::enableClearButton(m_text);
    label->setBuddy(m_text);
    m_exact = new QCheckBox(tr("E&xact email (do not set +tags aside)"), this);
    m_exact->setObjectName(QStringLiteral("exactMatch"));
    m_find = new QPushButton(tr("&Find"), this);
    m_find->setDefault(true);
    m_stop = new QPushButton(tr("&Stop"), this);
    m_stop->setEnabled(false);
    query->addWidget(label);
    query->addWidget(m_text, 1);
    query->addWidget(m_exact);
    query->addWidget(m_find);
    query->addWidget(m_stop);
    outer->addLayout(query);
    connect(m_find, &QPushButton::clicked, this, &FindDialog::find);
    connect(m_text, &QLineEdit::returnPressed, this, &FindDialog::find);
    connect(m_stop, &QPushButton::clicked, this, &FindDialog::stop);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(buildResults(split));
    m_side = new QStackedWidget(split);
    m_placeholder = new QLabel(tr("Select an account to see it in full, or a profile that "
                                  "failed to see its error."),
        m_side);
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setEnabled(false);
    m_detail = new UserDetailPane(m_side);
    m_detail->setObjectName(QStringLiteral("findDetailPane"));
    m_error = new ErrorPane(m_side);
    m_error->setObjectName(QStringLiteral("findErrorPane"));
    m_error->setRetryEnabled(false);
    m_side->addWidget(m_placeholder);
    m_side->addWidget(m_detail);
    m_side->addWidget(m_error);
    split->addWidget(m_side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    outer->addWidget(split, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    outer->addWidget(buttons);
}

QWidget *FindDialog::buildResults(QWidget *parent)
{
    auto *left = new QSplitter(Qt::Vertical, parent);
    m_profiles = new QTreeWidget(left);
    m_profiles->setObjectName(QStringLiteral("profileTree"));
    m_profiles->setAccessibleName(tr("Profiles searched"));
    m_profiles->setColumnCount(4);
    m_profiles->setHeaderLabels({tr("Profile"), tr("Kind"), tr("Result"), QString()});
    m_profiles->setRootIsDecorated(false);
    m_profiles->setUniformRowHeights(true);
    m_profiles->header()->setSectionResizeMode(ResultColumn, QHeaderView::Stretch);
    m_profiles->header()->setStretchLastSection(false);
    connect(m_profiles, &QTreeWidget::currentItemChanged, this,
        [this](QTreeWidgetItem *item) { showProfile(item); });

    auto *box = new QWidget(left);
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(box);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(m_summary);
    m_results = new QTableWidget(0, 10, box);
    m_results->setObjectName(QStringLiteral("resultsTable"));
    m_results->setAccessibleName(tr("Accounts found"));
    m_results->setHorizontalHeaderLabels(
        {tr("Profile"), tr("Kind"), tr("Email"), tr("Display name"), tr("Status"), tr("Roles"),
            tr("Created"), tr("Updated"), tr("Matched by"), tr("Source")});
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->verticalHeader()->hide();
    m_results->horizontalHeader()->setStretchLastSection(true);
    m_results->setWordWrap(false);
    connect(m_results, &QTableWidget::itemSelectionChanged, this, &FindDialog::showResult);
    v->addWidget(m_results, 1);
    left->addWidget(m_profiles);
    left->addWidget(box);
    left->setStretchFactor(0, 2);
    left->setStretchFactor(1, 3);
    return left;
}

void FindDialog::setText(const QString &text)
{
    m_text->setText(text);
    m_text->selectAll(); // typing another address replaces it
    m_text->setFocus();
}

void FindDialog::setProfileChecked(const QString &name, bool checked)
{
    for (int i = 0; i < m_profiles->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_profiles->topLevelItem(i);
        if (item->text(NameColumn) == name)
            item->setCheckState(NameColumn, checked ? Qt::Checked : Qt::Unchecked);
    }
}

void FindDialog::find()
{
    const QString text = m_text->text().trimmed();
    if (text.isEmpty()) {
        m_summary->setText(tr("Type an email address or a name first."));
        m_text->setFocus();
        return;
    }
    delete m_run; // a new search replaces the last one
    m_run = new QObject(this);
    m_finder = new PeopleFinder(PersonMatch(text, m_exact->isChecked()), m_run);
    m_searched.clear();
    m_items.clear();
    m_hits.clear();
    m_sources.clear();
    m_unconfirmed.clear();
    m_results->setRowCount(0);
    m_side->setCurrentWidget(m_placeholder);
    m_pendingLive.clear();
    // Live answers wait for the history answer, which they confirm or extend.
    connect(m_finder, &PeopleFinder::hits, this,
        [this](const QList<PeopleFinder::Hit> &hits) { live([this, hits] { addHits(hits); }); });
    connect(m_finder, &PeopleFinder::progress, this, &FindDialog::updateTarget);
    connect(m_finder, &PeopleFinder::profileFinished, this,
        [this](int target) { live([this, target] { targetDone(target); }); });
    connect(m_finder, &PeopleFinder::finished, this, [this] { live([this] { updateSummary(); }); });
    for (int i = 0; i < m_profiles->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_profiles->topLevelItem(i);
        m_profiles->removeItemWidget(item, CancelColumn);
        item->setData(NameColumn, Qt::UserRole, -1);
        item->setText(ResultColumn, QString());
        item->setForeground(ResultColumn, palette().color(QPalette::Text));
        const Profile *p = m_store->find(item->text(NameColumn));
        if (!p || item->checkState(NameColumn) != Qt::Checked)
            continue;
        const int target = m_finder->addProfile(*p);
        m_searched.append(*p);
        m_items.append(item);
        item->setData(NameColumn, Qt::UserRole, target);
    }
    answerFromHistory(); // on a worker; live answers (loaded rows in start()) confirm it
    for (int target = 0; target < m_searched.size(); ++target)
        start(target, m_searched.at(target));
    m_finder->start();
    m_finder->requestProviders(m_providers);
    m_stop->setEnabled(!m_finder->isFinished());
    updateSummary();
}

void FindDialog::start(int target, const Profile &profile)
{
    QTreeWidgetItem *item = m_items.at(target);
    item->setText(ResultColumn, tr("Starting…"));
    auto *cancel = new QToolButton(m_profiles);
    cancel->setText(tr("Cancel"));
    cancel->setAutoRaise(true);
    connect(cancel, &QToolButton::clicked, this, [this, target] {
        if (m_finder)
            m_finder->cancelTarget(target);
    });
    m_profiles->setItemWidget(item, CancelColumn, cancel);
    // Rows the window has loaded answer at once: all of them, with no request, when complete.
    ProfileSession *session
        = m_providers.sessions ? m_providers.sessions->find(profile.name) : nullptr;
    if (session)
        m_finder->searchLoaded(target, *session->model());
}

int FindDialog::appendRow(const PeopleFinder::Hit &hit, Source source)
{
    const int row = m_results->rowCount();
    m_results->insertRow(row);
    for (int c = 0; c < m_results->columnCount(); ++c)
        m_results->setItem(row, c, new QTableWidgetItem);
    m_hits.append(hit);
    m_sources.append(source);
    setCells(row, hit);
    setSource(row, source);
    return row;
}

void FindDialog::setCells(int row, const PeopleFinder::Hit &h)
{
    const Profile &p = m_searched.at(h.target);
    const QStringList cells {p.name, ProviderKinds::displayName(p.kind), h.user.email,
        h.user.displayName, h.user.status, h.user.rolesText(), h.user.createdAt, h.user.updatedAt,
        PersonMatch::ruleText(h.rule)};
    for (int c = 0; c < cells.size(); ++c)
        m_results->item(row, c)->setText(cells.at(c));
    m_hits[row] = h;
}

// A live answer: it confirms an account a snapshot answered with, or it is one the snapshot
// did not have (new since), or (no snapshot answered for the profile) simply live.
void FindDialog::addHits(const QList<PeopleFinder::Hit> &hits)
{
    const bool wasEmpty = m_results->rowCount() == 0;
    for (const PeopleFinder::Hit &h : hits) {
        const QString key = QString::number(h.target) + QLatin1Char('\n') + h.user.id;
        if (const auto it = m_unconfirmed.constFind(key); it != m_unconfirmed.cend()) {
            setCells(*it, h);
            setSource(*it, Source::Confirmed);
            m_unconfirmed.erase(it);
            continue;
        }
        appendRow(h, m_asOf.value(h.target).isValid() ? Source::New : Source::Live);
    }
    if (wasEmpty && m_results->rowCount() > 0)
        m_results->resizeColumnsToContents();
    updateSummary();
}

void FindDialog::updateTarget(int target)
{
    if (!m_finder || m_finder->status(target) != PeopleFinder::Status::Running)
        return;
    const qint64 scanned = m_finder->usersRead(target);
    const qint64 total = m_finder->total(target);
    QString text = m_finder->searchedOnServer(target)
        ? tr("Asking the server…")
        : (total > 0 ? tr("Checking %1 of %2 users (%3%)…")
                           .arg(grouped(scanned), grouped(total))
                           .arg(100 * scanned / total)
                     : tr("Checking users: %1 so far…").arg(grouped(scanned)));
    if (m_finder->found(target) > 0)
        text += QLatin1Char(' ') + tr("%n found", nullptr, m_finder->found(target));
    m_items.at(target)->setText(ResultColumn, text);
}

void FindDialog::targetDone(int target)
{
    QTreeWidgetItem *item = m_items.at(target);
    m_profiles->removeItemWidget(item, CancelColumn);
    const int found = m_finder->found(target);
    const QString how = m_finder->searchedOnServer(target)
        ? tr("searched on the server")
        : tr("%1 users checked").arg(grouped(m_finder->usersRead(target)));
    switch (m_finder->status(target)) {
    case PeopleFinder::Status::Done:
        markGone(target);
        item->setText(ResultColumn,
            found > 0 ? tr("Found %n account(s) (%1)", nullptr, found).arg(how)
                      : tr("Not found (%1)").arg(how));
        break;
    case PeopleFinder::Status::Failed:
        item->setText(ResultColumn, tr("Failed: %1").arg(m_finder->profileError(target).summary()));
        item->setForeground(ResultColumn, StatusColors::error(palette()));
        item->setToolTip(ResultColumn,
            m_finder->profileError(target).summary() + QLatin1Char('\n')
                + tr("Select the profile to see the error in full."));
        break;
    case PeopleFinder::Status::Cancelled:
        item->setText(ResultColumn, tr("Cancelled (%1 found before)").arg(found));
        break;
    default:
        break;
    }
    updateSummary();
}

void FindDialog::updateSummary()
{
    if (!m_finder) {
        m_summary->setText(tr("Type an email address (case and +tags do not matter unless Exact) "
                              "or a name (word beginnings, accents do not matter) and press "
                              "Return. Every checked profile is searched at once."));
        return;
    }
    int done = 0, failed = 0, notFound = 0, with = 0;
    for (int t = 0; t < m_finder->profileCount(); ++t) {
        const PeopleFinder::Status s = m_finder->status(t);
        done += s != PeopleFinder::Status::Waiting && s != PeopleFinder::Status::Running;
        failed += s == PeopleFinder::Status::Failed;
        notFound += s == PeopleFinder::Status::Done && m_finder->found(t) == 0;
        with += m_finder->found(t) > 0;
    }
    const int gone = int(std::count(m_sources.cbegin(), m_sources.cend(), Source::Gone));
    const int unconfirmed = int(m_unconfirmed.size());
    QStringList parts;
    parts << tr("%n account(s) found", nullptr, int(m_hits.size()) - gone)
          << tr("in %1 of %2 profiles").arg(with).arg(m_finder->profileCount());
    if (notFound > 0)
        parts << tr("not found in %n profile(s)", nullptr, notFound);
    if (failed > 0)
        parts << tr("%n profile(s) failed", nullptr, failed);
    if (unconfirmed > 0)
        parts << tr("%n from snapshots, not confirmed live", nullptr, unconfirmed);
    if (gone > 0)
        parts << tr("%n no longer found", nullptr, gone);
    if (done < m_finder->profileCount())
        parts << tr("searching %1 more…").arg(m_finder->profileCount() - done);
    m_summary->setText(parts.join(QStringLiteral(" · ")));
    m_stop->setEnabled(!m_finder->isFinished());
}

void FindDialog::showResult()
{
    const QList<QTableWidgetItem *> selected = m_results->selectedItems();
    if (selected.isEmpty())
        return;
    const PeopleFinder::Hit &h = m_hits.at(selected.first()->row());
    m_detail->setUser(h.user, m_searched.at(h.target).kind);
    m_side->setCurrentWidget(m_detail);
}

void FindDialog::showProfile(QTreeWidgetItem *item)
{
    const int target = item ? item->data(NameColumn, Qt::UserRole).toInt() : -1;
    if (!m_finder || target < 0 || m_finder->status(target) != PeopleFinder::Status::Failed)
        return;
    m_error->setError(m_finder->profileError(target), m_finder->profile(target).name);
    m_side->setCurrentWidget(m_error);
}

void FindDialog::stop()
{
    if (!m_finder)
        return;
    for (int t = 0; t < m_finder->profileCount(); ++t)
        m_finder->cancelTarget(t);
    updateSummary();
}
