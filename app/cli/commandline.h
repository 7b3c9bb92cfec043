#pragma once

#include "exportjob.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// The command line, parsed into what to do, without doing any of it: every flag, every usage
// error and its exit code can be checked in-process (tests/tst_commandline.cpp).
namespace Cli {

enum Exit { Ok = 0, Failed = 1, Usage = 2 };

// The command line's translations, in the "Application" context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Application)
};

struct Command
{
    enum class Kind {
        Window, // roster [--demo] [--config FILE] (and Qt's own window options)
        Version, // roster --version
        Help, // roster --help, or a command's --help: print `text`
        Export, // roster export ...
        Profiles, // roster profiles ...
        Sandbox, // roster sandbox ...
        Find, // roster find TEXT ...
        Review, // roster review ...
        Snapshot, // roster snapshot ...
        Snapshots, // roster snapshots [--verify ID | --delete ID | --delete-older-than DAYS]
        Diff, // roster diff [FROM [TO]] ...
        Login, // roster login --profile NAME [--device] [--config FILE]
        Logout, // roster logout --profile NAME [--config FILE]
        Invalid, // a usage error: print `text` (and the usage) to stderr, exit with `exitCode`
    };
    Kind kind = Kind::Window;
    int exitCode = Ok;
    QString text; // help text or the usage error, ready to print

    // Window, export and profiles.
    bool demo = false;
    QString config; // --config FILE; empty: $ROSTER_CONFIG or the default place

    // Export.
    QString profile;
    QString output; // a path, or "-" for standard output
    ExportJob::Options exportOptions;
    bool quiet = false;

    // Find (output and quiet as for export).
    QString findText;
    QStringList profileNames; // --profiles A,B; empty: every profile
    bool exact = false;
    bool fromHistory = false; // --from-history: the latest complete snapshots, not the servers

    // Review (profileNames, output, quiet as above; columns and CSV options in exportOptions).
    bool skipFailed = false;
    bool save = false; // --save: the read is kept as a snapshot too

    // Snapshot (profileNames, quiet as above), snapshots, and review --save.
    QString store; // --store FILE; empty: $ROSTER_STORE or the default place
    enum class SnapshotsAction { List, Verify, Delete, DeleteOlderThan };
    SnapshotsAction snapshotsAction = SnapshotsAction::List;
    qint64 snapshotId = 0; // --verify ID, --delete ID
    int days = 0; // --delete-older-than DAYS

    // Diff (profileNames, output, store as above).
    QString diffFrom = QStringLiteral("previous"); // an id, latest, previous or a date
    QString diffTo = QStringLiteral("latest");
    bool skipIncomplete = false;

    // Login (profile and config as above): the device flow rather than the browser.
    bool device = false;

    // Sandbox.
    quint16 port = 0;
    qint64 users = 25000;
    int latencyMs = 60;
    bool tls = false; // --tls: HTTPS with a throwaway CA
    QString tlsDir; // --tls-dir: where the CA is written (default: a new temporary folder)
};

// Whether the first argument opens the window (nothing, or an option such as --demo) rather
// than naming a command; the window reads its own options.
bool opensWindow(const QString &firstArgument);
// `args` as QCoreApplication::arguments() gives them: the program first.
Command parse(const QStringList &args);
QString usage();

} // namespace Cli
