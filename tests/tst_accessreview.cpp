// The access review against the sandbox: the file is exactly the per-profile exports with person,
// profile and kind in front; the summary's counts; a failing profile keeps the old file (or is
// left out and named); credentials that come late or never; cancel; an unwritable path.
#include "accessreview.h"
#include "exportjob.h"
#include "sandbox/sandboxdata.h"
#include "testsupport.h"

#include <QBuffer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTemporaryDir>

using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {
// RFC 4180, as CsvWriter writes it: quoted fields may hold commas, quotes and line breaks.
QList<QStringList> parseCsv(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size()
                && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size()
            && text.at(i + 1) == QLatin1Char('\n')) {
            row << field;
            rows << row;
            row.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}
} // namespace

class TestAccessReview : public QObject
{
    Q_OBJECT

    SandboxServer m_server;
    QNetworkAccessManager m_nam;
    QTemporaryDir m_dir;

    Profile profile(const QString &kind, const QString &org)
    {
        return sandboxProfile(m_server, kind, org);
    }

    SharedProvider make(const Profile &p) { return fastProvider(p, &m_nam, 50); }

    static bool run(AccessReview &review)
    {
        QSignalSpy finished(&review, &AccessReview::finished);
        review.start();
        if (finished.isEmpty() && !finished.wait(60000))
            return false;
        return finished.first().first().toBool();
    }

    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("(missing)");
    }

    QString writeOld(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write("the previous review\n");
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server.setLatencyMs(2);
        QVERIFY(m_server.start() != 0);
    }

    // The review is the per-profile walks, row for row, with person, profile and kind in front.
    void fileIsThePerProfileExports()
    {
        const QList<Profile> profiles {
            profile(QStringLiteral("karmo"), QStringLiteral("shared-k-n600")),
            profile(QStringLiteral("scim"), QStringLiteral("shared-s-n500")),
            profile(QStringLiteral("llamacloud"), QStringLiteral("shared-l-n400")),
            profile(QStringLiteral("csp"), QStringLiteral("shared-c-n450"))};
        AccessReview::Options options;
        options.columns
            = {Column::Email, Column::DisplayName, Column::Status, Column::Roles, Column::Groups};
        AccessReview review(options);
        QBuffer expectedBytes;
        QVERIFY(expectedBytes.open(QIODevice::WriteOnly));
        CsvWriter expected(&expectedBytes, {});
        expected.writeRow(AccessReview::header(options.columns));
        QHash<QString, QSet<int>> profilesOf;
        qint64 accounts = 0, noEmail = 0, dormant = 0;
        for (int i = 0; i < profiles.size(); ++i) {
            const Profile &p = profiles.at(i);
            review.setProvider(review.addProfile(p), make(p));
            const Walk walk = fetchAll(make(p).get());
            QVERIFY2(!walk.error.isError(), qPrintable(walk.error.summary()));
            for (const User &u : walk.users) {
                QStringList row {u.email.toLower(), p.name, p.kind};
                for (Column c : options.columns)
                    row << u.value(c);
                expected.writeRow(row);
                ++accounts;
                if (u.email.isEmpty())
                    ++noEmail;
                else
                    profilesOf[u.email.toLower()].insert(i);
                // By hand, not with the function under test: the statuses the sandbox gives
                // these kinds' inactive and pending members.
                const bool notActive = u.status == QLatin1String("inactive")
                    || u.status == QLatin1String("pending") || u.pending;
                dormant += notActive && !u.value(Column::Roles).isEmpty();
            }
        }
        QVERIFY(expected.flush());
        const QString path = m_dir.filePath(QStringLiteral("review.csv"));
        review.setOutputPath(path);
        QVERIFY2(run(review), qPrintable(review.error().summary()));
        QCOMPARE(read(path), expectedBytes.data());

        const AccessReview::Summary &s = review.summary();
        QCOMPARE(s.accounts, accounts);
        QCOMPARE(s.people, qint64(profilesOf.size()));
        const qint64 several = std::count_if(profilesOf.cbegin(), profilesOf.cend(),
            [](const QSet<int> &in) { return in.size() > 1; });
        QCOMPARE(s.inSeveralProfiles, several);
        QVERIFY(several >= 2); // the shared people, in another case or with a +tag in places
        QCOMPARE(s.withoutEmail, noEmail);
        QCOMPARE(s.dormantWithRoles, dormant);
        QVERIFY(dormant > 0);
        QVERIFY(s.leftOut.isEmpty());
        for (int i = 0; i < profiles.size(); ++i)
            QCOMPARE(review.status(i), AccessReview::Status::Done);
    }

    // The review of the demo's five main profiles is their exports, row for row, with person,
    // profile and kind in front; and the demo's shared people are counted once each.
    void demoReviewEqualsThePerProfileExports()
    {
        const qint64 usersBefore = m_server.usersPerOrganization();
        m_server.setUsersPerOrganization(1000);
        QList<Profile> demos;
        for (const Profile &p : SandboxDemo::profiles(m_server.url())) {
            if (p.name.startsWith(QLatin1String("Demo: ")))
                demos << p;
        }
        QCOMPARE(demos.size(), 5);
        AccessReview::Options options;
        options.columns
            = {Column::Email, Column::Id, Column::DisplayName, Column::Status, Column::Roles};
        QList<QStringList> exported;
        for (const Profile &p : demos) {
            QBuffer out;
            QVERIFY(out.open(QIODevice::WriteOnly));
            ExportJob::Options exportOptions;
            exportOptions.columns = options.columns;
            ExportJob job(make(p), exportOptions);
            job.setOutputDevice(&out);
            QSignalSpy done(&job, &ExportJob::finished);
            job.start();
            QVERIFY(done.wait(30000));
            QVERIFY2(done.first().first().toBool(), qPrintable(job.error().summary()));
            const QList<QStringList> rows = parseCsv(out.data());
            for (qsizetype r = 1; r < rows.size(); ++r) // the header aside
                exported << (QStringList {rows.at(r).first().toLower(), p.name, p.kind}
                    + rows.at(r));
        }
        AccessReview review(options);
        for (const Profile &p : demos)
            review.setProvider(review.addProfile(p), make(p));
        QBuffer reviewed;
        QVERIFY(reviewed.open(QIODevice::WriteOnly));
        review.setOutputDevice(&reviewed);
        QVERIFY2(run(review), qPrintable(review.error().summary()));
        m_server.setUsersPerOrganization(usersBefore);
        const QList<QStringList> rows = parseCsv(reviewed.data());
        QCOMPARE(rows.first(), AccessReview::header(options.columns));
        QCOMPARE(rows.mid(1), exported);
        QCOMPARE(review.summary().accounts, 5000);
        QVERIFY(review.summary().inSeveralProfiles >= 3); // the shared people
    }

    void sharedPeopleDifferOnlyInCaseAndTags()
    {
        int shared = 0;
        for (qint64 i = 0; i < 2000; ++i) {
            if (!SandboxData::isShared(QStringLiteral("shared-a-n2000"), i)
                || !SandboxData::isShared(QStringLiteral("shared-b-n2000"), i))
                continue;
            ++shared;
            const QString a = SandboxData::person(QStringLiteral("shared-a-n2000"), i).email;
            const QString b = SandboxData::person(QStringLiteral("shared-b-n2000"), i).email;
            const auto untagged = [](QString e) {
                e = e.toLower();
                const qsizetype plus = e.indexOf(QLatin1Char('+'));
                return plus < 0 ? e : e.left(plus) + e.mid(e.indexOf(QLatin1Char('@')));
            };
            QCOMPARE(untagged(a), untagged(b));
        }
        QVERIFY(shared >= 2);
        QVERIFY(!SandboxData::isShared(QStringLiteral("acme-n2000"), 17)); // tests keep their data
    }

    void failingProfileKeepsTheOldFile()
    {
        const QString path = writeOld(QStringLiteral("kept.csv"));
        AccessReview review({});
        const Profile ok = profile(QStringLiteral("karmo"), QStringLiteral("acme-n300"));
        const Profile broken = profile(QStringLiteral("char"), QStringLiteral("error-403"));
        review.setProvider(review.addProfile(ok), make(ok));
        review.setProvider(review.addProfile(broken), make(broken));
        review.setOutputPath(path);
        QVERIFY(!run(review));
        QCOMPARE(review.status(0), AccessReview::Status::Done);
        QCOMPARE(review.status(1), AccessReview::Status::Failed);
        QCOMPARE(review.error().httpStatus, 403);
        QCOMPARE(read(path), QByteArray("the previous review\n"));
        QCOMPARE(
            QDir(m_dir.path()).entryList({QStringLiteral("kept.csv*")}, QDir::Files).size(), 1);
    }

    void skipFailedNamesWhatWasLeftOut()
    {
        AccessReview::Options options;
        options.skipFailed = true;
        AccessReview review(options);
        const Profile broken = profile(QStringLiteral("csp"), QStringLiteral("error-404"));
        const Profile ok = profile(QStringLiteral("scim"), QStringLiteral("skip-n120"));
        const Profile cut
            = profile(QStringLiteral("karmo"), QStringLiteral("error-500-later-n250"));
        review.setProvider(review.addProfile(broken), make(broken));
        const int noCredential = review.addProfile(ok);
        review.setProvider(review.addProfile(ok), make(ok));
        review.setProvider(review.addProfile(cut), make(cut));
        review.fail(noCredential,
            ProviderError::make(ProviderError::Kind::Authentication, QStringLiteral("no token")));
        const QString path = m_dir.filePath(QStringLiteral("skipped.csv"));
        review.setOutputPath(path);
        QVERIFY2(run(review), qPrintable(review.error().summary()));
        QCOMPARE(review.status(0), AccessReview::Status::Skipped);
        QCOMPARE(review.status(1), AccessReview::Status::Skipped);
        QCOMPARE(review.status(2), AccessReview::Status::Done);
        QCOMPARE(review.status(3), AccessReview::Status::Skipped);
        const QStringList leftOut = review.summary().leftOut;
        QCOMPARE(leftOut.size(), 3);
        QCOMPARE(leftOut.at(0), broken.name);
        QVERIFY2(leftOut.at(2).contains(QStringLiteral("failed after 100 rows")),
            qPrintable(leftOut.at(2)));
        QCOMPARE(review.summary().accounts, 120 + 100);
        QVERIFY(read(path).startsWith("person,profile,kind,"));
    }

    // A provider that comes once its credential is read: the review waits for it, in order.
    void providerThatComesLater()
    {
        AccessReview review({});
        const Profile a = profile(QStringLiteral("karmo"), QStringLiteral("late-a-n50"));
        const Profile b = profile(QStringLiteral("karmo"), QStringLiteral("late-b-n60"));
        const int first = review.addProfile(a);
        review.setProvider(review.addProfile(b), make(b));
        QBuffer out;
        QVERIFY(out.open(QIODevice::WriteOnly));
        review.setOutputDevice(&out);
        QSignalSpy finished(&review, &AccessReview::finished);
        review.start();
        QVERIFY(drain(m_server, m_nam));
        QCOMPARE(finished.size(), 0); // waiting for the first profile's credential
        QCOMPARE(review.rowsWritten(), 0);
        review.setProvider(first, make(a));
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.first().first().toBool());
        QCOMPARE(review.summary().accounts, 110);
        const QList<QByteArray> lines = out.data().split('\n');
        QVERIFY(lines.at(1).contains(a.name.toUtf8())); // the first profile's rows come first
    }

    void cancelKeepsTheOldFile()
    {
        const QString path = writeOld(QStringLiteral("cancelled.csv"));
        AccessReview review({});
        const Profile big = profile(QStringLiteral("karmo"), QStringLiteral("cancel-n20000"));
        review.setProvider(review.addProfile(big), make(big));
        review.setOutputPath(path);
        QSignalSpy finished(&review, &AccessReview::finished);
        review.start();
        QVERIFY(QTest::qWaitFor([&review] { return review.rows(0) > 0; }, 20000));
        review.cancel();
        QCOMPARE(finished.size(), 1);
        QVERIFY(!finished.first().first().toBool());
        QCOMPARE(review.error().kind, ProviderError::Kind::Cancelled);
        QVERIFY(drain(m_server, m_nam));
        QCOMPARE(read(path), QByteArray("the previous review\n"));
    }

    void unwritablePath()
    {
        AccessReview review({});
        review.addProfile(profile(QStringLiteral("karmo"), QStringLiteral("acme-n5")));
        review.setOutputPath(QStringLiteral("/nonexistent/dir/review.csv"));
        QVERIFY(!run(review));
        QCOMPARE(review.error().kind, ProviderError::Kind::LocalFile);
        QVERIFY(review.error().message.contains(QStringLiteral("/nonexistent/dir/review.csv")));
    }

    // Every status word that means not active, or not yet, with and without roles; the expected
    // answers are written out, not computed. A kind lists its own words (SCIM: the "active"
    // boolean, so only "inactive"); a profile without a known kind gets the common words.
    void dormantStatuses_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("status");
        QTest::addColumn<bool>("pending");
        QTest::addColumn<bool>("roles");
        QTest::addColumn<bool>("dormant");
        const struct
        {
            const char *status;
            bool dormant;
        } common[] = {{"inactive", true}, {"suspended", true}, {"deactivated", true},
            {"disabled", true}, {"invited", true}, {"pending", true}, {"Suspended", true},
            {"active", false}, {"", false}, {"linked", false}};
        for (const auto &c : common) {
            QTest::addRow("common: %s, roles", c.status)
                << QString() << QString::fromLatin1(c.status) << false << true << c.dormant;
            QTest::addRow("common: %s, no roles", c.status)
                << QString() << QString::fromLatin1(c.status) << false << false << false;
        }
        QTest::newRow("pending flag, roles") << QString() << u"active"_s << true << true << true;
        QTest::newRow("pending flag, no roles") << QString() << QString() << true << false << false;
        QTest::newRow("scim: inactive") << u"scim"_s << u"inactive"_s << false << true << true;
        QTest::newRow("scim: suspended is not its word")
            << u"scim"_s << u"suspended"_s << false << true << false;
        QTest::newRow("llamacloud: pending")
            << u"llamacloud"_s << u"pending"_s << false << true << true;
        QTest::newRow("char: suspended") << u"char"_s << u"suspended"_s << false << true << true;
        QTest::newRow("char: inactive") << u"char"_s << u"inactive"_s << false << true << true;
        QTest::newRow("char: active") << u"char"_s << u"active"_s << false << true << false;
        QTest::newRow("karmo: the common words")
            << u"karmo"_s << u"deactivated"_s << false << true << true;
    }

    void dormantStatuses()
    {
        QFETCH(QString, kind);
        QFETCH(QString, status);
        QFETCH(bool, pending);
        QFETCH(bool, roles);
        QFETCH(bool, dormant);
        User u;
        u.status = status;
        u.pending = pending;
        if (roles) {
            u.roles.append(Role {});
            u.roles.last().name = u"admin"_s;
        }
        QCOMPARE(AccessReview::isDormantWithRoles(u, kind), dormant);
    }

    void dormantWithRoles()
    {
        User u;
        u.status = QStringLiteral("inactive");
        QVERIFY(!AccessReview::isDormantWithRoles(u)); // no roles
        u.roles.append(Role {});
        u.roles.last().name = QStringLiteral("admin");
        QVERIFY(AccessReview::isDormantWithRoles(u));
        u.status = QStringLiteral("active");
        QVERIFY(!AccessReview::isDormantWithRoles(u));
        u.pending = true;
        QVERIFY(AccessReview::isDormantWithRoles(u));
    }
};

QTEST_GUILESS_MAIN(TestAccessReview)
#include "tst_accessreview.moc"
