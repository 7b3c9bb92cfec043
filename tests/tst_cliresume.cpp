// `roster export --resume` as a script and an administrator use it (issue #26): killed at a random
// point (SIGKILL: no chance to clean up) and resumed, many times, the file always equals the
// export that never stopped and no page before the checkpoint is asked again; Ctrl+C and SIGTERM
// stop with a current checkpoint and end by their signal; every refusal exits 2 saying why.
// ROSTER_RESUME_RUNS raises the number of killed exports (default 6 per kind).
#include "sandbox/sandboxhost.h"
#include "sandbox/sandboxserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <csignal>

namespace {
const QString kSecret = QStringLiteral("resume-secret-token-5c1d");

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

QJsonObject checkpoint(const QString &file)
{
    return QJsonDocument::fromJson(readFile(file + QStringLiteral(".partial.json"))).object();
}

// The first item a page request asks for: Karmo's cursor, or CSP's pageStart.
qint64 requestedOffset(const SandboxRequest &r)
{
    const QString after = r.query.queryItemValue(QStringLiteral("after"));
    if (!after.isEmpty()) {
        const QByteArray raw
            = QByteArray::fromBase64(after.toLatin1(), QByteArray::Base64UrlEncoding);
        return raw.mid(raw.indexOf(':') + 1).toLongLong();
    }
    if (r.query.hasQueryItem(QStringLiteral("pageStart")))
        return r.query.queryItemValue(QStringLiteral("pageStart")).toLongLong() - 1;
    return 0;
}
} // namespace

class TestCliResume : public QObject
{
    Q_OBJECT

    SandboxHost m_sandbox;
    QTemporaryDir m_dir;
    QString m_config;

    // ROSTER_SLOW_SYNC_MS > 0: the process runs on a disk that takes that long per fsync.
    void startRoster(QProcess *p, const QStringList &args, int slowSyncMs = 0)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ROSTER_TEST_TOKEN"), kSecret);
        env.remove(QStringLiteral("ROSTER_CONFIG"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("xdg")));
        if (slowSyncMs > 0) {
            env.insert(QStringLiteral("LD_PRELOAD"), QStringLiteral(ROSTER_SLOWSYNC));
            env.insert(QStringLiteral("ROSTER_SLOW_SYNC_MS"), QString::number(slowSyncMs));
            // GCC's AddressSanitizer (the asan preset) wants its runtime first; the helper
            // intercepts nothing it does.
            const QString asan = env.value(QStringLiteral("ASAN_OPTIONS"));
            env.insert(QStringLiteral("ASAN_OPTIONS"),
                (asan.isEmpty() ? QString() : asan + QLatin1Char(':'))
                    + QStringLiteral("verify_asan_link_order=0"));
        }
        p->setProcessEnvironment(env);
        p->start(QStringLiteral(ROSTER_BINARY),
            QStringList {QStringLiteral("export"), QStringLiteral("--config"), m_config} + args);
        QVERIFY(p->waitForStarted());
    }

    // Runs to the end: the exit code (-2 killed by a signal), and standard error.
    int roster(const QStringList &args, QByteArray *err = nullptr, int slowSyncMs = 0)
    {
        QProcess p;
        startRoster(&p, args, slowSyncMs);
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            return -1;
        }
        const QByteArray e = p.readAllStandardError();
        if (err)
            *err = e;
        if (e.contains(kSecret.toUtf8()) || p.readAllStandardOutput().contains(kSecret.toUtf8()))
            return -3;
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    }

    static QStringList exportArgs(const QString &profile, const QString &out)
    {
        return {QStringLiteral("--profile"), profile, QStringLiteral("--output"), out,
            QStringLiteral("--quiet"), QStringLiteral("--parallel"), QStringLiteral("4")};
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

    // No request of the run that just ended asked for an item before `from`.
    bool nothingBefore(qint64 from, QString *which)
    {
        for (const SandboxRequest &r : m_sandbox.server()->recentRequests()) {
            if (r.path.endsWith(QLatin1String("/users")) && requestedOffset(r) < from) {
                *which = r.url.toString();
                return false;
            }
        }
        return true;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_sandbox.start(0, 25000, 15));
        const QJsonArray profiles {
            profile(QStringLiteral("karmo"), QStringLiteral("karmo"), QStringLiteral("/karmo"),
                QStringLiteral("kill-n4000")),
            profile(QStringLiteral("csp"), QStringLiteral("csp"), QString(),
                QStringLiteral("kill-n12000")),
            profile(QStringLiteral("llamacloud"), QStringLiteral("llamacloud"),
                QStringLiteral("/llamacloud"), QStringLiteral("3fa85f64-n3000")),
            profile(QStringLiteral("karmo later"), QStringLiteral("karmo"),
                QStringLiteral("/karmo"), QStringLiteral("error-500-later-n900")),
        };
        m_config = m_dir.filePath(QStringLiteral("profiles.json"));
        QFile f(m_config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(QJsonObject {{QStringLiteral("profiles"), profiles}}).toJson());
    }

    void killedAndResumedEqualsTheWholeExport_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<int>("slowSyncMs");
        QTest::newRow("cursor pages (Karmo)") << "karmo" << 0;
        QTest::newRow("offset pages in parallel (CSP)") << "csp" << 0;
        // Each checkpoint costs 150 ms twice (the partial's fdatasync, the checkpoint's fsync):
        // checkpoints come less often, and a kill still never costs more than the last ones.
        QTest::newRow("cursor pages on a slow disk") << "karmo" << 150;
        QTest::newRow("offset pages on a slow disk") << "csp" << 150;
    }

    void killedAndResumedEqualsTheWholeExport()
    {
        QFETCH(QString, profile);
        QFETCH(int, slowSyncMs);
        const QString whole = m_dir.filePath(profile + QStringLiteral("-whole.csv"));
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(roster(exportArgs(profile, whole), nullptr, slowSyncMs), 0);
        // Kills fall anywhere in the time a whole export takes on this machine (a busy CI
        // machine can take several times as long as a quiet one), and further on while
        // attempts end before their first checkpoint.
        const qint64 wholeMs = clock.elapsed();
        const int firstWindow = int(std::max<qint64>(1000, wholeMs));
        const QByteArray expected = readFile(whole);
        const int runs = qEnvironmentVariableIntValue("ROSTER_RESUME_RUNS") > 0
            ? qEnvironmentVariableIntValue("ROSTER_RESUME_RUNS")
            : 6;
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("seed %u; a whole export takes %lld ms", seed, wholeMs);
        QRandomGenerator random(seed);
        int kills = 0;
        int resumes = 0;
        // More exports while none was resumed yet (every kill came before a first checkpoint).
        // On a slow machine (the sanitizer build beside other tests) fewer exports, at least
        // two, so the rows together stay well inside the test's time limit.
        const qint64 budgetMs = 40000;
        int run = 0;
        for (; (run < runs && (run < 2 || clock.elapsed() < budgetMs))
             || (resumes == 0 && run < 3 * runs);
             ++run) {
            const QString out = m_dir.filePath(
                QStringLiteral("%1-%2-%3.csv").arg(profile).arg(slowSyncMs).arg(run));
            int window = firstWindow;
            qint64 last = -1;
            QStringList attempts;
            for (int attempt = 0;; ++attempt) {
                QVERIFY2(attempt < 40,
                    qPrintable(QStringLiteral("the export never finished (checkpoint rows, kill "
                                              "after ms: %1)")
                                   .arg(attempts.join(QStringLiteral(", ")))));
                const bool resume = QFileInfo::exists(out + QStringLiteral(".partial.json"));
                const qint64 from
                    = resume ? checkpoint(out).value(QStringLiteral("rows")).toInteger(-1) : 0;
                QVERIFY(from >= 0);
                // No progress since the last attempt: the next one may run longer.
                window = from > last ? firstWindow : window * 2;
                last = from;
                m_sandbox.server()->clearRecentRequests();
                QProcess p;
                QStringList args = exportArgs(profile, out);
                if (resume)
                    args << QStringLiteral("--resume");
                resumes += resume;
                startRoster(&p, args, slowSyncMs);
                // SIGKILL anywhere: in a page, between pages, at startup, in a checkpoint.
                const int after = int(random.bounded(40, window));
                attempts << QStringLiteral("%1 %2").arg(from).arg(after);
                const bool ended = p.waitForFinished(after);
                if (!ended) {
                    p.kill();
                    QVERIFY(p.waitForFinished(10000));
                    ++kills;
                }
                QString which;
                QVERIFY2(nothingBefore(from, &which),
                    qPrintable(QStringLiteral("asked again for %1 (checkpoint at %2)")
                                   .arg(which)
                                   .arg(from)));
                if (ended) {
                    QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0,
                        p.readAllStandardError().constData());
                    break;
                }
                // Killed after the partial was renamed into place: FILE is complete. Otherwise
                // there is no FILE yet: never a partial one.
                if (QFileInfo::exists(out))
                    break;
            }
            QVERIFY2(readFile(out) == expected, qPrintable(out));
            QVERIFY(!QFileInfo::exists(out + QStringLiteral(".partial")));
            QVERIFY(!QFileInfo::exists(out + QStringLiteral(".partial.json")));
        }
        qInfo("%d exports, %d kills, %d resumes", run, kills, resumes);
        QVERIFY(kills > 0);
        QVERIFY(resumes > 0);
    }

    void interruptedStopsWithACurrentCheckpoint_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGINT (Ctrl+C)") << int(SIGINT);
        QTest::newRow("SIGTERM") << int(SIGTERM);
    }

    void interruptedStopsWithACurrentCheckpoint()
    {
        QFETCH(int, signal);
        const QString out = m_dir.filePath(QStringLiteral("signal-%1.csv").arg(signal));
        QProcess p;
        startRoster(&p, exportArgs(QStringLiteral("karmo"), out));
        // Rows on disk beyond the first checkpoint (the header alone): the signal comes
        // between checkpoints, however far apart a slow disk puts them.
        QVERIFY(QTest::qWaitFor(
            [&] { return checkpoint(out).contains(QStringLiteral("bytes")); }, 20000));
        const qint64 header = checkpoint(out).value(QStringLiteral("bytes")).toInteger();
        QVERIFY(QTest::qWaitFor(
            [&] { return QFileInfo(out + QStringLiteral(".partial")).size() > header; }, 20000));
        QCOMPARE(::kill(pid_t(p.processId()), signal), 0);
        QVERIFY(p.waitForFinished(20000));
        // It ends by the signal, as the shell expects of a tool stopped by Ctrl+C.
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        QCOMPARE(p.exitCode(), signal);
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(err.contains("interrupted"), err.constData());
        QVERIFY2(err.contains("--resume"), err.constData());
        // The checkpoint was written as it stopped: it counts every byte of the partial.
        const QJsonObject c = checkpoint(out);
        QCOMPARE(c.value(QStringLiteral("bytes")).toInteger(),
            QFileInfo(out + QStringLiteral(".partial")).size());
        QVERIFY(c.value(QStringLiteral("rows")).toInteger() > 0);
        QVERIFY(err.contains(
            QLocale::system().toString(c.value(QStringLiteral("rows")).toInteger()).toUtf8()));
        QVERIFY(!QFileInfo::exists(out));
        QByteArray resumed;
        QCOMPARE(roster(exportArgs(QStringLiteral("karmo"), out) << QStringLiteral("--resume"),
                     &resumed),
            0);
        const QString whole = m_dir.filePath(QStringLiteral("karmo-whole.csv"));
        if (!QFileInfo::exists(whole)) // this test run alone
            QCOMPARE(roster(exportArgs(QStringLiteral("karmo"), whole)), 0);
        QCOMPARE(readFile(out), readFile(whole));
    }

    void aFailureSaysResumeCanContinue()
    {
        const QString out = m_dir.filePath(QStringLiteral("later.csv"));
        QByteArray err;
        QCOMPARE(roster(exportArgs(QStringLiteral("karmo later"), out), &err), 1);
        QVERIFY2(err.contains("HTTP 500"), err.constData());
        QVERIFY2(err.contains("--resume to continue"), err.constData());
        QVERIFY2(err.contains(" 100 rows"), err.constData());
        QVERIFY(QFileInfo::exists(out + QStringLiteral(".partial")));
    }

    void refusalsExitTwoSayingWhy()
    {
        const QString out = m_dir.filePath(QStringLiteral("refused.csv"));
        QByteArray err;
        QCOMPARE(
            roster(exportArgs(QStringLiteral("karmo"), out) << QStringLiteral("--resume"), &err),
            2);
        QVERIFY2(err.contains("no checkpoint"), err.constData());

        QCOMPARE(
            roster({QStringLiteral("--profile"), QStringLiteral("karmo"),
                       QStringLiteral("--output"), QStringLiteral("-"), QStringLiteral("--resume")},
                &err),
            2);
        QVERIFY2(err.contains("standard output"), err.constData());

        QCOMPARE(roster(exportArgs(QStringLiteral("llamacloud"), out) << QStringLiteral("--resume"),
                     &err),
            2);
        QVERIFY2(err.contains("one answer"), err.constData());

        // A checkpoint of the failed export above, resumed with other columns or another profile.
        const QString later = m_dir.filePath(QStringLiteral("later.csv"));
        QVERIFY(QFileInfo::exists(later + QStringLiteral(".partial.json")));
        QCOMPARE(roster(exportArgs(QStringLiteral("karmo later"), later)
                         << QStringLiteral("--columns") << QStringLiteral("id,email")
                         << QStringLiteral("--resume"),
                     &err),
            2);
        QVERIFY2(err.contains("columns"), err.constData());
        QCOMPARE(
            roster(exportArgs(QStringLiteral("karmo"), later) << QStringLiteral("--resume"), &err),
            2);
        QVERIFY2(err.contains("profile \"karmo later\", not \"karmo\""), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliResume)
#include "tst_cliresume.moc"
