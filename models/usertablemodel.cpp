#include "usertablemodel.h"

#include "pagereply.h"
#include "provider.h"

UserTableModel::UserTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

UserTableModel::~UserTableModel()
{
    dropReply();
}

void UserTableModel::dropReply()
{
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
    m_rows.clear();
    m_buffer.clear();
    m_bufferPos = 0;
    m_total = -1;
    m_error = ProviderError();
    m_nextToken.clear();
    m_guard.reset();
    m_moreRemote = m_provider != nullptr;
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
    request(m_nextToken);
}

bool UserTableModel::hasMore() const
{
    return bufferedCount() > 0 || m_moreRemote;
}

QList<User> UserTableModel::users(const QList<int> &rows) const
{
    QList<User> out;
    out.reserve(rows.size());
    for (int r : rows) {
        if (r >= 0 && r < m_rows.size())
            out.append(m_rows.at(r));
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
    connect(reply, &PageReply::progress, this, &UserTableModel::downloadProgress);
    connect(reply, &PageReply::retrying, this, &UserTableModel::retrying);
    setState(State::Loading);
}

void UserTableModel::onReplyFinished(PageReply *reply)
{
    m_reply = nullptr;
    reply->deleteLater();
    if (reply->hasError()) {
        m_error = reply->error();
        setState(State::Failed);
        emit countsChanged();
        return;
    }
    Page page = reply->takePage();
    const ProviderError loop = m_guard.check(page);
    if (loop.isError()) {
        m_error = loop;
        setState(State::Failed);
        return;
    }
    if (page.total >= 0)
        m_total = page.total;
    m_moreRemote = page.hasMore();
    m_nextToken = page.nextToken;
    if (m_provider && m_provider->capabilities().paging == ProviderCapabilities::Paging::Single) {
        // The whole organization arrived at once: keep it aside and reveal it in batches, so
        // inserting 100,000 rows never blocks the window and the view behaves as for paged APIs.
        m_buffer = std::move(page.users);
        m_bufferPos = 0;
        revealBatch();
    } else {
        appendRows(std::move(page.users));
    }
    setState(hasMore() ? State::Idle : State::Complete);
    emit countsChanged();
}

void UserTableModel::appendRows(QList<User> users)
{
    if (users.isEmpty())
        return;
    const int first = int(m_rows.size());
    m_inserting = true;
    beginInsertRows({}, first, first + int(users.size()) - 1);
    m_rows.append(std::move(users));
    endInsertRows();
    m_inserting = false;
}

void UserTableModel::revealBatch()
{
    const qsizetype n = std::min<qsizetype>(m_batch, m_buffer.size() - m_bufferPos);
    if (n <= 0)
        return;
    QList<User> batch;
    batch.reserve(n);
    for (qsizetype i = 0; i < n; ++i)
        batch.append(std::move(m_buffer[m_bufferPos + i]));
    m_bufferPos += n;
    if (m_bufferPos >= m_buffer.size()) {
        m_buffer.clear();
        m_bufferPos = 0;
    }
    appendRows(std::move(batch));
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
    const User &u = m_rows.at(index.row());
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
    if (parent.isValid() || !m_provider || m_reply || m_inserting || m_state == State::Failed)
        return false;
    return hasMore();
}

void UserTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    if (bufferedCount() > 0) {
        revealBatch();
        setState(hasMore() ? State::Idle : State::Complete);
        emit countsChanged();
        return;
    }
    request(m_nextToken);
}
