#include "snapshotstore.h"

#include "personmatch.h"
#include "profile.h"
#include "sha256.h"
#include "snapshotrows.h"
#include "sqlitestatement.h"
#include "user.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>
#include <QVariant>

namespace {
constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

// SQL NULL only where nothing was said; a null QString binds as NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QString utcText(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

qint64 SnapshotStore::Snapshot::accounts() const
{
    qint64 n = 0;
    for (const ProfileEntry &p : profiles)
        n += p.accounts;
    return n;
}

bool SnapshotStore::Snapshot::complete() const
{
    return std::all_of(
        profiles.cbegin(), profiles.cend(), [](const ProfileEntry &p) { return p.complete; });
}

const QList<Column> &SnapshotStore::fields()
{
    static const QList<Column> columns {Column::Email, Column::Status, Column::Roles,
        Column::Groups, Column::DisplayName, Column::GivenName, Column::FamilyName,
        Column::Username, Column::Phone, Column::IdpId};
    return columns;
}

QString SnapshotStore::defaultPath()
{
    const QString env = qEnvironmentVariable("ROSTER_STORE");
    return env.isEmpty() ? standardPath() : env;
}

QString SnapshotStore::standardPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("history.sqlite"));
}

SnapshotStore::SnapshotStore(QString path)
    : m_path(std::move(path))
    , m_connection(QStringLiteral("roster-store-") + QUuid::createUuid().toString(QUuid::Id128))
{ }

SnapshotStore::~SnapshotStore()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool SnapshotStore::fail(const QString &what, const QString &detail)
{
    m_error = tr("History store %1: %2: %3").arg(QDir::toNativeSeparators(m_path), what, detail);
    return false;
}

bool SnapshotStore::exec(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (q.exec(sql))
        return true;
    return fail(tr("cannot update"), q.lastError().text());
}

bool SnapshotStore::open()
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(tr("cannot create its folder"), info.absolutePath());
    // Created owner-only before SQLite opens it; its journal files take the same mode.
    QFile file(m_path);
    if (!file.exists() && !file.open(QIODevice::WriteOnly, kOwnerOnly))
        return fail(tr("cannot create it"), file.errorString());
    file.close();
    if ((file.permissions() & ~(kOwnerOnly | QFileDevice::ReadUser | QFileDevice::WriteUser))
        && !file.setPermissions(kOwnerOnly))
        return fail(tr("cannot make it private"), file.errorString());
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return fail(tr("cannot open it"),
            tr("Qt's SQLite driver is not installed (Debian: libqt6sql6-sqlite)"));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    if (!db.open())
        return fail(tr("cannot open it"), db.lastError().text());
    return exec(QStringLiteral("PRAGMA foreign_keys = ON"))
        && exec(QStringLiteral("PRAGMA journal_mode = WAL"))
        && exec(QStringLiteral("PRAGMA synchronous = NORMAL")) && migrate() && createIncoming();
}

qint64 SnapshotStore::createSnapshot(const QDateTime &takenAtUtc, const QString &rosterVersion)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT INTO snapshots (taken_at, roster_version) VALUES (?, ?)"));
    q.addBindValue(utcText(takenAtUtc));
    q.addBindValue(text(rosterVersion));
    if (!q.exec()) {
        fail(tr("cannot add a snapshot"), q.lastError().text());
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

qint64 SnapshotStore::addProfile(qint64 snapshot, int position, const Profile &profile)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT INTO profiles (snapshot_id, position, name, kind, base_url, "
                             "organization) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(snapshot);
    q.addBindValue(position);
    q.addBindValue(text(profile.name));
    q.addBindValue(text(profile.kind));
    q.addBindValue(text(profile.baseUrl.toString(QUrl::RemoveUserInfo)));
    q.addBindValue(text(profile.organization));
    if (!q.exec()) {
        fail(tr("cannot add a profile"), q.lastError().text());
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

bool SnapshotStore::addAccounts(qint64 profileRow, const QList<User> &users)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction())
        return fail(tr("cannot add accounts"), db.lastError().text());
    // Appended as they come (rows in arrival order are cheap to add); finishProfile() moves them
    // into accounts sorted by id, where inserting them one by one in arrival order would write
    // each page of the table many times over.
    const QString why = [&]() -> QString {
        SqliteStatement insert(db,
            "INSERT INTO temp.incoming VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
            "?13, ?14)");
        if (!insert.isValid())
            return insert.error();
        StoredAccountBinder binder;
        for (const User &u : users) {
            insert.bind(1, profileRow);
            binder.bind(insert, 2, u);
            if (insert.step() != SQLITE_DONE)
                return insert.error();
            insert.reset();
        }
        return {};
    }();
    if (!why.isEmpty()) {
        db.rollback();
        return fail(tr("cannot add accounts"), why);
    }
    if (!db.commit())
        return fail(tr("cannot add accounts"), db.lastError().text());
    m_staged.insert(profileRow);
    return true;
}

SnapshotStore::Accounts::~Accounts() = default;

namespace {
// An account's stored values, in Accounts::values()' order.
constexpr const char *kAccountColumns = "account_id, person, email, status, roles, groups_, "
                                        "display_name, given_name, family_name, username, "
                                        "phone, idp_id";

// The current row of a statement that selected kAccountColumns.
QStringList accountValues(const SqliteStatement &row)
{
    QStringList values;
    values.reserve(row.columns());
    for (int i = 0; i < row.columns(); ++i)
        values << row.string(i);
    return values;
}

QByteArray selectAccounts(const QString &where)
{
    return QStringLiteral("SELECT %1 FROM accounts WHERE profile_id = ?1 %2")
        .arg(QLatin1String(kAccountColumns), where)
        .toUtf8();
}
} // namespace

bool SnapshotStore::Accounts::next()
{
    if (!m_query)
        return false;
    const int step = m_query->step();
    m_converted = false;
    m_values.clear();
    if (step == SQLITE_ROW)
        return true;
    if (step != SQLITE_DONE)
        m_error = m_query->error();
    m_query.reset();
    return false;
}

const QStringList &SnapshotStore::Accounts::values() const
{
    if (!m_converted && m_query) {
        m_values = accountValues(*m_query);
        m_converted = true;
    }
    return m_values;
}

QByteArrayView SnapshotStore::Accounts::text(int i) const
{
    return m_query ? m_query->text(i) : QByteArrayView();
}

std::unique_ptr<SnapshotStore::Accounts> SnapshotStore::accounts(qint64 profileRow)
{
    std::unique_ptr<Accounts> reader(new Accounts);
    reader->m_query = std::make_unique<SqliteStatement>(QSqlDatabase::database(m_connection, false),
        selectAccounts(QStringLiteral("ORDER BY account_id")));
    if (!reader->m_query->isValid()) {
        reader->m_error = reader->m_query->error();
        reader->m_query.reset();
        return reader;
    }
    reader->m_query->bind(1, profileRow);
    return reader;
}

std::optional<QStringList> SnapshotStore::account(qint64 profileRow, const QString &accountId)
{
    SqliteStatement query(QSqlDatabase::database(m_connection, false),
        selectAccounts(QStringLiteral("AND account_id = ?2")));
    if (query.isValid()) {
        query.bind(1, profileRow);
        query.bind(2, accountId);
        const int step = query.step();
        if (step == SQLITE_ROW)
            return accountValues(query);
        if (step == SQLITE_DONE)
            return QStringList();
    }
    fail(tr("cannot read it"), query.error());
    return std::nullopt;
}

std::optional<QList<QStringList>> SnapshotStore::find(qint64 profileRow, const PersonMatch &match)
{
    // Every condition lets through at least what match() finds: LIKE ignores ASCII case and reads
    // '_' and '%' in the domain as wildcards, which only lets more through.
    QStringList conditions;
    QStringList values;
    if (match.isEmail()) {
        conditions << QStringLiteral("person = ?");
        values << match.address();
        if (!match.isExact()) {
            // "ada+work@example.com" is "ada@example.com" untagged: the address itself, or one
            // starting "ada+" and ending "@example.com".
            const QString untagged = match.untaggedAddress();
            const qsizetype at = untagged.lastIndexOf(QLatin1Char('@'));
            conditions << QStringLiteral("person = ?")
                       << QStringLiteral("(person >= ? AND person < ? AND person LIKE ?)");
            values << untagged << untagged.left(at) + QLatin1Char('+')
                   << untagged.left(at) + QLatin1Char(',') << QLatin1Char('%') + untagged.mid(at);
        }
    } else {
        for (const QString &w : match.words()) {
            conditions << QStringLiteral("instr(name_key, ?) > 0");
            values << QLatin1Char(' ') + w;
        }
    }
    QList<QStringList> found;
    if (conditions.isEmpty())
        return found;
    // Numbered after ?1, the profile.
    QString where
        = conditions.join(match.isEmail() ? QStringLiteral(" OR ") : QStringLiteral(" AND "));
    for (int i = 0, from = 0; i < values.size(); ++i) {
        from = int(where.indexOf(QLatin1Char('?'), from));
        where.replace(from, 1, QStringLiteral("?%1").arg(i + 2));
        from += 2;
    }
    SqliteStatement q(QSqlDatabase::database(m_connection, false),
        selectAccounts(QStringLiteral("AND (%1) ORDER BY account_id").arg(where)));
    int step = SQLITE_ERROR;
    if (q.isValid()) {
        q.bind(1, profileRow);
        for (int i = 0; i < values.size(); ++i)
            q.bind(2 + i, values.at(i));
        while ((step = q.step()) == SQLITE_ROW) {
            QStringList stored = accountValues(q);
            if (match.match(user(stored)) != PersonMatch::Rule::None)
                found << std::move(stored);
        }
    }
    if (step != SQLITE_DONE) {
        fail(tr("cannot read it"), q.error());
        return std::nullopt;
    }
    return found;
}

std::optional<QString> SnapshotStore::checksum(qint64 profileRow, qint64 *accounts)
{
    // canonicalRow() of each account, from the UTF-8 SQLite keeps.
    SqliteStatement read(QSqlDatabase::database(m_connection, false),
        selectAccounts(QStringLiteral("ORDER BY account_id")));
    if (!read.isValid()) {
        fail(tr("cannot read it"), read.error());
        return std::nullopt;
    }
    read.bind(1, profileRow);
    Sha256 hash;
    QByteArray row;
    *accounts = 0;
    int step = SQLITE_ROW;
    while ((step = read.step()) == SQLITE_ROW) {
        row.resize(0);
        for (int i = 0; i < read.columns(); ++i) {
            appendCanonicalValue(row, read.text(i));
        }
        hash.addData(row.append('\n'));
        ++*accounts;
    }
    if (step != SQLITE_DONE) {
        fail(tr("cannot read it"), read.error());
        return std::nullopt;
    }
    return QString::fromLatin1(hash.result().toHex());
}

qint64 SnapshotStore::resolve(const QString &name)
{
    bool isId = false;
    const qint64 id = name.toLongLong(&isId);
    if (isId)
        return snapshot(id) ? id : 0;
    const std::optional<QList<Snapshot>> all = snapshots(); // newest first
    if (!all)
        return 0;
    const QString where = QDir::toNativeSeparators(m_path);
    if (name == QLatin1String("latest") || name == QLatin1String("previous")) {
        const int index = name == QLatin1String("latest") ? 0 : 1;
        if (index < all->size())
            return all->at(index).id;
        m_error = tr("%1 holds %n snapshot(s): there is no \"%2\" one.", nullptr, int(all->size()))
                      .arg(where, name);
        return 0;
    }
    const QDate day = QDate::fromString(name, Qt::ISODate);
    if (!day.isValid()) {
        m_error = tr("\"%1\" names no snapshot: give an id, latest, previous or a date "
                     "(YYYY-MM-DD).")
                      .arg(name);
        return 0;
    }
    const QDateTime end(day.addDays(1), QTime(0, 0), Qt::UTC);
    for (const Snapshot &s : *all) {
        if (s.takenAt < end)
            return s.id;
    }
    m_error = tr("%1 holds no snapshot taken on or before %2.").arg(where, name);
    return 0;
}

bool SnapshotStore::finishProfile(
    qint64 profileRow, qint64 reportedTotal, bool complete, const QString &error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction())
        return fail(tr("cannot finish a profile"), db.lastError().text());
    const bool ok = [&] {
        // Sorted by id, so each page of the table is written once; a repeated id (a server that
        // lists an account twice) keeps its last record.
        QSqlQuery move(db);
        move.prepare(QStringLiteral("INSERT OR REPLACE INTO accounts SELECT * FROM temp.incoming "
                                    "WHERE profile_id = ? ORDER BY account_id, rowid"));
        move.addBindValue(profileRow);
        // Only this profile's accounts waiting (as in a review, one profile after another):
        // emptied at once, not row by row.
        const bool alone
            = m_staged.isEmpty() || (m_staged.size() == 1 && m_staged.contains(profileRow));
        if (!move.exec()
            || !(alone ? dropIncoming()
                       : dropIncoming(QStringLiteral("profile_id = ?"), profileRow)))
            return fail(tr("cannot finish a profile"), move.lastError().text());
        qint64 accounts = 0;
        const std::optional<QString> sum = checksum(profileRow, &accounts);
        if (!sum)
            return false;
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE profiles SET reported_total = ?, accounts = ?, complete = "
                                 "?, error = ?, sha256 = ? WHERE id = ?"));
        for (const QVariant &v :
            {QVariant(reportedTotal), QVariant(accounts), QVariant(int(complete)),
                QVariant(text(error)), QVariant(*sum), QVariant(profileRow)})
            q.addBindValue(v);
        return q.exec() || fail(tr("cannot finish a profile"), q.lastError().text());
    }();
    if (!ok) {
        db.rollback();
        return false;
    }
    if (!db.commit())
        return fail(tr("cannot finish a profile"), db.lastError().text());
    m_staged.remove(profileRow);
    return true;
}

// Accounts not yet moved into the table (those of a profile that never finished) are dropped.
bool SnapshotStore::dropIncoming(const QString &where, std::optional<qint64> id)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    // Without a WHERE clause, SQLite empties the table at once.
    q.prepare(where.isEmpty() ? QStringLiteral("DELETE FROM temp.incoming")
                              : QStringLiteral("DELETE FROM temp.incoming WHERE %1").arg(where));
    if (id)
        q.addBindValue(*id);
    return q.exec() || fail(tr("cannot update"), q.lastError().text());
}

std::optional<QList<SnapshotStore::ProfileEntry>> SnapshotStore::profilesOf(qint64 snapshot)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT id, name, kind, base_url, organization, reported_total, "
                             "accounts, complete, error, sha256 FROM profiles WHERE snapshot_id "
                             "= ? ORDER BY position"));
    q.addBindValue(snapshot);
    if (!q.exec()) {
        fail(tr("cannot read it"), q.lastError().text());
        return std::nullopt;
    }
    QList<ProfileEntry> list;
    while (q.next()) {
        ProfileEntry p;
        p.rowId = q.value(0).toLongLong();
        p.name = q.value(1).toString();
        p.kind = q.value(2).toString();
        p.baseUrl = q.value(3).toString();
        p.organization = q.value(4).toString();
        p.reportedTotal = q.value(5).toLongLong();
        p.accounts = q.value(6).toLongLong();
        p.complete = q.value(7).toInt() != 0;
        p.error = q.value(8).toString();
        p.sha256 = q.value(9).toString();
        list << p;
    }
    return list;
}

// The snapshots `where` selects (with `id` bound when it is not 0), newest first, each with its
// profiles.
std::optional<QList<SnapshotStore::Snapshot>> SnapshotStore::readSnapshots(
    const QString &where, qint64 id)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT id, taken_at, roster_version FROM snapshots %1 ORDER BY "
                             "taken_at DESC, id DESC")
                  .arg(where));
    if (id)
        q.addBindValue(id);
    if (!q.exec()) {
        fail(tr("cannot read it"), q.lastError().text());
        return std::nullopt;
    }
    QList<Snapshot> list;
    while (q.next()) {
        Snapshot s;
        s.id = q.value(0).toLongLong();
        s.takenAt = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
        s.rosterVersion = q.value(2).toString();
        list << s;
    }
    for (Snapshot &s : list) {
        std::optional<QList<ProfileEntry>> profiles = profilesOf(s.id);
        if (!profiles)
            return std::nullopt;
        s.profiles = *profiles;
    }
    return list;
}

std::optional<QList<SnapshotStore::Snapshot>> SnapshotStore::snapshots()
{
    return readSnapshots(QString(), 0);
}

std::optional<SnapshotStore::Snapshot> SnapshotStore::snapshot(qint64 id)
{
    const std::optional<QList<Snapshot>> one = readSnapshots(QStringLiteral("WHERE id = ?"), id);
    if (!one)
        return std::nullopt;
    if (one->isEmpty()) {
        m_error
            = tr("There is no snapshot %1 in %2.").arg(id).arg(QDir::toNativeSeparators(m_path));
        return std::nullopt;
    }
    return one->first();
}

std::optional<std::pair<SnapshotStore::Snapshot, SnapshotStore::ProfileEntry>>
SnapshotStore::latestComplete(const QString &name)
{
    const std::optional<QList<Snapshot>> all = snapshots(); // newest first
    for (const Snapshot &s : all ? *all : QList<Snapshot> {}) {
        for (const ProfileEntry &p : s.profiles) {
            if (p.name == name && p.complete)
                return std::make_pair(s, p);
        }
    }
    return std::nullopt;
}

User SnapshotStore::user(const QStringList &values)
{
    User u;
    u.id = values.value(0);
    for (qsizetype i = 0; i < fields().size(); ++i)
        Columns::info(fields().at(i)).restore(u, values.value(2 + i));
    const QString roles = values.value(2 + fields().indexOf(Column::Roles));
    for (const QString &name : roles.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        Role role;
        role.name = name; // as the roles column wrote it ("service/name" for a service role)
        u.roles << role;
    }
    return u;
}

bool SnapshotStore::verify(qint64 id, QStringList *changed)
{
    const std::optional<Snapshot> s = snapshot(id);
    if (!s)
        return false;
    changed->clear();
    for (const ProfileEntry &p : s->profiles) {
        qint64 accounts = 0;
        const std::optional<QString> sum = checksum(p.rowId, &accounts);
        if (!sum)
            return false;
        if (*sum != p.sha256 || accounts != p.accounts)
            *changed << p.name;
    }
    return true;
}

bool SnapshotStore::remove(qint64 id)
{
    if (!snapshot(id))
        return false;
    if (!dropIncoming(
            QStringLiteral("profile_id IN (SELECT id FROM profiles WHERE snapshot_id = ?)"), id))
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("DELETE FROM snapshots WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return fail(tr("cannot delete a snapshot"), q.lastError().text());
    return true;
}

int SnapshotStore::removeOlderThan(const QDateTime &cutoffUtc)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("DELETE FROM snapshots WHERE taken_at < ?"));
    q.addBindValue(utcText(cutoffUtc));
    if (!q.exec()) {
        fail(tr("cannot delete snapshots"), q.lastError().text());
        return -1;
    }
    return q.numRowsAffected();
}

QByteArray SnapshotStore::canonicalRow(const QStringList &values)
{
    QByteArray row;
    for (const QString &v : values)
        appendCanonicalValue(row, v.toUtf8());
    return row + '\n';
}

QString SnapshotStore::setText(const QString &list)
{
    QStringList items = list.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    items.sort();
    items.removeDuplicates();
    return items.join(QLatin1Char(';'));
}
