#include "usertablemodel.h"

#include "offsetpager.h"
#include "pagereply.h"
#include "provider.h"
#include "providerfactory.h"

#include <QtConcurrent/QtConcurrentRun>

UserTableModel::UserTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

UserTableModel::~UserTableModel()
{
    dropReply();
}

void UserTableModel::abortParallel()
{
    if (m_pager)
        m_pager->abort();
    m_parallel = false;
}

void UserTableModel::dropReply()
{
    abortParallel();
    if (!m_reply)
        return;
    m_reply->abort();
    m_reply->disconnect(this);
    m_reply->deleteLater();
    m_reply = nullptr;
}

Provider *UserTableModel::provider() const
{
    return m_provider;
}

void UserTableModel::setProvider(Provider *provider)
{
    m_provider = provider;
    reload();
}

void UserTableModel::reload()
{
    dropReply();
    ++m_generation;
    beginResetModel();
    m_rows = QList<CompactUser>();
    m_buffer = QList<User>();
    m_bufferPos = 0;
    m_total = -1;
    m_error = ProviderError();
    m_nextToken.clear();
    m_guard.reset();
    m_skip = 0;
    m_revealAll = false;
    m_bytesReceived = 0;
    m_bytesExpected = -1;
    m_moreRemote = m_provider != nullptr;
    m_decode = m_provider ? ProviderFactory::recordDecoder(m_provider->kind()) : nullptr;
    if (m_provider) {
        const ProviderCapabilities caps = m_provider->capabilities();
        m_batch = caps.paging == ProviderCapabilities::Paging::Single ? std::max(1, caps.pageSize) : 500;
    }
    endResetModel();
    setState(State::Idle);
    emit countsChanged();
    if (m_provider)
        request(QString());
}

void UserTableModel::retry()
{
    if (m_state != State::Failed || !m_provider)
        return;
    m_error = ProviderError();
    // A one-array API can only send the whole array again: the users already received are
    // skipped, so no row is shown twice.
    if (m_provider->capabilities().paging == ProviderCapabilities::Paging::Single)
        m_skip = loadedCount() + bufferedCount();
    request(m_nextToken);
}

bool UserTableModel::hasMore() const
{
    return bufferedCount() > 0 || m_moreRemote;
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
    u.id = c.value(Column::Id);
    u.userId = c.value(Column::UserId);
    u.email = c.value(Column::Email);
    u.givenName = c.value(Column::GivenName);
    u.familyName = c.value(Column::FamilyName);
    u.displayName = c.value(Column::DisplayName);
    u.phone = c.value(Column::Phone);
    u.status = c.value(Column::Status);
    u.username = c.value(Column::Username);
    u.idpId = c.value(Column::IdpId);
    u.invitedByEmail = c.value(Column::InvitedBy);
    u.createdAt = c.value(Column::CreatedAt);
    u.updatedAt = c.value(Column::UpdatedAt);
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

void UserTableModel::request(const QString &token)
{
    dropReply();
    m_guard.markUsed(token);
    m_nextToken = token;
    m_reply = m_provider->fetchPage(token);
    const quint64 generation = m_generation;
    PageReply *reply = m_reply;
    connect(reply, &PageReply::finished, this, [this, reply, generation] {
        if (generation == m_generation && reply == m_reply)
            onReplyFinished(reply);
    });
    connect(reply, &PageReply::progress, this, [this, reply, generation](qint64 received, qint64 total) {
        if (generation != m_generation || reply != m_reply)
            return;
        m_bytesReceived = received;
        m_bytesExpected = total;
        emit downloadProgress(received, total);
    });
    connect(reply, &PageReply::retrying, this, &UserTableModel::retrying);
    // One-array APIs: rows are shown as they are parsed, not when the last byte is in.
    m_streaming = m_provider->capabilities().paging == ProviderCapabilities::Paging::Single;
    if (m_streaming) {
        reply->setIncremental(true);
        connect(reply, &PageReply::usersArrived, this, [this, reply, generation](const QList<User> &users) {
            if (generation == m_generation && reply == m_reply)
                onUsersArrived(users);
        });
    }
    setState(State::Loading);
}

void UserTableModel::onUsersArrived(const QList<User> &users)
{
    const qsizetype skip = qsizetype(std::min<qint64>(m_skip, users.size()));
    m_skip -= skip;
    if (skip == users.size())
        return;
    if (m_bufferPos >= m_buffer.size()) {
        m_buffer = QList<User>();
        m_bufferPos = 0;
    }
    m_buffer.append(skip > 0 ? users.mid(skip) : users);
    // The first rows appear at once; later ones when the view asks (fetchMore), as for pages.
    if ((m_revealAll || m_rows.size() < m_batch) && !m_inserting) {
        do
            revealBatch();
        while (m_revealAll && bufferedCount() > 0);
    }
    emit countsChanged();
}

void UserTableModel::onReplyFinished(PageReply *reply)
{
    m_reply = nullptr;
    reply->deleteLater();
    if (reply->hasError()) {
        fail(reply->error());
        return;
    }
    Page page = reply->takePage();
    const ProviderError loop = m_guard.check(page);
    if (loop.isError()) {
        fail(loop);
        return;
    }
    if (page.total >= 0)
        m_total = page.total;
    if (!page.users.isEmpty())
        m_lastPageSize = page.users.size();
    m_moreRemote = page.hasMore();
    m_nextToken = page.nextToken;
    if (m_provider && m_provider->capabilities().paging == ProviderCapabilities::Paging::Single) {
        // The whole organization, streamed in through onUsersArrived() (or, from a reply that does
        // not stream, all at once here): keep it aside and reveal it in batches, so inserting
        // 100,000 rows never blocks the window and the view behaves as for paged APIs.
        if (!page.users.isEmpty())
            onUsersArrived(page.users);
        if (m_rows.isEmpty())
            revealBatch();
    } else {
        appendRows(page.users, 0, page.users.size());
    }
    setState(hasMore() ? State::Idle : State::Complete);
    emit countsChanged();
}

void UserTableModel::fail(const ProviderError &error)
{
    abortParallel();
    m_error = error;
    setState(State::Failed);
    emit countsChanged();
}

void UserTableModel::loadAll()
{
    if (m_reply && m_streaming) {
        // The array is still arriving: show what is here, and the rest as it comes.
        m_revealAll = true;
        while (bufferedCount() > 0)
            revealBatch();
        emit countsChanged();
        return;
    }
    if (!m_provider || m_reply || m_parallel || m_state == State::Failed)
        return;
    if (bufferedCount() > 0) {
        while (bufferedCount() > 0)
            revealBatch();
        setState(hasMore() ? State::Idle : State::Complete);
        emit countsChanged();
    }
    if (!m_moreRemote)
        return;
    const ProviderCapabilities caps = m_provider->capabilities();
    const qint64 loaded = m_rows.size();
    if (caps.paging == ProviderCapabilities::Paging::Offset && m_total > loaded && loaded > 0 && m_maxParallel > 1) {
        startParallel();
        return;
    }
    // Cursor APIs can only walk one page after another: keep fetching until the end.
    auto *keepGoing = new QMetaObject::Connection;
    *keepGoing = connect(this, &UserTableModel::stateChanged, this, [this, keepGoing] {
        if (m_state == State::Idle && canFetchMore({})) {
            fetchMore({});
        } else if (m_state != State::Loading) {
            disconnect(*keepGoing);
            delete keepGoing;
        }
    });
    fetchMore({});
}

void UserTableModel::startParallel()
{
    if (!m_pager) {
        m_pager = new OffsetPager(m_provider, m_maxParallel, this);
        connect(m_pager, &OffsetPager::usersReady, this, [this](const QList<User> &users) {
            appendRows(users, 0, users.size());
            emit countsChanged();
        });
        connect(m_pager, &OffsetPager::totalChanged, this, [this](qint64 total) { m_total = total; });
        connect(m_pager, &OffsetPager::retrying, this, &UserTableModel::retrying);
        connect(m_pager, &OffsetPager::finished, this, [this] {
            m_parallel = false;
            m_moreRemote = false;
            m_nextToken.clear();
            setState(State::Complete);
            emit countsChanged();
        });
        connect(m_pager, &OffsetPager::failed, this, [this](const ProviderError &error) {
            m_parallel = false;
            // Resume later from the first row not yet shown.
            m_nextToken = m_provider->tokenForOffset(m_pager->position());
            fail(error);
        });
    }
    m_parallel = true;
    setState(State::Loading);
    m_pager->start(m_rows.size(), m_lastPageSize, m_total);
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
        (void)QtConcurrent::run([spent = std::exchange(m_buffer, QList<User>())] { Q_UNUSED(spent); });
        m_bufferPos = 0;
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
        if (text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r')) || text.contains(QLatin1Char('\t'))) {
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
    default:
        return {};
    }
}

QString UserTableModel::columnTitle(Column column)
{
    switch (column) {
    case Column::Id: return tr("ID");
    case Column::UserId: return tr("User ID");
    case Column::Email: return tr("Email");
    case Column::GivenName: return tr("Given name");
    case Column::FamilyName: return tr("Family name");
    case Column::DisplayName: return tr("Display name");
    case Column::Phone: return tr("Phone");
    case Column::Status: return tr("Status");
    case Column::Roles: return tr("Roles");
    case Column::Username: return tr("Username");
    case Column::IdpId: return tr("IdP ID");
    case Column::InvitedBy: return tr("Invited by");
    case Column::CreatedAt: return tr("Created");
    case Column::UpdatedAt: return tr("Updated");
    }
    return {};
}

QVariant UserTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= Columns::count)
        return QAbstractTableModel::headerData(section, orientation, role);
    const Column column = static_cast<Column>(section);
    switch (role) {
    case Qt::DisplayRole: return columnTitle(column);
    case Qt::ToolTipRole: return tr("Column key: %1").arg(Columns::key(column));
    case ColumnKeyRole: return Columns::key(column);
    default: return {};
    }
}

bool UserTableModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_provider || m_parallel || m_inserting)
        return false;
    // Rows already received can be revealed while a stream goes on, and after it failed.
    if (bufferedCount() > 0)
        return true;
    if (m_reply || m_state == State::Failed)
        return false;
    return hasMore();
}

void UserTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    if (bufferedCount() > 0) {
        revealBatch();
        if (!m_reply && m_state != State::Failed)
            setState(hasMore() ? State::Idle : State::Complete);
        emit countsChanged();
        return;
    }
    request(m_nextToken);
}
