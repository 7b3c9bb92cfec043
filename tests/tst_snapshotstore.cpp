// The history store (issue #25) against the sandbox: a snapshot holds exactly what a walk reads,
// with its provenance; a failed profile is kept as incomplete, never as "nobody"; a failed or
// cancelled review keeps no snapshot; verify finds a changed row; delete and delete-older-than;
// the file is private (0600), holds no credential, and a newer schema is refused, not damaged.
// `roster snapshot`, `roster snapshots` and `roster review --save` as scripts run them.
#include "accessreview.h"
#include "sandbox/sandboxhost.h"
#include "snapshotdiff.h"
#include "snapshotstore.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace TestSupport;

class TestSnapshotStore : public QObject
{
    Q_OBJECT

    SandboxServer m_server;
    QNetworkAccessManager m_nam;
    QTemporaryDir m_dir;
    int m_stores = 0;

    Profile profile(const QString &kind, const QString &org)
    {
        return sandboxProfile(m_server, kind, org);
    }

    SharedProvider make(const Profile &p) { return fastProvider(p, &m_nam, 50); }

    QString newStorePath()
    {
        return m_dir.filePath(QStringLiteral("store-%1.sqlite").arg(++m_stores));
    }

    // A snapshot of `profiles` through the review, as `roster snapshot` takes it; its id or 0.
    qint64 snapshot(SnapshotStore &store, const QList<Profile> &profiles)
    {
        AccessReview::Options options;
        options.writeCsv = false;
        options.skipFailed = true;
        AccessReview review(options);
        review.setStore(&store);
        for (const Profile &p : profiles)
            review.setProvider(review.addProfile(p), make(p));
        QSignalSpy finished(&review, &AccessReview::finished);
        review.start();
        if (finished.isEmpty() && !finished.wait(60000))
            return 0;
        return finished.first().first().toBool() ? review.snapshotId() : 0;
    }

    // Another connection to the same file, as a tool other than Roster would open it.
    static bool sql(const QString &path, const QString &statement)
    {
        bool ok = false;
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            db.setDatabaseName(path);
            ok = db.open() && QSqlQuery(db).exec(statement);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
        return ok;
    }

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    // The roster binary, as a script runs it (the sandbox answers meanwhile: no blocking wait).
    Run roster(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ROSTER_TEST_TOKEN"), SandboxServer::demoToken());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("xdg")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("xdg-data")));
        env.remove(QStringLiteral("ROSTER_STORE"));
        p.setProcessEnvironment(env);
        QSignalSpy finished(&p, &QProcess::finished);
        p.start(QStringLiteral(ROSTER_BINARY), args);
        Run r;
        if (!p.waitForStarted() || !finished.wait(120000))
            return r;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        if (r.out.contains(SandboxServer::demoToken().toUtf8())
            || r.err.contains(SandboxServer::demoToken().toUtf8()))
            r.exitCode = -3;
        return r;
    }

    // A profiles file of sandbox profiles whose token comes from the environment.
    QString config(const QList<Profile> &profiles)
    {
        QJsonArray list;
        for (const Profile &p : profiles)
            list << QJsonObject {{QStringLiteral("name"), p.name}, {QStringLiteral("kind"), p.kind},
                {QStringLiteral("baseUrl"), p.baseUrl.toString()},
                {QStringLiteral("organization"), p.organization},
                {QStringLiteral("credential"),
                    QJsonObject {{QStringLiteral("env"), QStringLiteral("ROSTER_TEST_TOKEN")}}}};
        const QString path = m_dir.filePath(QStringLiteral("profiles-%1.json").arg(++m_stores));
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(QJsonDocument(QJsonObject {{QStringLiteral("profiles"), list}}).toJson());
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7-test"));
        m_server.setLatencyMs(2);
        QVERIFY(m_server.start() != 0);
        QVERIFY2(QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")),
            "Qt's SQLite driver (libqt6sql6-sqlite) is missing");
    }

    void aSnapshotHoldsWhatTheWalkReadWithItsProvenance()
    {
        SnapshotStore store(newStorePath());
        QVERIFY2(store.open(), qPrintable(store.error()));
        const QList<Profile> profiles {
            profile(QStringLiteral("karmo"), QStringLiteral("snap-k-n700")),
            profile(QStringLiteral("scim"), QStringLiteral("snap-s-n300")),
            profile(QStringLiteral("csp"), QStringLiteral("snap-c-n450"))};
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        const qint64 id = snapshot(store, profiles);
        QVERIFY2(id > 0, qPrintable(store.error()));
        const std::optional<SnapshotStore::Snapshot> s = store.snapshot(id);
        QVERIFY(s);
        QVERIFY(s->takenAt >= before && s->takenAt <= QDateTime::currentDateTimeUtc());
        QCOMPARE(s->takenAt.timeSpec(), Qt::UTC);
        QCOMPARE(s->rosterVersion, QStringLiteral("9.8.7-test"));
        QCOMPARE(s->profiles.size(), 3);
        QVERIFY(s->complete());
        QCOMPARE(s->accounts(), 700 + 300 + 450);
        for (int i = 0; i < profiles.size(); ++i) {
            const SnapshotStore::ProfileEntry &e = s->profiles.at(i);
            QCOMPARE(e.name, profiles.at(i).name);
            QCOMPARE(e.kind, profiles.at(i).kind);
            QCOMPARE(e.baseUrl, profiles.at(i).baseUrl.toString());
            QCOMPARE(e.organization, profiles.at(i).organization);
            QVERIFY(e.complete);
            QCOMPARE(e.sha256.size(), 64);
            // What the walk reads, account for account: the checksum over them as the store
            // keeps them (lists as sets).
            Walk walk = fetchAll(make(profiles.at(i)).get());
            QCOMPARE(e.accounts, walk.users.size());
            QVERIFY(e.reportedTotal == -1 || e.reportedTotal == walk.users.size());
            std::sort(walk.users.begin(), walk.users.end(),
                [](const User &a, const User &b) { return a.id.toUtf8() < b.id.toUtf8(); });
            QCryptographicHash hash(QCryptographicHash::Sha256);
            for (const User &u : walk.users) {
                QStringList values {u.id, u.email.toLower()};
                for (Column c : SnapshotStore::fields())
                    values << (c == Column::Roles || c == Column::Groups
                            ? SnapshotStore::setText(u.value(c))
                            : u.value(c));
                hash.addData(SnapshotStore::canonicalRow(values));
            }
            QCOMPARE(e.sha256, QString::fromLatin1(hash.result().toHex()));
        }
        QStringList changed {QStringLiteral("not cleared")};
        QVERIFY(store.verify(id, &changed));
        QVERIFY2(changed.isEmpty(), qPrintable(changed.join(u',')));
    }

    void aFailedProfileIsKeptIncompleteNeverAsNobody()
    {
        SnapshotStore store(newStorePath());
        QVERIFY(store.open());
        const qint64 id = snapshot(store,
            {profile(QStringLiteral("karmo"), QStringLiteral("fine-n200")),
                profile(QStringLiteral("karmo"), QStringLiteral("error-500-later-n900")),
                profile(QStringLiteral("llamacloud"), QStringLiteral("error-403"))});
        QVERIFY(id > 0);
        const SnapshotStore::Snapshot s = *store.snapshot(id);
        QVERIFY(!s.complete());
        QVERIFY(s.profiles.at(0).complete);
        QCOMPARE(s.profiles.at(0).accounts, 200);
        QVERIFY(!s.profiles.at(1).complete);
        QVERIFY2(s.profiles.at(1).error.contains(QLatin1String("500")),
            qPrintable(s.profiles.at(1).error));
        QVERIFY(s.profiles.at(1).accounts > 0); // the first page's, kept as read, marked so
        QVERIFY(!s.profiles.at(2).complete);
        QCOMPARE(s.profiles.at(2).accounts, 0);
        QVERIFY(s.profiles.at(2).error.contains(QLatin1String("403")));
    }

    void aCancelledReviewKeepsNoSnapshot()
    {
        SnapshotStore store(newStorePath());
        QVERIFY(store.open());
        AccessReview::Options options;
        options.writeCsv = false;
        AccessReview review(options);
        review.setStore(&store);
        const Profile p = profile(QStringLiteral("karmo"), QStringLiteral("cancel-n20000"));
        review.setProvider(review.addProfile(p), make(p));
        QSignalSpy finished(&review, &AccessReview::finished);
        connect(&review, &AccessReview::progress, &review, [&] {
            if (review.rows(0) > 0)
                review.cancel();
        });
        review.start();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(review.snapshotId(), 0);
        QVERIFY(store.snapshots()->isEmpty());
        QVERIFY(sql(store.path(), QStringLiteral("SELECT 1"))); // the file is still a database
    }

    void verifyFindsAChangedRow()
    {
        SnapshotStore store(newStorePath());
        QVERIFY(store.open());
        const Profile a = profile(QStringLiteral("karmo"), QStringLiteral("tamper-a-n120"));
        const Profile b = profile(QStringLiteral("csp"), QStringLiteral("tamper-b-n80"));
        const qint64 id = snapshot(store, {a, b});
        QVERIFY(id > 0);
        QStringList changed;
        QVERIFY(store.verify(id, &changed));
        QVERIFY(changed.isEmpty());
        // Someone grants a role in the stored evidence: verify names the profile.
        QVERIFY(sql(store.path(),
            QStringLiteral("UPDATE accounts SET roles = 'Owner' WHERE account_id = (SELECT "
                           "min(account_id) FROM accounts WHERE profile_id = (SELECT max(id) FROM "
                           "profiles))")));
        QVERIFY(store.verify(id, &changed));
        QCOMPARE(changed, QStringList {b.name});
        // A row removed is found as well.
        QVERIFY(sql(store.path(),
            QStringLiteral("DELETE FROM accounts WHERE account_id = (SELECT max(account_id) FROM "
                           "accounts WHERE profile_id = (SELECT min(id) FROM profiles))")));
        QVERIFY(store.verify(id, &changed));
        QCOMPARE(changed, (QStringList {a.name, b.name}));
    }

    void deleteAndDeleteOlderThan()
    {
        SnapshotStore store(newStorePath());
        QVERIFY(store.open());
        const Profile p = profile(QStringLiteral("karmo"), QStringLiteral("keep-n50"));
        const qint64 first = snapshot(store, {p});
        const qint64 second = snapshot(store, {p});
        const qint64 third = snapshot(store, {p});
        QVERIFY(first > 0 && second > first && third > second);
        QVERIFY(store.remove(second));
        QVERIFY(!store.remove(second)); // there is no such snapshot any more
        QVERIFY2(store.error().contains(QString::number(second)), qPrintable(store.error()));
        // The first was taken "40 days ago".
        QVERIFY(sql(store.path(),
            QStringLiteral("UPDATE snapshots SET taken_at = '%1' WHERE id = %2")
                .arg(QDateTime::currentDateTimeUtc().addDays(-40).toString(Qt::ISODateWithMs))
                .arg(first)));
        QCOMPARE(store.removeOlderThan(QDateTime::currentDateTimeUtc().addDays(-30)), 1);
        const QList<SnapshotStore::Snapshot> left = *store.snapshots();
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first().id, third);
        // Their accounts went with them.
        QVERIFY(sql(
            store.path(), QStringLiteral("CREATE TABLE n AS SELECT count(*) AS c FROM accounts")));
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("count"));
        db.setDatabaseName(store.path());
        QVERIFY(db.open());
        QSqlQuery q(QStringLiteral("SELECT c FROM n"), db);
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), 50);
        q = QSqlQuery();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("count"));
    }

    void theFileIsPrivateAndHoldsNoCredential()
    {
        const QString path = m_dir.filePath(QStringLiteral("private/sub/history.sqlite"));
        {
            SnapshotStore store(path);
            QVERIFY(store.open());
            QVERIFY(snapshot(store, {profile(QStringLiteral("karmo"), QStringLiteral("priv-n60"))})
                > 0);
        }
        QCOMPARE(QFile::permissions(path) & ~(QFile::ReadUser | QFile::WriteUser),
            QFile::ReadOwner | QFile::WriteOwner);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains(SandboxServer::demoToken().toUtf8()));
        // A store someone made readable to all is made private again when opened.
        QVERIFY(QFile::setPermissions(path, QFile::permissions(path) | QFile::ReadOther));
        SnapshotStore again(path);
        QVERIFY(again.open());
        QVERIFY(!(QFile::permissions(path) & QFile::ReadOther));
    }

    void aNewerSchemaIsRefusedAndLeftAsItWas()
    {
        const QString path = newStorePath();
        {
            SnapshotStore store(path);
            QVERIFY(store.open());
        }
        QVERIFY(sql(path, QStringLiteral("PRAGMA user_version = 99")));
        SnapshotStore store(path);
        QVERIFY(!store.open());
        QVERIFY2(store.error().contains(QLatin1String("newer")), qPrintable(store.error()));
        QVERIFY(store.error().contains(path));
        QVERIFY(sql(path, QStringLiteral("SELECT count(*) FROM snapshots")));
    }

    void theCommandLineTakesListsVerifiesAndDeletes()
    {
        const QString store = newStorePath();
        const Profile a = profile(QStringLiteral("karmo"), QStringLiteral("cli-a-n150"));
        const Profile b = profile(QStringLiteral("scim"), QStringLiteral("cli-b-n90"));
        const QString profiles = config({a, b});
        Run r = roster({QStringLiteral("snapshot"), QStringLiteral("--config"), profiles,
            QStringLiteral("--store"), store});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("1\n")); // the id alone, for $(roster snapshot)
        QVERIFY2(r.err.contains("Snapshot 1: 240 accounts from 2 profile(s)"), r.err.constData());
        r = roster({QStringLiteral("snapshot"), QStringLiteral("--config"), profiles,
            QStringLiteral("--store"), store, QStringLiteral("--profiles"), b.name,
            QStringLiteral("--quiet")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("2\n"));
        QVERIFY(r.err.isEmpty());

        r = roster({QStringLiteral("snapshots"), QStringLiteral("--store"), store});
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0), QByteArray("id\ttaken_at\taccounts\tcomplete\tprofiles"));
        QVERIFY2(lines.at(1).startsWith("2\t") && lines.at(1).contains("\t90\tyes\t"),
            lines.at(1).constData());
        QVERIFY(lines.at(2).startsWith("1\t") && lines.at(2).contains("\t240\tyes\t"));
        QVERIFY(lines.at(2).endsWith((a.name + QStringLiteral(", ") + b.name).toUtf8()));

        r = roster({QStringLiteral("snapshots"), QStringLiteral("--store"), store,
            QStringLiteral("--verify"), QStringLiteral("1")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.err.contains("verified"));
        QVERIFY(sql(store,
            QStringLiteral("UPDATE accounts SET status = 'active' WHERE "
                           "account_id = (SELECT min(account_id) FROM accounts "
                           "WHERE profile_id = 1) AND status != 'active'")
                + QStringLiteral(" OR account_id = (SELECT min(account_id) FROM "
                                 "accounts WHERE profile_id = 1)")));
        r = roster({QStringLiteral("snapshots"), QStringLiteral("--store"), store,
            QStringLiteral("--verify"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("FAILED verification") && r.err.contains(a.name.toUtf8()),
            r.err.constData());
        QVERIFY(!r.err.contains(b.name.toUtf8()));
        r = roster({QStringLiteral("snapshots"), QStringLiteral("--store"), store,
            QStringLiteral("--verify"), QStringLiteral("7")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("no snapshot 7"));

        r = roster({QStringLiteral("snapshots"), QStringLiteral("--store"), store,
            QStringLiteral("--delete"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 0);
        r = roster({QStringLiteral("snapshots"), QStringLiteral("--store"), store,
            QStringLiteral("--delete"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 2);
        r = roster({QStringLiteral("snapshots"), QStringLiteral("--store"), store,
            QStringLiteral("--delete-older-than"), QStringLiteral("0")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains("Deleted 1 snapshot"), r.err.constData());

        // Usage: one action at a time, ids are numbers.
        r = roster({QStringLiteral("snapshots"), QStringLiteral("--store"), store,
            QStringLiteral("--verify"), QStringLiteral("x")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--verify needs a snapshot id"));
        r = roster({QStringLiteral("snapshots"), QStringLiteral("--store"), store,
            QStringLiteral("--verify"), QStringLiteral("1"), QStringLiteral("--delete"),
            QStringLiteral("2")});
        QCOMPARE(r.exitCode, 2);
    }

    void theCommandLineSaysWhatIsIncompleteAndReviewSaves()
    {
        const QString store = newStorePath();
        const Profile good = profile(QStringLiteral("karmo"), QStringLiteral("cli-ok-n40"));
        const Profile bad = profile(QStringLiteral("csp"), QStringLiteral("error-404"));
        Run r = roster({QStringLiteral("snapshot"), QStringLiteral("--config"), config({good, bad}),
            QStringLiteral("--store"), store});
        QCOMPARE(r.exitCode, 1); // kept, but incomplete
        QCOMPARE(r.out, QByteArray("1\n"));
        QVERIFY2(r.err.contains("INCOMPLETE") && r.err.contains(bad.name.toUtf8())
                && r.err.contains("404"),
            r.err.constData());
        r = roster({QStringLiteral("snapshots"), QStringLiteral("--store"), store});
        QVERIFY2(r.out.contains((bad.name + QStringLiteral(" (incomplete)")).toUtf8())
                && r.out.contains("\t40\tno\t"),
            r.out.constData());

        // review --save: the CSV, and the same read kept as snapshot 2.
        const QString csv = m_dir.filePath(QStringLiteral("review.csv"));
        r = roster({QStringLiteral("review"), QStringLiteral("--config"), config({good}),
            QStringLiteral("--store"), store, QStringLiteral("--save"), QStringLiteral("--output"),
            csv});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("Saved as snapshot 2"), r.err.constData());
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QCOMPARE(bytes.count(good.name.toUtf8()), 40); // the profile column of each row
        // The evidence beside it: which snapshot, from where, and the file's checksum.
        QFile m(SnapshotStore::manifestPath(csv));
        QVERIFY(m.open(QIODevice::ReadOnly));
        const QByteArray manifestBytes = m.readAll();
        const QJsonObject manifest = QJsonDocument::fromJson(manifestBytes).object();
        QCOMPARE(manifest.value(QStringLiteral("snapshot")).toInteger(), 2);
        QCOMPARE(manifest.value(QStringLiteral("generator")).toString(), QStringLiteral("Roster"));
        QVERIFY(!manifest.value(QStringLiteral("rosterVersion")).toString().isEmpty());
        QVERIFY(manifest.value(QStringLiteral("complete")).toBool());
        const QJsonObject file = manifest.value(QStringLiteral("file")).toObject();
        QCOMPARE(file.value(QStringLiteral("name")).toString(), QStringLiteral("review.csv"));
        QCOMPARE(file.value(QStringLiteral("bytes")).toInteger(), bytes.size());
        QCOMPARE(file.value(QStringLiteral("sha256")).toString().toLatin1(),
            QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        const QJsonArray listed = manifest.value(QStringLiteral("profiles")).toArray();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.at(0)[QStringLiteral("organization")].toString(), good.organization);
        QCOMPARE(listed.at(0)[QStringLiteral("accounts")].toInteger(), 40);
        QVERIFY(!manifestBytes.contains(SandboxServer::demoToken().toUtf8()));
        SnapshotStore s(store);
        QVERIFY(s.open());
        QCOMPARE(s.snapshot(2)->accounts(), 40);
        QVERIFY(s.snapshot(2)->complete());
        // A review that fails keeps no snapshot, and the store says so by not listing one.
        r = roster({QStringLiteral("review"), QStringLiteral("--config"), config({good, bad}),
            QStringLiteral("--store"), store, QStringLiteral("--save"), QStringLiteral("--output"),
            csv});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!r.err.contains("Saved as snapshot"));
        QCOMPARE(s.snapshots()->size(), 2);
    }

    // The sandbox's revisions (rev1: leavers, joiners, new emails, statuses, roles, and roles in
    // another order) through two snapshots of every kind: the diff is exactly what a plain
    // comparison of the two walks finds, and an account whose roles only changed order is not in
    // it.
    void aRevisedOrganizationDiffsAsItsWalksCompare()
    {
        SnapshotStore store(newStorePath());
        QVERIFY2(store.open(), qPrintable(store.error()));
        const QList<std::pair<QString, QString>> kinds {
            {QStringLiteral("llamacloud"), QStringLiteral("3fa85f64-hist-n400")},
            {QStringLiteral("karmo"), QStringLiteral("hist-n400")},
            {QStringLiteral("csp"), QStringLiteral("hist-n400")},
            {QStringLiteral("char"), QStringLiteral("dir-hist-n400")},
            {QStringLiteral("scim"), QStringLiteral("hist-n400")}};
        QList<Profile> before;
        QList<Profile> after;
        for (const auto &[kind, org] : kinds) {
            before << profile(kind, org);
            after << profile(
                kind, QString(org).replace(QLatin1String("-n"), QLatin1String("-rev1-n")));
            after.last().name = before.last().name;
        }
        const qint64 from = snapshot(store, before);
        const qint64 to = snapshot(store, after);
        QVERIFY2(from && to, qPrintable(store.error()));
        SnapshotDiff diff(store, from, to);
        QVERIFY2(diff.run(), qPrintable(diff.error()));
        QVERIFY(diff.leftOut().isEmpty());

        QStringList expected;
        QSet<QString> fieldsSeen;
        int reorderedOnly = 0;
        for (int k = 0; k < kinds.size(); ++k) {
            QMap<QString, User> was;
            QMap<QString, User> now;
            for (const User &u : fetchAll(make(before.at(k)).get()).users)
                was.insert(u.id, u);
            for (const User &u : fetchAll(make(after.at(k)).get()).users)
                now.insert(u.id, u);
            QCOMPARE(was.size(), 400);
            QCOMPARE(now.size(), 400);
            const QString name = before.at(k).name;
            int joined = 0;
            int left = 0;
            for (const User &u : now)
                joined += !was.contains(u.id);
            for (const User &u : was)
                left += !now.contains(u.id);
            QCOMPARE(joined, 3);
            QCOMPARE(left, 3);
            const auto cells = [](const User &u, Column c) {
                return c == Column::Roles || c == Column::Groups
                    ? SnapshotStore::setText(u.value(c))
                    : u.value(c);
            };
            for (const User &u : now) {
                if (!was.contains(u.id)) {
                    expected << QStringList {QStringLiteral("joined"), name, u.id}.join(u'|');
                    continue;
                }
                const User &old = was.value(u.id);
                bool changed = false;
                for (Column c : SnapshotStore::fields()) {
                    if (cells(old, c) == cells(u, c))
                        continue;
                    changed = true;
                    fieldsSeen << Columns::key(c);
                    expected << QStringList {QStringLiteral("changed"), name, u.id, Columns::key(c),
                        cells(old, c), cells(u, c)}
                                    .join(u'|');
                }
                if (!changed && old.value(Column::Roles) != u.value(Column::Roles))
                    ++reorderedOnly;
            }
            for (const User &u : was) {
                if (!now.contains(u.id))
                    expected << QStringList {QStringLiteral("left"), name, u.id}.join(u'|');
            }
        }
        QStringList actual;
        for (const SnapshotDiff::Row &r : diff.rows()) {
            QStringList key {SnapshotDiff::changeKey(r.change), r.profile, r.accountId};
            if (r.change == SnapshotDiff::Change::Changed)
                key << r.field << r.before << r.after;
            actual << key.join(u'|');
        }
        expected.sort();
        actual.sort();
        QCOMPARE(actual, expected);
        for (const char *field : {"email", "status", "roles"})
            QVERIFY2(fieldsSeen.contains(QLatin1String(field)), field);
        QVERIFY2(reorderedOnly >= 2, "no account whose roles only changed order");
        QCOMPARE(diff.counts().size(), kinds.size());
        for (const SnapshotDiff::ProfileCounts &c : diff.counts()) {
            QCOMPARE(c.joined, 3);
            QCOMPARE(c.left, 3);
            QVERIFY2(c.changed > 0, qPrintable(c.profile));
        }
    }

    void findAnswersFromTheLatestCompleteSnapshot()
    {
        const QString store = newStorePath();
        const Profile a = profile(QStringLiteral("karmo"), QStringLiteral("hist-a-n120"));
        const Profile b = profile(QStringLiteral("scim"), QStringLiteral("hist-b-n60"));
        const Profile never = profile(QStringLiteral("csp"), QStringLiteral("hist-c-n30"));
        QCOMPARE(roster({QStringLiteral("snapshot"), QStringLiteral("--config"), config({a, b}),
                            QStringLiteral("--store"), store})
                     .exitCode,
            0);
        // The person: the 7th account of profile a, as the store keeps it.
        QString email, id, asOf;
        {
            SnapshotStore s(store);
            QVERIFY(s.open());
            const auto latest = s.latestComplete(a.name);
            QVERIFY(latest);
            asOf = latest->first.takenAt.toString(Qt::ISODate);
            const auto accounts = s.accounts(latest->second.rowId);
            for (int i = 0; i < 7; ++i)
                QVERIFY(accounts->next());
            id = accounts->values().at(0);
            email = SnapshotStore::user(accounts->values()).email;
        }
        QVERIFY(!email.isEmpty());
        const QString profiles = config({a, b, never});
        // Upper case and a +tag: found by the same rules as a live find, with when it was true.
        const QString typed = email.toUpper().replace(QLatin1Char('@'), QStringLiteral("+AUDIT@"));
        m_server.clearRecentRequests();
        Run r = roster({QStringLiteral("find"), typed, QStringLiteral("--from-history"),
            QStringLiteral("--store"), store, QStringLiteral("--config"), profiles,
            QStringLiteral("--profiles"), a.name + QLatin1Char(',') + b.name});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QVERIFY(lines.at(0).trimmed().endsWith(",match,as_of"));
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(1).startsWith((a.name + QStringLiteral(",karmo,") + id).toUtf8()),
            lines.at(1).constData());
        QVERIFY(lines.at(1).trimmed().endsWith(
            (QStringLiteral(",email without +tag,") + asOf).toUtf8()));
        QVERIFY(r.err.contains("from their latest snapshots"));
        // A profile no snapshot holds is named, and the exit status says the answer is partial.
        r = roster({QStringLiteral("find"), email, QStringLiteral("--from-history"),
            QStringLiteral("--store"), store, QStringLiteral("--config"), profiles});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(
                     (QStringLiteral("no complete snapshot holds them: ") + never.name).toUtf8()),
            r.err.constData());
        QCOMPARE(r.out.trimmed().split('\n').size(), 2);
        // No server was asked.
        QVERIFY(m_server.recentRequests().isEmpty());
    }

    void notADatabaseIsNamedNotOverwritten()
    {
        const QString path = newStorePath();
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("these are someone's notes, not a database\n").repeated(200));
        f.close();
        SnapshotStore store(path);
        QVERIFY(!store.open());
        QVERIFY(store.error().contains(path));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().startsWith("these are someone's notes"));
    }
};

QTEST_GUILESS_MAIN(TestSnapshotStore)
#include "tst_snapshotstore.moc"
