#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringEncoder>

class SqliteStatement;
struct User;

// How one account is kept in the snapshot store, in the table's column order: id, person (the
// lower-cased email), SnapshotStore::fields() (roles and groups as sorted sets), then the folded
// name key. Text goes to SQLite as UTF-8 from one buffer reused for every account: no QString
// list, no conversion inside SQLite.
class StoredAccountBinder
{
public:
    static constexpr int kValues = 13;
    // Binds `u`'s values to positions first .. first + kValues - 1 of `statement`; they stay
    // valid until the next bind().
    void bind(SqliteStatement &statement, int first, const User &u);

private:
    QByteArray m_utf8;
    QStringEncoder m_encoder {QStringEncoder::Utf8, QStringEncoder::Flag::Stateless};
};

// A value as the checksum of canonical rows writes it: its byte length, ':', its bytes.
void appendCanonicalValue(QByteArray &row, QByteArrayView value);
