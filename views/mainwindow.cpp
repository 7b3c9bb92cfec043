#include "mainwindow.h"

#include "profilesessions.h"
#include "sessionviewmodel.h"

#include "aboutdialog.h"
#include "accessibility.h"
#include "columnlayout.h"
#include "credentialstore.h"
#include "errorpane.h"
#include "exportdialog.h"
#include "exportjob.h"
#include "exportprogressdialog.h"
#include "finddialog.h"
#include "historydialog.h"
#include "oauthsession.h"
#include "profiledialog.h"
#include "profilestore.h"
#include "profileswitcher.h"
#include "reviewdialog.h"
#include "sessionstatusbar.h"
#include "signindialog.h"
#include "toolbarfit.h"
#include "userdetailpane.h"
#include "userfilterproxymodel.h"
#include "usertablemodel.h"
#include "usertableview.h"

#include <QAction>
#include <QCloseEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>

namespace {
// Whether the profile shown signs in with OAuth (the sign-in actions apply to it).
bool signsIn(const ProfileSession *session)
{
    return session && session->profile().credential.type == CredentialSource::Type::OAuth;
}
} // namespace

MainWindow::MainWindow(const Context &context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
{
    Q_INIT_RESOURCE(resources); // the views library is static: its resources are registered here
    Accessibility::install();
    m_sessions = new ProfileSessions(context.store, context.credentials, context.nam, this);
    m_view = new SessionViewModel(context.store, this);
    m_proxy = m_view->proxy();
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
        m_view->show(nullptr);
        m_current.clear();
    });
    connect(m_view, &SessionViewModel::statusChanged, this, &MainWindow::updateStatus);
    connect(m_view, &SessionViewModel::failed, this, &MainWindow::showError);
    connect(m_view, &SessionViewModel::waiting, this,
        [this](const QString &text) { m_status->say(text); });
    connect(m_view, &SessionViewModel::searchModeChanged, this, &MainWindow::updateSearchMode);
    connect(m_view, &SessionViewModel::rowsReplaced, this, [this] { m_detail->clear(); });
    setWindowTitle(context.demo ? tr("Roster — demo sandbox") : tr("Roster"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/roster.svg")));
    buildUi();
    buildActions();
    updateSearchMode();
    m_switcher->reload();

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
    // The sessions' models go before the views that show them; nothing is shown meanwhile.
    m_view->disconnect(this);
    m_view->show(nullptr);
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
    // The search sits above the table, as in file managers and mail clients: never in the tool
    // bar, where it would be the first thing to overflow.
    auto *searchRow = new QHBoxLayout;
    buildSearchField(left, searchRow);
    leftLayout->addLayout(searchRow);
    m_filterNote = new QLabel(left);
    m_filterNote->setObjectName(QStringLiteral("filterNote"));
    m_filterNote->setVisible(false);
    m_filterNote->setEnabled(false);
    leftLayout->addWidget(m_filterNote);
    m_table = new UserTableView(left);
    m_table->setObjectName(QStringLiteral("userTable"));
    m_table->setAccessibleName(tr("Users"));
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

    m_side = new QStackedWidget(m_splitter);
    m_detail = new UserDetailPane(m_side);
    m_detail->setObjectName(QStringLiteral("detailPane"));
    m_error = new ErrorPane(m_side);
    m_error->setObjectName(QStringLiteral("errorPane"));
    m_side->addWidget(m_detail);
    m_side->addWidget(m_error);
    connect(m_error, &ErrorPane::retryRequested, this, &MainWindow::retryCurrent);
    connect(m_error, &ErrorPane::signInRequested, this, [this] { signInCurrent(false); });
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_side);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    layout->addWidget(m_splitter);
    setCentralWidget(central);

    m_status = new SessionStatusBar(statusBar());
    connect(m_status, &SessionStatusBar::errorRequested, this, &MainWindow::showError);
}

void MainWindow::buildActions()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    ToolBarFit::install(bar); // text beside icons, icons only when the window is narrow
    auto *profiles = new QMenu(tr("&Profiles"), this);
    profiles->setObjectName(QStringLiteral("profilesMenu"));
    m_switcher = new ProfileSwitcher(m_context.store, bar, profiles, this);
    connect(m_switcher, &ProfileSwitcher::chosen, this, &MainWindow::activateProfile);

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
    file->addAction(tr("&History…"), this, [this] { openHistory(); })
        ->setToolTip(tr("Dated snapshots of who has access, and what changed between two"));
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
    view->addAction(tr("Show &error"), this, &MainWindow::showError);
    menuBar()->addMenu(profiles);
    QAction *edit = profiles->addAction(tr("&Edit profiles…"), this, &MainWindow::editProfiles);
    edit->setShortcut(QKeySequence(tr("Ctrl+,")));
    bar->insertAction(m_reload, edit);
    bar->insertSeparator(m_reload);
    buildSignInActions(profiles);
    profiles->addSeparator();
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Roster"), this, [this] { AboutDialog(this).exec(); });
}

// The search field and the label that says which search it runs.
void MainWindow::buildSearchField(QWidget *parent, QHBoxLayout *row)
{
    m_searchMode = new QLabel(parent);
    m_searchMode->setObjectName(QStringLiteral("searchModeLabel"));
    row->addWidget(m_searchMode);
    m_filter = new QLineEdit(parent);
    m_filter->setObjectName(QStringLiteral("searchField"));
    Accessibility::enableClearButton(m_filter);
    m_filter->setMinimumWidth(200);
    m_searchMode->setBuddy(m_filter);
    row->addWidget(m_filter, 1);
    connect(m_filter, &QLineEdit::textChanged, m_view, &SessionViewModel::editSearch);
    connect(m_filter, &QLineEdit::returnPressed, m_view,
        [this] { m_view->submitSearch(m_filter->text()); });
}

FindDialog *MainWindow::openFind()
{
    if (!m_findDialog) {
        m_findDialog = new FindDialog(
            m_context.store, {m_sessions, m_context.credentials, m_context.nam}, this);
        m_findDialog->setAttribute(Qt::WA_DeleteOnClose);
        m_findDialog->setHistoryPath(SnapshotStore::defaultPath());
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

HistoryDialog *MainWindow::openHistory()
{
    if (!m_historyDialog) {
        m_historyDialog = new HistoryDialog(m_context.store,
            {m_sessions, m_context.credentials, m_context.nam}, SnapshotStore::defaultPath(), this);
        m_historyDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_historyDialog->show();
    m_historyDialog->raise();
    m_historyDialog->activateWindow();
    return m_historyDialog;
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
    ColumnLayout::save(m_table->horizontalHeader(), m_currentKind);
    ProfileSession *s = m_sessions->open(name); // may close the least recently used others
    m_current = name;
    m_view->show(s);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_currentKind = s->profile().kind;
    ColumnLayout::restore(m_table->horizontalHeader(), m_currentKind);
    {
        // The field shows this profile's own server search, or the local filter.
        const QSignalBlocker block(m_filter);
        m_filter->setText(m_view->searchFieldText());
    }
    m_switcher->setCurrent(name);
    m_side->setCurrentWidget(m_detail);
    m_detail->clear();
    updateStatus();
    showError();
    return true;
}

void MainWindow::updateStatus()
{
    const SessionViewModel::Status s
        = m_view->status(m_table->horizontalHeader()->sortIndicatorSection() >= 0);
    m_reload->setEnabled(s.canReload);
    const ProfileSession *shown = current();
    for (QAction *a : std::as_const(m_signInActions))
        a->setEnabled(signsIn(shown));
    m_exportAll->setEnabled(s.canExportAll);
    m_exportSelected->setEnabled(
        m_table->selectionModel() && m_table->selectionModel()->hasSelection());
    m_status->show(s);
    m_filterNote->setText(s.note);
    m_filterNote->setVisible(!s.note.isEmpty());
    m_table->setEmptyText(s.empty);
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
    const ProviderError error = m_view->error();
    if (!error.isError())
        return;
    m_error->setError(error, m_current);
    m_error->setRetryEnabled(m_view->canRetry());
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

void MainWindow::buildSignInActions(QMenu *profiles)
{
    m_signInActions = {
        profiles->addAction(tr("Sign &In…"), this, [this] { signInCurrent(false); }),
        profiles->addAction(
            tr("Sign In on Another &Device…"), this, [this] { signInCurrent(true); }),
        profiles->addAction(tr("Sign &Out"), this, &MainWindow::signOutCurrent),
    };
    m_signInActions[0]->setToolTip(tr("Sign the shown profile in to its provider in the browser"));
    m_signInActions[1]->setToolTip(
        tr("Sign in with a code on a phone or another computer, where this one has no browser"));
    m_signInActions[2]->setToolTip(
        tr("Forget the shown profile's sign-in: the keychain's token and the one in memory"));
    m_signInActions[2]->setObjectName(QStringLiteral("signOutAction"));
}

void MainWindow::signInCurrent(bool device)
{
    const ProfileSession *s = current();
    if (!signsIn(s))
        return;
    SignInDialog *dialog = SignInDialog::openFor(
        s->profile(), device ? SignInDialog::Mode::Device : SignInDialog::Mode::Browser, this);
    connect(dialog, &SignInDialog::signedIn, this, [this, name = s->profile().name] {
        const ProfileSession *now = current();
        if (!now || now->profile().name != name)
            return; // another profile is shown now; this one signs in when next shown
        if (now->credentialError().isError())
            reloadCurrent(); // it never had a token: read the credential again
        else if (m_view->error().isError())
            retryCurrent();
        updateStatus();
    });
}

void MainWindow::signOutCurrent()
{
    const ProfileSession *s = current();
    if (!signsIn(s))
        return;
    const std::shared_ptr<OAuthSession> session = OAuthSession::forProfile(s->profile());
    session->signOut(this, [this, session, name = s->profile().name](const ProviderError &error) {
        if (error.isError())
            QMessageBox::warning(this, tr("Sign Out"), error.message);
        else
            statusBar()->showMessage(tr("Signed out of %1.").arg(name), 8000);
    });
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

void MainWindow::updateSearchMode()
{
    m_searchMode->setText(m_view->searchLabel());
    m_filter->setPlaceholderText(m_view->searchPlaceholder());
    m_filter->setToolTip(m_view->searchToolTip());
    updateStatus();
}

void MainWindow::exportUsers(bool all)
{
    const QList<int> rows = selectedSourceRows();
    QString refusal;
    if (!m_view->canExport(all, rows, &refusal)) {
        if (!refusal.isEmpty())
            statusBar()->showMessage(refusal, 5000);
        return;
    }
    QList<Column> visible;
    const QHeaderView *header = m_table->horizontalHeader();
    for (int v = 0; v < header->count(); ++v) {
        const int logical = header->logicalIndex(v);
        if (!header->isSectionHidden(logical))
            visible << static_cast<Column>(logical);
    }
    const UserTableModel *model = m_view->model();
    ExportDialog dialog(all ? ExportDialog::Scope::All : ExportDialog::Scope::Selected, m_current,
        m_view->exportCount(all, rows), visible, this);
    if (all && model->isSearching())
        dialog.setSearch(m_current, model->searchText(), model->totalCount());
    if (dialog.exec() != QDialog::Accepted)
        return;
    ExportJob::Options options;
    options.columns = dialog.columns();
    options.csv.byteOrderMark = dialog.byteOrderMark();
    options.csv.formulaGuard = dialog.formulaGuard();
    runExport(all, rows, options, dialog.path());
}

void MainWindow::runExport(
    bool all, const QList<int> &rows, const ExportJob::Options &options, const QString &path)
{
    if (ExportJob *job = m_view->startExport(all, rows, options, path, this)) {
        auto *progress = new ExportProgressDialog(job, m_current, path, this);
        connect(progress, &ExportProgressDialog::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
        connect(progress, &ExportProgressDialog::resumeRequested, this,
            [this](const ExportJob::Options &resumed, const QString &file) {
                runExport(true, {}, resumed, file);
            });
        job->start();
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
    m_switcher->reload();
    if (m_context.store->find(previous))
        activateProfile(previous);
    else if (!m_context.store->profiles().isEmpty())
        activateProfile(m_context.store->profiles().first().name);
    updateStatus();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    ColumnLayout::save(m_table->horizontalHeader(), m_currentKind);
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(
        m_context.demo ? QStringLiteral("demo/lastProfile") : QStringLiteral("lastProfile"),
        m_current);
    QMainWindow::closeEvent(event);
}
