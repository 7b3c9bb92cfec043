#pragma once

#include "column.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <utility>

class PersonMatch;
class SqliteStatement;
struct Profile;
struct User;

// Dated snapshots of who has access, in SQLite (Qt SQL, QSQLITE): per snapshot its UTC time and
// the Roster version; per profile its name, kind, base URL, organization, the total the server
// reported, the accounts stored, whether it is complete (a failed profile is kept as incomplete,
// never as "nobody") and a SHA-256 over its canonical rows; per account the fields a review and a
// diff compare. The file is created with mode 0600 and never holds a credential; its schema is
// versioned (PRAGMA user_version) and migrated on open. One store per thread.
class SnapshotStore
{
    Q_DECLARE_TR_FUNCTIONS(SnapshotStore)
public:
    static constexpr int schemaVersion = 2;

    struct ProfileEntry
    {
        qint64 rowId = 0;
        QString name;
        QString kind;
        QString baseUrl;
        QString organization;
        qint64 reportedTotal = -1; // -1: the server never said
        qint64 accounts = 0;
        bool complete = false;
        QString error; // why it is incomplete
        QString sha256; // hex, over canonicalRow() of its accounts by account id
    };

    struct Snapshot
    {
        qint64 id = 0;
        QDateTime takenAt; // UTC
        QString rosterVersion;
        QList<ProfileEntry> profiles;

        qint64 accounts() const;
        bool complete() const;
    };

    // The fields kept per account beside its id and person key, in the diff's order.
    static const QList<Column> &fields();

    // $ROSTER_STORE, else standardPath().
    static QString defaultPath();
    // history.sqlite in the application's data folder.
    static QString standardPath();

    explicit SnapshotStore(QString path);
    ~SnapshotStore();
    SnapshotStore(const SnapshotStore &) = delete;
    SnapshotStore &operator=(const SnapshotStore &) = delete;

    // Opens (creating it, mode 0600, and its folder) and migrates; false with error() set.
    bool open();
    const QString &path() const { return m_path; }
    // What went wrong last, naming the file.
    const QString &error() const { return m_error; }

    // Writing one snapshot: a new one, then per profile its entry, its accounts in batches (one
    // transaction each) and its end. 0 / false on failure.
    qint64 createSnapshot(const QDateTime &takenAtUtc, const QString &rosterVersion);
    qint64 addProfile(qint64 snapshot, int position, const Profile &profile);
    bool addAccounts(qint64 profileRow, const QList<User> &users);
    // Counts its accounts and computes their checksum.
    bool finishProfile(
        qint64 profileRow, qint64 reportedTotal, bool complete, const QString &error = {});

    // Newest first.
    std::optional<QList<Snapshot>> snapshots();
    std::optional<Snapshot> snapshot(qint64 id);
    // The newest snapshot in which profile `name` is complete, and its entry there.
    std::optional<std::pair<Snapshot, ProfileEntry>> latestComplete(const QString &name);
    // A stored account (Accounts::values()) as a User: its id and fields() (roles and groups as
    // their text only), for matching and for its cells.
    static User user(const QStringList &values);
    // Recomputes every profile's checksum; *changed gets the profiles whose rows differ from it.
    bool verify(qint64 id, QStringList *changed);
    bool remove(qint64 id);
    // Removes the snapshots taken before `cutoff`; how many, or -1.
    int removeOlderThan(const QDateTime &cutoffUtc);

    // A profile's accounts by account id, one at a time (memory flat however many there are).
    class Accounts
    {
    public:
        ~Accounts();
        // The next account: false at the end, or when reading failed (error() says why).
        bool next();
        // account_id, person, then fields() in order.
        const QStringList &values() const;
        // Value `i` of values() as the UTF-8 kept, without converting it: valid until next().
        QByteArrayView text(int i) const;
        const QString &error() const { return m_error; }

    private:
        friend class SnapshotStore;
        Accounts() = default;
        std::unique_ptr<SqliteStatement> m_query;
        mutable QStringList m_values; // converted when first asked for
        mutable bool m_converted = false;
        QString m_error;
    };
    std::unique_ptr<Accounts> accounts(qint64 profileRow);
    // One account of a profile, as Accounts::values() gives it: empty when the profile holds no
    // such account, nullopt when reading failed (error() says why).
    std::optional<QStringList> account(qint64 profileRow, const QString &accountId);

    // The accounts of a profile that `match` finds (PersonMatch::match() decides; SQL only
    // narrows them down: by the stored person key for an address, by name_key for names), by
    // account id, as Accounts::values() gives them. nullopt when reading failed.
    std::optional<QList<QStringList>> find(qint64 profileRow, const PersonMatch &match);

    // A snapshot named as `roster diff` takes it: an id, "latest", "previous", or a date (the last
    // snapshot taken on or before that day, UTC). 0 with error() set when there is none.
    qint64 resolve(const QString &name);

    // Evidence beside a review written with --save: FILE.manifest.json, written atomically, with
    // the snapshot's provenance (time, Roster version, per profile its origin, counts,
    // completeness and checksum) and FILE's size and SHA-256. False with *error set.
    static bool writeManifest(
        const Snapshot &snapshot, const QString &storePath, const QString &file, QString *error);
    static QString manifestPath(const QString &file);

    // One account as the checksum reads it: every value length-prefixed, so that no value can
    // pass for another.
    static QByteArray canonicalRow(const QStringList &values);
    // Lists (roles, groups) are kept as sets: sorted, without repeats.
    static QString setText(const QString &list);

private:
    bool fail(const QString &what, const QString &detail);
    bool exec(const QString &sql);
    bool migrate();
    bool createVersion1();
    bool toVersion2();
    bool createIncoming();
    // Accounts not yet moved into the table: those `where` names (with `id` bound), or all.
    bool dropIncoming(const QString &where = {}, std::optional<qint64> id = {});
    std::optional<QString> checksum(qint64 profileRow, qint64 *accounts);
    std::optional<QList<ProfileEntry>> profilesOf(qint64 snapshot);
    std::optional<QList<Snapshot>> readSnapshots(const QString &where, qint64 id);

    QString m_path;
    QString m_connection;
    QString m_error;
    QSet<qint64> m_staged; // profiles with accounts in temp.incoming
};
