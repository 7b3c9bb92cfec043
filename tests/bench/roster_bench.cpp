// Roster's performance figures. Each figure runs in a fresh child process (so memory baselines are
// clean), starts the sandbox in-process on its own thread, and prints one JSON line:
//   roster_bench            all figures
//   roster_bench FIGURE...  export, parallel, memory-karmo, memory-llamacloud, export-memory,
//                           stall, switch, csv, stream, export-llamacloud, find,
//                           review-memory, pacing, history, file-export, drip
// Absolute times vary between machines; the targets are issue 6's.
#include "accessreview.h"
#include "benchsupport.h"
#include "credentialstore.h"
#include "csvwriter.h"
#include "exportjob.h"
#include "mainwindow.h"
#include "pagewalker.h"
#include "peoplefinder.h"
#include "profilestore.h"
#include "provider.h"
#include "providerfactory.h"
#include "providerkind.h"
#include "sandbox/sandboxdata.h"
#include "sandbox/sandboxdemo.h"
#include "sandbox/sandboxhost.h"
#include "sandbox/sandboxserver.h"
#include "usertablemodel.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <functional>
#include <malloc.h>

namespace {
// Times every event dispatched on the UI thread, so a stall can be traced to its receiver.
class TimingApplication : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!timing || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        QElapsedTimer t;
        t.start();
        const QString name = QString::fromLatin1(receiver->metaObject()->className());
        const int type = event->type();
        const bool result = QApplication::notify(receiver, event);
        const qint64 ns = t.nsecsElapsed();
        if (ns > slowestNs) {
            slowestNs = ns;
            slowest = QStringLiteral("%1 (event %2)").arg(name).arg(type);
        }
        return result;
    }
    bool timing = false;
    qint64 slowestNs = 0;
    QString slowest;
};

void emitFigure(QJsonObject o)
{
    QTextStream(stdout) << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
}

qint64 rssBytes()
{
    malloc_trim(0); // freed heap is returned first, so the figure counts what is held
    return statusKb("VmRSS:") * 1024;
}

Provider *makeProvider(SandboxHost &host, const QString &kind, const QString &org,
    QNetworkAccessManager *nam, QObject *parent)
{
    Profile p = SandboxDemo::profile(QStringLiteral("bench"), kind, host.url(), org);
    return ProviderFactory::create(p, SandboxServer::demoToken(), nam, parent);
}

double runExport(
    SandboxHost &host, const QString &kind, const QString &org, int parallel, qint64 *rows)
{
    QNetworkAccessManager nam;
    Provider *provider = makeProvider(host, kind, org, &nam, nullptr);
    QTemporaryDir dir;
    ExportJob::Options options;
    options.maxParallelPages = parallel;
    ExportJob job(provider, options);
    job.setOutputPath(dir.filePath(QStringLiteral("out.csv")));
    QElapsedTimer timer;
    bool done = false, ok = false;
    QObject::connect(&job, &ExportJob::finished, [&](bool success) {
        done = true;
        ok = success;
    });
    timer.start();
    job.start();
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    const double seconds = timer.nsecsElapsed() / 1e9;
    *rows = ok ? job.rowsWritten() : -1;
    delete provider;
    return seconds;
}

bool loadAll(UserTableModel &model)
{
    for (;;) {
        while (model.isLoading())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        if (model.state() == UserTableModel::State::Failed)
            return false;
        if (!model.canFetchMore({}))
            return true;
        model.fetchMore({});
    }
}

void figureExport()
{
    {
        // At zero latency the time per page is Roster's own overhead (request, parse, write).
        SandboxHost host;
        host.start(0, 25000, 0);
        qint64 rows = 0;
        const double seconds
            = runExport(host, QStringLiteral("karmo"), QStringLiteral("bench-n100000"), 1, &rows);
        emitFigure({{QStringLiteral("figure"), QStringLiteral("export_overhead_per_page")},
            {QStringLiteral("kind"), QStringLiteral("karmo")}, {QStringLiteral("users"), 100000},
            {QStringLiteral("pages"), 1000}, {QStringLiteral("latency_ms"), 0},
            {QStringLiteral("seconds"), seconds}, {QStringLiteral("ms_per_page"), seconds},
            {QStringLiteral("rows"), rows},
            {QStringLiteral("note"),
                QStringLiteral(
                    "informational: the time a page costs beyond the server's latency")}});
    }
    for (int latency : {2, 20}) {
        SandboxHost host;
        host.start(0, 25000, latency);
        const qint64 n = 100000;
        qint64 rows = 0;
        const double seconds = runExport(
            host, QStringLiteral("karmo"), QStringLiteral("bench-n%1").arg(n), 1, &rows);
        const double floor = double(n) / 100.0 * latency / 1000.0;
        emitFigure({{QStringLiteral("figure"), QStringLiteral("export_throughput")},
            {QStringLiteral("kind"), QStringLiteral("karmo")}, {QStringLiteral("users"), n},
            {QStringLiteral("latency_ms"), latency}, {QStringLiteral("rows"), rows},
            {QStringLiteral("seconds"), seconds}, {QStringLiteral("floor_seconds"), floor},
            {QStringLiteral("ratio_to_floor"), seconds / floor},
            {QStringLiteral("target"), QStringLiteral("<= 1.15")},
            {QStringLiteral("met"), rows == n && seconds / floor <= 1.15}});
    }
}

void figureParallel()
{
    SandboxHost host;
    host.start(0, 25000, 20);
    const qint64 n = 40000; // 200 pages of 200
    qint64 seqRows = 0, parRows = 0;
    const double sequential
        = runExport(host, QStringLiteral("csp"), QStringLiteral("par-n%1").arg(n), 1, &seqRows);
    const double parallel
        = runExport(host, QStringLiteral("csp"), QStringLiteral("par-n%1").arg(n), 5, &parRows);
    emitFigure({{QStringLiteral("figure"), QStringLiteral("parallel_pages")},
        {QStringLiteral("kind"), QStringLiteral("csp")}, {QStringLiteral("users"), n},
        {QStringLiteral("latency_ms"), 20}, {QStringLiteral("parallel"), 5},
        {QStringLiteral("sequential_seconds"), sequential},
        {QStringLiteral("parallel_seconds"), parallel},
        {QStringLiteral("speedup"), sequential / parallel},
        {QStringLiteral("target"), QStringLiteral(">= 3")},
        {QStringLiteral("met"), seqRows == n && parRows == n && sequential / parallel >= 3.0}});

    // The table's "load everything" uses the same parallel fetching.
    QNetworkAccessManager nam;
    UserTableModel model;
    Provider *provider
        = makeProvider(host, QStringLiteral("csp"), QStringLiteral("par-n%1").arg(n), &nam, &model);
    QElapsedTimer timer;
    timer.start();
    model.setProvider(provider);
    while (model.isLoading())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    model.loadAll();
    while (model.isLoading())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    const double tableSeconds = timer.nsecsElapsed() / 1e9;
    emitFigure({{QStringLiteral("figure"), QStringLiteral("parallel_table_fill")},
        {QStringLiteral("kind"), QStringLiteral("csp")}, {QStringLiteral("users"), n},
        {QStringLiteral("latency_ms"), 20}, {QStringLiteral("rows"), model.rowCount()},
        {QStringLiteral("seconds"), tableSeconds},
        {QStringLiteral("sequential_export_seconds"), sequential},
        {QStringLiteral("speedup"), sequential / tableSeconds},
        {QStringLiteral("target"), QStringLiteral(">= 3")},
        {QStringLiteral("met"), model.rowCount() == n && sequential / tableSeconds >= 3.0}});
}

void figureMemory(const QString &kind, qint64 n, double targetBytes)
{
    SandboxHost host;
    host.start(0, 25000, 0);
    QNetworkAccessManager nam;
    auto *model = new UserTableModel;
    Provider *provider = makeProvider(host, kind, QStringLiteral("mem-n%1").arg(n), &nam, model);
    // Warm up the network stack and allocator so the baseline holds their fixed costs.
    {
        UserTableModel warm;
        warm.setProvider(makeProvider(host, kind, QStringLiteral("warm-n300"), &nam, &warm));
        loadAll(warm);
    }
    const qint64 before = rssBytes();
    QElapsedTimer timer;
    timer.start();
    model->setProvider(provider);
    const bool ok = loadAll(*model);
    const double seconds = timer.nsecsElapsed() / 1e9;
    const qint64 after = rssBytes();
    const double perUser = double(after - before) / double(n);
    double packed = 0;
    for (int r = 0; r < model->rowCount(); ++r)
        packed += double(model->compactUser(r).byteSize());
    packed /= std::max(1, model->rowCount());
    emitFigure({{QStringLiteral("figure"), QStringLiteral("memory_per_loaded_user")},
        {QStringLiteral("kind"), kind}, {QStringLiteral("users"), n},
        {QStringLiteral("rows"), model->rowCount()}, {QStringLiteral("load_seconds"), seconds},
        {QStringLiteral("rss_growth_bytes"), after - before},
        {QStringLiteral("bytes_per_user"), perUser}, {QStringLiteral("packed_row_bytes"), packed},
        {QStringLiteral("target"), QStringLiteral("<= %1").arg(targetBytes)},
        {QStringLiteral("met"), ok && perUser <= targetBytes}});
    delete model;
}

// Peak memory of an export that streams its organization straight into the file.
void figureExportMemory(const QString &kind)
{
    SandboxHost host;
    host.start(0, 25000, 0);
    const qint64 n = 1000000;
    {
        qint64 warmRows = 0;
        runExport(host, kind, QStringLiteral("warm-n2000"), 1, &warmRows);
    }
    malloc_trim(0);
    const qint64 start = statusKb("VmRSS:") * 1024;
    resetPeak();
    qint64 rows = 0;
    const double seconds = runExport(host, kind, QStringLiteral("big-n%1").arg(n), 1, &rows);
    const qint64 peak = statusKb("VmHWM:") * 1024;
    const double growthMb = double(peak - start) / (1024.0 * 1024.0);
    emitFigure({{QStringLiteral("figure"), QStringLiteral("export_peak_memory")},
        {QStringLiteral("kind"), kind}, {QStringLiteral("users"), n},
        {QStringLiteral("rows"), rows}, {QStringLiteral("seconds"), seconds},
        {QStringLiteral("rows_per_second"), rows / seconds},
        {QStringLiteral("peak_rss_growth_mb"), growthMb},
        {QStringLiteral("target"), QStringLiteral("<= 50")},
        {QStringLiteral("met"), rows == n && growthMb <= 50.0}});
}

void figureStall()
{
    SandboxHost host;
    host.start(0, 25000, 0);
    QNetworkAccessManager nam;
    UserTableModel model;
    const qint64 n = 100000;
    Provider *provider = makeProvider(
        host, QStringLiteral("llamacloud"), QStringLiteral("ui-n%1").arg(n), &nam, &model);
    QElapsedTimer clock;
    qint64 last = 0, worst = 0;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        worst = std::max(worst, now - last);
        last = now;
    });
    auto *timingApp = static_cast<TimingApplication *>(QCoreApplication::instance());
    timingApp->timing = true;
    clock.start();
    heartbeat.start(5);
    model.setProvider(provider);
    // Insert every row the way a view scrolling to the end would: one batch per event-loop turn.
    bool done = false;
    QTimer pump;
    QObject::connect(&pump, &QTimer::timeout, [&] {
        if (model.isLoading())
            return;
        if (model.canFetchMore({}))
            model.fetchMore({});
        else
            done = true;
    });
    pump.start(0);
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    const double seconds = clock.nsecsElapsed() / 1e9;
    emitFigure({{QStringLiteral("figure"), QStringLiteral("ui_longest_stall")},
        {QStringLiteral("kind"), QStringLiteral("llamacloud")}, {QStringLiteral("users"), n},
        {QStringLiteral("rows"), model.rowCount()}, {QStringLiteral("seconds"), seconds},
        {QStringLiteral("longest_gap_ms"), worst / 1e6}, {QStringLiteral("heartbeat_ms"), 5},
        {QStringLiteral("slowest_event_ms"), timingApp->slowestNs / 1e6},
        {QStringLiteral("slowest_event"), timingApp->slowest},
        {QStringLiteral("error"), model.lastError().summary()},
        {QStringLiteral("target"), QStringLiteral("<= 50")},
        {QStringLiteral("met"), model.rowCount() == n && worst / 1e6 <= 50.0}});
}

// The floor: the same body received with nothing parsed (read and dropped as it arrives).
double receiveOnly(SandboxHost &host, const QString &org, qint64 *bytes)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(
        host.url(QStringLiteral("/llamacloud/api/v1/organizations/%1/users").arg(org)));
    request.setRawHeader("Cookie", "session=" + SandboxServer::demoToken().toUtf8());
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = nam.get(request);
    reply->setReadBufferSize(2 * 1024 * 1024);
    *bytes = 0;
    QObject::connect(
        reply, &QNetworkReply::readyRead, [reply, bytes] { *bytes += reply->readAll().size(); });
    while (!reply->isFinished())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    *bytes += reply->readAll().size();
    const double seconds = timer.nsecsElapsed() / 1e9;
    delete reply;
    return seconds;
}

void figureStream()
{
    // A whole one-array organization into the table, against the time to receive its body.
    SandboxHost host;
    host.start(0, 25000, 60);
    const qint64 n = 100000;
    const QString org = QStringLiteral("stream-n%1").arg(n);
    qint64 bytes = 0;
    receiveOnly(host, QStringLiteral("warm-n2000"), &bytes);
    const double floor = receiveOnly(host, org, &bytes);
    QNetworkAccessManager nam;
    auto *model = new UserTableModel;
    {
        UserTableModel warm;
        warm.setProvider(makeProvider(
            host, QStringLiteral("llamacloud"), QStringLiteral("warm-n300"), &nam, &warm));
        loadAll(warm);
    }
    const qint64 start = rssBytes();
    resetPeak();
    QElapsedTimer timer;
    timer.start();
    model->setProvider(makeProvider(host, QStringLiteral("llamacloud"), org, &nam, model));
    model->loadAll(); // every row as it arrives, as Ctrl+End does
    const bool ok = loadAll(*model);
    const double seconds = timer.nsecsElapsed() / 1e9;
    const qint64 peak = statusKb("VmHWM:") * 1024;
    const qint64 final = rssBytes();
    const double ratio = seconds / floor;
    const double overMb = double(peak - final) / (1024.0 * 1024.0);
    emitFigure({{QStringLiteral("figure"), QStringLiteral("one_array_into_table")},
        {QStringLiteral("kind"), QStringLiteral("llamacloud")}, {QStringLiteral("users"), n},
        {QStringLiteral("rows"), model->rowCount()}, {QStringLiteral("body_mb"), bytes / 1048576.0},
        {QStringLiteral("receive_only_seconds"), floor}, {QStringLiteral("table_seconds"), seconds},
        {QStringLiteral("ratio"), ratio}, {QStringLiteral("table_mb"), (final - start) / 1048576.0},
        {QStringLiteral("peak_over_final_mb"), overMb},
        {QStringLiteral("target"), QStringLiteral("ratio <= 1.2, peak <= final + 32 MB")},
        {QStringLiteral("met"), ok && model->rowCount() == n && ratio <= 1.2 && overMb <= 32.0}});
    delete model;
}

void figureSwitch(qint64 users)
{
    const int latency = 60;
    SandboxHost host;
    host.start(0, users, latency);
    QNetworkAccessManager nam;
    CredentialStore credentials;
    ProfileStore store;
    // Open on an error profile, so every kind's first rows are timed from a switch.
    QList<Profile> profiles = SandboxDemo::profiles(host.url());
    profiles.prepend(SandboxDemo::profile(
        QStringLiteral("start"), QStringLiteral("karmo"), host.url(), QStringLiteral("error-404")));
    store.setProfiles(profiles);
    MainWindow::Context context {&store, QString(), &credentials, &nam, true};
    MainWindow window(context);
    window.show();
    // Wait for the first profile, then time a switch to each other kind.
    while (
        !window.currentModel() || window.currentModel()->state() != UserTableModel::State::Failed)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    QJsonObject times;
    double worst = 0;
    double worstPaged = 0;
    for (int i = 1; i <= 4; ++i) {
        const Profile &p = store.profiles().at(i);
        // The previous organization first finishes loading: each switch is timed on its own, not
        // against a one-array download still going on in the background.
        while (window.currentModel()->isLoading())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        QElapsedTimer timer;
        timer.start();
        window.activateProfile(p.name);
        while (window.currentModel()->rowCount() == 0
            && window.currentModel()->state() != UserTableModel::State::Failed)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        const double ms = timer.nsecsElapsed() / 1e6;
        times.insert(p.kind, ms);
        worst = std::max(worst, ms);
        if (p.kind == QLatin1String("karmo") || p.kind == QLatin1String("csp"))
            worstPaged = std::max(worstPaged, ms);
    }
    emitFigure({{QStringLiteral("figure"), QStringLiteral("first_rows_after_switch")},
        {QStringLiteral("latency_ms"), latency}, {QStringLiteral("users_per_org"), users},
        {QStringLiteral("ms_by_kind"), times}, {QStringLiteral("worst_ms"), worst},
        {QStringLiteral("worst_paged_ms"), worstPaged},
        {QStringLiteral("target"), QStringLiteral("<= %1").arg(latency + 30)},
        {QStringLiteral("met"), worst <= latency + 30}});
}

void figureCsv()
{
    QList<User> users;
    for (int i = 0; i < 1000; ++i) {
        User u;
        u.id = QStringLiteral("user_01J7C4Q8Q%1").arg(i, 11, 10, QLatin1Char('0'));
        u.userId = u.id;
        u.email = QStringLiteral("person.%1@example.com").arg(i);
        u.givenName = i % 10 == 0 ? QStringLiteral("=Formula, \"quoted\"") : QStringLiteral("Alex");
        u.familyName = QStringLiteral("Taylor");
        u.displayName = u.givenName + QLatin1Char(' ') + u.familyName;
        u.phone = QStringLiteral("+61412345678");
        u.status = QStringLiteral("active");
        users << u;
    }
    QFile sink(QStringLiteral("/dev/null"));
    sink.open(QIODevice::WriteOnly);
    CsvWriter writer(&sink, Columns::defaults());
    writer.writeHeader();
    const qint64 n = 2000000;
    QElapsedTimer timer;
    timer.start();
    for (qint64 i = 0; i < n; ++i)
        writer.writeUser(users[i % 1000]);
    writer.flush();
    const double seconds = timer.nsecsElapsed() / 1e9;
    emitFigure({{QStringLiteral("figure"), QStringLiteral("csv_writer")},
        {QStringLiteral("rows"), n}, {QStringLiteral("columns"), int(Columns::defaults().size())},
        {QStringLiteral("seconds"), seconds}, {QStringLiteral("rows_per_second"), n / seconds},
        {QStringLiteral("target"), QStringLiteral(">= 1000000")},
        {QStringLiteral("met"), n / seconds >= 1e6}});
}
} // namespace

namespace {
// The five main demo organizations (one per kind), as `roster --demo` has them.
QList<Profile> mainDemos(const QUrl &url)
{
    QList<Profile> out;
    for (const Profile &p : SandboxDemo::profiles(url)) {
        if (p.name.startsWith(QLatin1String("Demo: ")))
            out << p;
    }
    return out;
}

// How long one profile takes to walk to the end on its own.
double ownFullLoad(const Profile &p, QNetworkAccessManager *nam)
{
    Provider *provider = ProviderFactory::create(p, SandboxServer::demoToken(), nam, nullptr);
    PageWalker walker(provider, {4, true});
    QElapsedTimer t;
    t.start();
    walker.start();
    walker.runToEnd();
    while (walker.state() != PageWalker::State::Complete
        && walker.state() != PageWalker::State::Failed)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    const double seconds = t.nsecsElapsed() / 1e9;
    delete provider;
    return seconds;
}

// Find across the five demo profiles (25,000 users each, 60 ms latency), nothing cached.
void figureFind()
{
    SandboxHost host;
    host.start(0, 25000, 60);
    const QList<Profile> demos = mainDemos(host.url());
    QNetworkAccessManager nam;
    QJsonObject own;
    double slowest = 0;
    for (const Profile &p : demos) {
        const double s = ownFullLoad(p, &nam);
        own.insert(p.kind, s);
        slowest = std::max(slowest, s);
    }
    // A person the demo organizations share, spelled as one of them has it.
    const QString email = SandboxData::person(demos.first().organization, 17 + 250 * 3).email;
    PeopleFinder finder(PersonMatch(email, false));
    QElapsedTimer t;
    QJsonObject answered;
    QObject::connect(&finder, &PeopleFinder::profileFinished,
        [&](int target) { answered.insert(demos.at(target).kind, t.nsecsElapsed() / 1e9); });
    t.start();
    for (const Profile &p : demos)
        finder.setProvider(finder.addProfile(p),
            ProviderFactory::createShared(p, SandboxServer::demoToken(), &nam));
    finder.start();
    while (!finder.isFinished())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    const double whole = t.nsecsElapsed() / 1e9;
    int found = 0;
    double quick = 0; // the slowest of the parallel-paged and server-searching profiles
    for (int i = 0; i < finder.profileCount(); ++i) {
        found += finder.found(i);
        const ProviderKind *k = ProviderKinds::find(demos.at(i).kind);
        Provider *probe = ProviderFactory::create(demos.at(i), QString(), &nam, nullptr);
        const bool fast = (k && k->serverSearch)
            || probe->capabilities().paging == ProviderCapabilities::Paging::Offset;
        delete probe;
        if (fast)
            quick = std::max(quick, answered.value(demos.at(i).kind).toDouble());
    }
    emitFigure({{QStringLiteral("figure"), QStringLiteral("find_five_profiles")},
        {QStringLiteral("users_each"), 25000}, {QStringLiteral("latency_ms"), 60},
        {QStringLiteral("accounts_found"), found}, {QStringLiteral("answered_seconds"), answered},
        {QStringLiteral("own_full_load_seconds"), own},
        {QStringLiteral("parallel_or_server_seconds"), quick},
        {QStringLiteral("whole_seconds"), whole},
        {QStringLiteral("whole_vs_slowest_own_load"), whole / slowest},
        {QStringLiteral("target"), QStringLiteral("parallel/server <= 1 s; whole <= 1.1 x")},
        {QStringLiteral("met"), quick <= 1.0 && whole <= 1.1 * slowest}});
}

// Peak memory of an access review of five profiles x 100,000 users.
void figureReviewMemory()
{
    SandboxHost host;
    host.start(0, 100000, 0);
    QNetworkAccessManager nam;
    QTemporaryDir dir;
    const auto review = [&](const QString &tag, qint64 n) {
        AccessReview r({});
        for (const Profile &demo : mainDemos(host.url())) {
            Profile p = SandboxDemo::profile(demo.name, demo.kind, host.url(),
                QStringLiteral("%1-%2-n%3").arg(tag, demo.kind).arg(n));
            r.setProvider(r.addProfile(p),
                ProviderFactory::createShared(p, SandboxServer::demoToken(), &nam));
        }
        r.setOutputPath(dir.filePath(tag + QStringLiteral(".csv")));
        bool done = false, ok = false;
        QObject::connect(&r, &AccessReview::finished, [&](bool success) {
            done = true;
            ok = success;
        });
        r.start();
        while (!done)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        return ok ? r.summary().accounts : -1;
    };
    review(QStringLiteral("warm"), 2000);
    malloc_trim(0);
    const qint64 start = statusKb("VmRSS:") * 1024;
    resetPeak();
    QElapsedTimer t;
    t.start();
    const qint64 accounts = review(QStringLiteral("shared-review"), 100000);
    const double seconds = t.nsecsElapsed() / 1e9;
    const double growthMb = double(statusKb("VmHWM:") * 1024 - start) / (1024.0 * 1024.0);
    emitFigure({{QStringLiteral("figure"), QStringLiteral("review_peak_memory")},
        {QStringLiteral("profiles"), 5}, {QStringLiteral("users_each"), 100000},
        {QStringLiteral("accounts"), accounts}, {QStringLiteral("seconds"), seconds},
        {QStringLiteral("peak_rss_growth_mb"), growthMb},
        {QStringLiteral("target"), QStringLiteral("<= 60")},
        {QStringLiteral("met"), accounts == 500000 && growthMb <= 60.0}});
}
} // namespace

// A parallel CSP export of 20,000 users (100 pages, 8 at once, 20 ms) from `host` under `limit`,
// counted for the organization word `word`: the 429s it met and its time against
// `floor(requests)`, the least the limit allows.
static void figurePacedExport(SandboxHost &host, const QString &figure, const QString &word,
    SandboxQuota &limit, const QString &limitText, const std::function<double(int requests)> &floor)
{
    const qint64 n = 20000;
    qint64 rows = 0;
    limit.reset();
    const double seconds = runExport(
        host, QStringLiteral("csp"), QStringLiteral("pace-%1-n%2").arg(word).arg(n), 8, &rows);
    const int requests = limit.accepted();
    const int rejected = limit.rejections();
    const double least = floor(requests);
    emitFigure({{QStringLiteral("figure"), figure}, {QStringLiteral("kind"), QStringLiteral("csp")},
        {QStringLiteral("users"), n}, {QStringLiteral("latency_ms"), 20},
        {QStringLiteral("parallel"), 8}, {word, limitText}, {QStringLiteral("rows"), rows},
        {QStringLiteral("requests"), requests}, {QStringLiteral("answers_429"), rejected},
        {QStringLiteral("seconds"), seconds}, {QStringLiteral("floor_seconds"), least},
        {QStringLiteral("ratio_to_floor"), seconds / least},
        {QStringLiteral("target"), QStringLiteral("429s <= 1, ratio <= 1.15")},
        {QStringLiteral("met"), rows == n && rejected <= 1 && seconds / least <= 1.15}});
}

// Under the host's fixed-window quota of 20 a second: the last page cannot go before the window
// it fits in starts.
static void figurePacing()
{
    SandboxHost host;
    host.start(0, 25000, 20);
    const int perWindow = 20;
    host.server()->quota().configure(perWindow, 1);
    const double startFraction = double(QDateTime::currentMSecsSinceEpoch() % 1000) / 1000.0;
    figurePacedExport(host, QStringLiteral("paced_parallel_export"), QStringLiteral("quota"),
        host.server()->quota(), QStringLiteral("%1 per second").arg(perWindow), [&](int requests) {
            const int windows = (requests + perWindow - 1) / perWindow;
            return std::max(0.0, windows - 1 - startFraction) + 0.020;
        });
}

// Under a token bucket of 20 refilled at 20 a second: the time to earn every request beyond the
// 20 it starts with, then the last page's latency.
static void figurePacingBucket()
{
    SandboxHost host;
    host.start(0, 25000, 20);
    const int capacity = 20;
    host.server()->bucket().configure(capacity, 1);
    figurePacedExport(host, QStringLiteral("paced_parallel_export_bucket"),
        QStringLiteral("bucket"), host.server()->bucket(),
        QStringLiteral("%1, refilled at %1 a second").arg(capacity),
        [&](int requests) { return std::max(0, requests - capacity) / double(capacity) + 0.020; });
}

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TimingApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("RosterBench"));
    QStringList figures = app.arguments().mid(1);
    const QStringList all {QStringLiteral("csv"), QStringLiteral("export"),
        QStringLiteral("parallel"), QStringLiteral("memory-karmo"),
        QStringLiteral("memory-llamacloud"), QStringLiteral("export-memory"),
        QStringLiteral("stall"), QStringLiteral("switch"), QStringLiteral("stream"),
        QStringLiteral("export-llamacloud"), QStringLiteral("find"),
        QStringLiteral("review-memory"), QStringLiteral("pacing"), QStringLiteral("pacing-bucket"),
        QStringLiteral("history"), QStringLiteral("file-export"), QStringLiteral("drip")};
    if (figures.isEmpty()) {
        // One child process per figure, so each memory baseline starts clean.
        for (const QString &f : all) {
            QProcess child;
            child.setProcessChannelMode(QProcess::ForwardedChannels);
            child.start(QCoreApplication::applicationFilePath(), {f});
            child.waitForFinished(-1);
        }
        return 0;
    }
    for (const QString &f : std::as_const(figures)) {
        if (f == QLatin1String("export"))
            figureExport();
        else if (f == QLatin1String("parallel"))
            figureParallel();
        else if (f == QLatin1String("memory-karmo"))
            figureMemory(QStringLiteral("karmo"), 1000000, 600);
        else if (f == QLatin1String("memory-llamacloud"))
            figureMemory(QStringLiteral("llamacloud"), 100000, 1536);
        else if (f == QLatin1String("export-memory"))
            figureExportMemory(QStringLiteral("karmo"));
        else if (f == QLatin1String("stall"))
            figureStall();
        else if (f == QLatin1String("switch")) {
            figureSwitch(25000);
            figureSwitch(100000);
        } else if (f == QLatin1String("csv"))
            figureCsv();
        else if (f == QLatin1String("stream"))
            figureStream();
        else if (f == QLatin1String("export-llamacloud"))
            figureExportMemory(QStringLiteral("llamacloud"));
        else if (f == QLatin1String("find"))
            figureFind();
        else if (f == QLatin1String("review-memory"))
            figureReviewMemory();
        else if (f == QLatin1String("pacing"))
            figurePacing();
        else if (f == QLatin1String("pacing-bucket"))
            figurePacingBucket();
        else if (f == QLatin1String("history"))
            figureHistory(QStringLiteral(ROSTER_BINARY));
        else if (f == QLatin1String("file-export"))
            figureFileExport(QStringLiteral(ROSTER_BINARY));
        else if (f == QLatin1String("drip"))
            figureDrip();
        else if (f == QLatin1String("file-export-million"))
            figureFileExportMillion(QStringLiteral(ROSTER_BINARY));
        else {
            QTextStream(stderr) << "unknown figure " << f
                                << " (known: " << all.join(QStringLiteral(", "))
                                << ", and file-export-million, about 1.5 GB in TMPDIR)\n";
            return 2;
        }
    }
    return 0;
}
