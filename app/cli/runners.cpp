#include "runners.h"
#include "interrupts.h"
#include "runnersupport.h"

#include "providerkind.h"

#include "credentialstore.h"
#include "profilestore.h"
#include "provider.h"
#include "providerfactory.h"
#include "sandbox/sandboxdemo.h"
#include "sandbox/sandboxhost.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/sandboxtls.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace Cli {

struct TerminalReporter::Private
{
    QFile stdoutFile;
    bool stdoutOpen = false;
    bool progressShown = false;
};

TerminalReporter::TerminalReporter()
    : d(new Private)
{ }

TerminalReporter::~TerminalReporter()
{
    delete d;
}

void TerminalReporter::out(const QString &line)
{
    QTextStream(stdout) << line << Qt::endl;
}

void TerminalReporter::err(const QString &line)
{
    progress(QString());
    QTextStream(stderr) << line << Qt::endl;
}

bool TerminalReporter::showsProgress() const
{
    return isatty(fileno(stderr));
}

void TerminalReporter::progress(const QString &text)
{
    if (!showsProgress() || (text.isEmpty() && !d->progressShown))
        return;
    QTextStream(stderr) << QStringLiteral("\r\033[K") << text << Qt::flush;
    d->progressShown = !text.isEmpty();
}

QIODevice *TerminalReporter::standardOutput()
{
    if (!d->stdoutOpen)
        d->stdoutOpen = d->stdoutFile.open(stdout, QIODevice::WriteOnly);
    return d->stdoutOpen ? &d->stdoutFile : nullptr;
}

namespace Support {

QString grouped(qint64 n)
{
    return QLocale::system().toString(n);
}

// The profiles a command works with: the demo's, or those of the profiles file.
bool loadProfiles(
    const Command &command, const QUrl &sandboxUrl, ProfileStore *store, Reporter &reporter)
{
    if (command.demo) {
        store->setProfiles(SandboxDemo::profiles(sandboxUrl));
        return true;
    }
    const QString path = ProfileStore::resolvePath(command.config);
    if (!store->load(path)) {
        reporter.err(Text::tr("roster: the profiles file %1 has problems:").arg(path));
        reporter.err(store->errorText());
        return false;
    }
    return true;
}

// The profiles a command reads: the demo's, on a sandbox started here, or the profiles file's.
// Ok, or the exit status to stop with.
int openProfiles(const Command &command, const QString &name, SandboxHost *sandbox,
    ProfileStore *store, Reporter &reporter)
{
    QUrl sandboxUrl;
    if (command.demo) {
        if (!sandbox->start()) {
            reporter.err(
                Text::tr("roster %1: cannot start the demo sandbox on 127.0.0.1").arg(name));
            return Failed;
        }
        sandboxUrl = sandbox->url();
    }
    return loadProfiles(command, sandboxUrl, store, reporter) ? Ok : Usage;
}

// Where a command's CSV goes: for "-" standard output (false, said, when it cannot be written),
// else *device stays null and the job writes the file, atomically.
bool outputDevice(const Command &command, Reporter &reporter, const char *name, QIODevice **device)
{
    *device = nullptr;
    if (command.output != QLatin1String("-"))
        return true;
    *device = reporter.standardOutput();
    if (!*device)
        reporter.err(
            Text::tr("roster %1: cannot write to standard output").arg(QLatin1String(name)));
    return *device;
}

} // namespace Support

namespace {

using namespace Support;

// One export: the job's progress, waits, notice and outcome, told to the reporter.
class ExportRun
{
public:
    ExportRun(const Command &command, const Profile &profile, Reporter &reporter)
        : m_command(command)
        , m_profile(profile)
        , m_reporter(reporter)
    { }

    int exec()
    {
        QIODevice *device = nullptr;
        if (toStandardOutput() && !(device = m_reporter.standardOutput())) {
            m_reporter.err(Text::tr("roster export: cannot write to standard output"));
            return Failed;
        }
        m_lastProgress.start();
        QObject::connect(&m_interrupts, &Interrupts::interrupted, &m_context, [this] {
            if (!m_started) { // nothing asked of the provider yet: nothing to keep
                m_reporter.err(Text::tr("roster export: interrupted"));
                finish(Failed);
            }
        });
        m_credentials.readSecrets(m_profile, &m_context,
            [this, device](const CredentialStore::Secrets &secrets, const ProviderError &error) {
                if (error.isError()) {
                    m_reporter.err(QStringLiteral("roster export: ") + error.message);
                    // Not signed in (or no longer): the profile is right, the sign-in is missing.
                    finish(error.signInNeeded ? Failed : Usage);
                    return;
                }
                start(secrets, device);
            });
        if (!m_done)
            m_loop.exec();
        return m_exitCode;
    }

private:
    bool toStandardOutput() const { return m_command.output == QLatin1String("-"); }

    void start(const CredentialStore::Secrets &secrets, QIODevice *device)
    {
        m_started = true;
        Provider *provider
            = ProviderFactory::create(m_profile, secrets.token, &m_nam, &m_context, secrets.proxy);
        auto *job = new ExportJob(provider, m_command.exportOptions, &m_context);
        if (device)
            job->setOutputDevice(device);
        else
            job->setOutputPath(m_command.output);
        QObject::connect(job, &ExportJob::progress, &m_context,
            [this, job](qint64 rows, qint64 total) { onProgress(job, rows, total); });
        QObject::connect(job, &ExportJob::retrying, &m_context, [this](int attempt, int delayMs) {
            // Waiting for the network asks again every few seconds: said once a minute.
            const bool repeated
                = attempt < 0 && m_networkSaid.isValid() && m_networkSaid.elapsed() < 60000;
            if (m_command.quiet || repeated)
                return;
            if (attempt < 0)
                m_networkSaid.start();
            QString text = Job::waitText(attempt, delayMs);
            text[0] = text[0].toLower(); // after "roster export: ", as every message here
            m_reporter.err(QStringLiteral("roster export: ") + text);
        });
        QObject::connect(job, &ExportJob::finished, &m_context,
            [this, job](bool ok) { ok ? onSuccess(job) : onFailure(job); });
        // Ctrl+C or SIGTERM: the export stops with its checkpoint current, to resume later.
        QObject::connect(&m_interrupts, &Interrupts::interrupted, job, &ExportJob::cancel);
        job->start();
    }

    void onProgress(const ExportJob *job, qint64 rows, qint64 total)
    {
        if (m_command.quiet || !m_reporter.showsProgress() || m_lastProgress.elapsed() < 200)
            return;
        m_lastProgress.restart();
        const QString of = total >= 0 ? Text::tr(" of %1").arg(grouped(total)) : QString();
        m_reporter.progress(Text::tr("%1%2 rows, %3 rows/s")
                                .arg(grouped(rows), of, grouped(qint64(job->rowsPerSecond())))
            + QStringLiteral("   "));
    }

    void onSuccess(const ExportJob *job)
    {
        m_reporter.progress(QString());
        if (!job->notice().isEmpty())
            m_reporter.err(QStringLiteral("roster export: ")
                + job->notice()); // even with --quiet: the data moved
        if (!m_command.quiet) {
            const QString where
                = toStandardOutput() ? Text::tr("standard output") : m_command.output;
            if (job->rowsResumedFrom() >= 0)
                m_reporter.err(
                    Text::tr("Wrote %1 rows to %2 (%3 of them kept from before).")
                        .arg(grouped(job->rowsWritten()), where, grouped(job->rowsResumedFrom())));
            else
                m_reporter.err(
                    Text::tr("Wrote %1 rows to %2.").arg(grouped(job->rowsWritten()), where));
        }
        finish(Ok);
    }

    void onFailure(const ExportJob *job)
    {
        m_reporter.progress(QString());
        const ProviderError &e = job->error();
        if (e.kind == ProviderError::Kind::Resume) {
            m_reporter.err(QStringLiteral("roster export: ") + e.message);
            finish(Usage);
            return;
        }
        if (Interrupts::caught() && e.kind == ProviderError::Kind::Cancelled)
            m_reporter.err(Text::tr("roster export: interrupted"));
        else
            m_reporter.err(Text::tr("roster export: profile \"%1\" failed: %2")
                               .arg(m_profile.name, e.summary()));
        const QStringList lines = e.detailLines();
        for (qsizetype i = 1; i < lines.size(); ++i)
            m_reporter.err(QStringLiteral("  ") + lines[i]);
        if (job->rowsKept() > 0)
            m_reporter.err(Text::tr("  %1 was left as it was. The %2 rows read so far are kept in "
                                    "%3; run the same command with --resume to continue.")
                               .arg(m_command.output, grouped(job->rowsKept()),
                                   ExportCheckpoint::partialPath(m_command.output)));
        else if (!toStandardOutput())
            m_reporter.err(
                Text::tr("  Nothing was written; %1 was left as it was.").arg(m_command.output));
        // Only a bad profile is the user's usage; a file that cannot be written is a failure.
        finish(e.kind == ProviderError::Kind::Configuration ? Usage : Failed);
    }

    void finish(int exitCode)
    {
        m_exitCode = exitCode;
        m_done = true;
        m_loop.quit();
    }

    const Command &m_command;
    const Profile m_profile;
    Reporter &m_reporter;
    QNetworkAccessManager m_nam;
    CredentialStore m_credentials;
    QObject m_context; // parents the provider and the job; callbacks stop with it
    Interrupts m_interrupts;
    QEventLoop m_loop;
    QElapsedTimer m_lastProgress;
    QElapsedTimer m_networkSaid;
    int m_exitCode = Failed;
    bool m_done = false;
    bool m_started = false;
};

} // namespace

int runExport(const Command &command, Reporter &reporter)
{
    SandboxHost sandbox;
    ProfileStore store;
    if (const int status
        = openProfiles(command, QStringLiteral("export"), &sandbox, &store, reporter))
        return status;
    const Profile *found = store.find(command.profile);
    if (!found) {
        QStringList names;
        for (const Profile &p : store.profiles())
            names << p.name;
        reporter.err(
            Text::tr("roster export: no profile named \"%1\" (profiles: %2)")
                .arg(command.profile,
                    names.isEmpty() ? Text::tr("none") : names.join(QStringLiteral(", "))));
        return Usage;
    }
    if (!command.exportOptions.search.isEmpty()) {
        const ProviderKind *kind = ProviderKinds::find(found->kind);
        if (!kind || !kind->serverSearch) {
            QStringList able;
            for (const ProviderKind *k : ProviderKinds::all()) {
                if (k->serverSearch)
                    able << k->id;
            }
            reporter.err(Text::tr("roster export: --filter: profile \"%1\" is of kind %2, which "
                                  "cannot search on the server (kinds that can: %3)")
                             .arg(found->name, found->kind, able.join(QStringLiteral(", "))));
            return Usage;
        }
        const QString problem
            = kind->searchProblem ? kind->searchProblem(command.exportOptions.search) : QString();
        if (!problem.isEmpty()) {
            reporter.err(QStringLiteral("roster export: --filter: ") + problem);
            return Usage;
        }
    }
    ExportRun run(command, *found, reporter);
    return run.exec();
}

int runProfiles(const Command &command, Reporter &reporter)
{
    const QString path = ProfileStore::resolvePath(command.config);
    const QString header = QStringLiteral("name\tkind\tbaseUrl\torganization");
    const bool defaultPath
        = command.config.isEmpty() && qEnvironmentVariableIsEmpty("ROSTER_CONFIG");
    if (!command.demo && defaultPath && !QFileInfo::exists(path)) {
        // Not an error: a fresh account simply has none yet. (A file named with --config or
        // ROSTER_CONFIG that is not there is still a usage error: most likely a typo.)
        reporter.out(header);
        reporter.err(
            Text::tr("roster profiles: there are no profiles yet; they would be read from %1 (add "
                     "them in the window, or write that file; `roster --demo` shows examples).")
                .arg(QDir::toNativeSeparators(path)));
        return Ok;
    }
    ProfileStore store;
    if (!loadProfiles(command, QUrl(QStringLiteral("http://127.0.0.1:0")), &store, reporter))
        return Usage;
    reporter.out(header);
    for (const Profile &p : store.profiles())
        reporter.out(QStringList {p.name, p.kind, p.baseUrl.toString(), p.organization}.join(
            QLatin1Char('\t')));
    return Ok;
}

int runSandbox(const Command &command, Reporter &reporter)
{
    SandboxServer server;
    server.setUsersPerOrganization(command.users);
    server.setLatencyMs(command.latencyMs);
    QTemporaryDir temporary;
    QString caFile;
    if (command.tls) {
        const SandboxTls tls
            = SandboxTls::create(command.tlsDir.isEmpty() ? temporary.path() : command.tlsDir);
        if (!tls.isValid()) {
            reporter.err(Text::tr("roster sandbox: cannot make a certificate: %1").arg(tls.error));
            return Failed;
        }
        server.setTls(tls.certificate, tls.key);
        caFile = tls.caFile;
    }
    if (server.start(command.port) == 0) {
        reporter.err(Text::tr("roster sandbox: cannot listen on 127.0.0.1:%1").arg(command.port));
        return Failed;
    }
    reporter.out(Text::tr("Sandbox serving on %1 (%2 users per organization, %3 ms latency).")
                     .arg(server.url().toString())
                     .arg(command.users)
                     .arg(command.latencyMs));
    if (!caFile.isEmpty())
        reporter.out(Text::tr("Its certificate comes from a throwaway CA, %1: give profiles "
                              "\"caFile\": \"%1\", or set SSL_CERT_FILE=%1 (curl: --cacert %1).")
                         .arg(caFile));
    reporter.out(Text::tr("Demo profiles (token: %1):").arg(SandboxServer::demoToken()));
    for (const Profile &p : SandboxDemo::profiles(server.url()))
        reporter.out(QStringLiteral("  %1  %2  %3  %4")
                         .arg(p.name, p.kind, p.baseUrl.toString(), p.organization));
    const Profile signIn = SandboxDemo::signInProfile(server.url());
    reporter.out(Text::tr("Its authorization server, for profiles that sign in: \"credential\": "
                          "{\"oauth\": {\"issuer\": \"%1\", \"clientId\": \"roster\"}} "
                          "(every sign-in is approved at once).")
                     .arg(signIn.credential.oauth.issuer.toString()));
    return QCoreApplication::exec();
}

} // namespace Cli
