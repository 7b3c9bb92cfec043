#include "application.h"

#include "credentialstore.h"
#include "mainwindow.h"
#include "translations.h"
#include "exportjob.h"
#include "profilestore.h"
#include "provider.h"
#include "providerfactory.h"
#include "sandbox/sandboxdemo.h"
#include "sandbox/sandboxhost.h"
#include "sandbox/sandboxserver.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QPushButton>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace {
enum Exit { Ok = 0, Failed = 1, Usage = 2 };


void printErr(const QString &text)
{
    QTextStream(stderr) << text << Qt::endl;
}

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Roster"));
    QCoreApplication::setApplicationName(QStringLiteral("roster"));
    QCoreApplication::setApplicationVersion(QLatin1String(ROSTER_VERSION));
}

int runSandbox(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("Application", "Serve the sandbox provider APIs on 127.0.0.1 until stopped."));
    parser.addHelpOption();
    QCommandLineOption port(QStringLiteral("port"), QCoreApplication::translate("Application", "TCP port (default: any free port)."), QStringLiteral("N"), QStringLiteral("0"));
    QCommandLineOption users(QStringLiteral("users"), QCoreApplication::translate("Application", "Users per organization (default 25000)."), QStringLiteral("N"), QStringLiteral("25000"));
    QCommandLineOption latency(QStringLiteral("latency"), QCoreApplication::translate("Application", "Latency per response in ms (default 60)."), QStringLiteral("MS"), QStringLiteral("60"));
    parser.addOptions({port, users, latency});
    if (!parser.parse(args)) {
        printErr(QStringLiteral("roster sandbox: ") + parser.errorText());
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return Ok;
    }
    bool okPort = false, okUsers = false, okLatency = false;
    const uint portValue = parser.value(port).toUInt(&okPort);
    const qint64 usersValue = parser.value(users).toLongLong(&okUsers);
    const int latencyValue = parser.value(latency).toInt(&okLatency);
    if (!okPort || portValue > 65535) {
        printErr(QCoreApplication::translate("Application", "roster sandbox: --port must be a number from 0 to 65535"));
        return Usage;
    }
    if (!okUsers || usersValue < 0 || usersValue > 10000000) {
        printErr(QCoreApplication::translate("Application", "roster sandbox: --users must be a number from 0 to 10000000"));
        return Usage;
    }
    if (!okLatency || latencyValue < 0 || latencyValue > 60000) {
        printErr(QCoreApplication::translate("Application", "roster sandbox: --latency must be a number of milliseconds from 0 to 60000"));
        return Usage;
    }
    SandboxServer server;
    server.setUsersPerOrganization(usersValue);
    server.setLatencyMs(latencyValue);
    if (server.start(quint16(portValue)) == 0) {
        printErr(QCoreApplication::translate("Application", "roster sandbox: cannot listen on 127.0.0.1:%1").arg(portValue));
        return Failed;
    }
    QTextStream out(stdout);
    out << QCoreApplication::translate("Application", "Sandbox serving on %1 (%2 users per organization, %3 ms latency).")
               .arg(server.url().toString()).arg(usersValue).arg(latencyValue)
        << Qt::endl;
    out << QCoreApplication::translate("Application", "Demo profiles (token: %1):").arg(SandboxServer::demoToken()) << Qt::endl;
    for (const Profile &p : SandboxDemo::profiles(server.url()))
        out << QStringLiteral("  %1  %2  %3  %4").arg(p.name, p.kind, p.baseUrl.toString(), p.organization) << Qt::endl;
    return QCoreApplication::exec();
}

bool loadProfiles(const QString &config, bool demo, const QUrl &sandboxUrl, ProfileStore *store)
{
    if (demo) {
        store->setProfiles(SandboxDemo::profiles(sandboxUrl));
        return true;
    }
    const QString path = ProfileStore::resolvePath(config);
    if (!store->load(path)) {
        printErr(QCoreApplication::translate("Application", "roster: the profiles file %1 has problems:").arg(path));
        printErr(store->errorText());
        return false;
    }
    return true;
}

int runProfiles(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("Application", "List the configured profiles."));
    parser.addHelpOption();
    QCommandLineOption config(QStringLiteral("config"), QCoreApplication::translate("Application", "Profiles file (default: $ROSTER_CONFIG or %1).").arg(ProfileStore::defaultPath()), QStringLiteral("FILE"));
    QCommandLineOption demo(QStringLiteral("demo"), QCoreApplication::translate("Application", "List the built-in demo profiles."));
    parser.addOptions({config, demo});
    if (!parser.parse(args) || !parser.positionalArguments().isEmpty()) {
        printErr(QStringLiteral("roster profiles: ") + (parser.errorText().isEmpty() ? QCoreApplication::translate("Application", "unexpected argument %1").arg(parser.positionalArguments().value(0)) : parser.errorText()));
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return Ok;
    }
    ProfileStore store;
    const QString path = ProfileStore::resolvePath(parser.value(config));
    QTextStream out(stdout);
    const bool defaultPath = parser.value(config).isEmpty() && qEnvironmentVariableIsEmpty("ROSTER_CONFIG");
    if (!parser.isSet(demo) && defaultPath && !QFileInfo::exists(path)) {
        // Not an error: a fresh account simply has none yet. (A file named with --config or
        // ROSTER_CONFIG that is not there is still a usage error: most likely a typo.)
        out << "name\tkind\tbaseUrl\torganization" << Qt::endl;
        printErr(QCoreApplication::translate("Application", "roster profiles: there are no profiles yet; they would be read from %1 (add them in the window, or write that file; `roster --demo` shows examples).")
                     .arg(QDir::toNativeSeparators(path)));
        return Ok;
    }
    if (!loadProfiles(parser.value(config), parser.isSet(demo), QUrl(QStringLiteral("http://127.0.0.1:0")), &store))
        return Usage;
    out << "name\tkind\tbaseUrl\torganization" << Qt::endl;
    for (const Profile &p : store.profiles())
        out << p.name << '\t' << p.kind << '\t' << p.baseUrl.toString() << '\t' << p.organization << Qt::endl;
    return Ok;
}

QString grouped(qint64 n)
{
    return QLocale::system().toString(n);
}

int runExport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("Application", "Fetch every page of a profile's organization and write CSV."));
    parser.addHelpOption();
    QCommandLineOption profileOpt(QStringLiteral("profile"), QCoreApplication::translate("Application", "The profile to export."), QStringLiteral("NAME"));
    QCommandLineOption outputOpt(QStringLiteral("output"), QCoreApplication::translate("Application", "The CSV file to write, or - for standard output."), QStringLiteral("FILE"));
    QCommandLineOption columnsOpt(QStringLiteral("columns"), QCoreApplication::translate("Application", "Column keys, comma separated, in output order (default: %1).")
                                      .arg([] { QStringList k; for (Column c : Columns::defaults()) k << Columns::key(c); return k.join(QLatin1Char(',')); }()),
                                  QStringLiteral("KEYS"));
    QCommandLineOption bomOpt(QStringLiteral("bom"), QCoreApplication::translate("Application", "Start the file with a UTF-8 byte-order mark (for spreadsheets)."));
    QCommandLineOption noGuardOpt(QStringLiteral("no-formula-guard"), QCoreApplication::translate("Application", "Do not prefix ' to cells that start with = + - @ TAB or CR."));
    QCommandLineOption configOpt(QStringLiteral("config"), QCoreApplication::translate("Application", "Profiles file (default: $ROSTER_CONFIG or %1).").arg(ProfileStore::defaultPath()), QStringLiteral("FILE"));
    QCommandLineOption demoOpt(QStringLiteral("demo"), QCoreApplication::translate("Application", "Use the built-in sandbox and its demo profiles."));
    QCommandLineOption quietOpt(QStringLiteral("quiet"), QCoreApplication::translate("Application", "Print nothing but errors."));
    QCommandLineOption parallelOpt(QStringLiteral("parallel"), QCoreApplication::translate("Application", "Pages fetched at once where the provider allows it (default 4)."), QStringLiteral("N"), QStringLiteral("4"));
    parser.addOptions({profileOpt, outputOpt, columnsOpt, bomOpt, noGuardOpt, configOpt, demoOpt, quietOpt, parallelOpt});
    if (!parser.parse(args)) {
        printErr(QStringLiteral("roster export: ") + parser.errorText());
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return Ok;
    }
    if (!parser.positionalArguments().isEmpty()) {
        printErr(QCoreApplication::translate("Application", "roster export: unexpected argument \"%1\"").arg(parser.positionalArguments().first()));
        return Usage;
    }
    if (!parser.isSet(profileOpt)) {
        printErr(QCoreApplication::translate("Application", "roster export: --profile NAME is required (see `roster profiles`)"));
        return Usage;
    }
    if (!parser.isSet(outputOpt) || parser.value(outputOpt).isEmpty()) {
        printErr(QCoreApplication::translate("Application", "roster export: --output FILE is required (use - for standard output)"));
        return Usage;
    }
    ExportJob::Options options;
    if (parser.isSet(columnsOpt)) {
        QString bad;
        options.columns = Columns::parseList(parser.value(columnsOpt), &bad);
        if (options.columns.isEmpty()) {
            QStringList keys;
            for (Column c : Columns::all())
                keys << Columns::key(c);
            printErr(QCoreApplication::translate("Application", "roster export: unknown column key \"%1\" in --columns (known keys: %2)").arg(bad, keys.join(QStringLiteral(", "))));
            return Usage;
        }
    }
    bool okParallel = false;
    options.maxParallelPages = parser.value(parallelOpt).toInt(&okParallel);
    if (!okParallel || options.maxParallelPages < 1 || options.maxParallelPages > 16) {
        printErr(QCoreApplication::translate("Application", "roster export: --parallel must be a number from 1 to 16"));
        return Usage;
    }
    options.csv.byteOrderMark = parser.isSet(bomOpt);
    options.csv.formulaGuard = !parser.isSet(noGuardOpt);
    const bool quiet = parser.isSet(quietOpt);

    SandboxHost sandbox;
    QUrl sandboxUrl;
    if (parser.isSet(demoOpt)) {
        if (!sandbox.start()) {
            printErr(QCoreApplication::translate("Application", "roster export: cannot start the demo sandbox on 127.0.0.1"));
            return Failed;
        }
        sandboxUrl = sandbox.url();
    }
    ProfileStore store;
    if (!loadProfiles(parser.value(configOpt), parser.isSet(demoOpt), sandboxUrl, &store))
        return Usage;
    const Profile *found = store.find(parser.value(profileOpt));
    if (!found) {
        QStringList names;
        for (const Profile &p : store.profiles())
            names << p.name;
        printErr(QCoreApplication::translate("Application", "roster export: no profile named \"%1\" (profiles: %2)").arg(parser.value(profileOpt), names.isEmpty() ? QCoreApplication::translate("Application", "none") : names.join(QStringLiteral(", "))));
        return Usage;
    }
    const Profile profile = *found;
    const QString output = parser.value(outputOpt);
    QFile stdoutFile;
    if (output == QLatin1String("-") && !stdoutFile.open(stdout, QIODevice::WriteOnly)) {
        printErr(QCoreApplication::translate("Application", "roster export: cannot write to standard output"));
        return Failed;
    }

    QNetworkAccessManager nam;
    CredentialStore credentials;
    int exitCode = Failed;
    const bool showProgress = !quiet && isatty(fileno(stderr));
    QElapsedTimer lastProgress;
    lastProgress.start();
    QObject context;
    credentials.read(profile, &context, [&](const QString &secret, const ProviderError &credentialError) {
        if (credentialError.isError()) {
            printErr(QStringLiteral("roster export: ") + credentialError.message);
            exitCode = Usage;
            QCoreApplication::exit(exitCode);
            return;
        }
        Provider *provider = ProviderFactory::create(profile, secret, &nam, &context);
        auto *job = new ExportJob(provider, options, &context);
        if (output == QLatin1String("-"))
            job->setOutputDevice(&stdoutFile);
        else
            job->setOutputPath(output);
        QObject::connect(job, &ExportJob::progress, &context, [&, job](qint64 rows, qint64 total) {
            if (!showProgress || lastProgress.elapsed() < 200)
                return;
            lastProgress.restart();
            const QString of = total >= 0 ? QCoreApplication::translate("Application", " of %1").arg(grouped(total)) : QString();
            QTextStream(stderr) << QStringLiteral("\r") << QCoreApplication::translate("Application", "%1%2 rows, %3 rows/s").arg(grouped(rows), of, grouped(qint64(job->rowsPerSecond()))) << QStringLiteral("   ") << Qt::flush;
        });
        QObject::connect(job, &ExportJob::retrying, &context, [&](int attempt, int delayMs) {
            if (quiet)
                return;
            if (showProgress)
                QTextStream(stderr) << QStringLiteral("\r\033[K") << Qt::flush;
            printErr(QCoreApplication::translate("Application", "roster export: the provider asked to wait; trying again in %1 s (attempt %2).")
                         .arg(QString::number(delayMs / 1000.0, 'f', 1)).arg(attempt));
        });
        QObject::connect(job, &ExportJob::finished, &context, [&, job](bool ok) {
            if (showProgress)
                QTextStream(stderr) << QStringLiteral("\r\033[K") << Qt::flush;
            if (ok && !job->notice().isEmpty())
                printErr(QStringLiteral("roster export: ") + job->notice()); // even with --quiet: the data moved
            if (ok) {
                if (!quiet)
                    printErr(QCoreApplication::translate("Application", "Wrote %1 rows to %2.").arg(grouped(job->rowsWritten()), output == QLatin1String("-") ? QCoreApplication::translate("Application", "standard output") : output));
                exitCode = Ok;
            } else {
                const ProviderError &e = job->error();
                printErr(QCoreApplication::translate("Application", "roster export: profile \"%1\" failed: %2").arg(profile.name, e.summary()));
                const QStringList lines = e.detailLines();
                for (qsizetype i = 1; i < lines.size(); ++i)
                    printErr(QStringLiteral("  ") + lines[i]);
                if (output != QLatin1String("-"))
                    printErr(QCoreApplication::translate("Application", "  Nothing was written; %1 was left as it was.").arg(output));
                // Only a bad profile is the user's usage; a file that cannot be written is a failure.
                exitCode = e.kind == ProviderError::Kind::Configuration ? Usage : Failed;
            }
            QCoreApplication::exit(exitCode);
        });
        job->start();
    });
    QCoreApplication::exec();
    return exitCode;
}

int runWindow(int argc, char *argv[])
{
    QApplication app(argc, argv);
    Translations::install(&app, QLocale());
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/roster.svg")));
    QApplication::setDesktopFileName(QStringLiteral(ROSTER_APP_ID));
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("Application", "Browse and export the users of identity and access providers."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption demoOpt(QStringLiteral("demo"), QCoreApplication::translate("Application", "Open the built-in demo sandbox."));
    QCommandLineOption configOpt(QStringLiteral("config"), QCoreApplication::translate("Application", "Profiles file (default: $ROSTER_CONFIG or %1).").arg(ProfileStore::defaultPath()), QStringLiteral("FILE"));
    parser.addOptions({demoOpt, configOpt});
    parser.process(app);

    QNetworkAccessManager nam;
    CredentialStore credentials;
    ProfileStore store;
    SandboxHost sandbox;
    MainWindow::Context context;
    context.store = &store;
    context.credentials = &credentials;
    context.nam = &nam;

    auto startDemo = [&] {
        if (!sandbox.start()) {
            QMessageBox::critical(nullptr, QCoreApplication::translate("Application", "Roster"), QCoreApplication::translate("Application", "The demo sandbox could not listen on 127.0.0.1."));
            return false;
        }
        store.setProfiles(SandboxDemo::profiles(sandbox.url()));
        context.demo = true;
        context.profilesPath.clear();
        return true;
    };

    if (parser.isSet(demoOpt)) {
        if (!startDemo())
            return Failed;
    } else {
        const QString path = ProfileStore::resolvePath(parser.value(configOpt));
        context.profilesPath = path;
        if (QFileInfo::exists(path) && !store.load(path)) {
            QMessageBox::warning(nullptr, QCoreApplication::translate("Application", "Roster"),
                                 QCoreApplication::translate("Application", "The profiles file %1 has problems, so no profile was loaded:\n\n%2\n\nFix the file and start Roster again; profiles you add now would replace it.")
                                     .arg(path, store.errorText()));
            store.setProfiles({});
        }
        if (store.profiles().isEmpty()) {
            QMessageBox ask(QMessageBox::Question, QCoreApplication::translate("Application", "Welcome to Roster"),
                            QCoreApplication::translate("Application", "There are no profiles yet. You can look around in the demo sandbox, which serves all four provider APIs on this computer with made-up users, or add your first profile."),
                            QMessageBox::NoButton);
            QPushButton *demo = ask.addButton(QCoreApplication::translate("Application", "Open the &demo"), QMessageBox::AcceptRole);
            ask.addButton(QCoreApplication::translate("Application", "&Add a profile"), QMessageBox::RejectRole);
            ask.setDefaultButton(demo);
            ask.exec();
            if (ask.clickedButton() == demo && !startDemo())
                return Failed;
        }
    }
    MainWindow window(context);
    window.show();
    return QApplication::exec();
}

void printUsage()
{
    QTextStream(stdout) << QCoreApplication::translate("Application",
        "Usage:\n"
        "  roster                         open the window\n"
        "  roster --demo                  open the window on the built-in sandbox\n"
        "  roster export  --profile NAME --output FILE [--columns KEYS] [--bom]\n"
        "                 [--no-formula-guard] [--config FILE] [--demo] [--quiet] [--parallel N]\n"
        "  roster profiles [--config FILE] [--demo]\n"
        "  roster sandbox [--port N] [--users N] [--latency MS]\n"
        "  roster --version | --help\n");
}
} // namespace

int Application::run(int argc, char *argv[])
{
    setIdentity();
    const QString command = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        QCoreApplication app(argc, argv);
        QTextStream(stdout) << "roster " << ROSTER_VERSION << Qt::endl;
        return Ok;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h")) {
        QCoreApplication app(argc, argv);
        Translations::install(&app, QLocale());
        printUsage();
        return Ok;
    }
    if (command == QLatin1String("sandbox") || command == QLatin1String("profiles") || command == QLatin1String("export")) {
        QCoreApplication app(argc, argv);
        Translations::install(&app, QLocale());
        QStringList args = app.arguments();
        args.removeAt(1); // the command word
        if (command == QLatin1String("export"))
            return runExport(args);
        return command == QLatin1String("sandbox") ? runSandbox(args) : runProfiles(args);
    }
    if (command.isEmpty() || command.startsWith(QLatin1Char('-')))
        return runWindow(argc, argv);
    QCoreApplication app(argc, argv);
    Translations::install(&app, QLocale());
    printErr(QCoreApplication::translate("Application", "roster: unknown command \"%1\"").arg(command));
    printUsage();
    return Usage;
}
