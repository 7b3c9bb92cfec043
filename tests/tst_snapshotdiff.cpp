// What changed between two snapshots (issue #25): joiners, leavers, one row per changed field,
// roles compared as sets (an account whose only change is its roles' order is unchanged), rows
// sorted by profile, change, person and field; profiles incomplete in either snapshot or in one
// only are left out and named; `roster diff` resolves ids, latest, previous and dates, writes the
// CSV, and exits 1 for a left-out profile (0 with --skip-incomplete) and 2 for usage.
#include "profile.h"
#include "snapshotdiff.h"
#include "snapshotstore.h"
#include "user.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
User user(const QString &id, const QString &email, const QString &status, const QStringList &roles,
    const QString &given = QStringLiteral("Ada"))
{
    User u;
    u.id = id;
    u.email = email;
    u.status = status;
    u.givenName = given;
    u.familyName = QStringLiteral("Lovelace");
    u.displayName = User::joinNames(u.givenName, u.familyName);
    for (const QString &r : roles) {
        Role role;
        role.name = r;
        u.roles << role;
    }
    return u;
}

Profile profile(const QString &name, const QString &kind = QStringLiteral("karmo"))
{
    Profile p;
    p.name = name;
    p.kind = kind;
    p.baseUrl = QUrl(QStringLiteral("https://%1.example.com/api").arg(kind));
    p.organization = QStringLiteral("org-") + name;
    return p;
}

struct Part
{
    Profile profile;
    QList<User> users;
    bool complete = true;
};
} // namespace

class TestSnapshotDiff : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_stores = 0;

    // A snapshot of `parts` written as a review writes one, taken at `when`.
    static qint64 store(SnapshotStore &s, const QList<Part> &parts, const QDateTime &when)
    {
        const qint64 id = s.createSnapshot(when, QStringLiteral("test"));
        for (int i = 0; id && i < parts.size(); ++i) {
            const qint64 row = s.addProfile(id, i, parts.at(i).profile);
            if (!row || !s.addAccounts(row, parts.at(i).users)
                || !s.finishProfile(row, parts.at(i).users.size(), parts.at(i).complete,
                    parts.at(i).complete ? QString() : QStringLiteral("HTTP 503")))
                return 0;
        }
        return id;
    }

    static QList<QStringList> csvRows(const SnapshotDiff &diff)
    {
        QList<QStringList> rows;
        for (const SnapshotDiff::Row &r : diff.rows())
            rows << SnapshotDiff::csvRow(r);
        return rows;
    }

    QString newStore() { return m_dir.filePath(QStringLiteral("s%1.sqlite").arg(++m_stores)); }

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    static Run roster(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(ROSTER_BINARY), args);
        Run r;
        if (!p.waitForFinished(60000))
            return r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void joinersLeaversAndChangedFields()
    {
        SnapshotStore s(newStore());
        QVERIFY(s.open());
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addDays(-90);
        const Profile acme = profile(QStringLiteral("Acme"));
        const Profile beta = profile(QStringLiteral("Beta"), QStringLiteral("scim"));
        const qint64 before = store(s,
            {{acme,
                 {user(QStringLiteral("u1"), QStringLiteral("same@x.test"),
                      QStringLiteral("active"), {QStringLiteral("viewer")}),
                     user(QStringLiteral("u2"), QStringLiteral("Role@X.test"),
                         QStringLiteral("active"), {QStringLiteral("a"), QStringLiteral("b")}),
                     user(QStringLiteral("u3"), QStringLiteral("order@x.test"),
                         QStringLiteral("active"), {QStringLiteral("b"), QStringLiteral("a")}),
                     user(QStringLiteral("u4"), QStringLiteral("old@x.test"),
                         QStringLiteral("active"), {}),
                     user(QStringLiteral("u5"), QStringLiteral("leaver@x.test"),
                         QStringLiteral("active"), {QStringLiteral("admin")})}},
                {beta,
                    {user(QStringLiteral("b1"), QStringLiteral("zed@x.test"),
                        QStringLiteral("active"), {})}}},
            t0);
        const qint64 after = store(s,
            {{acme,
                 {user(QStringLiteral("u1"), QStringLiteral("same@x.test"),
                      QStringLiteral("active"), {QStringLiteral("viewer")}),
                     user(QStringLiteral("u2"), QStringLiteral("Role@X.test"),
                         QStringLiteral("active"), {QStringLiteral("a"), QStringLiteral("c")}),
                     user(QStringLiteral("u3"), QStringLiteral("order@x.test"),
                         QStringLiteral("active"), {QStringLiteral("a"), QStringLiteral("b")}),
                     user(QStringLiteral("u4"), QStringLiteral("new@x.test"),
                         QStringLiteral("suspended"), {}, QStringLiteral("Augusta")),
                     user(QStringLiteral("u7"), QStringLiteral("joiner@x.test"),
                         QStringLiteral("invited"), {QStringLiteral("viewer")})}},
                {beta,
                    {user(QStringLiteral("b1"), QStringLiteral("zed@x.test"),
                        QStringLiteral("active"), {})}}},
            t0.addDays(90));
        QVERIFY(before && after);
        SnapshotDiff diff(s, before, after);
        QVERIFY2(diff.run(), qPrintable(diff.error()));
        const auto row = [](const char *change, const char *person, const char *account,
                             const char *field = "", const char *was = "", const char *is = "") {
            return QStringList {QString::fromLatin1(change), QString::fromLatin1(person),
                QStringLiteral("Acme"), QStringLiteral("karmo"), QString::fromLatin1(account),
                QString::fromLatin1(field), QString::fromLatin1(was), QString::fromLatin1(is)};
        };
        const QList<QStringList> expected {
            row("changed", "new@x.test", "u4", "display_name", "Ada Lovelace", "Augusta Lovelace"),
            row("changed", "new@x.test", "u4", "email", "old@x.test", "new@x.test"),
            row("changed", "new@x.test", "u4", "given_name", "Ada", "Augusta"),
            row("changed", "new@x.test", "u4", "status", "active", "suspended"),
            row("changed", "role@x.test", "u2", "roles", "a;b", "a;c"),
            row("joined", "joiner@x.test", "u7"),
            row("left", "leaver@x.test", "u5"),
        };
        QCOMPARE(csvRows(diff), expected);
        QCOMPARE(diff.counts().size(), 2);
        QCOMPARE(diff.counts().at(0).profile, QStringLiteral("Acme"));
        QCOMPARE(diff.counts().at(0).joined, 1);
        QCOMPARE(diff.counts().at(0).left, 1);
        QCOMPARE(diff.counts().at(0).changed, 2); // u2 and u4; u3's roles only changed order
        QCOMPARE(
            diff.counts().at(1).joined + diff.counts().at(1).left + diff.counts().at(1).changed, 0);
        QVERIFY(diff.leftOut().isEmpty());
        // The other way round, joiners are leavers.
        SnapshotDiff back(s, after, before, {QStringLiteral("Acme")});
        QVERIFY(back.run());
        QCOMPARE(back.counts().size(), 1);
        QCOMPARE(back.rows().at(back.rows().size() - 2).change, SnapshotDiff::Change::Joined);
        QCOMPARE(back.rows().at(back.rows().size() - 2).accountId, QStringLiteral("u5"));
        QCOMPARE(back.rows().last().accountId, QStringLiteral("u7"));
    }

    void incompleteOrMissingProfilesAreLeftOut()
    {
        SnapshotStore s(newStore());
        QVERIFY(s.open());
        const QDateTime t = QDateTime::currentDateTimeUtc();
        const User u
            = user(QStringLiteral("1"), QStringLiteral("a@x.test"), QStringLiteral("active"), {});
        const qint64 a = store(s,
            {{profile(QStringLiteral("Ok")), {u}}, {profile(QStringLiteral("Flaky")), {u}},
                {profile(QStringLiteral("Gone")), {u}}},
            t.addSecs(-60));
        // Flaky failed halfway: its missing account did not leave.
        const qint64 b = store(s,
            {{profile(QStringLiteral("Ok")), {u}}, {profile(QStringLiteral("Flaky")), {}, false},
                {profile(QStringLiteral("New")), {u}}},
            t);
        SnapshotDiff diff(s, a, b);
        QVERIFY(diff.run());
        QVERIFY(diff.rows().isEmpty());
        QCOMPARE(diff.counts().size(), 1);
        QCOMPARE(diff.leftOut(),
            (QStringList {QStringLiteral("Flaky (incomplete in snapshot %1)").arg(b),
                QStringLiteral("Gone (only in snapshot %1)").arg(a),
                QStringLiteral("New (only in snapshot %1)").arg(b)}));
    }

    void theCommandLineNamesSnapshotsAndExits()
    {
        const QString path = newStore();
        {
            SnapshotStore s(path);
            QVERIFY(s.open());
            const QDateTime day(QDate(2026, 9, 30), QTime(23, 59), Qt::UTC);
            const Profile p = profile(QStringLiteral("Acme"));
            const User stays = user(QStringLiteral("1"), QStringLiteral("a@x.test"),
                QStringLiteral("active"), {QStringLiteral("=cmd")});
            QCOMPARE(store(s, {{p, {stays}}}, day), 1);
            QCOMPARE(store(s,
                         {{p,
                             {stays,
                                 user(QStringLiteral("2"), QStringLiteral("b@x.test"),
                                     QStringLiteral("active"), {})}}},
                         day.addDays(30)),
                2);
            QCOMPARE(store(s, {{p, {stays}}, {profile(QStringLiteral("Beta")), {}, false}},
                         day.addDays(60)),
                3);
        }
        // Default: previous to latest (2 → 3): 2 left; Beta is only in 3 → left out, exit 1.
        Run r = roster({QStringLiteral("diff"), QStringLiteral("--store"), path});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out,
            QByteArray("change,person,profile,kind,account_id,field,before,after\r\n"
                       "left,b@x.test,Acme,karmo,2,,,\r\n"));
        QVERIFY2(r.err.contains("From snapshot 2 to snapshot 3")
                && r.err.contains("Acme: 0 joined, 1 left, 0 changed")
                && r.err.contains("left out: Beta (only in snapshot 3)"),
            r.err.constData());
        r = roster({QStringLiteral("diff"), QStringLiteral("--store"), path,
            QStringLiteral("--skip-incomplete"), QStringLiteral("--quiet")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.contains("left out")); // said even with --quiet
        // A date: the last snapshot on or before that day (1 on 30 September); to a file.
        const QString out = m_dir.filePath(QStringLiteral("diff.csv"));
        r = roster({QStringLiteral("diff"), QStringLiteral("2026-10-01"), QStringLiteral("2"),
            QStringLiteral("--store"), path, QStringLiteral("--output"), out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().endsWith("joined,b@x.test,Acme,karmo,2,,,\r\n"));
        QVERIFY(r.err.contains("From snapshot 1 to snapshot 2"));
        // Usage: the same snapshot twice, an unknown one, a date before any, a word.
        for (const QStringList &args : {QStringList {QStringLiteral("1"), QStringLiteral("1")},
                 QStringList {QStringLiteral("9")}, QStringList {QStringLiteral("2020-01-01")},
                 QStringList {QStringLiteral("yesterday")},
                 QStringList {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}}) {
            r = roster(
                QStringList {QStringLiteral("diff"), QStringLiteral("--store"), path} + args);
            QVERIFY2(r.exitCode == 2,
                qPrintable(args.join(u' ') + QLatin1Char(' ') + QString::fromUtf8(r.err)));
            QVERIFY(r.out.isEmpty());
        }
        r = roster({QStringLiteral("diff"), QStringLiteral("--store"), path,
            QStringLiteral("--profiles"), QStringLiteral("Nobody")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("no profile named \"Nobody\""));
        // One snapshot only: there is no previous.
        const QString single = newStore();
        {
            SnapshotStore s(single);
            QVERIFY(s.open());
            QVERIFY(
                store(s, {{profile(QStringLiteral("Acme")), {}}}, QDateTime::currentDateTimeUtc()));
        }
        r = roster({QStringLiteral("diff"), QStringLiteral("--store"), single});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("no \"previous\" one"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestSnapshotDiff)
#include "tst_snapshotdiff.moc"
