// The command line as scripts use it (spec/cli-and-profiles.md): exit codes, messages, output,
// and no credential in any output.
#include "char/charroutes.h"
#include "sandbox/sandboxhost.h"
#include "sandbox/sandboxserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kSecret = QStringLiteral("super-secret-token-7f3a9");

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
} // namespace

class TestCli : public QObject
{
    Q_OBJECT

    SandboxHost m_sandbox;
    QTemporaryDir m_dir;
    QString m_config;

    Run roster(const QStringList &args, int timeoutMs = 120000)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ROSTER_TEST_TOKEN"), kSecret);
        env.remove(QStringLiteral("ROSTER_CONFIG"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("xdg")));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(ROSTER_BINARY), args);
        Run r;
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        // Whatever happened, the secret never shows.
        if (r.out.contains(kSecret.toUtf8()) || r.err.contains(kSecret.toUtf8()))
            r.exitCode = -3;
        return r;
    }

    QJsonObject profile(
        const QString &name, const QString &kind, const QString &path, const QString &org) const
    {
        return QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("kind"), kind},
            {QStringLiteral("baseUrl"), m_sandbox.url(path).toString()},
            {QStringLiteral("organization"), org},
            {QStringLiteral("credential"),
                QJsonObject {{QStringLiteral("env"), QStringLiteral("ROSTER_TEST_TOKEN")}}}};
    }

    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_sandbox.start(0, 25000, 2));
        const QJsonArray profiles {
            profile(QStringLiteral("karmo"), QStringLiteral("karmo"), QStringLiteral("/karmo"),
                QStringLiteral("acme-n321")),
            profile(QStringLiteral("csp"), QStringLiteral("csp"), QString(),
                QStringLiteral("acme-n450")),
            profile(QStringLiteral("char"), QStringLiteral("char"), QStringLiteral("/char"),
                CharRoutes::demoDirectoryId(1) + QStringLiteral("-n30")),
            profile(QStringLiteral("karmo 422"), QStringLiteral("karmo"), QStringLiteral("/karmo"),
                QStringLiteral("error-422")),
            profile(QStringLiteral("karmo later"), QStringLiteral("karmo"),
                QStringLiteral("/karmo"), QStringLiteral("error-500-later-n300")),
            profile(QStringLiteral("csp 404"), QStringLiteral("csp"), QString(),
                QStringLiteral("error-404")),
            profile(QStringLiteral("karmo no cursor"), QStringLiteral("karmo"),
                QStringLiteral("/karmo"), QStringLiteral("null-cursor-n300")),
        };
        m_config = m_dir.filePath(QStringLiteral("profiles.json"));
        QFile f(m_config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(QJsonObject {{QStringLiteral("profiles"), profiles}}).toJson());
    }

    void version()
    {
        const Run r = roster({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QByteArray("roster " ROSTER_VERSION));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown command")
            << QStringList {QStringLiteral("exprot")} << "unknown command \"exprot\"";
        QTest::newRow("no profile") << QStringList {QStringLiteral("export"),
            QStringLiteral("--output"), QStringLiteral("x.csv")}
                                    << "--profile NAME is required";
        QTest::newRow("no output") << QStringList {QStringLiteral("export"),
            QStringLiteral("--profile"), QStringLiteral("karmo")}
                                   << "--output FILE is required";
        QTest::newRow("unknown option")
            << QStringList {QStringLiteral("export"), QStringLiteral("--frobnicate")}
            << "Unknown option 'frobnicate'";
        QTest::newRow("unknown column") << QStringList {QStringLiteral("export"),
            QStringLiteral("--profile"), QStringLiteral("karmo"), QStringLiteral("--output"),
            QStringLiteral("x.csv"), QStringLiteral("--columns"), QStringLiteral("email,nickname")}
                                        << "unknown column key \"nickname\"";
        QTest::newRow("unknown profile") << QStringList {QStringLiteral("export"),
            QStringLiteral("--profile"), QStringLiteral("nope"), QStringLiteral("--output"),
            QStringLiteral("x.csv"), QStringLiteral("--config"), QStringLiteral("CONFIG")}
                                         << "no profile named \"nope\"";
        QTest::newRow("missing config") << QStringList {QStringLiteral("profiles"),
            QStringLiteral("--config"), QStringLiteral("/nonexistent/p.json")}
                                        << "cannot read /nonexistent/p.json";
        QTest::newRow("bad parallel") << QStringList {QStringLiteral("export"),
            QStringLiteral("--profile"), QStringLiteral("karmo"), QStringLiteral("--output"),
            QStringLiteral("x.csv"), QStringLiteral("--parallel"), QStringLiteral("0")}
                                      << "--parallel must be a number from 1 to 16";
        QTest::newRow("sandbox bad port") << QStringList {QStringLiteral("sandbox"),
            QStringLiteral("--port"), QStringLiteral("70000")}
                                          << "--port must be a number from 0 to 65535";
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        args.replaceInStrings(QStringLiteral("CONFIG"), m_config);
        const Run r = roster(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    }

    void badProfilesFileNamesProfileAndField()
    {
        const QString path = m_dir.filePath(QStringLiteral("bad.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"profiles\":[{\"name\":\"Acme\",\"kind\":\"karmo\",\"baseUrl\":\"http://"
                "auth.acme.example\",\"organization\":\"o\",\"credential\":{\"env\":\"X\"}}]}");
        f.close();
        const Run r = roster({QStringLiteral("export"), QStringLiteral("--config"), path,
            QStringLiteral("--profile"), QStringLiteral("Acme"), QStringLiteral("--output"),
            QStringLiteral("x.csv")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(
            r.err.contains(
                "profile \"Acme\": field \"baseUrl\": http:// is allowed only for loopback hosts"),
            r.err.constData());
    }

    void missingCredentialIsAConfigurationError()
    {
        const QString path = m_dir.filePath(QStringLiteral("nocred.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QJsonObject p = profile(QStringLiteral("k"), QStringLiteral("karmo"),
            QStringLiteral("/karmo"), QStringLiteral("o"));
        p.insert(QStringLiteral("credential"),
            QJsonObject {{QStringLiteral("env"), QStringLiteral("ROSTER_UNSET_VARIABLE")}});
        f.write(QJsonDocument(QJsonObject {{QStringLiteral("profiles"), QJsonArray {p}}}).toJson());
        f.close();
        const Run r = roster({QStringLiteral("export"), QStringLiteral("--config"), path,
            QStringLiteral("--profile"), QStringLiteral("k"), QStringLiteral("--output"),
            m_dir.filePath(QStringLiteral("nc.csv"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("ROSTER_UNSET_VARIABLE is not set"), r.err.constData());
    }

    void profilesList()
    {
        const Run r = roster({QStringLiteral("profiles"), QStringLiteral("--config"), m_config});
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 8); // the header and the seven profiles of the fixture
        QCOMPARE(lines[0], QByteArray("name\tkind\tbaseUrl\torganization"));
        QVERIFY(lines[1].startsWith("karmo\tkarmo\thttp://127.0.0.1:"));
        QVERIFY(lines[1].endsWith("/karmo\tacme-n321"));
        const Run demo = roster({QStringLiteral("profiles"), QStringLiteral("--demo")});
        QCOMPARE(demo.exitCode, 0);
        QVERIFY(demo.out.contains("Demo: Karmo (Acme)\tkarmo"));
    }

    void configFromEnvironment()
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ROSTER_CONFIG"), m_config);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(ROSTER_BINARY), {QStringLiteral("profiles")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(p.readAllStandardOutput().contains("karmo later"));
    }

    void exportsToFile_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("rows");
        QTest::newRow("karmo") << "karmo" << 321;
        QTest::newRow("csp") << "csp" << 450;
        QTest::newRow("char") << "char" << 30;
    }

    void exportsToFile()
    {
        QFETCH(QString, name);
        QFETCH(int, rows);
        const QString out = m_dir.filePath(name + QStringLiteral(".csv"));
        const Run r = roster({QStringLiteral("export"), QStringLiteral("--config"), m_config,
            QStringLiteral("--profile"), name, QStringLiteral("--output"), out,
            QStringLiteral("--columns"), QStringLiteral("id,email")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(
            r.err.contains(QStringLiteral("Wrote %1 rows").arg(rows).toUtf8()), r.err.constData());
        const QByteArray csv = read(out);
        QVERIFY(csv.startsWith("id,email\r\n"));
        QCOMPARE(csv.count("\r\n"), rows + 1);
    }

    void exportsToStandardOutput()
    {
        const Run r = roster({QStringLiteral("export"), QStringLiteral("--config"), m_config,
            QStringLiteral("--profile"), QStringLiteral("karmo"), QStringLiteral("--output"),
            QStringLiteral("-"), QStringLiteral("--columns"), QStringLiteral("email"),
            QStringLiteral("--bom"), QStringLiteral("--quiet")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("\xEF\xBB\xBF"
                                 "email\r\n"));
        QCOMPARE(r.out.count("\r\n"), 322);
        QVERIFY(r.err.isEmpty()); // --quiet
    }

    void formulaGuardSwitch()
    {
        const QString guarded = m_dir.filePath(QStringLiteral("guarded.csv"));
        const QString raw = m_dir.filePath(QStringLiteral("raw.csv"));
        const QStringList base {QStringLiteral("export"), QStringLiteral("--config"), m_config,
            QStringLiteral("--profile"), QStringLiteral("karmo"), QStringLiteral("--columns"),
            QStringLiteral("given_name,phone"), QStringLiteral("--quiet")};
        QCOMPARE(roster(base + QStringList {QStringLiteral("--output"), guarded}).exitCode, 0);
        QCOMPARE(roster(base
                     + QStringList {QStringLiteral("--output"), raw,
                         QStringLiteral("--no-formula-guard")})
                     .exitCode,
            0);
        const QByteArray g = read(guarded), r = read(raw);
        QVERIFY(g != r);
        QVERIFY(g.contains(",+614")); // phones are plain numbers: never guarded
        QVERIFY(r.contains(",+614"));
        QVERIFY(!g.contains("\r\n=") && !g.contains("\r\n+P") && !g.contains("\r\n@"));
    }

    void providerErrorExitsOneWithDetails()
    {
        const QString out = m_dir.filePath(QStringLiteral("existing.csv"));
        QFile f(out);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("old,data\r\n");
        f.close();
        const Run r = roster({QStringLiteral("export"), QStringLiteral("--config"), m_config,
            QStringLiteral("--profile"), QStringLiteral("karmo 422"), QStringLiteral("--output"),
            out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(
                     "HTTP 422 UNPROCESSABLE_ENTITY (42200007): Unprocessable organization filter"),
            r.err.constData());
        QVERIFY(r.err.contains("Field error: /email: must be a valid email"));
        QVERIFY(r.err.contains("Request id: sbx-"));
        QCOMPARE(read(out), QByteArray("old,data\r\n"));

        const Run later = roster({QStringLiteral("export"), QStringLiteral("--config"), m_config,
            QStringLiteral("--profile"), QStringLiteral("karmo later"), QStringLiteral("--output"),
            out});
        QCOMPARE(later.exitCode, 1);
        QVERIFY(later.err.contains("HTTP 500"));
        QCOMPARE(read(out), QByteArray("old,data\r\n"));

        const Run csp = roster({QStringLiteral("export"), QStringLiteral("--config"), m_config,
            QStringLiteral("--profile"), QStringLiteral("csp 404"), QStringLiteral("--output"),
            out});
        QCOMPARE(csp.exitCode, 1);
        QVERIFY2(csp.err.contains("HTTP 404 NOT_FOUND (540.120-340.800): Organization not found"),
            csp.err.constData());
        QVERIFY(csp.err.contains("Meta: moduleCode = 540"));

        // "More follows" without a way to ask for it: an error, never a partial file and exit 0.
        const Run noCursor = roster({QStringLiteral("export"), QStringLiteral("--config"), m_config,
            QStringLiteral("--profile"), QStringLiteral("karmo no cursor"),
            QStringLiteral("--output"), out});
        QCOMPARE(noCursor.exitCode, 1);
        QVERIFY2(noCursor.err.contains("gives no \"nextCursor\""), noCursor.err.constData());
        QCOMPARE(read(out), QByteArray("old,data\r\n"));
    }

    void unwritableOutputExitsOneNamingThePath()
    {
        const QString out = m_dir.filePath(QStringLiteral("no-such-folder/users.csv"));
        const Run r = roster({QStringLiteral("export"), QStringLiteral("--config"), m_config,
            QStringLiteral("--profile"), QStringLiteral("karmo"), QStringLiteral("--output"), out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(out.toUtf8()), r.err.constData());
        QVERIFY2(r.err.contains("Local file error") || r.err.contains("Cannot write"),
            r.err.constData());
    }

    void fullDiskOnStandardOutputExitsOne()
    {
        if (!QFile::exists(QStringLiteral("/dev/full")))
            QSKIP("no /dev/full here");
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ROSTER_TEST_TOKEN"), kSecret);
        p.setProcessEnvironment(env);
        p.setStandardOutputFile(QStringLiteral("/dev/full"));
        p.start(QStringLiteral(ROSTER_BINARY),
            {QStringLiteral("export"), QStringLiteral("--config"), m_config,
                QStringLiteral("--profile"), QStringLiteral("karmo"), QStringLiteral("--output"),
                QStringLiteral("-")});
        QVERIFY(p.waitForFinished(60000));
        const QByteArray err = p.readAllStandardError();
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(err.contains("No space left on device"), err.constData());
        QVERIFY(!err.contains(kSecret.toUtf8()));
    }

    void noProfilesFileYetIsNotAnError()
    {
        // A fresh account: the default profiles file does not exist yet.
        const Run r = roster({QStringLiteral("profiles")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QByteArray("name\tkind\tbaseUrl\torganization"));
        QVERIFY2(r.err.contains(
                     QDir::toNativeSeparators(m_dir.filePath(QStringLiteral("xdg"))).toUtf8()),
            r.err.constData());
        QVERIFY(r.err.contains("no profiles yet"));
    }

    void waitsForARateLimitAndSaysSo()
    {
        const Run r = roster({QStringLiteral("export"), QStringLiteral("--demo"),
            QStringLiteral("--profile"), QStringLiteral("Demo quirk: Char, rate-limited once"),
            QStringLiteral("--output"), m_dir.filePath(QStringLiteral("ratelimited.csv"))});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains("the provider asked to wait; trying again in 1.0 s (attempt 2)"),
            r.err.constData());
    }

    void aGrowingOrganizationIsExportedWithANotice()
    {
        const QString out = m_dir.filePath(QStringLiteral("growing.csv"));
        const Run r = roster({QStringLiteral("export"), QStringLiteral("--demo"),
            QStringLiteral("--quiet"), QStringLiteral("--profile"),
            QStringLiteral("Demo quirk: CSP, total grows"), QStringLiteral("--output"), out});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains("The organization changed during the export"), r.err.constData());
        QVERIFY(read(out).startsWith("id,"));
    }

    void standardOutputShowsRowsWhileTheArrayArrives()
    {
        // roster export ... --output - | head: the first rows come out long before the last one.
        QProcess p;
        p.start(QStringLiteral(ROSTER_BINARY),
            {QStringLiteral("export"), QStringLiteral("--demo"), QStringLiteral("--quiet"),
                QStringLiteral("--profile"), QStringLiteral("Demo: LlamaCloud (Acme)"),
                QStringLiteral("--output"), QStringLiteral("-")});
        QByteArray out;
        bool runningWhenRowsCame = false;
        QVERIFY(QTest::qWaitFor(
            [&] {
                out += p.readAllStandardOutput();
                if (out.count('\n') > 100) {
                    runningWhenRowsCame = p.state() == QProcess::Running;
                    return true;
                }
                return p.state() == QProcess::NotRunning;
            },
            60000));
        QVERIFY(p.waitForFinished(120000));
        out += p.readAllStandardOutput();
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(runningWhenRowsCame);
        QCOMPARE(out.count('\n'), 25001); // the header and every member
    }

    void demoExport()
    {
        const Run r = roster({QStringLiteral("export"), QStringLiteral("--demo"),
            QStringLiteral("--profile"), QStringLiteral("Demo error: Char 403"),
            QStringLiteral("--output"), m_dir.filePath(QStringLiteral("demo.csv"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("HTTP 403 FORBIDDEN (ACCESS_DENIED)"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
