// Issue #22's figures against a server that costs nothing: nginx, in a process of its own,
// serving pre-generated LlamaCloud bodies from files on 127.0.0.1.
//   file-export  `roster export` of 100,000 members beside the receive-only floor (curl to
//                /dev/null, best of three), curl | jq writing the same columns, and what
//                QNetworkAccessManager alone takes to receive the body (the floor of any Qt
//                client, in this process)
//   drip         a body nginx sends at 1 MB/s (about 3 s): how long after the first bytes reach
//                Roster the first CSV row is written
// Both need nginx, curl and jq (packaging/install-deps.sh installs them); a missing tool is
// reported as the figure's note, not as a result.
#include "benchsupport.h"
#include "exportjob.h"
#include "providerfactory.h"
#include "realnet/realnet.h"
#include "sandbox/sandboxdemo.h"
#include "sandbox/sandboxhost.h"
#include "sandbox/sandboxserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTextStream>

namespace {

const QString kOrg = QStringLiteral("3fa85f64-5717-4562-b3fc-2c963f66afa6");

void printFigure(const QJsonObject &o)
{
    QTextStream(stdout) << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
}

QString usersPath()
{
    return QStringLiteral("/llamacloud/api/v1/organizations/%1/users").arg(kOrg);
}

// nginx serving `dir`/www as files, with `extra` added to its one location.
class FileServer
{
public:
    ~FileServer() { RealNet::stopProcess(m_process); }

    bool start(const QString &dir, const QString &extra, QString *why)
    {
        RealNet::openUp(dir);
        m_port = RealNet::freePort();
        const QByteArray conf = QStringLiteral(
            "worker_processes 1;\nerror_log %1/error.log warn;\npid %1/nginx.pid;\n"
            "events { worker_connections 64; }\nhttp {\naccess_log off;\nsendfile on;\n"
            "default_type application/json;\nclient_body_temp_path %1/t; proxy_temp_path "
            "%1/t;\nfastcgi_temp_path %1/t; uwsgi_temp_path %1/t; scgi_temp_path %1/t;\n"
            "server { listen 127.0.0.1:%2; root %1/www; location / { %3 } }\n}\n")
                                    .arg(dir)
                                    .arg(m_port)
                                    .arg(extra)
                                    .toUtf8();
        RealNet::writeFile(dir + QStringLiteral("/nginx.conf"), conf);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(RealNet::findTool(QStringLiteral("nginx")),
            {QStringLiteral("-c"), dir + QStringLiteral("/nginx.conf"), QStringLiteral("-p"), dir,
                QStringLiteral("-g"), QStringLiteral("daemon off;")});
        if (!m_process.waitForStarted(10000) || !RealNet::waitForPort(m_port, 10000)) {
            *why = QStringLiteral("nginx did not start: ")
                + QString::fromLocal8Bit(m_process.readAll());
            return false;
        }
        return true;
    }
    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

// The sandbox's `n`-member body, written to `dir`/www at `organization`'s users path.
bool writeBody(const QString &dir, qint64 n, qint64 *bytes, const QString &organization = kOrg)
{
    SandboxHost host;
    host.start(0, n, 0);
    QString path = dir + QStringLiteral("/www") + usersPath();
    path.replace(kOrg, organization);
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QNetworkAccessManager nam;
    QNetworkRequest request(host.url(usersPath()));
    request.setRawHeader("Cookie", "session=" + SandboxServer::demoToken().toUtf8());
    QNetworkReply *reply = nam.get(request);
    QObject::connect(reply, &QNetworkReply::readyRead, [&] { file.write(reply->readAll()); });
    while (!reply->isFinished())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    file.write(reply->readAll());
    const bool ok = reply->error() == QNetworkReply::NoError;
    delete reply;
    *bytes = file.size();
    RealNet::openUp(QFileInfo(path).path());
    return ok;
}

// The data rows of the CSV file at `path` (its lines less the header), read 16 MB at a time.
qint64 csvRows(const QString &path)
{
    QFile csv(path);
    qint64 lines = 0;
    if (csv.open(QIODevice::ReadOnly)) {
        while (!csv.atEnd())
            lines += csv.read(1 << 24).count('\n');
    }
    return lines - 1;
}

// Seconds `program arguments` took (best of `runs`), or -1 when it failed.
double timed(const QString &program, const QStringList &arguments, int runs,
    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    double best = -1;
    for (int i = 0; i < runs; ++i) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.setStandardOutputFile(QProcess::nullDevice());
        QElapsedTimer t;
        t.start();
        p.start(program, arguments);
        if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit
            || p.exitCode() != 0)
            return -1;
        const double s = t.nsecsElapsed() / 1e9;
        best = best < 0 ? s : std::min(best, s);
    }
    return best;
}

// Seconds QNetworkAccessManager takes to receive `url` and throw the bytes away, as HttpCall reads
// them (best of `runs`): the floor any Qt application has, parser or not. -1 on a failure.
double qtReceiveOnly(const QString &url, int runs)
{
    double best = -1;
    for (int i = 0; i < runs; ++i) {
        QNetworkAccessManager nam;
        QElapsedTimer t;
        t.start();
        QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(url)));
        qint64 received = 0;
        QObject::connect(reply, &QNetworkReply::readyRead,
            [&] { received += reply->read(reply->bytesAvailable()).size(); });
        while (!reply->isFinished())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        received += reply->readAll().size();
        const double s = t.nsecsElapsed() / 1e9;
        const bool ok = reply->error() == QNetworkReply::NoError && received > 0;
        delete reply;
        if (!ok)
            return -1;
        best = best < 0 ? s : std::min(best, s);
    }
    return best;
}

QString missingTool()
{
    for (const QString &tool :
        {QStringLiteral("nginx"), QStringLiteral("curl"), QStringLiteral("jq")}) {
        if (RealNet::findTool(tool).isEmpty())
            return tool;
    }
    return {};
}

// The columns `roster export` writes by default, from a LlamaCloud member, as jq would.
const char *kJqProgram = ".[] | [.id, .user_id, .email, \"\", \"\", .email, \"\", "
                         "(if .pending then \"pending\" else \"active\" end), "
                         "([.roles[].role.name] | join(\";\"))] | @csv";

// The peak RSS in MB of `program arguments` (`python3` waits for it and reads its rusage), or -1;
// the seconds it took in *seconds, unless null.
double peakRssMb(const QString &program, const QStringList &arguments,
    const QProcessEnvironment &env, double *seconds)
{
    QProcess p;
    p.setProcessEnvironment(env);
    QElapsedTimer t;
    t.start();
    p.start(QStringLiteral("python3"),
        QStringList {QStringLiteral("-c"),
            QStringLiteral("import resource,subprocess,sys\n"
                           "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
                           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss "
                           "if r.returncode == 0 else -1)"),
            program}
            + arguments);
    if (!p.waitForFinished(1200000) || p.exitCode() != 0)
        return -1;
    if (seconds)
        *seconds = t.nsecsElapsed() / 1e9;
    const qint64 kb = p.readAllStandardOutput().trimmed().toLongLong();
    return kb > 0 ? kb / 1024.0 : -1;
}

QJsonObject rosterProfile(const QString &name, const QString &base, const QString &organization)
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("kind"), QStringLiteral("llamacloud")},
        {QStringLiteral("baseUrl"), QString(base + QStringLiteral("/llamacloud"))},
        {QStringLiteral("organization"), organization},
        {QStringLiteral("credential"),
            QJsonObject {{QStringLiteral("env"), QJsonValue(QStringLiteral("T"))}}}};
}
} // namespace

// 1,000,000 LlamaCloud members served from a file: rows a second and the peak RSS over an export
// of 1,000 (the same program's own footprint), beside curl receiving the body.
void figureFileExportMillion(const QString &roster)
{
    QJsonObject o {{QStringLiteral("figure"), QStringLiteral("file_served_export_million")},
        {QStringLiteral("kind"), QStringLiteral("llamacloud")}};
    const qint64 n = 1000000;
    o[QStringLiteral("users")] = n;
    QTemporaryDir dir;
    FileServer server;
    QString why = missingTool().isEmpty() ? QString() : missingTool() + QStringLiteral(" missing");
    qint64 bytes = 0;
    if (why.isEmpty() && !writeBody(dir.path(), n, &bytes))
        why = QStringLiteral("the sandbox body could not be written");
    // The small organization: the same path with another organization id.
    const QString small = QStringLiteral("00000000-0000-4000-8000-000000001000");
    qint64 smallBytes = 0;
    if (why.isEmpty() && !writeBody(dir.path(), 1000, &smallBytes, small))
        why = QStringLiteral("the small sandbox body could not be written");
    if (why.isEmpty())
        server.start(dir.path(), {}, &why);
    if (!why.isEmpty()) {
        o[QStringLiteral("note")] = QString(QStringLiteral("not measured: ") + why);
        printFigure(o);
        return;
    }
    const QString url = server.base() + usersPath();
    const double floor = timed(RealNet::findTool(QStringLiteral("curl")),
        {QStringLiteral("-sf"), QStringLiteral("-o"), QProcess::nullDevice(), url}, 1);
    const QString config = dir.filePath(QStringLiteral("profiles.json"));
    RealNet::writeFile(config,
        QJsonDocument(QJsonObject {{QStringLiteral("version"), 1},
                          {QStringLiteral("profiles"),
                              QJsonArray {rosterProfile(QStringLiteral("L"), server.base(), kOrg),
                                  rosterProfile(QStringLiteral("S"), server.base(), small)}}})
            .toJson());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("T"), SandboxServer::demoToken());
    const QString out = dir.filePath(QStringLiteral("out.csv"));
    const auto exportOf = [&](const QString &profile) {
        return QStringList {QStringLiteral("export"), QStringLiteral("--config"), config,
            QStringLiteral("--profile"), profile, QStringLiteral("--output"), out,
            QStringLiteral("--quiet")};
    };
    const double base = peakRssMb(roster, exportOf(QStringLiteral("S")), env, nullptr);
    double seconds = 0;
    const double peak = peakRssMb(roster, exportOf(QStringLiteral("L")), env, &seconds);
    const qint64 rows = csvRows(out);
    o[QStringLiteral("body_mb")] = bytes / 1048576.0;
    o[QStringLiteral("receive_only_seconds")] = floor;
    o[QStringLiteral("roster_seconds")] = seconds;
    o[QStringLiteral("rows")] = rows;
    o[QStringLiteral("rows_per_second")] = rows / seconds;
    o[QStringLiteral("ratio_to_floor")] = seconds / floor;
    o[QStringLiteral("peak_rss_mb_1000_members")] = base;
    o[QStringLiteral("peak_rss_mb")] = peak;
    o[QStringLiteral("peak_rss_growth_mb")] = peak - base;
    o[QStringLiteral("target")] = QStringLiteral("rows_per_second >= 500000, growth <= 50 MB");
    o[QStringLiteral("met")]
        = rows == n && base > 0 && peak > 0 && rows / seconds >= 500000 && peak - base <= 50;
    printFigure(o);
}

void figureFileExport(const QString &roster)
{
    QJsonObject o {{QStringLiteral("figure"), QStringLiteral("file_served_export")},
        {QStringLiteral("kind"), QStringLiteral("llamacloud")}};
    const qint64 n = 100000;
    o[QStringLiteral("users")] = n;
    QTemporaryDir dir;
    FileServer server;
    QString why = missingTool().isEmpty() ? QString() : missingTool() + QStringLiteral(" missing");
    qint64 bytes = 0;
    if (why.isEmpty() && !writeBody(dir.path(), n, &bytes))
        why = QStringLiteral("the sandbox body could not be written");
    if (why.isEmpty())
        server.start(dir.path(), {}, &why);
    if (!why.isEmpty()) {
        o[QStringLiteral("note")] = QString(QStringLiteral("not measured: ") + why);
        printFigure(o);
        return;
    }
    const QString url = server.base() + usersPath();
    const QString curl = RealNet::findTool(QStringLiteral("curl"));
    const double floor = timed(
        curl, {QStringLiteral("-sf"), QStringLiteral("-o"), QProcess::nullDevice(), url}, 3);
    const double qtFloor = qtReceiveOnly(url, 3);
    const double jq = timed(QStringLiteral("bash"),
        {QStringLiteral("-o"), QStringLiteral("pipefail"), QStringLiteral("-c"),
            QStringLiteral("curl -sf '%1' | jq -r '%2' > /dev/null")
                .arg(url, QString::fromLatin1(kJqProgram))},
        1);
    const QJsonObject profile = rosterProfile(QStringLiteral("L"), server.base(), kOrg);
    const QString config = dir.filePath(QStringLiteral("profiles.json"));
    RealNet::writeFile(config,
        QJsonDocument(QJsonObject {{QStringLiteral("version"), 1},
                          {QStringLiteral("profiles"), QJsonArray {profile}}})
            .toJson());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("T"), SandboxServer::demoToken());
    const QString out = dir.filePath(QStringLiteral("out.csv"));
    const double seconds = timed(roster,
        {QStringLiteral("export"), QStringLiteral("--config"), config, QStringLiteral("--profile"),
            QStringLiteral("L"), QStringLiteral("--output"), out, QStringLiteral("--quiet")},
        3, env);
    const qint64 rows = csvRows(out);
    o[QStringLiteral("body_mb")] = bytes / 1048576.0;
    o[QStringLiteral("receive_only_seconds")] = floor;
    o[QStringLiteral("qt_receive_only_seconds")] = qtFloor;
    o[QStringLiteral("ratio_of_qt_floor_to_floor")] = qtFloor / floor;
    o[QStringLiteral("curl_jq_seconds")] = jq;
    o[QStringLiteral("roster_seconds")] = seconds;
    o[QStringLiteral("rows")] = rows;
    o[QStringLiteral("ratio_to_floor")] = seconds / floor;
    o[QStringLiteral("ratio_to_jq")] = seconds / jq;
    o[QStringLiteral("target")] = QStringLiteral("ratio_to_floor <= 3, ratio_to_jq <= 0.1");
    o[QStringLiteral("met")] = rows == n && floor > 0 && jq > 0 && seconds > 0
        && seconds / floor <= 3.0 && seconds / jq <= 0.1;
    printFigure(o);
}

namespace {

// Notes when the first body bytes of any reply reach the application.
class ArrivalClock : public QNetworkAccessManager
{
public:
    QElapsedTimer clock;
    qint64 firstBytesNs = -1;
    int readyReads = 0;

protected:
    QNetworkReply *createRequest(
        Operation op, const QNetworkRequest &request, QIODevice *data) override
    {
        QNetworkReply *reply = QNetworkAccessManager::createRequest(op, request, data);
        connect(reply, &QNetworkReply::readyRead, this, [this] {
            ++readyReads;
            if (firstBytesNs < 0)
                firstBytesNs = clock.nsecsElapsed();
        });
        return reply;
    }
};

// Notes when the first row after the header line is written.
class RowClock : public QIODevice
{
public:
    explicit RowClock(const QElapsedTimer *clock)
        : m_clock(clock)
    {
        open(QIODevice::WriteOnly);
    }
    qint64 firstRowNs = -1;

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override
    {
        if (firstRowNs < 0) {
            m_newlines += QByteArrayView(data, size).count('\n');
            if (m_newlines >= 2)
                firstRowNs = m_clock->nsecsElapsed();
        }
        return size;
    }

private:
    const QElapsedTimer *m_clock;
    qint64 m_newlines = 0;
};

} // namespace

void figureDrip()
{
    QJsonObject o {{QStringLiteral("figure"), QStringLiteral("dripping_body_first_row")},
        {QStringLiteral("kind"), QStringLiteral("llamacloud")}};
    const qint64 n = 2000;
    o[QStringLiteral("users")] = n;
    QTemporaryDir dir;
    FileServer server;
    QString why = RealNet::findTool(QStringLiteral("nginx")).isEmpty()
        ? QStringLiteral("nginx missing")
        : QString();
    qint64 bytes = 0;
    if (why.isEmpty() && !writeBody(dir.path(), n, &bytes))
        why = QStringLiteral("the sandbox body could not be written");
    if (why.isEmpty()) // 1 MB/s in pieces of 48 kB: the body drips in over about 3 s
        server.start(dir.path(), QStringLiteral("limit_rate 1m; sendfile_max_chunk 48k;"), &why);
    if (!why.isEmpty()) {
        o[QStringLiteral("note")] = QString(QStringLiteral("not measured: ") + why);
        printFigure(o);
        return;
    }
    ArrivalClock nam;
    Profile p = SandboxDemo::profile(
        QStringLiteral("drip"), QStringLiteral("llamacloud"), QUrl(server.base()), kOrg);
    Provider *provider = ProviderFactory::create(p, SandboxServer::demoToken(), &nam, nullptr);
    ExportJob job(provider, {});
    RowClock rows(&nam.clock);
    job.setOutputDevice(&rows);
    bool done = false, ok = false;
    QObject::connect(&job, &ExportJob::finished, [&](bool success) {
        done = true;
        ok = success;
    });
    nam.clock.start();
    job.start();
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    const double seconds = nam.clock.nsecsElapsed() / 1e9;
    const double latencyMs = (rows.firstRowNs - nam.firstBytesNs) / 1e6;
    o[QStringLiteral("body_mb")] = bytes / 1048576.0;
    o[QStringLiteral("rows")] = job.rowsWritten();
    o[QStringLiteral("seconds")] = seconds;
    o[QStringLiteral("body_arrivals")] = nam.readyReads;
    o[QStringLiteral("first_bytes_ms")] = nam.firstBytesNs / 1e6;
    o[QStringLiteral("first_row_ms")] = rows.firstRowNs / 1e6;
    o[QStringLiteral("first_row_after_bytes_ms")] = latencyMs;
    o[QStringLiteral("fraction_of_run")] = rows.firstRowNs / 1e9 / seconds;
    o[QStringLiteral("target")] = QStringLiteral("first_row_after_bytes_ms <= 50");
    o[QStringLiteral("met")] = ok && job.rowsWritten() == n && rows.firstRowNs > 0
        && nam.firstBytesNs >= 0 && latencyMs <= 50.0;
    delete provider;
    printFigure(o);
}
