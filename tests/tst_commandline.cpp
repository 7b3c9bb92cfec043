// The command line in-process: every flag parsed into the command, every usage error with its
// message and exit code, and the runners reporting through a captured Reporter (tst_cli runs
// the binary itself end to end).
#include "cli/commandline.h"
#include "cli/runners.h"
#include "karmo/karmoroutes.h"
#include "profilestore.h"
#include "sandbox/sandboxdata.h"
#include "scim/scimroutes.h"
#include "testsupport.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>

using namespace TestSupport;
using Cli::Command;

namespace {

QStringList argv(std::initializer_list<const char *> words)
{
    QStringList out {QStringLiteral("roster")};
    for (const char *w : words)
        out << QString::fromUtf8(w);
    return out;
}

// Collects what a runner says.
class CapturingReporter : public Cli::Reporter
{
public:
    QStringList outLines;
    QStringList errLines;
    QBuffer stdoutBuffer;
    bool stdoutWritable = true;

    void out(const QString &line) override { outLines << line; }
    void err(const QString &line) override { errLines << line; }
    bool showsProgress() const override { return false; }
    void progress(const QString &) override { }
    QIODevice *standardOutput() override
    {
        if (!stdoutWritable)
            return nullptr;
        if (!stdoutBuffer.isOpen())
            stdoutBuffer.open(QIODevice::WriteOnly);
        return &stdoutBuffer;
    }
    QString errText() const { return errLines.join(QLatin1Char('\n')); }
};

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    SandboxServer m_server;

    // Saved as a profiles file, with the demo token from a variable (inline tokens are never
    // saved).
    QString writeProfiles(QList<Profile> profiles)
    {
        qputenv("ROSTER_CMDLINE_TEST_TOKEN", SandboxServer::demoToken().toUtf8());
        for (Profile &p : profiles) {
            if (p.credential.type == CredentialSource::Type::Inline)
                p.credential
                    = {CredentialSource::Type::Env, QStringLiteral("ROSTER_CMDLINE_TEST_TOKEN")};
        }
        ProfileStore store;
        store.setProfiles(profiles);
        const QString path = m_dir.filePath(QStringLiteral("profiles.json"));
        QString error;
        [[maybe_unused]] const bool saved = store.save(path, &error);
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server.setLatencyMs(2);
        QVERIFY(m_server.start() != 0);
        qunsetenv("ROSTER_CONFIG");
    }

    void windowVersionAndHelp()
    {
        QCOMPARE(Cli::parse(argv({})).kind, Command::Kind::Window);
        QCOMPARE(Cli::parse(argv({"--demo"})).kind, Command::Kind::Window);
        QCOMPARE(Cli::parse(argv({"--config", "x.json"})).kind, Command::Kind::Window);
        QVERIFY(Cli::opensWindow(QString()));
        QVERIFY(Cli::opensWindow(QStringLiteral("--demo")));
        QVERIFY(!Cli::opensWindow(QStringLiteral("--version")));
        QVERIFY(!Cli::opensWindow(QStringLiteral("export")));
        QCOMPARE(Cli::parse(argv({"--version"})).kind, Command::Kind::Version);
        QCOMPARE(Cli::parse(argv({"-v"})).kind, Command::Kind::Version);
        for (const char *h : {"--help", "-h"}) {
            const Command c = Cli::parse(argv({h}));
            QCOMPARE(c.kind, Command::Kind::Help);
            QCOMPARE(c.exitCode, int(Cli::Ok));
            QVERIFY(c.text.contains(QLatin1String("--parallel N")));
        }
        for (const char *cmd : {"export", "profiles", "sandbox"}) {
            const Command c = Cli::parse(argv({cmd, "--help"}));
            QCOMPARE(c.kind, Command::Kind::Help);
            QVERIFY2(c.text.contains(QLatin1String("--help")), qPrintable(c.text));
        }
    }

    void everyExportFlag()
    {
        const Command c = Cli::parse(argv({"export", "--profile", "Acme", "--output", "-",
            "--columns", "email,id", "--bom", "--no-formula-guard", "--config", "/tmp/p.json",
            "--demo", "--quiet", "--parallel", "7", "--filter", " active eq false "}));
        QCOMPARE(c.kind, Command::Kind::Export);
        QCOMPARE(c.profile, QStringLiteral("Acme"));
        QCOMPARE(c.output, QStringLiteral("-"));
        QCOMPARE(c.exportOptions.columns, (QList<Column> {Column::Email, Column::Id}));
        QVERIFY(c.exportOptions.csv.byteOrderMark);
        QVERIFY(!c.exportOptions.csv.formulaGuard);
        QCOMPARE(c.config, QStringLiteral("/tmp/p.json"));
        QVERIFY(c.demo);
        QVERIFY(c.quiet);
        QCOMPARE(c.exportOptions.maxParallelPages, 7);
        QCOMPARE(c.exportOptions.search, QStringLiteral("active eq false"));

        const Command d = Cli::parse(argv({"export", "--profile", "Acme", "--output", "out.csv"}));
        QCOMPARE(d.exportOptions.columns, Columns::defaults());
        QVERIFY(!d.exportOptions.csv.byteOrderMark);
        QVERIFY(d.exportOptions.csv.formulaGuard);
        QCOMPARE(d.exportOptions.maxParallelPages, 4);
        QVERIFY(!d.demo && !d.quiet && d.config.isEmpty());
    }

    void profilesAndSandboxFlags()
    {
        const Command p = Cli::parse(argv({"profiles", "--config", "a.json", "--demo"}));
        QCOMPARE(p.kind, Command::Kind::Profiles);
        QCOMPARE(p.config, QStringLiteral("a.json"));
        QVERIFY(p.demo);
        const Command s
            = Cli::parse(argv({"sandbox", "--port", "8123", "--users", "99", "--latency", "0"}));
        QCOMPARE(s.kind, Command::Kind::Sandbox);
        QCOMPARE(s.port, quint16(8123));
        QCOMPARE(s.users, 99);
        QCOMPARE(s.latencyMs, 0);
        const Command defaults = Cli::parse(argv({"sandbox"}));
        QCOMPARE(defaults.port, quint16(0));
        QCOMPARE(defaults.users, 25000);
        QCOMPARE(defaults.latencyMs, 60);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown command") << argv({"exprot"}) << "unknown command \"exprot\"";
        QTest::newRow("export: no profile")
            << argv({"export", "--output", "x.csv"}) << "--profile NAME is required";
        QTest::newRow("export: no output")
            << argv({"export", "--profile", "p"}) << "--output FILE is required";
        QTest::newRow("export: empty output")
            << argv({"export", "--profile", "p", "--output", ""}) << "--output FILE is required";
        QTest::newRow("export: unknown option")
            << argv({"export", "--frobnicate"}) << "Unknown option 'frobnicate'";
        QTest::newRow("export: option without value")
            << argv({"export", "--profile"}) << "Missing value after '--profile'";
        QTest::newRow("export: stray argument")
            << argv({"export", "--profile", "p", "--output", "x", "extra"})
            << "unexpected argument \"extra\"";
        QTest::newRow("export: unknown column")
            << argv({"export", "--profile", "p", "--output", "x", "--columns", "email,nickname"})
            << "unknown column key \"nickname\"";
        QTest::newRow("export: parallel 0")
            << argv({"export", "--profile", "p", "--output", "x", "--parallel", "0"})
            << "--parallel must be a number from 1 to 16";
        QTest::newRow("export: parallel 17")
            << argv({"export", "--profile", "p", "--output", "x", "--parallel", "17"})
            << "--parallel must be a number from 1 to 16";
        QTest::newRow("export: parallel word")
            << argv({"export", "--profile", "p", "--output", "x", "--parallel", "many"})
            << "--parallel must be a number from 1 to 16";
        QTest::newRow("export: empty filter")
            << argv({"export", "--profile", "p", "--output", "x", "--filter", " "})
            << "--filter needs an expression or a word";
        QTest::newRow("find: no text") << argv({"find"}) << "give one TEXT to look for";
        QTest::newRow("find: two texts")
            << argv({"find", "ada", "lovelace"}) << "give one TEXT to look for";
        QTest::newRow("find: empty profiles")
            << argv({"find", "ada", "--profiles", ","}) << "--profiles needs at least one";
        QTest::newRow("review: no output") << argv({"review"}) << "--output FILE is required";
        QTest::newRow("review: unknown column")
            << argv({"review", "--output", "x", "--columns", "email,shoe_size"})
            << "unknown column key \"shoe_size\"";
        QTest::newRow("review: stray argument")
            << argv({"review", "--output", "x", "extra"}) << "unexpected argument \"extra\"";
        QTest::newRow("snapshot: stray argument")
            << argv({"snapshot", "extra"}) << "unexpected argument \"extra\"";
        QTest::newRow("snapshot: empty profiles")
            << argv({"snapshot", "--profiles", ","}) << "--profiles needs at least one";
        QTest::newRow("snapshots: id word")
            << argv({"snapshots", "--verify", "last"}) << "--verify needs a snapshot id";
        QTest::newRow("snapshots: id 0")
            << argv({"snapshots", "--delete", "0"}) << "--delete needs a snapshot id";
        QTest::newRow("snapshots: two actions")
            << argv({"snapshots", "--verify", "1", "--delete-older-than", "30"})
            << "give one of --verify, --delete-older-than, not several";
        QTest::newRow("snapshots: days word") << argv({"snapshots", "--delete-older-than", "soon"})
                                              << "--delete-older-than needs a number of days";
        QTest::newRow("diff: three snapshots")
            << argv({"diff", "1", "2", "3"}) << "give at most two snapshots";
        QTest::newRow("diff: empty output")
            << argv({"diff", "--output", ""}) << "--output needs a file name";
        QTest::newRow("profiles: stray argument")
            << argv({"profiles", "extra"}) << "unexpected argument extra";
        QTest::newRow("profiles: unknown option")
            << argv({"profiles", "--nope"}) << "Unknown option 'nope'";
        QTest::newRow("sandbox: port too big")
            << argv({"sandbox", "--port", "70000"}) << "--port must be a number from 0 to 65535";
        QTest::newRow("sandbox: port word")
            << argv({"sandbox", "--port", "http"}) << "--port must be a number from 0 to 65535";
        QTest::newRow("sandbox: negative users")
            << argv({"sandbox", "--users", "-1"}) << "--users must be a number from 0 to 10000000";
        QTest::newRow("sandbox: too many users") << argv({"sandbox", "--users", "10000001"})
                                                 << "--users must be a number from 0 to 10000000";
        QTest::newRow("sandbox: latency too long")
            << argv({"sandbox", "--latency", "60001"})
            << "--latency must be a number of milliseconds from 0 to 60000";
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Command c = Cli::parse(args);
        QCOMPARE(c.kind, Command::Kind::Invalid);
        QCOMPARE(c.exitCode, int(Cli::Usage));
        QVERIFY2(c.text.contains(message), qPrintable(c.text));
    }

    void profilesRunner()
    {
        const QString path = writeProfiles(
            {sandboxProfile(m_server, QStringLiteral("karmo"), QStringLiteral("acme-n5"))});
        CapturingReporter r;
        QCOMPARE(Cli::runProfiles(Cli::parse(argv({"profiles", "--config", qPrintable(path)})), r),
            int(Cli::Ok));
        QCOMPARE(r.outLines.size(), 2);
        QCOMPARE(r.outLines.first(), QStringLiteral("name\tkind\tbaseUrl\torganization"));
        QVERIFY(r.outLines.last().startsWith(QLatin1String("test karmo acme-n5\tkarmo\t")));

        CapturingReporter missing;
        QCOMPARE(Cli::runProfiles(
                     Cli::parse(argv({"profiles", "--config", "/nonexistent/p.json"})), missing),
            int(Cli::Usage));
        QVERIFY2(missing.errText().contains(QLatin1String("cannot read /nonexistent/p.json")),
            qPrintable(missing.errText()));

        CapturingReporter demo;
        QCOMPARE(Cli::runProfiles(Cli::parse(argv({"profiles", "--demo"})), demo), int(Cli::Ok));
        QVERIFY(demo.outLines.size() > 4);
    }

    void exportRunnerToStandardOutput()
    {
        const QString path = writeProfiles(
            {sandboxProfile(m_server, QStringLiteral("karmo"), QStringLiteral("acme-n250"))});
        CapturingReporter r;
        const Command c = Cli::parse(argv({"export", "--config", qPrintable(path), "--profile",
            "test karmo acme-n250", "--output", "-", "--columns", "id,email"}));
        QCOMPARE(Cli::runExport(c, r), int(Cli::Ok));
        const QList<QByteArray> lines = r.stdoutBuffer.data().split('\n');
        QCOMPARE(lines.first(), QByteArray("id,email\r"));
        QCOMPARE(lines.size(), 252); // header, 250 rows, and the empty rest after the last CRLF
        QVERIFY2(r.errText().contains(QLatin1String("Wrote 250 rows to standard output.")),
            qPrintable(r.errText()));
    }

    void exportRunnerExitCodes_data()
    {
        QTest::addColumn<QString>("org");
        QTest::addColumn<QString>("profileName");
        QTest::addColumn<QString>("output");
        QTest::addColumn<bool>("stdoutWritable");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("provider error") << "error-404"
                                        << ""
                                        << "out.csv" << true << int(Cli::Failed) << "failed: ";
        QTest::newRow("no such profile")
            << "acme-n5"
            << "nobody"
            << "out.csv" << true << int(Cli::Usage) << "no profile named \"nobody\"";
        QTest::newRow("folder missing")
            << "acme-n5"
            << ""
            << "/nonexistent/dir/out.csv" << true << int(Cli::Failed) << "/nonexistent/dir/out.csv";
        QTest::newRow("standard output closed")
            << "acme-n5"
            << ""
            << "-" << false << int(Cli::Failed) << "cannot write to standard output";
    }

    void exportRunnerExitCodes()
    {
        QFETCH(QString, org);
        QFETCH(QString, profileName);
        QFETCH(QString, output);
        QFETCH(bool, stdoutWritable);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Profile p = sandboxProfile(m_server, QStringLiteral("karmo"), org);
        const QString path = writeProfiles({p});
        const QString out = output.startsWith(QLatin1Char('/')) || output == QLatin1String("-")
            ? output
            : m_dir.filePath(output);
        CapturingReporter r;
        r.stdoutWritable = stdoutWritable;
        Command c = Cli::parse(argv({"export", "--config", qPrintable(path), "--profile", "x",
            "--output", qPrintable(out)}));
        c.profile = profileName.isEmpty() ? p.name : profileName;
        QCOMPARE(Cli::runExport(c, r), exitCode);
        QVERIFY2(r.errText().contains(message), qPrintable(r.errText()));
    }

    // The issue's own example: exactly the inactive users of the SCIM demo.
    void exportWithServerFilter()
    {
        const QString tenant = QStringLiteral("cli-filter-n400");
        const QString path
            = writeProfiles({sandboxProfile(m_server, QStringLiteral("scim"), tenant)});
        CapturingReporter r;
        const Command c = Cli::parse(argv({"export", "--config", qPrintable(path), "--profile",
            qPrintable(QStringLiteral("test scim ") + tenant), "--output", "-", "--columns",
            "id,status", "--filter", "active eq false"}));
        QCOMPARE(Cli::runExport(c, r), int(Cli::Ok));
        QByteArray expected = "id,status\r\n";
        for (qint64 i = 0; i < 400; ++i) {
            if (!SandboxData::person(tenant, i).active)
                expected += ScimRoutes::userId(tenant, i).toUtf8() + ",inactive\r\n";
        }
        QVERIFY(expected.count('\n') > 10);
        QCOMPARE(r.stdoutBuffer.data(), expected);
    }

    void filterIsAUsageErrorWhereTheServerCannotSearch_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("org");
        QTest::addColumn<QString>("message");
        QTest::newRow("a kind that cannot")
            << "karmo"
            << "acme-n5"
            << "is of kind karmo, which cannot search on the server (kinds that can: scim)";
        QTest::newRow("a SCIM server that cannot") << "scim"
                                                   << "nofilter-n5"
                                                   << "filter.supported is false";
    }

    void filterIsAUsageErrorWhereTheServerCannotSearch()
    {
        QFETCH(QString, kind);
        QFETCH(QString, org);
        QFETCH(QString, message);
        const Profile p = sandboxProfile(m_server, kind, org);
        const QString path = writeProfiles({p});
        const QString out = m_dir.filePath(QStringLiteral("filtered.csv"));
        CapturingReporter r;
        const Command c = Cli::parse(argv({"export", "--config", qPrintable(path), "--profile",
            qPrintable(p.name), "--output", qPrintable(out), "--filter", "smith"}));
        QCOMPARE(Cli::runExport(c, r), int(Cli::Usage));
        QVERIFY2(r.errText().contains(message), qPrintable(r.errText()));
        QVERIFY(!QFile::exists(out));
    }

    // `--filter 'userName zz 1'`: refused (exit 2) with the operators, before any request.
    void aBrokenFilterIsAUsageError()
    {
        const Profile p
            = sandboxProfile(m_server, QStringLiteral("scim"), QStringLiteral("bad-n5"));
        const QString path = writeProfiles({p});
        const QString out = m_dir.filePath(QStringLiteral("broken-filter.csv"));
        const int before = m_server.requestCount();
        CapturingReporter r;
        const Command c = Cli::parse(argv({"export", "--config", qPrintable(path), "--profile",
            qPrintable(p.name), "--output", qPrintable(out), "--filter", "userName zz 1"}));
        QCOMPARE(Cli::runExport(c, r), int(Cli::Usage));
        QVERIFY2(r.errText().contains(QStringLiteral("\"zz\" is not a filter operator")),
            qPrintable(r.errText()));
        QVERIFY(r.errText().contains(QStringLiteral("eq, ne, co, sw, ew, gt, ge, lt, le, pr")));
        QVERIFY(!QFile::exists(out));
        QCOMPARE(m_server.requestCount(), before);
    }

    void findFlags()
    {
        const Command c = Cli::parse(argv({"find", " Ada@Example.com ", "--profiles", "A, B ,",
            "--exact", "--output", "out.csv", "--demo", "--quiet"}));
        QCOMPARE(c.kind, Command::Kind::Find);
        QCOMPARE(c.findText, QStringLiteral("Ada@Example.com"));
        QCOMPARE(c.profileNames, (QStringList {QStringLiteral("A"), QStringLiteral("B")}));
        QVERIFY(c.exact && c.demo && c.quiet);
        QCOMPARE(c.output, QStringLiteral("out.csv"));
        const Command d = Cli::parse(argv({"find", "ada"}));
        QCOMPARE(d.output, QStringLiteral("-"));
        QVERIFY(d.profileNames.isEmpty() && !d.exact);
    }

    // One person in three profiles: found in one, not in another, and a third that fails: its
    // failure is named and the exit status is 1, but the rows found are all written.
    void findRunner()
    {
        const QString org = QStringLiteral("cli-find-n200");
        const Profile karmo = sandboxProfile(m_server, QStringLiteral("karmo"), org);
        const Profile scim = sandboxProfile(
            m_server, QStringLiteral("scim"), QStringLiteral("cli-find-scim-n100"));
        const Profile broken
            = sandboxProfile(m_server, QStringLiteral("csp"), QStringLiteral("error-404"));
        const QString path = writeProfiles({karmo, scim, broken});
        const SandboxPerson p = SandboxData::person(org, 9);
        CapturingReporter r;
        Command c = Cli::parse(
            argv({"find", qPrintable(p.email.toUpper()), "--config", qPrintable(path)}));
        QCOMPARE(Cli::runFind(c, r), int(Cli::Failed));
        const QList<QByteArray> lines = r.stdoutBuffer.data().split('\n');
        QCOMPARE(lines.first(),
            QByteArray("profile,kind,id,user_id,email,given_name,family_name,"
                       "display_name,phone,status,roles,created_at,updated_at,match\r"));
        QCOMPARE(lines.size(), 3); // the header, one account, and the rest after the last CRLF
        QVERIFY(lines.at(1).startsWith(
            (karmo.name + QStringLiteral(",karmo,") + KarmoRoutes::userId(org, 9)).toUtf8()));
        QVERIFY(lines.at(1).endsWith(",email\r"));
        QVERIFY2(r.errText().contains(
                     QStringLiteral("profile \"%1\" failed: HTTP 404").arg(broken.name)),
            qPrintable(r.errText()));
        QVERIFY(
            r.errText().contains(QStringLiteral("Not found in 1 profile(s): %1").arg(scim.name)));

        CapturingReporter ok;
        c = Cli::parse(
            argv({"find", qPrintable(p.email), "--config", qPrintable(path), "--profiles",
                qPrintable(karmo.name + QLatin1Char(',') + scim.name), "--exact", "--quiet"}));
        QCOMPARE(Cli::runFind(c, ok), int(Cli::Ok));
        QCOMPARE(ok.stdoutBuffer.data().count('\n'), 2);
        QVERIFY(ok.errText().isEmpty());

        CapturingReporter unknown;
        c = Cli::parse(argv({"find", "x", "--config", qPrintable(path), "--profiles", "nobody"}));
        QCOMPARE(Cli::runFind(c, unknown), int(Cli::Usage));
        QVERIFY(unknown.errText().contains(QStringLiteral("no profile named \"nobody\"")));
    }

    void reviewFlags()
    {
        const Command c = Cli::parse(argv({"review", "--output", "r.csv", "--profiles", "A,B",
            "--columns", "email,roles", "--skip-failed", "--demo", "--quiet"}));
        QCOMPARE(c.kind, Command::Kind::Review);
        QCOMPARE(c.output, QStringLiteral("r.csv"));
        QCOMPARE(c.profileNames, (QStringList {QStringLiteral("A"), QStringLiteral("B")}));
        QCOMPARE(c.exportOptions.columns, (QList<Column> {Column::Email, Column::Roles}));
        QVERIFY(c.skipFailed && c.demo && c.quiet);
        const Command d = Cli::parse(argv({"review", "--output", "-"}));
        QCOMPARE(d.exportOptions.columns, Columns::defaults());
        QVERIFY(!d.skipFailed && !d.save);
        const Command saved
            = Cli::parse(argv({"review", "--output", "-", "--save", "--store", "h.sqlite"}));
        QVERIFY(saved.save);
        QCOMPARE(saved.store, QStringLiteral("h.sqlite"));
    }

    void historyFlags()
    {
        const Command snap = Cli::parse(argv({"snapshot", "--profiles", "A", "--store", "s"}));
        QCOMPARE(snap.kind, Command::Kind::Snapshot);
        QCOMPARE(snap.profileNames, QStringList {QStringLiteral("A")});
        QCOMPARE(snap.store, QStringLiteral("s"));
        const Command list = Cli::parse(argv({"snapshots"}));
        QCOMPARE(list.kind, Command::Kind::Snapshots);
        QCOMPARE(list.snapshotsAction, Command::SnapshotsAction::List);
        QVERIFY(list.store.isEmpty()); // $ROSTER_STORE or the default place
        const Command verify = Cli::parse(argv({"snapshots", "--verify", "12"}));
        QCOMPARE(verify.snapshotsAction, Command::SnapshotsAction::Verify);
        QCOMPARE(verify.snapshotId, 12);
        const Command old = Cli::parse(argv({"snapshots", "--delete-older-than", "400"}));
        QCOMPARE(old.snapshotsAction, Command::SnapshotsAction::DeleteOlderThan);
        QCOMPARE(old.days, 400);
        const Command diff = Cli::parse(argv({"diff"}));
        QCOMPARE(diff.kind, Command::Kind::Diff);
        QCOMPARE(diff.diffFrom, QStringLiteral("previous"));
        QCOMPARE(diff.diffTo, QStringLiteral("latest"));
        QCOMPARE(diff.output, QStringLiteral("-"));
        const Command since = Cli::parse(
            argv({"diff", "2026-09-30", "--profiles", "A,B", "--skip-incomplete", "-o", "d.csv"}));
        QCOMPARE(since.kind, Command::Kind::Invalid); // no -o: --output only
        const Command range = Cli::parse(
            argv({"diff", "2026-09-30", "latest", "--skip-incomplete", "--output", "d.csv"}));
        QCOMPARE(range.diffFrom, QStringLiteral("2026-09-30"));
        QCOMPARE(range.diffTo, QStringLiteral("latest"));
        QVERIFY(range.skipIncomplete);
        QCOMPARE(range.output, QStringLiteral("d.csv"));
    }

    void reviewRunner()
    {
        const Profile a = sandboxProfile(
            m_server, QStringLiteral("karmo"), QStringLiteral("shared-cli-a-n300"));
        const Profile b
            = sandboxProfile(m_server, QStringLiteral("scim"), QStringLiteral("shared-cli-b-n200"));
        const Profile broken
            = sandboxProfile(m_server, QStringLiteral("csp"), QStringLiteral("error-403"));
        const QString path = writeProfiles({a, b, broken});
        const QString out = m_dir.filePath(QStringLiteral("review.csv"));
        {
            QFile old(out);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("old review\n");
        }
        CapturingReporter failed;
        QCOMPARE(Cli::runReview(Cli::parse(argv({"review", "--config", qPrintable(path), "--output",
                                    qPrintable(out)})),
                     failed),
            int(Cli::Failed));
        QVERIFY2(failed.errText().contains(
                     QStringLiteral("profile \"%1\" failed: HTTP 403").arg(broken.name)),
            qPrintable(failed.errText()));
        QFile kept(out);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("old review\n"));
        kept.close();

        CapturingReporter skipped;
        QCOMPARE(Cli::runReview(Cli::parse(argv({"review", "--config", qPrintable(path), "--output",
                                    "-", "--skip-failed", "--columns", "email"})),
                     skipped),
            int(Cli::Ok));
        const QList<QByteArray> lines = skipped.stdoutBuffer.data().split('\n');
        QCOMPARE(lines.first(), QByteArray("person,profile,kind,email\r"));
        QCOMPARE(lines.size(), 1 + 300 + 200 + 1);
        QVERIFY2(skipped.errText().contains(QStringLiteral("Wrote 500 accounts of")),
            qPrintable(skipped.errText()));
        QVERIFY(skipped.errText().contains(
            QStringLiteral("INCOMPLETE, left out: %1").arg(broken.name)));

        CapturingReporter quiet;
        QCOMPARE(Cli::runReview(Cli::parse(argv({"review", "--config", qPrintable(path), "--output",
                                    qPrintable(out), "--profiles", qPrintable(a.name), "--quiet"})),
                     quiet),
            int(Cli::Ok));
        QVERIFY(quiet.errText().isEmpty());
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QVERIFY(kept.readAll().startsWith("person,profile,kind,id,"));
    }

    void aMissingCredentialIsAUsageError()
    {
        Profile p = sandboxProfile(m_server, QStringLiteral("karmo"), QStringLiteral("acme-n5"));
        p.credential = {CredentialSource::Type::Env, QStringLiteral("ROSTER_TEST_NO_SUCH_TOKEN")};
        qunsetenv("ROSTER_TEST_NO_SUCH_TOKEN");
        const QString path = writeProfiles({p});
        CapturingReporter r;
        const Command c = Cli::parse(argv({"export", "--config", qPrintable(path), "--profile",
            qPrintable(p.name), "--output", "-"}));
        QCOMPARE(Cli::runExport(c, r), int(Cli::Usage));
        QVERIFY2(r.errText().contains(QLatin1String("ROSTER_TEST_NO_SUCH_TOKEN")),
            qPrintable(r.errText()));
        QVERIFY(r.stdoutBuffer.data().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
