// The store's schema, by version: each step moves a store one version on
// (SnapshotStore::migrate()).
#include "snapshotstore.h"

#include "personmatch.h"
#include "user.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

bool SnapshotStore::migrate()
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return fail(tr("cannot read it"), q.lastError().text());
    const int version = q.value(0).toInt();
    if (version > schemaVersion)
        return fail(tr("cannot read it"),
            tr("it was written by a newer Roster (schema %1; this one knows up to %2)")
                .arg(version)
                .arg(schemaVersion));
    if (version == schemaVersion)
        return true;
    // Each step moves one version on, in one transaction: a failed step leaves the old schema.
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    for (int from = version; from < schemaVersion; ++from) {
        if (!db.transaction())
            return fail(tr("cannot update"), db.lastError().text());
        const bool ok = from == 0 ? createVersion1() : from == 1 ? toVersion2() : false;
        if (!ok || !exec(QStringLiteral("PRAGMA user_version = %1").arg(from + 1))
            || !db.commit()) {
            db.rollback();
            return m_error.isEmpty() ? fail(tr("cannot update"), db.lastError().text()) : false;
        }
    }
    return true;
}

bool SnapshotStore::createVersion1()
{
    return exec(QStringLiteral("CREATE TABLE snapshots (id INTEGER PRIMARY KEY, taken_at TEXT NOT "
                               "NULL, roster_version TEXT NOT NULL)"))
        && exec(QStringLiteral(
            "CREATE TABLE profiles (id INTEGER PRIMARY KEY, snapshot_id INTEGER NOT NULL "
            "REFERENCES snapshots(id) ON DELETE CASCADE, position INTEGER NOT NULL, name TEXT NOT "
            "NULL, kind TEXT NOT NULL, base_url TEXT NOT NULL, organization TEXT NOT NULL, "
            "reported_total INTEGER NOT NULL DEFAULT -1, accounts INTEGER NOT NULL DEFAULT 0, "
            "complete INTEGER NOT NULL DEFAULT 0, error TEXT NOT NULL DEFAULT '', sha256 TEXT NOT "
            "NULL DEFAULT '')"))
        && exec(QStringLiteral("CREATE INDEX profiles_by_snapshot ON profiles(snapshot_id)"))
        // Without rowid: the key is the account, and the table its own index (smaller on disk).
        && exec(QStringLiteral(
            "CREATE TABLE accounts (profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE "
            "CASCADE, account_id TEXT NOT NULL, person TEXT NOT NULL, email TEXT, status TEXT, "
            "roles TEXT, groups_ TEXT, display_name TEXT, given_name TEXT, family_name TEXT, "
            "username TEXT, phone TEXT, idp_id TEXT, PRIMARY KEY (profile_id, account_id)) "
            "WITHOUT ROWID"));
}

// Version 2: each account's names as PersonMatch folds them (name_key), so that history answers
// a search with one scan in SQL; older accounts get theirs here, a few thousand at a time.
bool SnapshotStore::toVersion2()
{
    if (!exec(QStringLiteral("ALTER TABLE accounts ADD COLUMN name_key TEXT NOT NULL DEFAULT ''")))
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery read(db);
    read.setForwardOnly(true);
    read.prepare(QStringLiteral("SELECT profile_id, account_id, display_name, given_name, "
                                "family_name FROM accounts WHERE (profile_id, account_id) > (?, ?) "
                                "ORDER BY profile_id, account_id LIMIT 5000"));
    QSqlQuery write(db);
    write.prepare(
        QStringLiteral("UPDATE accounts SET name_key = ? WHERE profile_id = ? AND account_id = ?"));
    qint64 profile = -1;
    QString account;
    for (bool more = true; more;) {
        read.addBindValue(profile);
        read.addBindValue(account);
        if (!read.exec())
            return fail(tr("cannot update"), read.lastError().text());
        more = false;
        while (read.next()) {
            more = true;
            profile = read.value(0).toLongLong();
            account = read.value(1).toString();
            User u;
            u.displayName = read.value(2).toString();
            u.givenName = read.value(3).toString();
            u.familyName = read.value(4).toString();
            write.addBindValue(PersonMatch::nameKey(u));
            write.addBindValue(profile);
            write.addBindValue(account);
            if (!write.exec())
                return fail(tr("cannot update"), write.lastError().text());
        }
    }
    return true;
}

// Accounts as they arrive, before finishProfile() moves them into the table: on this
// connection only (SQLite's temporary database, owner-only and deleted when it closes).
bool SnapshotStore::createIncoming()
{
    return exec(QStringLiteral(
        "CREATE TEMP TABLE IF NOT EXISTS incoming AS SELECT * FROM accounts WHERE 0"));
}
