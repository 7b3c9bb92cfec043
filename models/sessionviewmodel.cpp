#include "sessionviewmodel.h"

#include "profilesessions.h"
#include "profilestore.h"
#include "providerkind.h"
#include "userfilterproxymodel.h"
#include "usertablemodel.h"
#include "viewtext.h"

#include <QDir>
#include <QLocale>
#include <QTimer>

SessionViewModel::SessionViewModel(ProfileStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_proxy(new UserFilterProxyModel(this))
    , m_searchTimer(new QTimer(this))
{
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(500);
    connect(m_searchTimer, &QTimer::timeout, this, &SessionViewModel::runServerSearch);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &SessionViewModel::statusChanged);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &SessionViewModel::statusChanged);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &SessionViewModel::statusChanged);
}

SessionViewModel::~SessionViewModel()
{
    const QSignalBlocker quiet(this); // whoever listens may be going too
    m_proxy->setSourceModel(nullptr);
}

ProfileSession *SessionViewModel::session() const
{
    return m_session;
}

UserTableModel *SessionViewModel::model() const
{
    return m_session ? m_session->model() : nullptr;
}

void SessionViewModel::show(ProfileSession *session)
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_searchTimer->stop();
    m_session = session;
    m_proxy->setSourceModel(model());
    m_pendingSearch = searchFieldText();
    m_searchProblem.clear();
    if (UserTableModel *m = model()) {
        m_connections << connect(m, &UserTableModel::stateChanged, this, [this, m] {
            emit statusChanged();
            if (m->state() == UserTableModel::State::Failed)
                emit failed();
        });
        m_connections << connect(
            m, &UserTableModel::countsChanged, this, &SessionViewModel::statusChanged);
        m_connections << connect(
            m, &UserTableModel::downloadProgress, this, &SessionViewModel::statusChanged);
        m_connections << connect(m, &UserTableModel::retrying, this,
            [this](int attempt, int delayMs) { emit waiting(Job::waitText(attempt, delayMs)); });
        m_connections << connect(m, &UserTableModel::searchChanged, this, [this] {
            if (searchesOnServer() && !m_proxy->filterText().isEmpty()) {
                // What was typed for the local filter now searches the server instead.
                m_pendingSearch = m_proxy->filterText();
                m_proxy->setFilterText(QString());
                runServerSearch();
            }
            emit searchModeChanged();
        });
        // Closed under the window (evicted, or its profile edited): nothing to show any more.
        m_connections << connect(session, &QObject::destroyed, this, [this] { show(nullptr); });
    }
    emit searchModeChanged();
    emit statusChanged();
}

SessionViewModel::Status SessionViewModel::status(bool sortedColumn) const
{
    Status s;
    const UserTableModel *m = model();
    s.failed = m_session
        && (m_session->credentialError().isError()
            || (m && m->state() == UserTableModel::State::Failed));
    s.loading = m_session && (m_session->isReadingCredential() || (m && m->isLoading()));
    s.canReload = m_session && !m_session->isReadingCredential() && m_session->provider();
    s.canExportAll = m_session && m_session->provider();
    progress(s);
    s.state = stateText(s);
    s.count = countText(s);
    s.empty = emptyText(s);
    s.note = noteText(sortedColumn);
    return s;
}

void SessionViewModel::progress(Status &s) const
{
    const UserTableModel *m = model();
    s.progressVisible = s.loading;
    if (!s.loading || !m)
        return;
    if (m->isStreaming() && m->bytesReceived() > 0) {
        const qint64 expected = m->bytesExpected();
        s.progressMaximum = expected > 0 ? 1000 : 0;
        if (expected > 0)
            s.progressValue = int(1000 * std::min(m->bytesReceived(), expected) / expected);
    } else if (m->totalCount() > 0) {
        s.progressMaximum = 1000;
        s.progressValue = int(1000 * m->loadedCount() / m->totalCount());
    }
}

QString SessionViewModel::stateText(const Status &s) const
{
    const UserTableModel *m = model();
    if (!m_session)
        return tr("No profile selected.");
    const QString name = m_session->profile().name;
    if (s.loading && m && m->isStreaming() && m->bytesReceived() > 0) {
        // One array arriving: rows can already be browsed; say how much is in.
        const QLocale locale;
        const qint64 received = m->bytesReceived();
        const qint64 expected = m->bytesExpected();
        const QString bytes = expected > 0
            ? tr("%1 of %2")
                  .arg(locale.formattedDataSize(received), locale.formattedDataSize(expected))
            : locale.formattedDataSize(received);
        return tr("Receiving users from %1: %2 so far (%3)…")
            .arg(name, grouped(m->loadedCount() + m->bufferedCount()), bytes);
    }
    if (s.loading)
        return m_session->isReadingCredential() ? tr("Reading the credential for %1…").arg(name)
                                                : tr("Loading users from %1…").arg(name);
    if (s.failed)
        return tr("Loading failed: %1").arg(error().summary());
    if (m && m->state() == UserTableModel::State::Complete)
        return m->isSearching() ? tr("All users the server found in %1 are loaded.").arg(name)
                                : tr("All users of %1 are loaded.").arg(name);
    if (m && m->hasMore())
        return tr("Scroll down to load more.");
    return QString();
}

QString SessionViewModel::countText(const Status &s) const
{
    const UserTableModel *m = model();
    if (!m_session || !m)
        return QString();
    const qint64 loaded = m->loadedCount();
    const qint64 total = m->totalCount();
    if (s.failed)
        return total >= 0 ? tr("%1 loaded of %2").arg(grouped(loaded), grouped(total))
                          : tr("%1 loaded").arg(grouped(loaded));
    if (total >= 0 && m->state() != UserTableModel::State::Complete)
        return tr("%1 loaded of %2").arg(grouped(loaded), grouped(total));
    if (m->state() == UserTableModel::State::Complete)
        return tr("%n user(s)", nullptr, int(std::min<qint64>(loaded, INT_MAX)));
    if (m->hasMore())
        return tr("%1 loaded, more available").arg(grouped(loaded));
    return tr("%1 loaded").arg(grouped(loaded));
}

QString SessionViewModel::emptyText(const Status &s) const
{
    const UserTableModel *m = model();
    if (!m_session)
        return m_store->profiles().isEmpty()
            ? tr("No profiles yet.\nUse Profiles › Edit profiles… to add one.")
            : QString();
    const qint64 loaded = m ? m->loadedCount() : 0;
    if (loaded == 0 && s.loading)
        return m_session->isReadingCredential()
            ? tr("Reading the credential…")
            : tr("Loading users from %1…").arg(m_session->profile().name);
    if (loaded == 0 && s.failed)
        return tr("Could not load users.\nThe error is shown on the right.");
    if (loaded == 0 && m && m->state() == UserTableModel::State::Complete)
        return m->isSearching()
            ? tr("The server found no user for “%1”.\nClear the search to see everyone.")
                  .arg(m->searchText())
            : tr("This organization has no users.");
    if (m_proxy->rowCount() == 0 && !m_proxy->filterText().isEmpty())
        return m && m->hasMore()
            ? tr("No loaded user matches “%1”.\nScroll or clear the filter to load more.")
                  .arg(m_proxy->filterText())
            : tr("No user matches “%1”.").arg(m_proxy->filterText());
    return QString();
}

// How many of the loaded rows match, and an honest word about sorting.
QString SessionViewModel::noteText(bool sortedColumn) const
{
    const UserTableModel *m = model();
    QStringList notes;
    if (!m_searchProblem.isEmpty())
        notes << m_searchProblem;
    const qint64 loaded = m ? m->loadedCount() : 0;
    if (m && m->isSearching())
        notes << tr("found on the server for “%1”: %2")
                     .arg(m->searchText(),
                         m->totalCount() >= 0 ? grouped(m->totalCount()) : grouped(loaded));
    if (!m_proxy->filterText().isEmpty())
        notes << tr("%1 of %2 loaded match").arg(grouped(m_proxy->rowCount()), grouped(loaded));
    if (sortedColumn && m && m->hasMore())
        notes << tr("sorted: loaded rows only");
    return notes.join(QStringLiteral("  ·  "));
}

ProviderError SessionViewModel::error() const
{
    if (!m_session)
        return {};
    if (m_session->credentialError().isError())
        return m_session->credentialError();
    const UserTableModel *m = model();
    return m && m->state() == UserTableModel::State::Failed ? m->lastError() : ProviderError();
}

bool SessionViewModel::canRetry() const
{
    return m_session && !m_session->credentialError().isError();
}

bool SessionViewModel::searchesOnServer() const
{
    const UserTableModel *m = model();
    return m && m->searchSupport() == Provider::Search::Server;
}

QString SessionViewModel::searchLabel() const
{
    return searchesOnServer() ? tr("Search on &server:") : tr("Fi&lter loaded rows:");
}

QString SessionViewModel::searchPlaceholder() const
{
    return searchesOnServer() ? tr("a word, or a filter such as active eq false (Ctrl+F)")
                              : tr("text in any column (Ctrl+F)");
}

QString SessionViewModel::searchToolTip() const
{
    return searchesOnServer()
        ? tr("The server searches the whole directory: a word matches the start of the user "
             "name, an email, the family name or the display name; a SCIM filter "
             "(emails.value ew \"@example.com\", active eq false) is sent as it is. "
             "Results load as you scroll; clear the field to see everyone.")
        : tr("Shows the loaded rows that contain this text in any column. This provider "
             "cannot search on its server, so rows not loaded yet are not searched.");
}

QString SessionViewModel::searchFieldText() const
{
    const UserTableModel *m = model();
    return searchesOnServer() && m ? m->searchText() : m_proxy->filterText();
}

void SessionViewModel::editSearch(const QString &text)
{
    m_pendingSearch = text;
    if (searchesOnServer()) {
        m_searchTimer->start(); // once typing pauses, or at once on Return
        return;
    }
    m_proxy->setFilterText(text);
    emit statusChanged();
}

void SessionViewModel::submitSearch(const QString &text)
{
    m_pendingSearch = text;
    if (searchesOnServer())
        runServerSearch();
}

void SessionViewModel::runServerSearch()
{
    m_searchTimer->stop();
    UserTableModel *m = model();
    if (!m || !searchesOnServer())
        return;
    // A text the server would not understand is not sent: the note says what to write instead.
    const ProviderKind *kind = ProviderKinds::find(m_session->profile().kind);
    const QString problem
        = kind && kind->searchProblem ? kind->searchProblem(m_pendingSearch) : QString();
    if (problem != m_searchProblem) {
        m_searchProblem = problem;
        emit statusChanged();
    }
    if (!problem.isEmpty() || m->searchText() == m_pendingSearch.trimmed())
        return;
    emit rowsReplaced();
    m->setSearch(m_pendingSearch);
    emit statusChanged();
}

bool SessionViewModel::canExport(bool all, const QList<int> &selected, QString *refusal) const
{
    if (!m_session || (all && !m_session->provider()))
        return false;
    if (!all && selected.isEmpty()) {
        if (refusal)
            *refusal = tr("Select the rows to export first (Ctrl+A selects every loaded row).");
        return false;
    }
    return true;
}

qint64 SessionViewModel::exportCount(bool all, const QList<int> &selected) const
{
    return all ? (model() ? model()->totalCount() : -1) : selected.size();
}

ExportJob *SessionViewModel::startExport(bool all, const QList<int> &selected,
    ExportJob::Options options, const QString &path, QObject *parent)
{
    if (!canExport(all, selected, nullptr))
        return nullptr;
    UserTableModel *m = model();
    if (all && m->isSearching() && !options.resume)
        options.search = m->searchText(); // export what the table shows
    ExportJob *job = all ? new ExportJob(m_session->sharedProvider(), options, parent)
                         : new ExportJob(m->users(selected), options, parent);
    job->setOutputPath(path);
    return job;
}

QString SessionViewModel::exportProgressText(qint64 done, qint64 total, double rowsPerSecond)
{
    QString text = total >= 0 ? tr("%1 of %2 rows").arg(grouped(done), grouped(total))
                              : tr("%1 rows").arg(grouped(done));
    if (rowsPerSecond > 0) {
        text += tr(" · %1 rows/s").arg(grouped(qint64(rowsPerSecond)));
        if (total > done)
            text += tr(" · about %n second(s) left", nullptr,
                int(double(total - done) / rowsPerSecond) + 1);
    }
    return text;
}

QString SessionViewModel::exportResultText(const ExportJob &job, const QString &path)
{
    if (!job.error().isError())
        return tr("Wrote %n row(s) to %1.", nullptr, int(job.rowsWritten()))
            .arg(QDir::toNativeSeparators(path));
    const QString file = QDir::toNativeSeparators(path);
    const QString partial = QDir::toNativeSeparators(job.partialPath());
    if (job.rowsKept() > 0 && job.error().kind == ProviderError::Kind::Cancelled)
        return tr("Export cancelled after %1 rows.\n\nThey are kept in %2, and Resume continues "
                  "from there; %3 was left as it was.")
            .arg(grouped(job.rowsKept()), partial, file);
    if (job.rowsKept() > 0)
        return tr("The export stopped after %1 rows: %2\n\nThe rows read so far are kept in %3, "
                  "and Resume continues from there; %4 was left as it was.")
            .arg(grouped(job.rowsKept()), job.error().summary(), partial, file);
    if (job.error().kind == ProviderError::Kind::Cancelled)
        return tr("Export cancelled; nothing was written.");
    return tr("Nothing was written; any existing file was left as it was.\n\n%1")
        .arg(job.error().summary());
}
