#include "mainwindow.h"

#include "profilesessions.h"
#include "providerkind.h"
#include "viewtext.h"

#include "aboutdialog.h"
#include "credentialstore.h"
#include "errorpane.h"
#include "exportdialog.h"
#include "exportjob.h"
#include "finddialog.h"
#include "profiledialog.h"
#include "profilestore.h"
#include "provider.h"
#include "providerfactory.h"
#include "reviewdialog.h"
#include "userdetailpane.h"
#include "userfilterproxymodel.h"
#include "usertablemodel.h"
#include "usertableview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

// The views library is static: its resources must be registered by hand.
static void initRosterResources()
{
    Q_INIT_RESOURCE(resources);
}

MainWindow::MainWindow(const Context &context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
{
    initRosterResources();
    m_sessions = new ProfileSessions(context.store, context.credentials, context.nam, this);
    connect(m_sessions, &ProfileSessions::credentialRead, this, [this](ProfileSession *s) {
        if (current() != s)
            return;
        updateStatus();
        if (s->credentialError().isError())
            showError();
    });
    connect(m_sessions, &ProfileSessions::aboutToClose, this, [this](ProfileSession *s) {
        if (s->profile().name != m_current)
            return;
        m_proxy->setSourceModel(nullptr);
        m_current.clear();
    });
    setWindowTitle(context.demo ? tr("Roster — demo sandbox") : tr("Roster"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/roster.svg")));
    buildUi();
    buildActions();
    reloadProfileList();

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (!m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray()))
        m_splitter->setSizes({820, 460});

    const QString last = settings
                             .value(context.demo ? QStringLiteral("demo/lastProfile")
                                                 : QStringLiteral("lastProfile"))
                             .toString();
    if (!m_context.store->profiles().isEmpty())
        activateProfile(
            m_context.store->find(last) ? last : m_context.store->profiles().first().name);
    updateStatus();
}

MainWindow::~MainWindow()
{
    // The sessions' models go before the views that show them.
    m_proxy->setSourceModel(nullptr);
    delete m_sessions;
}

void MainWindow::setSessionLimit(int limit)
{
    m_sessions->setLimit(limit);
}

int MainWindow::sessionCount() const
{
    return m_sessions->count();
}

void MainWindow::buildUi()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    m_splitter = new QSplitter(Qt::Horizontal, central);
    m_splitter->setChildrenCollapsible(false);

    auto *left = new QWidget(m_splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 6, 0, 0);
    m_filterNote = new QLabel(left);
    m_filterNote->setVisible(false);
    m_filterNote->setEnabled(false);
    leftLayout->addWidget(m_filterNote);
    m_table = new UserTableView(left);
    m_proxy = new UserFilterProxyModel(this);
    m_table->setModel(m_proxy);
    leftLayout->addWidget(m_table, 1);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &MainWindow::updateDetail);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &MainWindow::updateStatus);
    connect(m_table, &UserTableView::exportSelectedRequested, this, [this] { exportUsers(false); });
    connect(m_table, &UserTableView::loadAllRequested, this, &MainWindow::loadAllCurrent);
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
        &MainWindow::updateStatus);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateStatus);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateStatus);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateStatus);

    m_side = new QStackedWidget(m_splitter);
    m_detail = new UserDetailPane(m_side);
    m_error = new ErrorPane(m_side);
    m_side->addWidget(m_detail);
    m_side->addWidget(m_error);
    connect(m_error, &ErrorPane::retryRequested, this, &MainWindow::retryCurrent);
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_side);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    layout->addWidget(m_splitter);
    setCentralWidget(central);

    m_stateLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(180);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_errorButton = new QToolButton(this);
    m_errorButton->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_errorButton->setText(tr("Error"));
    m_errorButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_errorButton->setAutoRaise(true);
    m_errorButton->setToolTip(tr("Show what went wrong"));
    m_errorButton->hide();
    connect(m_errorButton, &QToolButton::clicked, this, &MainWindow::showError);
    m_countLabel = new QLabel(this);
    statusBar()->addWidget(m_stateLabel, 1);
    statusBar()->addPermanentWidget(m_errorButton);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_countLabel);
}

void MainWindow::buildActions()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *profileLabel = new QLabel(tr("&Profile:"), bar);
    m_profiles = new QComboBox(bar);
    m_profiles->setMinimumContentsLength(24);
    m_profiles->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    profileLabel->setBuddy(m_profiles);
    bar->addWidget(profileLabel);
    bar->addWidget(m_profiles);
    connect(m_profiles, &QComboBox::activated, this,
        [this](int index) { activateProfile(m_profiles->itemData(index).toString()); });

    m_reload = bar->addAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("&Reload"), this,
        &MainWindow::reloadCurrent);
    m_reload->setShortcut(QKeySequence::Refresh);
    m_reload->setToolTip(tr("Load the organization again from the first page (F5)"));
    m_exportSelected = bar->addAction(style()->standardIcon(QStyle::SP_DialogSaveButton),
        tr("Export &selected…"), this, [this] { exportUsers(false); });
    m_exportSelected->setShortcut(QKeySequence(tr("Ctrl+E")));
    m_exportAll = new QAction(tr("Export &all…"), this);
    m_exportAll->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    m_exportAll->setToolTip(tr("Fetch every page of the organization straight into a CSV file"));
    connect(m_exportAll, &QAction::triggered, this, [this] { exportUsers(true); });
    bar->addAction(m_exportAll);

    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    buildSearchField(bar);
    auto *focusFilter = new QAction(this);
    focusFilter->setShortcut(QKeySequence::Find);
    connect(focusFilter, &QAction::triggered, this, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    addAction(focusFilter);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_exportSelected);
    file->addAction(m_exportAll);
    file->addAction(tr("Access &review…"), this, [this] { openReview(); })
        ->setToolTip(tr("Every user of every profile in one CSV file, for an audit"));
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction *findAll
        = editMenu->addAction(tr("Find in &all profiles…"), this, [this] { openFind(); });
    findAll->setShortcut(QKeySequence(tr("Ctrl+Shift+F")));
    findAll->setToolTip(
        tr("Where does this person have an account? Searches every profile at once"));
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_reload);
    view->addAction(focusFilter);
    focusFilter->setText(tr("&Filter"));
    QAction *copy = view->addAction(
        tr("&Copy selected rows"), QKeySequence::Copy, m_table, &UserTableView::copySelection);
    copy->setShortcutContext(Qt::WidgetShortcut);
    QAction *loadAll = view->addAction(tr("&Load all rows"), this, &MainWindow::loadAllCurrent);
    loadAll->setShortcut(QKeySequence(tr("Ctrl+Shift+End")));
    loadAll->setToolTip(
        tr("Fetch every remaining page (several at once where the provider allows it)"));
    QAction *showError = view->addAction(tr("Show &error"), this, &MainWindow::showError);
    Q_UNUSED(showError);
    QMenu *profiles = menuBar()->addMenu(tr("&Profiles"));
    profiles->setObjectName(QStringLiteral("profilesMenu"));
    QAction *edit = profiles->addAction(tr("&Edit profiles…"), this, &MainWindow::editProfiles);
    edit->setShortcut(QKeySequence(tr("Ctrl+,")));
    bar->insertAction(m_reload, edit);
    bar->insertSeparator(m_reload);
    profiles->addSeparator();
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Roster"), this, [this] { AboutDialog(this).exec(); });
}

// The search field and the label that says which search it runs.
void MainWindow::buildSearchField(QToolBar *bar)
{
    m_searchMode = new QLabel(bar);
    m_searchMode->setContentsMargins(0, 0, 6, 0);
    bar->addWidget(m_searchMode);
    m_filter = new QLineEdit(bar);
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(300);
    m_searchMode->setBuddy(m_filter);
    bar->addWidget(m_filter);
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(500);
    connect(m_searchTimer, &QTimer::timeout, this, &MainWindow::runServerSearch);
    connect(m_filter, &QLineEdit::textChanged, this, &MainWindow::onSearchEdited);
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        if (searchesOnServer())
            runServerSearch();
    });
    updateSearchMode();
}

FindDialog *MainWindow::openFind()
{
    if (!m_findDialog) {
        m_findDialog = new FindDialog(
            m_context.store, {m_sessions, m_context.credentials, m_context.nam}, this);
        m_findDialog->setAttribute(Qt::WA_DeleteOnClose);
        // Start from the selected user's address, the usual question being about them.
        const QList<int> rows = selectedSourceRows();
        if (UserTableModel *model = currentModel(); model && !rows.isEmpty())
            m_findDialog->setText(model->value(rows.first(), Column::Email));
    }
    m_findDialog->show();
    m_findDialog->raise();
    m_findDialog->activateWindow();
    return m_findDialog;
}

ReviewDialog *MainWindow::openReview()
{
    if (!m_reviewDialog) {
        m_reviewDialog = new ReviewDialog(
            m_context.store, {m_sessions, m_context.credentials, m_context.nam}, this);
        m_reviewDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_reviewDialog->show();
    m_reviewDialog->raise();
    m_reviewDialog->activateWindow();
    return m_reviewDialog;
}

void MainWindow::reloadProfileList()
{
    QMenu *menu = menuBar()->findChild<QMenu *>(QStringLiteral("profilesMenu"));
    for (QAction *a : std::as_const(m_profileActions)) {
        menu->removeAction(a);
        a->deleteLater();
    }
    m_profileActions.clear();
    m_profiles->clear();
    const QList<Profile> &profiles = m_context.store->profiles();
    for (int i = 0; i < profiles.size(); ++i) {
        const Profile &p = profiles[i];
        m_profiles->addItem(QStringLiteral("%1  —  %2").arg(p.name, p.kind), p.name);
        m_profiles->setItemData(i,
            QStringLiteral("%1\n%2\n%3").arg(p.kind, p.baseUrl.toString(), p.organization),
            Qt::ToolTipRole);
        auto *a = new QAction(p.name, this);
        if (i < 9)
            a->setShortcut(QKeySequence(QStringLiteral("Ctrl+%1").arg(i + 1)));
        connect(a, &QAction::triggered, this, [this, name = p.name] { activateProfile(name); });
        menu->addAction(a);
        addAction(a); // shortcuts work while the menu is closed
        m_profileActions << a;
    }
    m_profiles->setEnabled(!profiles.isEmpty());
    // Wide enough for every name in full, within reason: a longer one is elided, and its tooltip
    // and the Profiles menu show it whole.
    qsizetype longest = 0;
    for (int i = 0; i < m_profiles->count(); ++i)
        longest = std::max(longest, m_profiles->itemText(i).size());
    m_profiles->setMinimumContentsLength(int(std::clamp<qsizetype>(longest + 2, 24, 64)));
    const int idx = m_profiles->findData(m_current);
    if (idx >= 0)
        m_profiles->setCurrentIndex(idx);
}

ProfileSession *MainWindow::current() const
{
    return m_sessions->find(m_current);
}

UserTableModel *MainWindow::currentModel() const
{
    ProfileSession *s = current();
    return s ? s->model() : nullptr;
}

bool MainWindow::activateProfile(const QString &name)
{
    if (name == m_current && current())
        return true;
    if (!m_context.store->find(name))
        return false;
    saveColumns();
    for (auto &c : m_modelConnections)
        disconnect(c);
    ProfileSession *s = m_sessions->open(name); // may close the least recently used others
    m_current = name;
    m_proxy->setSourceModel(s->model());
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    restoreColumns(s->profile().kind);
    UserTableModel *model = s->model();
    m_modelConnections[0] = connect(model, &UserTableModel::stateChanged, this, [this, model] {
        updateStatus();
        if (model == currentModel() && model->state() == UserTableModel::State::Failed)
            showError();
    });
    m_modelConnections[1]
        = connect(model, &UserTableModel::countsChanged, this, &MainWindow::updateStatus);
    m_modelConnections[2]
        = connect(model, &UserTableModel::retrying, this, [this](int attempt, int delayMs) {
              m_stateLabel->setText(
                  tr("The provider asked to wait; trying again in %1 s (attempt %2)…")
                      .arg(QString::number(delayMs / 1000.0, 'f', 1))
                      .arg(attempt));
          });
    m_modelConnections[3]
        = connect(model, &UserTableModel::downloadProgress, this, &MainWindow::updateStatus);
    m_modelConnections[4]
        = connect(model, &UserTableModel::searchChanged, this, &MainWindow::updateSearchMode);
    m_searchTimer->stop();
    {
        // The field shows this profile's own server search, or the local filter.
        const QSignalBlocker block(m_filter);
        m_filter->setText(searchesOnServer() ? model->searchText() : m_proxy->filterText());
    }
    updateSearchMode();
    const int idx = m_profiles->findData(name);
    if (idx >= 0)
        m_profiles->setCurrentIndex(idx);
    m_side->setCurrentWidget(m_detail);
    m_detail->clear();
    updateStatus();
    if (s->credentialError().isError() || model->state() == UserTableModel::State::Failed)
        showError();
    return true;
}

void MainWindow::saveColumns()
{
    if (m_currentKind.isEmpty())
        return;
    QSettings settings;
    settings.setValue(
        QStringLiteral("columns/") + m_currentKind, m_table->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("columnCount/") + m_currentKind, Columns::count);
}

void MainWindow::restoreColumns(const QString &kind)
{
    m_currentKind = kind;
    QHeaderView *header = m_table->horizontalHeader();
    const QSettings settings;
    const QByteArray state = settings.value(QStringLiteral("columns/") + kind).toByteArray();
    const ProviderKind *k = ProviderKinds::find(kind);
    if (!state.isEmpty() && header->restoreState(state)) {
        header->setSortIndicator(-1, Qt::AscendingOrder);
        // Columns added since the state was saved (0.1 had 14) show only where the kind fills them.
        const int known = settings.value(QStringLiteral("columnCount/") + kind, 14).toInt();
        for (int i = std::max(0, known); i < header->count(); ++i)
            header->setSectionHidden(i, k && !k->columns.contains(static_cast<Column>(i)));
        return;
    }
    // First time for this kind: show the columns it fills, in the documented order, except those
    // it fills with a copy of another.
    const QList<Column> shown = k ? k->columns : Columns::all();
    for (int i = 0; i < header->count(); ++i) {
        const auto column = static_cast<Column>(i);
        header->moveSection(header->visualIndex(i), i);
        header->setSectionHidden(
            i, !shown.contains(column) || (k && k->hiddenColumns.contains(column)));
        header->resizeSection(i, column == Column::Email || column == Column::Roles ? 240 : 150);
    }
}

MainWindow::StatusFacts MainWindow::statusFacts() const
{
    StatusFacts f;
    f.session = current();
    f.model = f.session ? f.session->model() : nullptr;
    f.failed = f.session
        && (f.session->credentialError().isError()
            || (f.model && f.model->state() == UserTableModel::State::Failed));
    f.loading
        = f.session && (f.session->isReadingCredential() || (f.model && f.model->isLoading()));
    f.loaded = f.model ? f.model->loadedCount() : 0;
    f.total = f.model ? f.model->totalCount() : -1;
    return f;
}

void MainWindow::updateStatus()
{
    const StatusFacts f = statusFacts();
    ProfileSession *s = f.session;
    m_reload->setEnabled(s && !s->isReadingCredential() && s->provider());
    m_exportAll->setEnabled(s && s->provider());
    m_exportSelected->setEnabled(
        m_table->selectionModel() && m_table->selectionModel()->hasSelection());
    m_errorButton->setVisible(f.failed);
    m_countLabel->setText(countText(f));
    updateProgress(f);

    // The filter note: how many of the loaded rows match, and an honest word about sorting.
    QStringList notes;
    if (f.model && f.model->isSearching())
        notes << tr("found on the server for “%1”: %2")
                     .arg(f.model->searchText(),
                         f.total >= 0 ? grouped(f.total) : grouped(f.loaded));
    if (!m_proxy->filterText().isEmpty())
        notes << tr("%1 of %2 loaded match").arg(grouped(m_proxy->rowCount()), grouped(f.loaded));
    if (m_table->horizontalHeader()->sortIndicatorSection() >= 0 && f.model && f.model->hasMore())
        notes << tr("sorted: loaded rows only");
    m_filterNote->setText(notes.join(QStringLiteral("  ·  ")));
    m_filterNote->setVisible(!notes.isEmpty());
    m_table->setEmptyText(emptyText(f));
}

QString MainWindow::countText(const StatusFacts &f) const
{
    const UserTableModel *model = f.model;
    if (!f.session)
        return QString();
    if (f.failed)
        return f.total >= 0 ? tr("%1 loaded of %2").arg(grouped(f.loaded), grouped(f.total))
                            : tr("%1 loaded").arg(grouped(f.loaded));
    if (f.total >= 0 && model->state() != UserTableModel::State::Complete)
        return tr("%1 loaded of %2").arg(grouped(f.loaded), grouped(f.total));
    if (model && model->state() == UserTableModel::State::Complete)
        return tr("%n user(s)", nullptr, int(std::min<qint64>(f.loaded, INT_MAX)));
    if (model && model->hasMore())
        return tr("%1 loaded, more available").arg(grouped(f.loaded));
    return tr("%1 loaded").arg(grouped(f.loaded));
}

void MainWindow::updateProgress(const StatusFacts &f)
{
    const ProfileSession *s = f.session;
    const UserTableModel *model = f.model;
    if (f.loading && model && model->isStreaming() && model->bytesReceived() > 0) {
        // One array arriving: rows can already be browsed; say how much is in.
        const qint64 received = model->bytesReceived();
        const qint64 expected = model->bytesExpected();
        const QLocale locale;
        m_progress->show();
        m_progress->setRange(0, expected > 0 ? 1000 : 0);
        if (expected > 0)
            m_progress->setValue(int(1000 * std::min(received, expected) / expected));
        const QString bytes = expected > 0
            ? tr("%1 of %2")
                  .arg(locale.formattedDataSize(received), locale.formattedDataSize(expected))
            : locale.formattedDataSize(received);
        m_stateLabel->setText(
            tr("Receiving users from %1: %2 so far (%3)…")
                .arg(s->profile().name, grouped(f.loaded + model->bufferedCount()), bytes));
    } else if (f.loading) {
        m_progress->show();
        if (f.total > 0) {
            m_progress->setRange(0, 1000);
            m_progress->setValue(int(1000 * f.loaded / f.total));
        } else {
            m_progress->setRange(0, 0);
        }
        m_stateLabel->setText(s->isReadingCredential()
                ? tr("Reading the credential for %1…").arg(s->profile().name)
                : tr("Loading users from %1…").arg(s->profile().name));
    } else {
        m_progress->hide();
        if (f.failed)
            m_stateLabel->setText(tr("Loading failed: %1")
                                      .arg((s->credentialError().isError() ? s->credentialError()
                                                                           : model->lastError())
                                               .summary()));
        else if (model && model->state() == UserTableModel::State::Complete)
            m_stateLabel->setText(model->isSearching()
                    ? tr("All users the server found in %1 are loaded.").arg(s->profile().name)
                    : tr("All users of %1 are loaded.").arg(s->profile().name));
        else if (model && model->hasMore())
            m_stateLabel->setText(tr("Scroll down to load more."));
        else
            m_stateLabel->setText(s ? QString() : tr("No profile selected."));
    }
}

QString MainWindow::emptyText(const StatusFacts &f) const
{
    const ProfileSession *s = f.session;
    const UserTableModel *model = f.model;
    if (!s)
        return m_context.store->profiles().isEmpty()
            ? tr("No profiles yet.\nUse Profiles › Edit profiles… to add one.")
            : QString();
    if (f.loaded == 0 && f.loading)
        return s->isReadingCredential() ? tr("Reading the credential…")
                                        : tr("Loading users from %1…").arg(s->profile().name);
    if (f.loaded == 0 && f.failed)
        return tr("Could not load users.\nThe error is shown on the right.");
    if (f.loaded == 0 && model && model->state() == UserTableModel::State::Complete)
        return model->isSearching()
            ? tr("The server found no user for “%1”.\nClear the search to see everyone.")
                  .arg(model->searchText())
            : tr("This organization has no users.");
    if (m_proxy->rowCount() == 0 && !m_proxy->filterText().isEmpty())
        return model && model->hasMore()
            ? tr("No loaded user matches “%1”.\nScroll or clear the filter to load more.")
                  .arg(m_proxy->filterText())
            : tr("No user matches “%1”.").arg(m_proxy->filterText());
    return QString();
}

void MainWindow::updateDetail()
{
    ProfileSession *s = current();
    const QModelIndex idx = m_table->selectionModel()->currentIndex();
    if (!s || !idx.isValid()) {
        if (!isErrorShown())
            m_detail->clear();
        return;
    }
    const QModelIndex source = m_proxy->mapToSource(idx);
    if (!source.isValid() || source.row() >= s->model()->rowCount())
        return;
    m_detail->setUser(s->model()->user(source.row()), s->profile().kind);
    m_side->setCurrentWidget(m_detail);
}

bool MainWindow::isErrorShown() const
{
    return m_side->currentWidget() == m_error;
}

void MainWindow::showError()
{
    ProfileSession *s = current();
    if (!s)
        return;
    const bool credential = s->credentialError().isError();
    if (!credential && s->model()->state() != UserTableModel::State::Failed)
        return;
    m_error->setError(
        credential ? s->credentialError() : s->model()->lastError(), s->profile().name);
    m_error->setRetryEnabled(!credential);
    m_side->setCurrentWidget(m_error);
}

void MainWindow::retryCurrent()
{
    if (ProfileSession *s = current()) {
        s->model()->retry();
        m_side->setCurrentWidget(m_detail);
        updateDetail();
    }
}

void MainWindow::loadAllCurrent()
{
    ProfileSession *s = current();
    if (!s || !s->provider())
        return;
    UserTableModel *model = s->model();
    model->loadAll();
    // Follow the rows to the end as they arrive, as Ctrl+End promised.
    auto *follow = new QMetaObject::Connection;
    *follow = connect(model, &UserTableModel::countsChanged, this, [this, model, follow] {
        if (model == currentModel() && m_proxy->rowCount() > 0)
            m_table->scrollToBottom();
        if (model->state() != UserTableModel::State::Loading) {
            disconnect(*follow);
            delete follow;
        }
    });
}

void MainWindow::reloadCurrent()
{
    ProfileSession *s = current();
    if (!s)
        return;
    if (s->credentialError().isError()) {
        // Read the credential again: the variable or keychain may have been fixed.
        const QString name = s->profile().name;
        m_sessions->close(name);
        activateProfile(name);
        return;
    }
    s->model()->reload();
    m_side->setCurrentWidget(m_detail);
    m_detail->clear();
}

QList<int> MainWindow::selectedSourceRows() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
        [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<int> out;
    for (const QModelIndex &r : std::as_const(rows))
        out << m_proxy->mapToSource(r).row();
    return out;
}

bool MainWindow::searchesOnServer() const
{
    const UserTableModel *model = currentModel();
    return model && model->searchSupport() == Provider::Search::Server;
}

void MainWindow::updateSearchMode()
{
    const bool server = searchesOnServer();
    m_searchMode->setText(server ? tr("Search on &server:") : tr("Fi&lter loaded rows:"));
    m_filter->setPlaceholderText(server ? tr("a word, or a filter such as active eq false (Ctrl+F)")
                                        : tr("text in any column (Ctrl+F)"));
    m_filter->setToolTip(server
            ? tr("The server searches the whole directory: a word matches the start of the user "
                 "name, an email, the family name or the display name; a SCIM filter "
                 "(emails.value ew \"@example.com\", active eq false) is sent as it is. "
                 "Results load as you scroll; clear the field to see everyone.")
            : tr("Shows the loaded rows that contain this text in any column. This provider "
                 "cannot search on its server, so rows not loaded yet are not searched."));
    if (server && !m_proxy->filterText().isEmpty()) {
        // What was typed for the local filter now searches the server instead.
        m_proxy->setFilterText(QString());
        runServerSearch();
    }
    updateStatus();
}

void MainWindow::onSearchEdited(const QString &text)
{
    if (searchesOnServer()) {
        m_searchTimer->start(); // once typing pauses, or at once on Return
        return;
    }
    m_proxy->setFilterText(text);
    updateStatus();
}

void MainWindow::runServerSearch()
{
    m_searchTimer->stop();
    UserTableModel *model = currentModel();
    if (!model || !searchesOnServer() || model->searchText() == m_filter->text().trimmed())
        return;
    m_detail->clear();
    model->setSearch(m_filter->text());
    updateStatus();
}

void MainWindow::exportUsers(bool all)
{
    ProfileSession *s = current();
    if (!s || (all && !s->provider()))
        return;
    const QList<int> rows = selectedSourceRows();
    if (!all && rows.isEmpty()) {
        statusBar()->showMessage(
            tr("Select the rows to export first (Ctrl+A selects every loaded row)."), 5000);
        return;
    }
    QList<Column> visible;
    const QHeaderView *header = m_table->horizontalHeader();
    for (int v = 0; v < header->count(); ++v) {
        const int logical = header->logicalIndex(v);
        if (!header->isSectionHidden(logical))
            visible << static_cast<Column>(logical);
    }
    ExportDialog dialog(all ? ExportDialog::Scope::All : ExportDialog::Scope::Selected,
        s->profile().name, all ? s->model()->totalCount() : rows.size(), visible, this);
    if (all && s->model()->isSearching())
        dialog.setSearch(s->profile().name, s->model()->searchText(), s->model()->totalCount());
    if (dialog.exec() != QDialog::Accepted)
        return;

    ExportJob::Options options;
    options.columns = dialog.columns();
    options.csv.byteOrderMark = dialog.byteOrderMark();
    options.csv.formulaGuard = dialog.formulaGuard();
    if (all && s->model()->isSearching())
        options.search = s->model()->searchText(); // export what the table shows
    ExportJob *job = all ? new ExportJob(s->sharedProvider(), options, this)
                         : new ExportJob(s->model()->users(rows), options, this);
    const QString path = dialog.path();
    job->setOutputPath(path);

    showExportProgress(job, s->profile().name, path);
    job->start();
}

void MainWindow::showExportProgress(ExportJob *job, const QString &profileName, const QString &path)
{
    auto *progress
        = new QProgressDialog(tr("Exporting %1…").arg(profileName), tr("Cancel"), 0, 0, this);
    progress->setWindowTitle(tr("Export"));
    progress->setMinimumDuration(300);
    progress->setWindowModality(Qt::WindowModal);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    connect(progress, &QProgressDialog::canceled, job, &ExportJob::cancel);
    connect(job, &ExportJob::progress, progress, [progress, job](qint64 done, qint64 total) {
        const double rate = job->rowsPerSecond();
        QString text = total >= 0 ? tr("%1 of %2 rows").arg(grouped(done), grouped(total))
                                  : tr("%1 rows").arg(grouped(done));
        if (rate > 0) {
            text += tr(" · %1 rows/s").arg(grouped(qint64(rate)));
            if (total > done)
                text += tr(" · about %n second(s) left", nullptr, int((total - done) / rate) + 1);
        }
        progress->setLabelText(text);
        if (total > 0) {
            progress->setMaximum(1000);
            progress->setValue(int(1000 * std::min(done, total) / total));
        }
    });
    connect(job, &ExportJob::retrying, progress, [progress](int attempt, int delayMs) {
        progress->setLabelText(tr("The provider asked to wait; trying again in %1 s (attempt %2)…")
                                   .arg(QString::number(delayMs / 1000.0, 'f', 1))
                                   .arg(attempt));
    });
    connect(job, &ExportJob::finished, this, [this, job, progress, path](bool ok) {
        progress->hide();
        progress->deleteLater();
        job->deleteLater();
        exportFinished(job, ok, path);
    });
}

void MainWindow::exportFinished(const ExportJob *job, bool ok, const QString &path)
{
    if (ok) {
        QMessageBox box(QMessageBox::Information, tr("Export finished"),
            tr("Wrote %n row(s) to %1.", nullptr, int(job->rowsWritten()))
                .arg(QDir::toNativeSeparators(path)),
            QMessageBox::Ok, this);
        if (!job->notice().isEmpty()) {
            box.setIcon(QMessageBox::Warning);
            box.setInformativeText(job->notice());
        }
        QPushButton *open = box.addButton(tr("Open &folder"), QMessageBox::ActionRole);
        box.exec();
        if (box.clickedButton() == open)
            QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(path).absolutePath()));
    } else if (job->error().kind == ProviderError::Kind::Cancelled) {
        statusBar()->showMessage(tr("Export cancelled; nothing was written."), 8000);
    } else {
        QMessageBox box(QMessageBox::Warning, tr("Export failed"),
            tr("Nothing was written; any existing file was left as it was.\n\n%1")
                .arg(job->error().summary()),
            QMessageBox::Ok, this);
        box.setDetailedText(job->error().detailLines().join(QLatin1Char('\n')));
        box.exec();
    }
}

void MainWindow::editProfiles()
{
    ProfileDialog dialog(
        m_context.store, m_context.credentials, m_context.nam, m_context.demo, this);
    if (!m_current.isEmpty())
        dialog.selectProfile(m_current);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_context.store->setProfiles(dialog.profiles());
    if (!m_context.profilesPath.isEmpty()) {
        QString error;
        if (!m_context.store->save(m_context.profilesPath, &error))
            QMessageBox::warning(this, tr("Profiles not saved"), error);
    }
    // Close the sessions whose profile changed or went away; keep the rest as they are.
    const QString previous = m_current;
    m_sessions->closeChanged([&dialog](const QString &name) { return dialog.secretChanged(name); });
    reloadProfileList();
    if (m_context.store->find(previous))
        activateProfile(previous);
    else if (!m_context.store->profiles().isEmpty())
        activateProfile(m_context.store->profiles().first().name);
    updateStatus();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveColumns();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(
        m_context.demo ? QStringLiteral("demo/lastProfile") : QStringLiteral("lastProfile"),
        m_current);
    QMainWindow::closeEvent(event);
}
