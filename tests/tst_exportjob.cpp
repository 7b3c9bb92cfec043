// Export against the sandbox: all four kinds equal the sandbox's data row by row; cancel and
// provider errors midway leave an existing file byte for byte; counts are checked.
#include "char/charroutes.h"
#include "csp/csproutes.h"
#include "exportjob.h"
#include "karmo/karmoroutes.h"
#include "llamacloud/llamacloudroutes.h"
#include "providerfactory.h"
#include "sandbox/sandboxdata.h"
#include "testsupport.h"

#include <QBuffer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

using namespace TestSupport;

namespace {
QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

QByteArray expectedCsv(
    const QString &kind, const QString &org, qint64 n, const QList<Column> &columns)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer, columns);
    writer.writeHeader();
    for (qint64 i = 0; i < n; ++i) {
        const SandboxPerson p = SandboxData::person(org, i);
        User u;
        u.email = p.email;
        u.givenName = p.givenName;
        u.familyName = p.familyName;
        if (kind == QLatin1String("karmo")) {
            u.id = KarmoRoutes::userId(org, i);
            u.phone = p.phone;
        } else if (kind == QLatin1String("llamacloud")) {
            u.id = LlamaCloudRoutes::memberId(org, i);
            u.status = p.pending ? QStringLiteral("pending") : QStringLiteral("active");
        } else if (kind == QLatin1String("csp")) {
            u.id = CspRoutes::userId(org, i);
            u.username = p.username;
        } else {
            u.id = CharRoutes::recordId(org, i);
            u.status = p.active ? QStringLiteral("active") : QStringLiteral("inactive");
        }
        writer.writeUser(u);
    }
    writer.flush();
    return buffer.data();
}
} // namespace

class TestExportJob : public QObject
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

    static bool run(ExportJob *job, int timeoutMs = 60000)
    {
        QSignalSpy finished(job, &ExportJob::finished);
        job->start();
        if (finished.isEmpty() && !finished.wait(timeoutMs))
            return false;
        return finished.first().first().toBool();
    }

    QString writeExisting(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write("previous,contents\r\nkeep,me\r\n");
        return path;
    }

private slots:
    void initTestCase()
    {
        m_server.setLatencyMs(2);
        QVERIFY(m_server.start() != 0);
        QVERIFY(m_dir.isValid());
    }

    void allEqualsSandbox_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("org");
        QTest::addColumn<qint64>("rows");
        QTest::addColumn<QString>("columns");
        QTest::newRow("karmo") << "karmo"
                               << "acme-n1234" << qint64(1234)
                               << "id,email,given_name,family_name,phone";
        QTest::newRow("llamacloud") << "llamacloud"
                                    << "3fa85f64-n777" << qint64(777) << "id,email,status";
        QTest::newRow("csp") << "csp"
                             << "csp-org-n1501" << qint64(1501)
                             << "id,email,username,given_name,family_name";
        QTest::newRow("char") << "char"
                              << "9b2f0c1e-n640" << qint64(640)
                              << "id,email,given_name,family_name,status";
    }

    void allEqualsSandbox()
    {
        QFETCH(QString, kind);
        QFETCH(QString, org);
        QFETCH(qint64, rows);
        QFETCH(QString, columns);
        ExportJob::Options options;
        QString bad;
        options.columns = Columns::parseList(columns, &bad);
        const QString path = m_dir.filePath(kind + QStringLiteral(".csv"));
        ExportJob job(provider(kind, org), options);
        job.setOutputPath(path);
        QSignalSpy progress(&job, &ExportJob::progress);
        QVERIFY2(run(&job), qPrintable(job.error().summary()));
        QCOMPARE(job.rowsWritten(), rows);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toLongLong(), rows);
        const QByteArray actual = readFile(path);
        const QByteArray expected = expectedCsv(kind, org, rows, options.columns);
        if (actual != expected) {
            const QList<QByteArray> a = actual.split('\n'), e = expected.split('\n');
            for (int i = 0; i < std::min(a.size(), e.size()); ++i)
                QCOMPARE(a[i], e[i]);
            QCOMPARE(a.size(), e.size());
        }
    }

    void selectedRowsInOrder()
    {
        User a, b;
        a.id = QStringLiteral("b-second");
        b.id = QStringLiteral("a-first");
        ExportJob::Options options;
        options.columns = {Column::Id};
        ExportJob job(QList<User> {a, b}, options);
        const QString path = m_dir.filePath(QStringLiteral("selected.csv"));
        job.setOutputPath(path);
        QVERIFY(run(&job));
        QCOMPARE(readFile(path), QByteArray("id\r\nb-second\r\na-first\r\n"));
    }

    void cancelMidwayLeavesFileUntouched()
    {
        const QString path = writeExisting(QStringLiteral("cancel.csv"));
        const QByteArray before = readFile(path);
        m_server.setLatencyMs(40);
        ExportJob job(
            provider(QStringLiteral("karmo"), QStringLiteral("big-n5000")), ExportJob::Options());
        job.setOutputPath(path);
        QSignalSpy finished(&job, &ExportJob::finished);
        connect(&job, &ExportJob::progress, &job, [&job](qint64 rows) {
            if (rows >= 200)
                job.cancel();
        });
        job.start();
        QVERIFY(finished.wait(30000));
        m_server.setLatencyMs(2);
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(job.error().kind, ProviderError::Kind::Cancelled);
        QCOMPARE(readFile(path), before);
        // Beside it, only the rows read so far and their checkpoint, for a resume (issue #26):
        // no temporary file is left.
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("cancel.csv*")}, QDir::Files),
            (QStringList {QStringLiteral("cancel.csv"), QStringLiteral("cancel.csv.partial"),
                QStringLiteral("cancel.csv.partial.json")}));
    }

    void providerErrorMidwayLeavesFileUntouched_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("karmo") << "karmo";
        QTest::newRow("csp") << "csp";
    }

    void providerErrorMidwayLeavesFileUntouched()
    {
        QFETCH(QString, kind);
        const QString path = writeExisting(kind + QStringLiteral("-error.csv"));
        const QByteArray before = readFile(path);
        ExportJob job(provider(kind, QStringLiteral("error-500-later-n900")), ExportJob::Options());
        job.setOutputPath(path);
        QVERIFY(!run(&job));
        QCOMPARE(job.error().httpStatus, 500);
        QVERIFY(job.rowsWritten() > 0); // it failed after the first page, not before
        QCOMPARE(readFile(path), before);
    }

    void errorOnFirstPageLeavesNoFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("never.csv"));
        ExportJob job(
            provider(QStringLiteral("char"), QStringLiteral("error-403")), ExportJob::Options());
        job.setOutputPath(path);
        QVERIFY(!run(&job));
        QCOMPARE(job.error().code, QStringLiteral("ACCESS_DENIED"));
        QVERIFY(!QFile::exists(path));
    }

    void unwritablePathIsAClearError()
    {
        ExportJob job(QList<User> {}, ExportJob::Options());
        job.setOutputPath(QStringLiteral("/nonexistent-dir/out.csv"));
        QVERIFY(!run(&job));
        // A local file error, not a configuration one: the CLI exits 1 for it, not 2 (issue #12).
        QCOMPARE(job.error().kind, ProviderError::Kind::LocalFile);
        QVERIFY(job.error().message.contains(QStringLiteral("/nonexistent-dir/out.csv")));
    }

    void cspPagesInParallelKeepOrder()
    {
        m_server.setLatencyMs(20);
        ExportJob::Options options;
        options.columns = {Column::Id};
        options.maxParallelPages = 5;
        ExportJob job(provider(QStringLiteral("csp"), QStringLiteral("par-n2001")), options);
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        job.setOutputDevice(&out);
        QVERIFY2(run(&job), qPrintable(job.error().summary()));
        m_server.setLatencyMs(2);
        const QList<QByteArray> lines = out.data().split('\n');
        QCOMPARE(lines.size(), 2001 + 2);
        for (int i = 0; i < 2001; ++i)
            QCOMPARE(
                lines[i + 1], CspRoutes::userId(QStringLiteral("par-n2001"), i).toLatin1() + '\r');
    }

    void cspShortAndLongPagesLeaveNoGapNorDuplicate_data()
    {
        QTest::addColumn<QString>("org");
        QTest::addColumn<int>("total");
        QTest::newRow("capped at 150") << "capped-n1001" << 1001;
        QTest::newRow("uneven") << "uneven-n2001" << 2001;
    }

    void cspShortAndLongPagesLeaveNoGapNorDuplicate()
    {
        QFETCH(QString, org);
        QFETCH(int, total);
        ExportJob::Options options;
        options.columns = {Column::Id};
        options.maxParallelPages = 5;
        ExportJob job(provider(QStringLiteral("csp"), org), options);
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        job.setOutputDevice(&out);
        QVERIFY2(run(&job), qPrintable(job.error().summary()));
        const QList<QByteArray> lines = out.data().split('\n');
        QCOMPARE(lines.size(), total + 2);
        for (int i = 0; i < total; ++i)
            QCOMPARE(lines[i + 1], CspRoutes::userId(org, i).toLatin1() + '\r');
    }

    void loopStopsTheExport()
    {
        const QString path = m_dir.filePath(QStringLiteral("loop.csv"));
        ExportJob job(
            provider(QStringLiteral("karmo"), QStringLiteral("loop-n1000")), ExportJob::Options());
        job.setOutputPath(path);
        QVERIFY(!run(&job));
        QCOMPARE(job.error().kind, ProviderError::Kind::Loop);
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(TestExportJob)
#include "tst_exportjob.moc"
