#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QString>
#include <QVariant>

#include <sqlite3.h>

// One statement on the SQLite connection under a QSQLITE QSqlDatabase, through SQLite's own API:
// text bound straight from a QString's UTF-16 and read back as the UTF-8 SQLite keeps, with no
// QVariant per value. For the snapshot store's hot paths (adding and checksumming accounts).
class SqliteStatement
{
public:
    SqliteStatement(const QSqlDatabase &db, const QByteArray &sql)
    {
        const QVariant handle = db.driver()->handle();
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
            m_db = *static_cast<sqlite3 *const *>(handle.constData());
        if (m_db
            && sqlite3_prepare_v2(m_db, sql.constData(), int(sql.size()), &m_stmt, nullptr)
                != SQLITE_OK)
            m_stmt = nullptr;
    }
    ~SqliteStatement() { sqlite3_finalize(m_stmt); }
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    QString error() const
    {
        return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db))
                    : QStringLiteral("the connection is not SQLite's");
    }

    // Positions count from 1. The text must stay as it is until step().
    void bind(int position, qint64 value) { sqlite3_bind_int64(m_stmt, position, value); }
    void bind(int position, const QString &text)
    {
        sqlite3_bind_text16(m_stmt, position, text.utf16(), int(text.size() * 2), SQLITE_STATIC);
    }
    void bindUtf8(int position, QByteArrayView utf8)
    {
        sqlite3_bind_text(m_stmt, position, utf8.data(), int(utf8.size()), SQLITE_STATIC);
    }
    // SQLITE_ROW, SQLITE_DONE or an error.
    int step() { return sqlite3_step(m_stmt); }
    void reset() { sqlite3_reset(m_stmt); }
    int columns() const { return sqlite3_column_count(m_stmt); }
    // Column `i` (from 0) of the current row as UTF-8; empty for NULL.
    QByteArrayView text(int i) const
    {
        const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, i));
        return QByteArrayView(bytes, sqlite3_column_bytes(m_stmt, i));
    }

    QString string(int i) const { return QString::fromUtf8(text(i)); }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};
