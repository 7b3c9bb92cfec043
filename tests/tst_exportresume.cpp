// An export to a file that stops keeps FILE.partial and its checkpoint, and continues from them
// (issue #26): the result equals an export that never stopped, no page before the checkpoint is
// asked again, and every way a resume cannot go on is refused with its reason.
#include "exportjob.h"
#include "networkwatch.h"
#include "providerfactory.h"
#include "sandbox/sandboxhost.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QScopeGuard>
#include <QTemporaryDir>

using namespace TestSupport;

namespace {
QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

QJsonObject readCheckpoint(const QString &file)
{
    return QJsonDocument::fromJson(readFile(ExportCheckpoint::checkpointPath(file))).object();
}

// The first item a page request asks for: Karmo's cursor, CSP's pageStart, SCIM's startIndex.
qint64 requestedOffset(const SandboxRequest &r)
{
    const QString after = r.query.queryItemValue(QStringLiteral("after"));
    if (!after.isEmpty()) {
        const QByteArray raw
            = QByteArray::fromBase64(after.toLatin1(), QByteArray::Base64UrlEncoding);
        return raw.mid(raw.indexOf(':') + 1).toLongLong();
    }
    for (const char *key : {"pageStart", "startIndex"}) {
        if (r.query.hasQueryItem(QLatin1String(key)))
            return r.query.queryItemValue(QLatin1String(key)).toLongLong() - 1;
    }
    return 0;
}
} // namespace

class TestExportResume : public QObject
{
    Q_OBJECT

    SandboxServer m_server;
    QNetworkAccessManager m_nam;
    QTemporaryDir m_dir;

    Provider *provider(const QString &kind, const QString &org)
    {
        Provider *p = ProviderFactory::create(
            sandboxProfile(m_server, kind, org), SandboxServer::demoToken(), &m_nam, this);
        fastRetries(p, 50);
        return p;
    }

    // A Karmo provider on `host` that asks again every 50 ms while the network is away, for
    // `waitMs` at most (the default's ten minutes when 0).
    Provider *offlineProvider(SandboxHost &host, const QString &org, int waitMs = 0)
    {
        Provider *p
            = ProviderFactory::create(sandboxProfile(*host.server(), QStringLiteral("karmo"), org),
                SandboxServer::demoToken(), &m_nam, this);
        HttpOptions http = p->http()->options();
        http.backoffBaseMs = 10;
        http.offlinePollMs = 50;
        if (waitMs > 0)
            http.offlineWaitMs = waitMs;
        p->http()->setOptions(http);
        return p;
    }

    static ExportJob::Options options(bool resume = false)
    {
        ExportJob::Options o;
        QString bad;
        o.columns = Columns::parseList(QStringLiteral("id,email,given_name,family_name"), &bad);
        o.maxParallelPages = 4;
        o.resume = resume;
        return o;
    }

    static bool run(ExportJob *job, int timeoutMs = 60000)
    {
        QSignalSpy finished(job, &ExportJob::finished);
        job->start();
        if (finished.isEmpty() && !finished.wait(timeoutMs))
            return false;
        return finished.first().first().toBool();
    }

    // Exports to `path` and cancels once `rows` rows are written; the rows kept.
    qint64 exportUntil(
        const QString &kind, const QString &org, const QString &path, qint64 rows, bool resume)
    {
        ExportJob job(provider(kind, org), options(resume));
        job.setOutputPath(path);
        connect(&job, &ExportJob::progress, &job, [&job, rows](qint64 done) {
            if (done >= rows)
                job.cancel();
        });
        if (run(&job) || job.error().kind != ProviderError::Kind::Cancelled)
            qWarning("the export was not cancelled: %s", qPrintable(job.error().summary()));
        return job.rowsKept();
    }

    QByteArray uninterrupted(const QString &kind, const QString &org)
    {
        const QString path = m_dir.filePath(kind + org + QStringLiteral("-whole.csv"));
        ExportJob job(provider(kind, org), options());
        job.setOutputPath(path);
        if (!run(&job))
            qWarning("the whole export failed: %s", qPrintable(job.error().summary()));
        return readFile(path);
    }

    ProviderError resumeError(const QString &kind, const QString &org, const QString &path,
        ExportJob::Options o = options(true))
    {
        ExportJob job(provider(kind, org), o);
        job.setOutputPath(path);
        if (run(&job))
            return {};
        return job.error();
    }

private slots:
    void initTestCase()
    {
        m_server.setLatencyMs(5);
        QVERIFY(m_server.start() != 0);
        QVERIFY(m_dir.isValid());
    }

    void checkpointIsKeptCurrentAndHoldsNoSecret()
    {
        const QString path = m_dir.filePath(QStringLiteral("current.csv"));
        // 200 pages over six seconds: checkpoints come every 200 ms, or every 4 s where the disk
        // takes 200 ms to sync one (busy CI machines do).
        m_server.setLatencyMs(30);
        auto fast = qScopeGuard([this] { m_server.setLatencyMs(5); });
        ExportJob job(provider(QStringLiteral("karmo"), QStringLiteral("cp-n20000")), options());
        job.setOutputPath(path);
        QSignalSpy finished(&job, &ExportJob::finished);
        int checked = 0;
        connect(&job, &ExportJob::progress, &job, [&](qint64 done) {
            const QJsonObject c = readCheckpoint(path);
            if (done < 600 || c.value(QStringLiteral("rows")).toInteger() == 0 || checked)
                return;
            ++checked;
            // The partial holds at least the checkpoint's bytes, and those hash as it says.
            const QByteArray partial = readFile(ExportCheckpoint::partialPath(path));
            const qint64 bytes = c.value(QStringLiteral("bytes")).toInteger();
            QVERIFY(partial.size() >= bytes);
            QCOMPARE(
                QCryptographicHash::hash(partial.left(bytes), QCryptographicHash::Sha256).toHex(),
                c.value(QStringLiteral("sha256")).toString().toLatin1());
            QVERIFY(partial.left(bytes).endsWith("\r\n"));
            QCOMPARE(c.value(QStringLiteral("kind")).toString(), QStringLiteral("karmo"));
            QCOMPARE(
                c.value(QStringLiteral("organization")).toString(), QStringLiteral("cp-n20000"));
            QVERIFY(!c.value(QStringLiteral("position")).toString().isEmpty());
            QVERIFY(!readFile(ExportCheckpoint::checkpointPath(path))
                         .contains(SandboxServer::demoToken().toUtf8()));
            QVERIFY(!QFile::exists(path)); // FILE only ever appears complete
        });
        job.start();
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(job.error().summary()));
        QCOMPARE(checked, 1);
        QVERIFY(QFile::exists(path));
        QVERIFY(!QFile::exists(ExportCheckpoint::partialPath(path)));
        QVERIFY(!QFile::exists(ExportCheckpoint::checkpointPath(path)));
    }

    void resumeEqualsAnExportThatNeverStopped_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("org");
        QTest::newRow("cursor pages (Karmo)") << "karmo"
                                              << "resume-n2345";
        QTest::newRow("offset pages in parallel (CSP)") << "csp"
                                                        << "resume-n2345";
        QTest::newRow("offset pages (SCIM)") << "scim"
                                             << "resume-n2345";
    }

    void resumeEqualsAnExportThatNeverStopped()
    {
        QFETCH(QString, kind);
        QFETCH(QString, org);
        const QByteArray whole = uninterrupted(kind, org);
        const QString path = m_dir.filePath(kind + QStringLiteral("-resumed.csv"));
        QFile::remove(path);
        // Stopped three times, resumed each time: the stops land on different pages.
        qint64 kept = exportUntil(kind, org, path, 400, false);
        QVERIFY(kept >= 400);
        for (const qint64 stop : {900, 1500}) {
            m_server.clearRecentRequests();
            const qint64 before = kept;
            kept = exportUntil(kind, org, path, stop, true);
            QVERIFY2(kept >= stop, qPrintable(QString::number(kept)));
            for (const SandboxRequest &r : m_server.recentRequests()) {
                if (r.path.endsWith(QLatin1String("/users"))
                    || r.path.endsWith(QLatin1String("/Users")))
                    QVERIFY2(requestedOffset(r) >= before, qPrintable(r.url.toString()));
            }
        }
        m_server.clearRecentRequests();
        ExportJob job(provider(kind, org), options(true));
        job.setOutputPath(path);
        QVERIFY2(run(&job), qPrintable(job.error().summary()));
        QCOMPARE(job.rowsResumedFrom(), kept);
        QCOMPARE(job.rowsWritten(), qint64(2345));
        for (const SandboxRequest &r : m_server.recentRequests()) {
            if (r.path.endsWith(QLatin1String("/users"))
                || r.path.endsWith(QLatin1String("/Users")))
                QVERIFY2(requestedOffset(r) >= kept, qPrintable(r.url.toString()));
        }
        QCOMPARE(readFile(path), whole);
        QVERIFY(!QFile::exists(ExportCheckpoint::partialPath(path)));
        QVERIFY(!QFile::exists(ExportCheckpoint::checkpointPath(path)));
    }

    void resumeLeavesTheOldFileUntilTheEnd()
    {
        const QString path = m_dir.filePath(QStringLiteral("old.csv"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("previous,contents\r\n");
        }
        QVERIFY(
            exportUntil(QStringLiteral("karmo"), QStringLiteral("old-n900"), path, 300, false) > 0);
        QCOMPARE(readFile(path), QByteArray("previous,contents\r\n"));
        ExportJob job(provider(QStringLiteral("karmo"), QStringLiteral("old-n900")), options(true));
        job.setOutputPath(path);
        QVERIFY2(run(&job), qPrintable(job.error().summary()));
        QCOMPARE(
            readFile(path), uninterrupted(QStringLiteral("karmo"), QStringLiteral("old-n900")));
    }

    void rowsAfterTheCheckpointAreAskedAgain()
    {
        // A process killed between two checkpoints leaves rows in the partial that its checkpoint
        // does not count: they are cut, and asked for again.
        const QString path = m_dir.filePath(QStringLiteral("tail.csv"));
        QVERIFY(
            exportUntil(QStringLiteral("csp"), QStringLiteral("tail-n1200"), path, 300, false) > 0);
        {
            QFile f(ExportCheckpoint::partialPath(path));
            QVERIFY(f.open(QIODevice::Append));
            f.write("half,a,row");
        }
        ExportJob job(provider(QStringLiteral("csp"), QStringLiteral("tail-n1200")), options(true));
        job.setOutputPath(path);
        QVERIFY2(run(&job), qPrintable(job.error().summary()));
        QCOMPARE(
            readFile(path), uninterrupted(QStringLiteral("csp"), QStringLiteral("tail-n1200")));
    }

    void aChangedPartialIsRefused()
    {
        const QString path = m_dir.filePath(QStringLiteral("tampered.csv"));
        QVERIFY(
            exportUntil(QStringLiteral("karmo"), QStringLiteral("tamper-n900"), path, 300, false)
            > 0);
        const QString partial = ExportCheckpoint::partialPath(path);
        QByteArray bytes = readFile(partial);
        bytes[bytes.size() / 2] = bytes[bytes.size() / 2] == 'x' ? 'y' : 'x';
        {
            QFile f(partial);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        }
        const ProviderError e
            = resumeError(QStringLiteral("karmo"), QStringLiteral("tamper-n900"), path);
        QCOMPARE(e.kind, ProviderError::Kind::Resume);
        QVERIFY2(e.message.contains(QStringLiteral("SHA-256")), qPrintable(e.message));
        QVERIFY2(e.message.contains(QStringLiteral("without resuming")), qPrintable(e.message));
        QCOMPARE(readFile(partial), bytes); // left for the user to look at
        QVERIFY(!QFile::exists(path));

        // Shorter than its checkpoint says.
        {
            QFile f(partial);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes.left(100));
        }
        const ProviderError shorter
            = resumeError(QStringLiteral("karmo"), QStringLiteral("tamper-n900"), path);
        QCOMPARE(shorter.kind, ProviderError::Kind::Resume);
        QVERIFY2(shorter.message.contains(QStringLiteral("shorter")), qPrintable(shorter.message));
        QFile::remove(partial);
        const ProviderError missing
            = resumeError(QStringLiteral("karmo"), QStringLiteral("tamper-n900"), path);
        QVERIFY2(missing.message.contains(QStringLiteral("missing")), qPrintable(missing.message));
    }

    void aCheckpointOfAnotherExportIsRefused()
    {
        const QString path = m_dir.filePath(QStringLiteral("other.csv"));
        QVERIFY(exportUntil(QStringLiteral("karmo"), QStringLiteral("mine-n900"), path, 300, false)
            > 0);
        const QByteArray partial = readFile(ExportCheckpoint::partialPath(path));
        const ProviderError org
            = resumeError(QStringLiteral("karmo"), QStringLiteral("theirs-n900"), path);
        QCOMPARE(org.kind, ProviderError::Kind::Resume);
        QVERIFY2(org.message.contains(QStringLiteral("organization \"mine-n900\", not "
                                                     "\"theirs-n900\"")),
            qPrintable(org.message));
        ExportJob::Options columns = options(true);
        columns.columns = {Column::Id};
        const ProviderError cols
            = resumeError(QStringLiteral("karmo"), QStringLiteral("mine-n900"), path, columns);
        QCOMPARE(cols.kind, ProviderError::Kind::Resume);
        QVERIFY2(cols.message.contains(QStringLiteral("columns")), qPrintable(cols.message));
        ExportJob::Options bom = options(true);
        bom.csv.byteOrderMark = true;
        const ProviderError b
            = resumeError(QStringLiteral("karmo"), QStringLiteral("mine-n900"), path, bom);
        QVERIFY2(b.message.contains(QStringLiteral("--bom")), qPrintable(b.message));
        // Refusing touched nothing: the right export still continues.
        QCOMPARE(readFile(ExportCheckpoint::partialPath(path)), partial);
        ExportJob job(
            provider(QStringLiteral("karmo"), QStringLiteral("mine-n900")), options(true));
        job.setOutputPath(path);
        QVERIFY2(run(&job), qPrintable(job.error().summary()));
    }

    void noCheckpointNoResume()
    {
        const QString path = m_dir.filePath(QStringLiteral("none.csv"));
        const ProviderError e
            = resumeError(QStringLiteral("csp"), QStringLiteral("none-n50"), path);
        QCOMPARE(e.kind, ProviderError::Kind::Resume);
        QVERIFY2(e.message.contains(QStringLiteral("no checkpoint")), qPrintable(e.message));
        QVERIFY(!QFile::exists(path));
    }

    void oneArrayKindsCannotContinue_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("llamacloud") << "llamacloud";
        QTest::newRow("char") << "char";
    }

    void oneArrayKindsCannotContinue()
    {
        QFETCH(QString, kind);
        const QString path = m_dir.filePath(kind + QStringLiteral("-array.csv"));
        const QString org = kind == QLatin1String("char") ? QStringLiteral("9b2f0c1e-n5000")
                                                          : QStringLiteral("3fa85f64-n5000");
        // Stopped, nothing is kept: it could not be continued.
        QCOMPARE(exportUntil(kind, org, path, 500, false), qint64(0));
        QVERIFY(!QFile::exists(ExportCheckpoint::partialPath(path)));
        QVERIFY(!QFile::exists(ExportCheckpoint::checkpointPath(path)));
        const ProviderError e = resumeError(kind, org, path);
        QCOMPARE(e.kind, ProviderError::Kind::Resume);
        QVERIFY2(e.message.contains(QStringLiteral("one answer")), qPrintable(e.message));
    }

    void anExpiredCursorSaysStartAgain()
    {
        const QString path = m_dir.filePath(QStringLiteral("expired.csv"));
        QVERIFY(
            exportUntil(QStringLiteral("karmo"), QStringLiteral("exp-n900"), path, 300, false) > 0);
        m_server.expireCursors();
        ExportJob job(provider(QStringLiteral("karmo"), QStringLiteral("exp-n900")), options(true));
        job.setOutputPath(path);
        QVERIFY(!run(&job));
        QCOMPARE(job.error().httpStatus, 400);
        QCOMPARE(job.error().message.contains(QStringLiteral("Cursor expired")), true);
        QVERIFY2(job.error().message.contains(QStringLiteral("without resuming")),
            qPrintable(job.error().message));
        QVERIFY(!QFile::exists(path));
    }

    void aFailureKeepsTheRowsForAResume()
    {
        const QString path = m_dir.filePath(QStringLiteral("failed.csv"));
        ExportJob job(
            provider(QStringLiteral("karmo"), QStringLiteral("error-500-later-n900")), options());
        job.setOutputPath(path);
        QVERIFY(!run(&job));
        QCOMPARE(job.error().httpStatus, 500);
        QVERIFY(job.rowsKept() > 0);
        QCOMPARE(readCheckpoint(path).value(QStringLiteral("rows")).toInteger(), job.rowsKept());
        // Stopped by the provider, not by a kill: the partial is exactly what its checkpoint says.
        QCOMPARE(QFileInfo(ExportCheckpoint::partialPath(path)).size(),
            readCheckpoint(path).value(QStringLiteral("bytes")).toInteger());
        QVERIFY(!QFile::exists(path));
    }

    // The machine goes offline halfway (the system says so; the server cannot be reached): the
    // export waits for the network instead of spending its attempts, and goes on where it was
    // when the network is back.
    void anExportWaitsForTheNetworkToReturn()
    {
        SandboxHost host;
        QVERIFY(host.start(0, 25000, 20));
        const quint16 port = host.port();
        Provider *p = offlineProvider(host, QStringLiteral("net-n3000"));
        const QString path = m_dir.filePath(QStringLiteral("offline.csv"));
        ExportJob job(p, options());
        job.setOutputPath(path);
        QSignalSpy finished(&job, &ExportJob::finished);
        QList<int> waits;
        connect(&job, &ExportJob::retrying, &job, [&](int attempt, int) { waits << attempt; });
        auto online = qScopeGuard(
            [] { NetworkWatch::instance()->simulate(NetworkWatch::Reachability::Unknown); });
        bool away = false;
        connect(&job, &ExportJob::progress, &job, [&](qint64 rows) {
            if (rows >= 500 && !away) {
                away = true;
                NetworkWatch::instance()->simulate(NetworkWatch::Reachability::Offline);
                host.stop();
            }
        });
        job.start();
        // Far more tries than its attempts allow, and still running.
        QVERIFY(QTest::qWaitFor([&] { return waits.count(-1) >= 12; }, 20000));
        QVERIFY(job.isRunning());
        QVERIFY(host.start(port, 25000, 20));
        NetworkWatch::instance()->simulate(NetworkWatch::Reachability::Online);
        QVERIFY(finished.wait(60000) || !finished.isEmpty());
        QVERIFY2(finished.first().first().toBool(), qPrintable(job.error().summary()));
        QCOMPARE(job.rowsWritten(), qint64(3000));
        QVERIFY(!waits.contains(2)); // no attempt was spent on the missing network
        QCOMPARE(
            readFile(path), uninterrupted(QStringLiteral("karmo"), QStringLiteral("net-n3000")));
    }

    // It waits for a while, not for ever: then it fails, saying so, and keeps the rows.
    void theWaitForTheNetworkIsBounded()
    {
        SandboxHost host;
        QVERIFY(host.start(0, 25000, 20));
        Provider *p = offlineProvider(host, QStringLiteral("gone-n3000"), 600);
        const QString path = m_dir.filePath(QStringLiteral("gone.csv"));
        ExportJob job(p, options());
        job.setOutputPath(path);
        auto online = qScopeGuard(
            [] { NetworkWatch::instance()->simulate(NetworkWatch::Reachability::Unknown); });
        connect(&job, &ExportJob::progress, &job, [&](qint64 rows) {
            if (rows >= 500 && host.port() != 0) {
                NetworkWatch::instance()->simulate(NetworkWatch::Reachability::Offline);
                host.stop();
            }
        });
        QVERIFY(!run(&job));
        QVERIFY2(job.error().message.contains(QStringLiteral("did not come back")),
            qPrintable(job.error().message));
        QVERIFY(job.rowsKept() >= 500);
    }

    void whetherTheNetworkWentAway()
    {
        NetworkWatch *watch = NetworkWatch::instance();
        auto online
            = qScopeGuard([watch] { watch->simulate(NetworkWatch::Reachability::Unknown); });
        watch->simulate(NetworkWatch::Reachability::Online);
        // A host that answered and can no longer be found or routed to: the network went away.
        QVERIFY(watch->isAway(QNetworkReply::HostNotFoundError, true));
        QVERIFY(watch->isAway(QNetworkReply::UnknownNetworkError, true));
        QVERIFY(watch->isAway(QNetworkReply::TemporaryNetworkFailureError, true));
        // Never reached: a wrong address, said at once; a refused or closed connection: the
        // server's, retried as before.
        QVERIFY(!watch->isAway(QNetworkReply::HostNotFoundError, false));
        QVERIFY(!watch->isAway(QNetworkReply::ConnectionRefusedError, true));
        QVERIFY(!watch->isAway(QNetworkReply::RemoteHostClosedError, true));
        QVERIFY(!watch->isAway(QNetworkReply::OperationCanceledError, true));
        // The system says it is offline: any failure to reach anything waits.
        watch->simulate(NetworkWatch::Reachability::Offline);
        QVERIFY(watch->isAway(QNetworkReply::ConnectionRefusedError, false));
        QVERIFY(watch->isAway(QNetworkReply::TimeoutError, true));
        QVERIFY(!watch->isAway(QNetworkReply::NoError, true));
        QSignalSpy back(watch, &NetworkWatch::online);
        watch->simulate(NetworkWatch::Reachability::Online);
        QCOMPARE(back.count(), 1);
    }

    void aFailureOnTheFirstPageKeepsNothing()
    {
        const QString path = m_dir.filePath(QStringLiteral("first.csv"));
        ExportJob job(provider(QStringLiteral("karmo"), QStringLiteral("error-403")), options());
        job.setOutputPath(path);
        QVERIFY(!run(&job));
        QCOMPARE(job.rowsKept(), qint64(0));
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("first.csv*")}, QDir::Files),
            QStringList());
    }
};

QTEST_GUILESS_MAIN(TestExportResume)
#include "tst_exportresume.moc"
