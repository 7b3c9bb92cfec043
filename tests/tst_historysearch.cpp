// Searching history (issue #25): SnapshotStore::find() narrows a profile's accounts in SQL and
// PersonMatch decides, so findInHistory() must answer exactly what matching every stored account
// answers: names (accents, word beginnings, several words, any case), addresses (case, +tags,
// Exact), and text that matches nobody. The folded name key kept per account folds as PersonMatch
// does. A version 1 store (from before the key) is migrated when opened: its checksums still
// verify, it answers searches, and a failed migration leaves it as it was.
#include "accessreview.h"
#include "historyfind.h"
#include "sandbox/sandboxserver.h"
#include "snapshotstore.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace TestSupport;

namespace {
// What a hit says, to compare answers as sets.
QString hitKey(const PeopleFinder::Hit &h)
{
    return QStringLiteral("%1 %2 %3").arg(h.target).arg(h.user.id).arg(int(h.rule));
}

QSet<QString> keys(const QList<PeopleFinder::Hit> &hits)
{
    QSet<QString> out;
    for (const PeopleFinder::Hit &h : hits)
        out.insert(hitKey(h));
    return out;
}

// Version 1 of the schema, as Roster wrote it before version 2 added name_key.
const char *const kVersion1[] = {
    "CREATE TABLE snapshots (id INTEGER PRIMARY KEY, taken_at TEXT NOT NULL, roster_version TEXT "
    "NOT NULL)",
    "CREATE TABLE profiles (id INTEGER PRIMARY KEY, snapshot_id INTEGER NOT NULL REFERENCES "
    "snapshots(id) ON DELETE CASCADE, position INTEGER NOT NULL, name TEXT NOT NULL, kind TEXT NOT "
    "NULL, base_url TEXT NOT NULL, organization TEXT NOT NULL, reported_total INTEGER NOT NULL "
    "DEFAULT -1, accounts INTEGER NOT NULL DEFAULT 0, complete INTEGER NOT NULL DEFAULT 0, error "
    "TEXT NOT NULL DEFAULT '', sha256 TEXT NOT NULL DEFAULT '')",
    "CREATE INDEX profiles_by_snapshot ON profiles(snapshot_id)",
    "CREATE TABLE accounts (profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE, "
    "account_id TEXT NOT NULL, person TEXT NOT NULL, email TEXT, status TEXT, roles TEXT, groups_ "
    "TEXT, display_name TEXT, given_name TEXT, family_name TEXT, username TEXT, phone TEXT, idp_id "
    "TEXT, PRIMARY KEY (profile_id, account_id)) WITHOUT ROWID",
};

// Accounts of the version 1 store: account_id, person, then SnapshotStore::fields().
const QList<QStringList> kOldAccounts {
    {QStringLiteral("a1"), QStringLiteral("jose.muller@example.com"),
        QStringLiteral("Jose.Muller@example.com"), QStringLiteral("active"),
        QStringLiteral("admin;member"), QString(), QString::fromUtf8("José Müller-Lüdenscheidt"),
        QString::fromUtf8("José"), QString::fromUtf8("Müller-Lüdenscheidt"), QStringLiteral("jmu"),
        QString(), QString()},
    {QStringLiteral("a2"), QStringLiteral("ada@example.com"), QStringLiteral("ada@example.com"),
        QStringLiteral("pending"), QStringLiteral("member"), QStringLiteral("eng"),
        QStringLiteral("Ada Lovelace"), QStringLiteral("Ada"), QStringLiteral("Lovelace"),
        QStringLiteral("ada"), QStringLiteral("+44 20 0000"), QStringLiteral("okta|1")},
    {QStringLiteral("a3"), QStringLiteral("ada+ops@example.com"),
        QStringLiteral("ada+ops@example.com"), QStringLiteral("active"), QString(), QString(),
        QStringLiteral("Ops Robot"), QString(), QString(), QString(), QString(), QString()},
};
} // namespace

class TestHistorySearch : public QObject
{
    Q_OBJECT

    SandboxServer m_server;
    QNetworkAccessManager m_nam;
    QTemporaryDir m_dir;
    QString m_store;
    QStringList m_names;

    // Every stored account of each profile's latest complete snapshot, matched one by one.
    QList<PeopleFinder::Hit> everyAccountMatched(const PersonMatch &match)
    {
        SnapshotStore store(m_store);
        if (!store.open())
            return {};
        QList<PeopleFinder::Hit> hits;
        for (int target = 0; target < m_names.size(); ++target) {
            const auto latest = store.latestComplete(m_names.at(target));
            if (!latest)
                continue;
            const auto accounts = store.accounts(latest->second.rowId);
            while (accounts->next()) {
                PeopleFinder::Hit h;
                h.target = target;
                h.user = SnapshotStore::user(accounts->values());
                h.rule = match.match(h.user);
                if (h.rule != PersonMatch::Rule::None)
                    hits << h;
            }
        }
        return hits;
    }

    // Every stored account of the profiles' latest complete snapshots.
    QList<User> storedUsers()
    {
        SnapshotStore store(m_store);
        QList<User> users;
        for (const QString &name : std::as_const(m_names)) {
            const auto latest = store.open() ? store.latestComplete(name) : std::nullopt;
            const auto accounts = latest ? store.accounts(latest->second.rowId) : nullptr;
            while (accounts && accounts->next())
                users << SnapshotStore::user(accounts->values());
        }
        return users;
    }

    static bool exec(QSqlDatabase &db, const QString &statement)
    {
        QSqlQuery q(db);
        if (q.exec(statement))
            return true;
        qWarning("%s: %s", qPrintable(statement), qPrintable(q.lastError().text()));
        return false;
    }

    // A version 1 store holding one complete snapshot of kOldAccounts, its checksum as version
    // 1 computed it.
    QString version1Store(const QString &name, bool damaged = false)
    {
        const QString path = m_dir.filePath(name);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            if (!db.open())
                return {};
            for (const char *statement : kVersion1) {
                if (!exec(db, QString::fromLatin1(statement)))
                    return {};
            }
            QCryptographicHash hash(QCryptographicHash::Sha256);
            for (const QStringList &a : kOldAccounts) {
                QSqlQuery q(db);
                q.prepare(QStringLiteral("INSERT INTO accounts VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, "
                                         "?, ?, ?, ?)"));
                for (const QString &v : a)
                    q.addBindValue(v.isNull() ? QStringLiteral("") : v);
                if (!q.exec())
                    return {};
                hash.addData(SnapshotStore::canonicalRow(a));
            }
            const QString sum = QString::fromLatin1(hash.result().toHex());
            if (!exec(db,
                    QStringLiteral("INSERT INTO snapshots VALUES (1, '2026-09-30T08:00:00.000Z', "
                                   "'0.1.0')"))
                || !exec(db,
                    QStringLiteral("INSERT INTO profiles VALUES (1, 1, 0, 'Old', 'karmo', "
                                   "'https://api.example.com', 'org_old', 3, 3, 1, '', '%1')")
                        .arg(sum))
                || !exec(db, QStringLiteral("PRAGMA user_version = 1")))
                return {};
            // An archive that refuses changes to its accounts: migrating it fails half-way.
            if (damaged
                && !exec(db,
                    QStringLiteral("CREATE TRIGGER refuse BEFORE UPDATE ON accounts BEGIN SELECT "
                                   "RAISE(ABORT, 'read-only archive'); END")))
                return {};
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return path;
    }

    static int userVersion(const QString &path)
    {
        int version = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), path);
            db.setDatabaseName(path);
            QSqlQuery q(db);
            if (db.open() && q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
                version = q.value(0).toInt();
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(path);
        return version;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server.setLatencyMs(1);
        QVERIFY(m_server.start() != 0);
        // Three kinds whose people carry names and addresses with accents and +tags.
        const QList<Profile> profiles {
            sandboxProfile(m_server, QStringLiteral("karmo"), QStringLiteral("search-n700")),
            sandboxProfile(m_server, QStringLiteral("llamacloud"), QStringLiteral("search-n400")),
            sandboxProfile(m_server, QStringLiteral("scim"), QStringLiteral("search-n300")),
        };
        m_store = m_dir.filePath(QStringLiteral("history.sqlite"));
        SnapshotStore store(m_store);
        QVERIFY2(store.open(), qPrintable(store.error()));
        AccessReview::Options options;
        options.writeCsv = false;
        AccessReview review(options);
        review.setStore(&store);
        for (const Profile &p : profiles) {
            review.setProvider(review.addProfile(p), fastProvider(p, &m_nam));
            m_names << p.name;
        }
        QSignalSpy finished(&review, &AccessReview::finished);
        review.start();
        QVERIFY(!finished.isEmpty() || finished.wait(60000));
        QVERIFY(finished.first().first().toBool());
    }

    void theNameKeyFoldsAsMatchingDoes_data()
    {
        QTest::addColumn<QString>("display");
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("family");
        QTest::addColumn<QString>("key");
        QTest::newRow("ascii") << "Ada LOVELACE 2nd"
                               << "Ada"
                               << ""
                               << " ada lovelace 2nd ada";
        QTest::newRow("punctuation") << ""
                                     << "O'Connor,"
                                     << "Jean-Luc"
                                     << " o connor jean luc";
        QTest::newRow("accents") << QString::fromUtf8("José Müller") << ""
                                 << ""
                                 << " jose muller";
        QTest::newRow("ligature and case") << QString::fromUtf8("ÆSIR Straße") << ""
                                           << "" << QString::fromUtf8(" æsir straße");
        QTest::newRow("empty") << ""
                               << ""
                               << ""
                               << "";
    }

    void theNameKeyFoldsAsMatchingDoes()
    {
        QFETCH(QString, display);
        QFETCH(QString, given);
        QFETCH(QString, family);
        QFETCH(QString, key);
        User u;
        u.displayName = display;
        u.givenName = given;
        u.familyName = family;
        QCOMPARE(PersonMatch::nameKey(u), key);
        // Every word of the name, and the beginning of each, is found through the key as match()
        // finds it.
        for (const QString &w : key.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            for (const QString &typed : {w, w.left(1), w.toUpper()}) {
                const PersonMatch m(typed);
                QCOMPARE(m.matchesNameKey(key), m.match(u) == PersonMatch::Rule::Name);
            }
            QVERIFY(PersonMatch(w).matchesNameKey(key));
            QVERIFY(PersonMatch(w.left(1)).matchesNameKey(key));
        }
        QVERIFY(!PersonMatch(QStringLiteral("zz9")).matchesNameKey(key));
    }

    // nameKey() folds text below U+0370 a character at a time from a table; it must give what
    // folding the whole text and splitting it into words gives: for every such character alone,
    // beside letters, and in random mixtures (marks after letters, marks alone, punctuation).
    void theNameKeyOfLatinTextIsTheWholeFoldsKey()
    {
        static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}]+"));
        const auto expected = [](const QString &text) {
            QString key;
            for (const QString &w : PersonMatch::fold(text).split(separators, Qt::SkipEmptyParts))
                key += QLatin1Char(' ') + w;
            return key;
        };
        const auto keyOf = [](const QString &text) {
            User u;
            u.displayName = text;
            return PersonMatch::nameKey(u);
        };
        QStringList texts;
        for (char16_t c = 0; c < 0x370; ++c) {
            const QString one(QChar {c});
            texts << one << QStringLiteral("a") + one + QStringLiteral("b")
                  << QStringLiteral("x ") + one + QStringLiteral(" 9");
        }
        QRandomGenerator random(25);
        for (int i = 0; i < 3000; ++i) {
            QString t;
            for (int n = random.bounded(1, 12); n > 0; --n)
                t += QChar(char16_t(random.bounded(0x370)));
            texts << t;
        }
        texts << QStringLiteral("Zoë") << QString::fromUtf8("Ĳsbrand ŉ ǅemal ß İlkay ǰ")
              << QString::fromUtf8("Jose\u0301 Mu\u0308ller");
        for (const QString &t : std::as_const(texts)) {
            // display + ' ' + given + ' ' + family: two spaces after the text.
            const QString whole = t + QStringLiteral("  ");
            if (keyOf(t) != expected(whole))
                QFAIL(qPrintable(
                    QStringLiteral("%1: %2 vs %3")
                        .arg(QString::number(t.at(0).unicode(), 16), keyOf(t), expected(whole))));
        }
    }

    void findsExactlyWhatMatchingEveryAccountFinds()
    {
        // Searches taken from the stored people themselves, and some that find nobody.
        QStringList texts {QStringLiteral("jose"), QStringLiteral("JOSÉ"), QStringLiteral("zoe"),
            QStringLiteral("muller"), QStringLiteral("o conn"), QStringLiteral("a"),
            QStringLiteral("maria garc"), QStringLiteral("nobody-at-all"),
            QStringLiteral("nobody@nowhere.example"), QStringLiteral("100%_@x"),
            QStringLiteral("   ")};
        const QList<User> all = storedUsers();
        QCOMPARE(all.size(), 1400);
        for (int i = 0; i < all.size(); i += 97) {
            const User &u = all.at(i);
            texts << u.email << u.email.toUpper()
                  << QString(u.email).replace(QLatin1Char('@'), QStringLiteral("+audit@"))
                  << u.displayName << u.givenName.left(2) + QLatin1Char(' ') + u.familyName;
            // An address with a +tag of its own, searched without it.
            if (const qsizetype plus = u.email.indexOf(QLatin1Char('+')); plus > 0)
                texts << u.email.left(plus) + u.email.mid(u.email.lastIndexOf(QLatin1Char('@')));
        }
        int found = 0, tagged = 0;
        for (const QString &text : std::as_const(texts)) {
            for (const bool exact : {false, true}) {
                const PersonMatch match(text, exact);
                const HistoryAnswer answer = findInHistory(m_store, m_names, match);
                QVERIFY2(answer.error.isEmpty(), qPrintable(answer.error));
                for (int t = 0; t < m_names.size(); ++t)
                    QVERIFY(answer.asOf.at(t).isValid());
                const QList<PeopleFinder::Hit> expected = everyAccountMatched(match);
                QVERIFY2(keys(answer.hits) == keys(expected),
                    qPrintable(QStringLiteral("\"%1\"%2: %3 found, %4 expected")
                                   .arg(text, exact ? QStringLiteral(" (exact)") : QString())
                                   .arg(answer.hits.size())
                                   .arg(expected.size())));
                found += !answer.hits.isEmpty();
                tagged += std::any_of(
                    answer.hits.cbegin(), answer.hits.cend(), [](const PeopleFinder::Hit &h) {
                        return h.rule == PersonMatch::Rule::EmailTag;
                    });
            }
        }
        // The comparison covered names, addresses and +tags, not only empty answers.
        QVERIFY2(found > texts.size() / 2, qPrintable(QString::number(found)));
        QVERIFY(tagged > 0);
    }

    void aMissingStoreOrProfileAnswersNothing()
    {
        const PersonMatch match(QStringLiteral("a"));
        HistoryAnswer answer = findInHistory(m_store, {QStringLiteral("never snapshotted")}, match);
        QVERIFY(answer.error.isEmpty());
        QVERIFY(!answer.asOf.at(0).isValid());
        QVERIFY(answer.hits.isEmpty());
        const QString notes = m_dir.filePath(QStringLiteral("notes.sqlite"));
        QFile f(notes);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("not a database\n").repeated(300));
        f.close();
        answer = findInHistory(notes, m_names, match);
        QVERIFY(answer.error.contains(notes));
        QVERIFY(answer.hits.isEmpty());
    }

    void aVersion1StoreIsMigratedOnOpen()
    {
        const QString path = version1Store(QStringLiteral("v1.sqlite"));
        QVERIFY(!path.isEmpty());
        QCOMPARE(userVersion(path), 1);
        {
            SnapshotStore store(path);
            QVERIFY2(store.open(), qPrintable(store.error()));
            QStringList changed {QStringLiteral("not run")};
            QVERIFY(store.verify(1, &changed));
            QVERIFY2(changed.isEmpty(), qPrintable(changed.join(QLatin1Char(','))));
        }
        QCOMPARE(userVersion(path), SnapshotStore::schemaVersion);
        const QStringList old {QStringLiteral("Old")};
        // Names folded by the migration; addresses by case and +tag; a tagged one untagged.
        const struct
        {
            QString text;
            QStringList ids;
        } cases[] = {
            {QStringLiteral("jose ludensch"), {QStringLiteral("a1")}},
            {QStringLiteral("JOSE.MULLER+hr@EXAMPLE.com"), {QStringLiteral("a1")}},
            {QStringLiteral("ada@example.com"), {QStringLiteral("a2"), QStringLiteral("a3")}},
            {QStringLiteral("ops robot"), {QStringLiteral("a3")}},
            {QStringLiteral("lovelace ada"), {QStringLiteral("a2")}},
        };
        for (const auto &c : cases) {
            const HistoryAnswer answer = findInHistory(path, old, PersonMatch(c.text));
            QVERIFY2(answer.error.isEmpty(), qPrintable(answer.error));
            QStringList ids;
            for (const PeopleFinder::Hit &h : answer.hits)
                ids << h.user.id;
            QCOMPARE(ids, c.ids);
            QCOMPARE(answer.asOf.at(0), QDateTime(QDate(2026, 9, 30), QTime(8, 0), Qt::UTC));
        }
    }

    // The accounts are written on the writer's thread: its failure still fails the review, and
    // what was written of the snapshot is removed.
    void aStoreThatRefusesAccountsFailsTheSnapshotAndKeepsNone()
    {
        const QString path = m_dir.filePath(QStringLiteral("refusing.sqlite"));
        SnapshotStore store(path);
        QVERIFY(store.open());
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("refuse"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(exec(db,
                QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON accounts BEGIN SELECT "
                               "RAISE(ABORT, 'the disk says no'); END")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("refuse"));
        const Profile p
            = sandboxProfile(m_server, QStringLiteral("karmo"), QStringLiteral("refused-n300"));
        AccessReview::Options options;
        options.writeCsv = false;
        AccessReview review(options);
        review.setStore(&store);
        review.setProvider(review.addProfile(p), fastProvider(p, &m_nam));
        QSignalSpy finished(&review, &AccessReview::finished);
        review.start();
        QVERIFY(!finished.isEmpty() || finished.wait(60000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY2(review.error().message.contains(QStringLiteral("the disk says no"))
                && review.error().message.contains(path),
            qPrintable(review.error().message));
        QCOMPARE(review.snapshotId(), 0);
        const auto snapshots = store.snapshots();
        QVERIFY(snapshots);
        QVERIFY(snapshots->isEmpty());
    }

    void aFailedMigrationLeavesTheStoreAsItWas()
    {
        const QString path = version1Store(QStringLiteral("v1-readonly.sqlite"), true);
        QVERIFY(!path.isEmpty());
        SnapshotStore store(path);
        QVERIFY(!store.open());
        QVERIFY2(store.error().contains(QStringLiteral("read-only archive"))
                && store.error().contains(path),
            qPrintable(store.error()));
        QCOMPARE(userVersion(path), 1);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("c"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT * FROM accounts")));
        QCOMPARE(q.record().count(), 13); // no name_key column: the step was rolled back
        int rows = 0;
        while (q.next())
            ++rows;
        QCOMPARE(rows, 3);
        q.finish();
        db.close();
    }
};

QTEST_GUILESS_MAIN(TestHistorySearch)
#include "tst_historysearch.moc"
