#include "usertablemodel.h"

#include "provider.h"
#include "providerfactory.h"

#include <QtConcurrent/QtConcurrentRun>

UserTableModel::UserTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

UserTableModel::~UserTableModel()
{
    dropWalker();
}

void UserTableModel::dropWalker()
{
    if (!m_walker)
        return;
    m_walker->abort();
    m_walker->disconnect(this);
    m_walker->deleteLater();
    m_walker = nullptr;
}

Provider *UserTableModel::provider() const
{
    return m_provider;
}

void UserTableModel::setProvider(Provider *provider)
{
    if (m_provider)
        m_provider->disconnect(this);
    m_provider = provider;
    m_searchText.clear();
    m_query.clear();
    if (m_provider)
        connect(m_provider, &Provider::searchChanged, this, &UserTableModel::searchChanged);
    reload();
}

Provider::Search UserTableModel::searchSupport() const
{
    return m_provider ? m_provider->search() : Provider::Search::None;
}

void UserTableModel::setSearch(const QString &text)
{
    m_searchText = text.trimmed();
    const QString query = m_provider ? m_provider->searchQuery(m_searchText) : QString();
    if (query == m_query)
        return;
    m_query = query;
    reload();
}

void UserTableModel::reload()
{
    dropWalker();
    beginResetModel();
    m_rows = QList<CompactUser>();
    m_buffer = QList<User>();
    m_bufferPos = 0;
    m_error = ProviderError();
    m_revealAll = false;
    m_bytesReceived = 0;
    m_bytesExpected = -1;
    m_decode = m_provider ? ProviderFactory::recordDecoder(m_provider->kind()) : nullptr;
    if (m_provider) {
        const ProviderCapabilities caps = m_provider->capabilities();
        m_buffered = caps.paging == ProviderCapabilities::Paging::Single;
        m_batch = m_buffered ? std::max(1, caps.pageSize) : 500;
        m_walker = new PageWalker(m_provider, {m_maxParallel, true}, this);
        m_walker->setQuery(m_query);
        connect(m_walker, &PageWalker::usersReady, this, &UserTableModel::onUsersReady);
        connect(m_walker, &PageWalker::stateChanged, this, [this] {
            if (m_walker->state() == PageWalker::State::Failed)
                m_error = m_walker->error();
            updateState();
            emit countsChanged();
        });
        connect(
            m_walker, &PageWalker::downloadProgress, this, [this](qint64 received, qint64 total) {
                m_bytesReceived = received;
                m_bytesExpected = total;
                emit downloadProgress(received, total);
            });
        connect(m_walker, &PageWalker::retrying, this, &UserTableModel::retrying);
    }
    endResetModel();
    setState(State::Idle);
    emit countsChanged();
    if (m_walker)
        m_walker->start();
}

void UserTableModel::setMaxParallelPages(int n)
{
    m_maxParallel = std::max(1, n);
}

void UserTableModel::retry()
{
    if (m_state != State::Failed || !m_walker)
        return;
    m_error = ProviderError();
    m_walker->retry();
}

bool UserTableModel::hasMore() const
{
    return bufferedCount() > 0 || (m_walker && m_walker->hasMore());
}

User UserTableModel::user(int row) const
{
    const CompactUser &c = m_rows.at(row);
    if (m_decode) {
        User u = m_decode(c.rawRecord());
        if (!u.id.isEmpty())
            return u;
    }
    // No decoder (or an undecodable record): the columns are all there is.
    User u;
    for (Column column : Columns::all())
        Columns::info(column).restore(u, c.value(column));
    u.rawRecord = c.rawRecord();
    return u;
}

QList<User> UserTableModel::users(const QList<int> &rows) const
{
    QList<User> out;
    out.reserve(rows.size());
    for (int r : rows) {
        if (r >= 0 && r < m_rows.size())
            out.append(user(r));
    }
    return out;
}

void UserTableModel::onUsersReady(const QList<User> &users)
{
    if (m_buffered)
        bufferUsers(users);
    else
        appendRows(users, 0, users.size());
    emit countsChanged();
}

void UserTableModel::bufferUsers(const QList<User> &users)
{
    // The whole organization, streamed in: keep it aside and reveal it in batches, so inserting
    // 100,000 rows never blocks the window and the view behaves as for paged APIs.
    if (m_bufferPos >= m_buffer.size()) {
        m_buffer = QList<User>();
        m_bufferPos = 0;
    }
    m_buffer.append(users);
    // The first rows appear at once; later ones when the view asks (fetchMore), as for pages.
    if ((m_revealAll || m_rows.size() < m_batch) && !m_inserting) {
        do
            revealBatch();
        while (m_revealAll && bufferedCount() > 0);
    }
}

void UserTableModel::loadAll()
{
    if (!m_walker || m_state == State::Failed)
        return;
    if (m_buffered) {
        // Show what is here, and the rest as it comes.
        m_revealAll = true;
        while (bufferedCount() > 0)
            revealBatch();
    }
    // Cursor APIs walk one page after another to the end; offset APIs with a total (CSP) load
    // several pages at once, rows still inserted in order.
    m_walker->runToEnd();
    updateState();
    emit countsChanged();
}

void UserTableModel::appendRows(const QList<User> &users, qsizetype from, qsizetype count)
{
    if (count <= 0)
        return;
    const int first = int(m_rows.size());
    m_inserting = true;
    beginInsertRows({}, first, first + int(count) - 1);
    // No reserve(size + count) here: it would defeat the list's geometric growth (quadratic time).
    for (qsizetype i = from; i < from + count; ++i)
        m_rows.emplace_back(users.at(i));
    endInsertRows();
    m_inserting = false;
}

void UserTableModel::revealBatch()
{
    const qsizetype n = std::min<qsizetype>(m_batch, m_buffer.size() - m_bufferPos);
    if (n <= 0)
        return;
    const qsizetype from = m_bufferPos;
    m_bufferPos += n;
    appendRows(m_buffer, from, n);
    // Release what was revealed: the full records are only needed until they are packed.
    for (qsizetype i = from; i < from + n; ++i)
        m_buffer[i] = User();
    if (m_bufferPos >= m_buffer.size()) {
        // Destroying 100,000 emptied users takes tens of milliseconds: do it off the UI thread.
        // (clear() would also keep the capacity, about 450 bytes per user.)
        (void)QtConcurrent::run(
            [spent = std::exchange(m_buffer, QList<User>())] { Q_UNUSED(spent); });
        m_bufferPos = 0;
    }
}

void UserTableModel::updateState()
{
    if (!m_walker) {
        setState(State::Idle);
        return;
    }
    switch (m_walker->state()) {
    case PageWalker::State::Failed:
        setState(State::Failed);
        break;
    case PageWalker::State::Fetching:
        setState(State::Loading);
        break;
    case PageWalker::State::Idle:
    case PageWalker::State::Complete:
        setState(hasMore() ? State::Idle : State::Complete);
        break;
    }
}

void UserTableModel::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged();
}

int UserTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int UserTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Columns::count;
}

QVariant UserTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CompactUser &u = m_rows.at(index.row());
    const Column column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole: {
        // One line per cell: line breaks and tabs are shown, not obeyed.
        QString text = u.value(column);
        if (text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'))
            || text.contains(QLatin1Char('\t'))) {
            text.replace(QStringLiteral("\r\n"), QStringLiteral("⏎"));
            text.replace(QLatin1Char('\n'), QStringLiteral("⏎"));
            text.replace(QLatin1Char('\r'), QStringLiteral("⏎"));
            text.replace(QLatin1Char('\t'), QStringLiteral("⇥"));
        }
        return text;
    }
    case Qt::ToolTipRole: {
        const QString text = u.value(column);
        return text.size() > 40 || text.contains(QLatin1Char('\n')) ? text : QVariant();
    }
    case RawValueRole:
        return u.value(column);
    case Qt::AccessibleDescriptionRole:
        return personText(u); // whichever cell is current, a screen reader says whose row it is
    default:
        return {};
    }
}

// "Ada Lovelace <ada@example.com>": the person, as a screen reader announces a row.
QString UserTableModel::personText(const CompactUser &u)
{
    QString name = u.value(Column::DisplayName).trimmed();
    if (name.isEmpty())
        name = QStringList {u.value(Column::GivenName), u.value(Column::FamilyName)}
                   .join(QLatin1Char(' '))
                   .trimmed();
    const QString email = u.value(Column::Email).trimmed();
    if (name.isEmpty())
        return email.isEmpty() ? u.value(Column::Id) : email;
    return email.isEmpty() ? name : QStringLiteral("%1 <%2>").arg(name, email);
}

QString UserTableModel::columnTitle(Column column)
{
    return Columns::title(column);
}

QVariant UserTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    // The (hidden) row header names the person: it is what a screen reader announces per row.
    if (orientation == Qt::Vertical && role == Qt::DisplayRole && section >= 0
        && section < m_rows.size())
        return personText(m_rows.at(section));
    if (orientation != Qt::Horizontal || section < 0 || section >= Columns::count)
        return QAbstractTableModel::headerData(section, orientation, role);
    const Column column = static_cast<Column>(section);
    switch (role) {
    case Qt::DisplayRole:
        return columnTitle(column);
    case Qt::ToolTipRole:
        return tr("Column key: %1").arg(Columns::key(column));
    case ColumnKeyRole:
        return Columns::key(column);
    default:
        return {};
    }
}

bool UserTableModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_walker || m_inserting)
        return false;
    // Rows already received can be revealed while a stream goes on, and after it failed.
    if (bufferedCount() > 0)
        return true;
    return m_walker->state() == PageWalker::State::Idle && m_walker->hasMore();
}

void UserTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    if (bufferedCount() > 0) {
        revealBatch();
        updateState();
        emit countsChanged();
        return;
    }
    m_walker->fetchNext();
}
