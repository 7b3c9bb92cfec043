#include "application.h"

#include "profilestore.h"
#include "sandbox/sandboxdemo.h"
#include "sandbox/sandboxserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {
enum Exit { Ok = 0, Failed = 1, Usage = 2 };

QString tr(const char *text)
{
    return QCoreApplication::translate("Application", text);
}

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
    parser.setApplicationDescription(tr("Serve the sandbox provider APIs on 127.0.0.1 until stopped."));
    parser.addHelpOption();
    QCommandLineOption port(QStringLiteral("port"), tr("TCP port (default: any free port)."), QStringLiteral("N"), QStringLiteral("0"));
    QCommandLineOption users(QStringLiteral("users"), tr("Users per organization (default 25000)."), QStringLiteral("N"), QStringLiteral("25000"));
    QCommandLineOption latency(QStringLiteral("latency"), tr("Latency per response in ms (default 60)."), QStringLiteral("MS"), QStringLiteral("60"));
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
        printErr(tr("roster sandbox: --port must be a number from 0 to 65535"));
        return Usage;
    }
    if (!okUsers || usersValue < 0 || usersValue > 10000000) {
        printErr(tr("roster sandbox: --users must be a number from 0 to 10000000"));
        return Usage;
    }
    if (!okLatency || latencyValue < 0 || latencyValue > 60000) {
        printErr(tr("roster sandbox: --latency must be a number of milliseconds from 0 to 60000"));
        return Usage;
    }
    SandboxServer server;
    server.setUsersPerOrganization(usersValue);
    server.setLatencyMs(latencyValue);
    if (server.start(quint16(portValue)) == 0) {
        printErr(tr("roster sandbox: cannot listen on 127.0.0.1:%1").arg(portValue));
        return Failed;
    }
    QTextStream out(stdout);
    out << tr("Sandbox serving on %1 (%2 users per organization, %3 ms latency).")
               .arg(server.url().toString()).arg(usersValue).arg(latencyValue)
        << Qt::endl;
    out << tr("Demo profiles (token: %1):").arg(SandboxServer::demoToken()) << Qt::endl;
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
        printErr(tr("roster: the profiles file %1 has problems:").arg(path));
        printErr(store->errorText());
        return false;
    }
    return true;
}

int runProfiles(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("List the configured profiles."));
    parser.addHelpOption();
    QCommandLineOption config(QStringLiteral("config"), tr("Profiles file (default: $ROSTER_CONFIG or %1).").arg(ProfileStore::defaultPath()), QStringLiteral("FILE"));
    QCommandLineOption demo(QStringLiteral("demo"), tr("List the built-in demo profiles."));
    parser.addOptions({config, demo});
    if (!parser.parse(args) || !parser.positionalArguments().isEmpty()) {
        printErr(QStringLiteral("roster profiles: ") + (parser.errorText().isEmpty() ? tr("unexpected argument %1").arg(parser.positionalArguments().value(0)) : parser.errorText()));
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return Ok;
    }
    ProfileStore store;
    if (!loadProfiles(parser.value(config), parser.isSet(demo), QUrl(QStringLiteral("http://127.0.0.1:0")), &store))
        return Usage;
    QTextStream out(stdout);
    out << "name\tkind\tbaseUrl\torganization" << Qt::endl;
    for (const Profile &p : store.profiles())
        out << p.name << '\t' << p.kind << '\t' << p.baseUrl.toString() << '\t' << p.organization << Qt::endl;
    return Ok;
}

void printUsage()
{
    QTextStream(stdout) << tr(
        "Usage:\n"
        "  roster                         open the window\n"
        "  roster --demo                  open the window on the built-in sandbox\n"
        "  roster export  --profile NAME --output FILE [--columns KEYS] [--bom]\n"
        "                 [--no-formula-guard] [--config FILE] [--demo] [--quiet]\n"
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
        printUsage();
        return Ok;
    }
    if (command == QLatin1String("sandbox") || command == QLatin1String("profiles")) {
        QCoreApplication app(argc, argv);
        QStringList args = app.arguments();
        args.removeAt(1); // the command word
        return command == QLatin1String("sandbox") ? runSandbox(args) : runProfiles(args);
    }
    QCoreApplication app(argc, argv);
    printErr(tr("roster: unknown command \"%1\"").arg(command));
    printUsage();
    return Usage;
}
