#include "application.h"

#include "cli/commandline.h"
#include "cli/interrupts.h"
#include "cli/runners.h"

#include "credentialstore.h"
#include "mainwindow.h"
#include "profilestore.h"
#include "sandbox/sandboxdemo.h"
#include "sandbox/sandboxhost.h"
#include "sandbox/sandboxtls.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTextStream>

namespace {
using Cli::Failed;
using Cli::Ok;

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Roster"));
    QCoreApplication::setApplicationName(QStringLiteral("roster"));
    QCoreApplication::setApplicationVersion(QLatin1String(ROSTER_VERSION));
}

// The demo: the sandbox, and a second one over HTTPS from a throwaway CA when openssl can make it.
struct DemoSandboxes
{
    SandboxHost sandbox;
    SandboxHost tlsSandbox;
    QTemporaryDir tlsDir;
    QList<Profile> profiles;

    bool start()
    {
        if (!sandbox.start())
            return false;
        profiles = SandboxDemo::profiles(sandbox.url());
        qsizetype at = 0; // first among the quirks
        while (at < profiles.size() && !profiles[at].name.startsWith(QLatin1String("Demo quirk")))
            ++at;
        profiles.insert(at, SandboxDemo::signInProfile(sandbox.url()));
        const SandboxTls tls = SandboxTls::create(tlsDir.path());
        if (tls.isValid() && tlsSandbox.start(0, 25000, 60, &tls))
            profiles.insert(at, SandboxDemo::tlsProfile(tlsSandbox.url(), tls.caFile));
        return true;
    }
};

int runWindow(int argc, char *argv[])
{
    QApplication app(argc, argv);
    Translations::install(&app, QLocale());
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/roster.svg")));
    QApplication::setDesktopFileName(QStringLiteral(ROSTER_APP_ID));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Cli::Text::tr("Browse and export the users of identity and access providers."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption demoOpt(
        QStringLiteral("demo"), Cli::Text::tr("Open the built-in demo sandbox."));
    QCommandLineOption configOpt(QStringLiteral("config"),
        Cli::Text::tr("Profiles file (default: $ROSTER_CONFIG or %1).")
            .arg(ProfileStore::defaultPath()),
        QStringLiteral("FILE"));
    parser.addOptions({demoOpt, configOpt});
    parser.process(app);

    QNetworkAccessManager nam;
    CredentialStore credentials;
    ProfileStore store;
    DemoSandboxes demo;
    MainWindow::Context context;
    context.store = &store;
    context.credentials = &credentials;
    context.nam = &nam;

    auto startDemo = [&] {
        if (!demo.start()) {
            QMessageBox::critical(nullptr, Cli::Text::tr("Roster"),
                Cli::Text::tr("The demo sandbox could not listen on 127.0.0.1."));
            return false;
        }
        store.setProfiles(demo.profiles);
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
            QMessageBox::warning(nullptr, Cli::Text::tr("Roster"),
                Cli::Text::tr(
                    "The profiles file %1 has problems, so no profile was loaded:\n\n%2\n\nFix the "
                    "file and start Roster again; profiles you add now would replace it.")
                    .arg(path, store.errorText()));
            store.setProfiles({});
        }
        if (store.profiles().isEmpty()) {
            QMessageBox ask(QMessageBox::Question, Cli::Text::tr("Welcome to Roster"),
                Cli::Text::tr(
                    "There are no profiles yet. You can look around in the demo sandbox, which "
                    "serves all five provider APIs on this computer with made-up users, or add "
                    "your first profile."),
                QMessageBox::NoButton);
            QPushButton *demo
                = ask.addButton(Cli::Text::tr("Open the &demo"), QMessageBox::AcceptRole);
            ask.addButton(Cli::Text::tr("&Add a profile"), QMessageBox::RejectRole);
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

} // namespace

int Application::run(int argc, char *argv[])
{
    setIdentity();
    if (Cli::opensWindow(argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString()))
        return runWindow(argc, argv);
    QCoreApplication app(argc, argv);
    Translations::install(&app, QLocale());
    const Cli::Command command = Cli::parse(QCoreApplication::arguments());
    Cli::TerminalReporter reporter;
    switch (command.kind) {
    case Cli::Command::Kind::Version:
        reporter.out(QStringLiteral("roster ") + QLatin1String(ROSTER_VERSION));
        return Ok;
    case Cli::Command::Kind::Help:
        QTextStream(stdout) << command.text;
        return Ok;
    case Cli::Command::Kind::Invalid:
        reporter.err(command.text);
        return command.exitCode;
    case Cli::Command::Kind::Export: {
        const int status = Cli::runExport(command, reporter);
        Cli::Interrupts::reraise(); // stopped by Ctrl+C or SIGTERM, once cleaned up: end by it
        return status;
    }
    case Cli::Command::Kind::Profiles:
        return Cli::runProfiles(command, reporter);
    case Cli::Command::Kind::Sandbox:
        return Cli::runSandbox(command, reporter);
    case Cli::Command::Kind::Find:
        return Cli::runFind(command, reporter);
    case Cli::Command::Kind::Review:
        return Cli::runReview(command, reporter);
    case Cli::Command::Kind::Snapshot:
        return Cli::runSnapshot(command, reporter);
    case Cli::Command::Kind::Snapshots:
        return Cli::runSnapshots(command, reporter);
    case Cli::Command::Kind::Diff:
        return Cli::runDiff(command, reporter);
    case Cli::Command::Kind::Login:
        return Cli::runLogin(command, reporter);
    case Cli::Command::Kind::Logout:
        return Cli::runLogout(command, reporter);
    case Cli::Command::Kind::Window:
        break;
    }
    return runWindow(argc, argv);
}
