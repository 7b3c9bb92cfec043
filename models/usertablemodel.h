#pragma once

#include "compactuser.h"
#include "pagewalker.h"
#include "provider.h"
#include "providererror.h"
#include "user.h"

#include <QAbstractTableModel>
#include <QMap>
#include <QPointer>

// The users of one provider's organization, fetched a page at a time as the view scrolls.
// canFetchMore() is true while a next token (or a batch of already received rows) exists, no page
// is in flight and the last fetch did not fail. Pages that arrive after a reset are dropped.
class UserTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class State { Idle, Loading, Complete, Failed };
    Q_ENUM(State)
    enum Role {
        RawValueRole = Qt::UserRole + 1, // the value exactly as received, newlines and all
        ColumnKeyRole, // headerData: the column's key
    };

    explicit UserTableModel(QObject *parent = nullptr);
    ~UserTableModel() override;

    // Shows `provider`'s organization (not owned) and starts loading its first page.
    void setProvider(Provider *provider);
    Provider *provider() const;
    // Drops every row and starts again from the first page.
    void reload();
    // After a failure: asks again for the page that failed; rows already shown stay.
    void retry();
    // Loads every remaining row (the view jumped to the end). Where the API allows it (CSP:
    // offsets and a total), several pages travel at once and rows are still inserted in order.
    void loadAll();
    void setMaxParallelPages(int n);

    // Search on the server, for providers whose server can (searchSupport() is Server): from now
    // on the table holds only the users the server finds for `text` (a word or the kind's
    // expression), paged like any organization. Empty text: everyone again.
    void setSearch(const QString &text);
    QString searchText() const { return m_searchText; }
    bool isSearching() const { return !m_query.isEmpty(); }
    Provider::Search searchSupport() const;

    State state() const { return m_state; }
    bool isLoading() const { return m_state == State::Loading; }
    qint64 loadedCount() const { return m_rows.size(); }
    // Rows received but not yet revealed (single-response providers reveal them in batches).
    qint64 bufferedCount() const { return m_buffer.size() - m_bufferPos; }
    // The organization's size when the provider says (CSP, or a single response), else -1.
    qint64 totalCount() const { return m_walker ? m_walker->total() : -1; }
    bool hasMore() const;
    // While a one-array response streams in: its bytes so far, and what the server announced
    // (-1 when it did not say).
    qint64 bytesReceived() const { return m_bytesReceived; }
    qint64 bytesExpected() const { return m_bytesExpected; }
    // True while rows of a one-array response are still arriving.
    bool isStreaming() const { return m_walker && m_walker->isStreaming(); }
    const ProviderError &lastError() const { return m_error; }

    // The whole user at `row`, decoded from what the table keeps (roles and all).
    User user(int row) const;
    QList<User> users(const QList<int> &rows) const;
    // One column's text at `row`, without decoding the whole user.
    QString value(int row, Column column) const { return m_rows.at(row).value(column); }
    const CompactUser &compactUser(int row) const { return m_rows.at(row); }
    static QList<Column> columns() { return Columns::all(); }
    static QString personText(const CompactUser &user);
    static QString columnTitle(Column column);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;

signals:
    void stateChanged();
    void countsChanged();
    void downloadProgress(qint64 received, qint64 total);
    void retrying(int nextAttempt, int delayMs);
    // The provider learnt whether its server can search (searchSupport()).
    void searchChanged();

private:
    void onUsersReady(const QList<User> &users);
    void bufferUsers(const QList<User> &users);
    void appendRows(const QList<User> &users, qsizetype from, qsizetype count);
    void revealBatch();
    void updateState();
    void setState(State state);
    void dropWalker();

    QPointer<Provider> m_provider;
    // The one paging engine (also the export's): pages, parallel offsets, streams, every rule.
    PageWalker *m_walker = nullptr;
    QList<CompactUser> m_rows;
    // One-array APIs: users received but not yet shown, revealed in batches as the view asks.
    bool m_buffered = false;
    QList<User> m_buffer;
    qsizetype m_bufferPos = 0;
    State m_state = State::Idle;
    ProviderError m_error;
    int m_batch = 500;
    bool m_inserting = false; // views and testers may call fetchMore() from inside an insertion
    bool m_revealAll = false; // loadAll() during a stream: every row as soon as it arrives
    qint64 m_bytesReceived = 0;
    qint64 m_bytesExpected = -1;
    User (*m_decode)(const QByteArray &) = nullptr;
    int m_maxParallel = 5;
    QString m_searchText; // as typed
    QString m_query; // what the provider sends for it; empty: everyone
};
