#include "snapshotstore.h"

#include "profile.h"
#include "user.h"

#include <QCryptographicHash>
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

// The account's values in the table's column order: id, person, then fields().
QStringList accountValues(const User &u)
{
    QStringList values {text(u.id), text(u.email.toLower())};
    for (Column c : SnapshotStore::fields()) {
        const QString v = text(u.value(c));
        values << (c == Column::Roles || c == Column::Groups ? SnapshotStore::setText(v) : v);
    }
    return values;
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
        && exec(QStringLiteral("PRAGMA synchronous = NORMAL")) && migrate();
}

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
        const bool ok = from == 0 ? createVersion1() : false;
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
    QSqlQuery q(db);
    // A repeated id (a server that lists an account twice) keeps its last record.
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO accounts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                             "?, ?, ?, ?)"));
    for (const User &u : users) {
        q.addBindValue(profileRow);
        for (const QString &v : accountValues(u))
            q.addBindValue(v);
        if (!q.exec()) {
            const QString why = q.lastError().text();
            db.rollback();
            return fail(tr("cannot add accounts"), why);
        }
    }
    if (!db.commit())
        return fail(tr("cannot add accounts"), db.lastError().text());
    return true;
}

SnapshotStore::Accounts::~Accounts() = default;

namespace {
// An accounts row as Accounts::values() gives it: account_id, person, then fields() (the
// profile_id column first is left out).
QStringList accountValues(const QSqlQuery &query)
{
    QStringList values;
    const int columns = 2 + int(SnapshotStore::fields().size());
    for (int i = 1; i <= columns; ++i)
        values << query.value(i).toString();
    return values;
}
} // namespace

bool SnapshotStore::Accounts::next()
{
    if (!m_query || !m_query->next()) {
        if (m_query && m_query->lastError().isValid())
            m_error = m_query->lastError().text();
        return false;
    }
    m_values = accountValues(*m_query);
    return true;
}

std::unique_ptr<SnapshotStore::Accounts> SnapshotStore::accounts(qint64 profileRow)
{
    std::unique_ptr<Accounts> reader(new Accounts);
    reader->m_query = std::make_unique<QSqlQuery>(QSqlDatabase::database(m_connection, false));
    reader->m_query->setForwardOnly(true);
    reader->m_query->prepare(
        QStringLiteral("SELECT * FROM accounts WHERE profile_id = ? ORDER BY account_id"));
    reader->m_query->addBindValue(profileRow);
    if (!reader->m_query->exec()) {
        reader->m_error = reader->m_query->lastError().text();
        reader->m_query.reset();
    }
    return reader;
}

std::optional<QStringList> SnapshotStore::account(qint64 profileRow, const QString &accountId)
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(QStringLiteral("SELECT * FROM accounts WHERE profile_id = ? AND account_id = ?"));
    query.addBindValue(profileRow);
    query.addBindValue(accountId);
    if (!query.exec()) {
        fail(tr("cannot read it"), query.lastError().text());
        return std::nullopt;
    }
    return query.next() ? accountValues(query) : QStringList();
}

std::optional<QString> SnapshotStore::checksum(qint64 profileRow, qint64 *accounts)
{
    const std::unique_ptr<Accounts> reader = this->accounts(profileRow);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    *accounts = 0;
    while (reader->next()) {
        hash.addData(canonicalRow(reader->values()));
        ++*accounts;
    }
    if (!reader->error().isEmpty()) {
        fail(tr("cannot read it"), reader->error());
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
    qint64 accounts = 0;
    const std::optional<QString> sum = checksum(profileRow, &accounts);
    if (!sum)
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE profiles SET reported_total = ?, accounts = ?, complete = ?, "
                             "error = ?, sha256 = ? WHERE id = ?"));
    for (const QVariant &v : {QVariant(reportedTotal), QVariant(accounts), QVariant(int(complete)),
             QVariant(text(error)), QVariant(*sum), QVariant(profileRow)})
        q.addBindValue(v);
    if (!q.exec())
        return fail(tr("cannot finish a profile"), q.lastError().text());
    return true;
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

QString SnapshotStore::manifestPath(const QString &file)
{
    return file + QStringLiteral(".manifest.json");
}

bool SnapshotStore::writeManifest(
    const Snapshot &snapshot, const QString &storePath, const QString &file, QString *error)
{
    QFile csv(file);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!csv.open(QIODevice::ReadOnly) || !hash.addData(&csv)) {
        *error = tr("Cannot read %1 for its manifest: %2")
                     .arg(QDir::toNativeSeparators(file), csv.errorString());
        return false;
    }
    QJsonArray profiles;
    for (const ProfileEntry &p : snapshot.profiles)
        profiles << QJsonObject {{QStringLiteral("name"), p.name}, {QStringLiteral("kind"), p.kind},
            {QStringLiteral("baseUrl"), p.baseUrl},
            {QStringLiteral("organization"), p.organization},
            {QStringLiteral("reportedTotal"), p.reportedTotal},
            {QStringLiteral("accounts"), p.accounts}, {QStringLiteral("complete"), p.complete},
            {QStringLiteral("error"), p.error}, {QStringLiteral("sha256"), p.sha256}};
    const QJsonObject manifest {{QStringLiteral("generator"), QStringLiteral("Roster")},
        {QStringLiteral("rosterVersion"), snapshot.rosterVersion},
        {QStringLiteral("snapshot"), snapshot.id},
        {QStringLiteral("takenAt"), snapshot.takenAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("store"), QFileInfo(storePath).absoluteFilePath()},
        {QStringLiteral("complete"), snapshot.complete()},
        {QStringLiteral("file"),
            QJsonObject {{QStringLiteral("name"), QFileInfo(file).fileName()},
                {QStringLiteral("bytes"), csv.size()},
                {QStringLiteral("sha256"), QString::fromLatin1(hash.result().toHex())}}},
        {QStringLiteral("profiles"), profiles}};
    QSaveFile out(manifestPath(file));
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(manifest).toJson()) < 0
        || !out.commit()) {
        *error = tr("Cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(manifestPath(file)), out.errorString());
        return false;
    }
    return true;
}

QByteArray SnapshotStore::canonicalRow(const QStringList &values)
{
    QByteArray row;
    for (const QString &v : values) {
        const QByteArray utf8 = v.toUtf8();
        row += QByteArray::number(utf8.size()) + ':' + utf8;
    }
    return row + '\n';
}

QString SnapshotStore::setText(const QString &list)
{
    QStringList items = list.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    items.sort();
    items.removeDuplicates();
    return items.join(QLatin1Char(';'));
}
