#include "commandline.h"

#include "snapshotstore.h"

#include "profilestore.h"

#include <QCommandLineParser>
#include <QDir>

namespace Cli {
namespace {

Command invalid(const QString &text)
{
    Command c;
    c.kind = Command::Kind::Invalid;
    c.exitCode = Usage;
    c.text = text;
    return c;
}

Command help(const QString &text)
{
    Command c;
    c.kind = Command::Kind::Help;
    c.text = text;
    return c;
}

QCommandLineOption configOption()
{
    return QCommandLineOption(QStringLiteral("config"),
        Text::tr("Profiles file (default: $ROSTER_CONFIG or %1).").arg(ProfileStore::defaultPath()),
        QStringLiteral("FILE"));
}

QCommandLineOption storeOption()
{
    return QCommandLineOption(QStringLiteral("store"),
        Text::tr("History store (default: $ROSTER_STORE or %1).")
            .arg(QDir::toNativeSeparators(SnapshotStore::standardPath())),
        QStringLiteral("FILE"));
}

// The parser for a command; false (with `error` set) when the arguments do not parse.
bool parseArgs(
    QCommandLineParser &parser, const QStringList &args, const QString &command, QString *error)
{
    parser.addHelpOption();
    if (!parser.parse(args)) {
        *error = QStringLiteral("roster %1: ").arg(command) + parser.errorText();
        return false;
    }
    return true;
}

Command parseSandbox(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Serve the sandbox provider APIs on 127.0.0.1 until stopped."));
    const QCommandLineOption port(QStringLiteral("port"),
        Text::tr("TCP port (default: any free port)."), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption users(QStringLiteral("users"),
        Text::tr("Users per organization (default 25000)."), QStringLiteral("N"),
        QStringLiteral("25000"));
    const QCommandLineOption latency(QStringLiteral("latency"),
        Text::tr("Latency per response in ms (default 60)."), QStringLiteral("MS"),
        QStringLiteral("60"));
    const QCommandLineOption tls(QStringLiteral("tls"),
        Text::tr(
            "Serve HTTPS with a certificate from a throwaway CA (needs the openssl command)."));
    const QCommandLineOption tlsDir(QStringLiteral("tls-dir"),
        Text::tr("Where to write the CA (default: a new temporary folder)."),
        QStringLiteral("DIR"));
    parser.addOptions({port, users, latency, tls, tlsDir});
    QString error;
    if (!parseArgs(parser, args, QStringLiteral("sandbox"), &error))
        return invalid(error);
    if (parser.isSet(QStringLiteral("help")))
        return help(parser.helpText());
    Command c;
    c.kind = Command::Kind::Sandbox;
    bool okPort = false, okUsers = false, okLatency = false;
    const uint portValue = parser.value(port).toUInt(&okPort);
    c.users = parser.value(users).toLongLong(&okUsers);
    c.latencyMs = parser.value(latency).toInt(&okLatency);
    if (!okPort || portValue > 65535)
        return invalid(Text::tr("roster sandbox: --port must be a number from 0 to 65535"));
    if (!okUsers || c.users < 0 || c.users > 10000000)
        return invalid(Text::tr("roster sandbox: --users must be a number from 0 to 10000000"));
    if (!okLatency || c.latencyMs < 0 || c.latencyMs > 60000)
        return invalid(
            Text::tr("roster sandbox: --latency must be a number of milliseconds from 0 to 60000"));
    c.port = quint16(portValue);
    c.tls = parser.isSet(tls) || parser.isSet(tlsDir);
    c.tlsDir = parser.value(tlsDir);
    return c;
}

Command parseProfiles(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("List the configured profiles."));
    const QCommandLineOption config = configOption();
    const QCommandLineOption demo(
        QStringLiteral("demo"), Text::tr("List the built-in demo profiles."));
    parser.addOptions({config, demo});
    QString error;
    if (!parseArgs(parser, args, QStringLiteral("profiles"), &error))
        return invalid(error);
    if (!parser.positionalArguments().isEmpty())
        return invalid(QStringLiteral("roster profiles: ")
            + Text::tr("unexpected argument %1").arg(parser.positionalArguments().constFirst()));
    if (parser.isSet(QStringLiteral("help")))
        return help(parser.helpText());
    Command c;
    c.kind = Command::Kind::Profiles;
    c.config = parser.value(config);
    c.demo = parser.isSet(demo);
    return c;
}

QString keyList(const QList<Column> &columns, const QString &separator)
{
    QStringList keys;
    for (Column c : columns)
        keys << Columns::key(c);
    return keys.join(separator);
}

// The export's options after they parsed: what they say, or why they cannot be used.
Command exportCommand(const QCommandLineParser &parser, const QList<QCommandLineOption> &o)
{
    const auto &[profile, output, columns, bom, noGuard, config, demo, quiet, parallel, filter]
        = std::tie(o[0], o[1], o[2], o[3], o[4], o[5], o[6], o[7], o[8], o[9]);
    const QCommandLineOption &resume = o[10];
    if (!parser.positionalArguments().isEmpty())
        return invalid(Text::tr("roster export: unexpected argument \"%1\"")
                           .arg(parser.positionalArguments().constFirst()));
    if (!parser.isSet(profile))
        return invalid(
            Text::tr("roster export: --profile NAME is required (see `roster profiles`)"));
    if (!parser.isSet(output) || parser.value(output).isEmpty())
        return invalid(
            Text::tr("roster export: --output FILE is required (use - for standard output)"));
    Command c;
    c.kind = Command::Kind::Export;
    if (parser.isSet(columns)) {
        QString bad;
        c.exportOptions.columns = Columns::parseList(parser.value(columns), &bad);
        if (c.exportOptions.columns.isEmpty())
            return invalid(
                Text::tr("roster export: unknown column key \"%1\" in --columns (known keys: %2)")
                    .arg(bad, keyList(Columns::all(), QStringLiteral(", "))));
    }
    bool okParallel = false;
    c.exportOptions.maxParallelPages = parser.value(parallel).toInt(&okParallel);
    if (!okParallel || c.exportOptions.maxParallelPages < 1
        || c.exportOptions.maxParallelPages > 16)
        return invalid(Text::tr("roster export: --parallel must be a number from 1 to 16"));
    if (parser.isSet(filter) && parser.value(filter).trimmed().isEmpty())
        return invalid(Text::tr("roster export: --filter needs an expression or a word"));
    c.exportOptions.search = parser.value(filter).trimmed();
    c.exportOptions.csv.byteOrderMark = parser.isSet(bom);
    c.exportOptions.csv.formulaGuard = !parser.isSet(noGuard);
    c.exportOptions.resume = parser.isSet(resume);
    if (c.exportOptions.resume && parser.value(output) == QLatin1String("-"))
        return invalid(Text::tr("roster export: --resume continues an export to a file, not to "
                                "standard output"));
    c.profile = parser.value(profile);
    c.output = parser.value(output);
    c.config = parser.value(config);
    c.demo = parser.isSet(demo);
    c.quiet = parser.isSet(quiet);
    return c;
}

Command parseExport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Fetch every page of a profile's organization and write CSV."));
    const QList<QCommandLineOption> options {
        {QStringLiteral("profile"), Text::tr("The profile to export."), QStringLiteral("NAME")},
        {QStringLiteral("output"), Text::tr("The CSV file to write, or - for standard output."),
            QStringLiteral("FILE")},
        {QStringLiteral("columns"),
            Text::tr("Column keys, comma separated, in output order (default: %1).")
                .arg(keyList(Columns::defaults(), QStringLiteral(","))),
            QStringLiteral("KEYS")},
        {QStringLiteral("bom"),
            Text::tr("Start the file with a UTF-8 byte-order mark (for spreadsheets).")},
        {QStringLiteral("no-formula-guard"),
            Text::tr("Do not prefix ' to cells that start with = + - @ TAB or CR.")},
        configOption(),
        {QStringLiteral("demo"), Text::tr("Use the built-in sandbox and its demo profiles.")},
        {QStringLiteral("quiet"), Text::tr("Print nothing but errors.")},
        {QStringLiteral("parallel"),
            Text::tr("Pages fetched at once where the provider allows it (default 4)."),
            QStringLiteral("N"), QStringLiteral("4")},
        {QStringLiteral("filter"),
            Text::tr("Only the users the server finds: a SCIM filter such as 'active eq false', or "
                     "a word matched against user name, email, family name and display name "
                     "(kinds that search on the server only)."),
            QStringLiteral("EXPR")},
        {QStringLiteral("resume"),
            Text::tr("Continue an export to FILE that stopped, from its checkpoint "
                     "FILE.partial.json (the same profile, columns and options).")},
    };
    parser.addOptions(options);
    QString error;
    if (!parseArgs(parser, args, QStringLiteral("export"), &error))
        return invalid(error);
    if (parser.isSet(QStringLiteral("help")))
        return help(parser.helpText());
    return exportCommand(parser, options);
}

// --profiles A,B: false (with an error) when it names none.
bool readProfileNames(
    const QCommandLineParser &parser, const QString &command, Command *c, QString *error)
{
    if (!parser.isSet(QStringLiteral("profiles")))
        return true;
    for (const QString &name : parser.value(QStringLiteral("profiles")).split(QLatin1Char(','))) {
        if (!name.trimmed().isEmpty())
            c->profileNames << name.trimmed();
    }
    if (c->profileNames.isEmpty())
        *error = Text::tr("roster %1: --profiles needs at least one profile name").arg(command);
    return !c->profileNames.isEmpty();
}

Command parseFind(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Find one person's accounts in every profile (or those named)."));
    const QList<QCommandLineOption> options {
        {QStringLiteral("profiles"),
            Text::tr("The profiles to search, comma separated (default: all)."),
            QStringLiteral("A,B")},
        {QStringLiteral("exact"), Text::tr("Compare emails exactly (do not set +tags aside).")},
        {QStringLiteral("from-history"),
            Text::tr("Answer from each profile's latest complete snapshot instead of asking the "
                     "servers (an as_of column says when it was taken).")},
        storeOption(),
        {QStringLiteral("output"),
            Text::tr("The CSV file to write, or - for standard output (the default)."),
            QStringLiteral("FILE"), QStringLiteral("-")},
        configOption(),
        {QStringLiteral("demo"), Text::tr("Use the built-in sandbox and its demo profiles.")},
        {QStringLiteral("quiet"), Text::tr("Print nothing but errors.")},
    };
    parser.addOptions(options);
    parser.addPositionalArgument(QStringLiteral("TEXT"), Text::tr("An email address or a name."));
    QString error;
    if (!parseArgs(parser, args, QStringLiteral("find"), &error))
        return invalid(error);
    if (parser.isSet(QStringLiteral("help")))
        return help(parser.helpText());
    const QStringList words = parser.positionalArguments();
    if (words.size() != 1 || words.first().trimmed().isEmpty())
        return invalid(Text::tr("roster find: give one TEXT to look for: an email or a name (quote "
                                "a name with spaces)"));
    Command c;
    c.kind = Command::Kind::Find;
    c.findText = words.first().trimmed();
    if (!readProfileNames(parser, QStringLiteral("find"), &c, &error))
        return invalid(error);
    c.exact = parser.isSet(QStringLiteral("exact"));
    c.fromHistory = parser.isSet(QStringLiteral("from-history"));
    c.store = parser.value(QStringLiteral("store"));
    c.output = parser.value(QStringLiteral("output"));
    if (c.output.isEmpty())
        return invalid(
            Text::tr("roster find: --output needs a file name, or - for standard output"));
    c.config = parser.value(QStringLiteral("config"));
    c.demo = parser.isSet(QStringLiteral("demo"));
    c.quiet = parser.isSet(QStringLiteral("quiet"));
    return c;
}

Command parseReview(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(
        "Write every user of every profile (or those named) to one CSV for an access review."));
    const QList<QCommandLineOption> options {
        {QStringLiteral("output"), Text::tr("The CSV file to write, or - for standard output."),
            QStringLiteral("FILE")},
        {QStringLiteral("profiles"),
            Text::tr("The profiles to review, comma separated (default: all)."),
            QStringLiteral("A,B")},
        {QStringLiteral("columns"),
            Text::tr("Column keys after person, profile and kind, comma separated (default: %1).")
                .arg(keyList(Columns::defaults(), QStringLiteral(","))),
            QStringLiteral("KEYS")},
        {QStringLiteral("skip-failed"),
            Text::tr("Leave out profiles that fail (named in the summary) instead of failing.")},
        {QStringLiteral("save"),
            Text::tr("Keep the same read as a snapshot in the history store as well.")},
        storeOption(),
        configOption(),
        {QStringLiteral("demo"), Text::tr("Use the built-in sandbox and its demo profiles.")},
        {QStringLiteral("quiet"), Text::tr("Print nothing but errors and what was left out.")},
    };
    parser.addOptions(options);
    QString error;
    if (!parseArgs(parser, args, QStringLiteral("review"), &error))
        return invalid(error);
    if (parser.isSet(QStringLiteral("help")))
        return help(parser.helpText());
    if (!parser.positionalArguments().isEmpty())
        return invalid(Text::tr("roster review: unexpected argument \"%1\"")
                           .arg(parser.positionalArguments().constFirst()));
    Command c;
    c.kind = Command::Kind::Review;
    c.output = parser.value(QStringLiteral("output"));
    if (c.output.isEmpty())
        return invalid(
            Text::tr("roster review: --output FILE is required (use - for standard output)"));
    if (!readProfileNames(parser, QStringLiteral("review"), &c, &error))
        return invalid(error);
    if (parser.isSet(QStringLiteral("columns"))) {
        QString bad;
        c.exportOptions.columns = Columns::parseList(parser.value(QStringLiteral("columns")), &bad);
        if (c.exportOptions.columns.isEmpty())
            return invalid(
                Text::tr("roster review: unknown column key \"%1\" in --columns (known keys: %2)")
                    .arg(bad, keyList(Columns::all(), QStringLiteral(", "))));
    }
    c.skipFailed = parser.isSet(QStringLiteral("skip-failed"));
    c.save = parser.isSet(QStringLiteral("save"));
    c.store = parser.value(QStringLiteral("store"));
    c.config = parser.value(QStringLiteral("config"));
    c.demo = parser.isSet(QStringLiteral("demo"));
    c.quiet = parser.isSet(QStringLiteral("quiet"));
    return c;
}

Command parseSnapshot(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Read every user of every profile (or those named) into a dated snapshot in the "
                 "history store, and print its id."));
    const QList<QCommandLineOption> options {
        {QStringLiteral("profiles"),
            Text::tr("The profiles to read, comma separated (default: all)."),
            QStringLiteral("A,B")},
        storeOption(),
        configOption(),
        {QStringLiteral("demo"), Text::tr("Use the built-in sandbox and its demo profiles.")},
        {QStringLiteral("quiet"), Text::tr("Print nothing but errors and the snapshot's id.")},
    };
    parser.addOptions(options);
    QString error;
    if (!parseArgs(parser, args, QStringLiteral("snapshot"), &error))
        return invalid(error);
    if (parser.isSet(QStringLiteral("help")))
        return help(parser.helpText());
    if (!parser.positionalArguments().isEmpty())
        return invalid(Text::tr("roster snapshot: unexpected argument \"%1\"")
                           .arg(parser.positionalArguments().constFirst()));
    Command c;
    c.kind = Command::Kind::Snapshot;
    if (!readProfileNames(parser, QStringLiteral("snapshot"), &c, &error))
        return invalid(error);
    c.store = parser.value(QStringLiteral("store"));
    c.config = parser.value(QStringLiteral("config"));
    c.demo = parser.isSet(QStringLiteral("demo"));
    c.quiet = parser.isSet(QStringLiteral("quiet"));
    return c;
}

Command parseSnapshots(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("List, verify or delete the snapshots in the history "
                                              "store."));
    const QList<QCommandLineOption> options {
        {QStringLiteral("verify"),
            Text::tr("Recompute snapshot ID's checksums: exit 1 when its rows were changed."),
            QStringLiteral("ID")},
        {QStringLiteral("delete"), Text::tr("Delete snapshot ID."), QStringLiteral("ID")},
        {QStringLiteral("delete-older-than"),
            Text::tr("Delete the snapshots taken more than DAYS days ago."),
            QStringLiteral("DAYS")},
        storeOption(),
    };
    parser.addOptions(options);
    QString error;
    if (!parseArgs(parser, args, QStringLiteral("snapshots"), &error))
        return invalid(error);
    if (parser.isSet(QStringLiteral("help")))
        return help(parser.helpText());
    if (!parser.positionalArguments().isEmpty())
        return invalid(Text::tr("roster snapshots: unexpected argument \"%1\"")
                           .arg(parser.positionalArguments().constFirst()));
    Command c;
    c.kind = Command::Kind::Snapshots;
    c.store = parser.value(QStringLiteral("store"));
    const QStringList actions {
        QStringLiteral("verify"), QStringLiteral("delete"), QStringLiteral("delete-older-than")};
    QStringList given;
    for (const QString &a : actions) {
        if (parser.isSet(a))
            given << QStringLiteral("--") + a;
    }
    if (given.size() > 1)
        return invalid(Text::tr("roster snapshots: give one of %1, not several")
                           .arg(given.join(QStringLiteral(", "))));
    bool ok = true;
    if (parser.isSet(QStringLiteral("verify")) || parser.isSet(QStringLiteral("delete"))) {
        const QString option = parser.isSet(QStringLiteral("verify")) ? QStringLiteral("verify")
                                                                      : QStringLiteral("delete");
        c.snapshotsAction = option == QLatin1String("verify") ? Command::SnapshotsAction::Verify
                                                              : Command::SnapshotsAction::Delete;
        c.snapshotId = parser.value(option).toLongLong(&ok);
        if (!ok || c.snapshotId <= 0)
            return invalid(Text::tr("roster snapshots: --%1 needs a snapshot id (a number that "
                                    "roster snapshots lists), not \"%2\"")
                               .arg(option, parser.value(option)));
    } else if (parser.isSet(QStringLiteral("delete-older-than"))) {
        c.snapshotsAction = Command::SnapshotsAction::DeleteOlderThan;
        c.days = parser.value(QStringLiteral("delete-older-than")).toInt(&ok);
        if (!ok || c.days < 0)
            return invalid(Text::tr("roster snapshots: --delete-older-than needs a number of days, "
                                    "not \"%1\"")
                               .arg(parser.value(QStringLiteral("delete-older-than"))));
    }
    return c;
}

Command parseDiff(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("What changed between two snapshots: who joined, who left, and whose email, "
                 "status, roles, groups or names changed, per profile, as CSV."));
    const QList<QCommandLineOption> options {
        {QStringLiteral("profiles"),
            Text::tr("The profiles to compare, comma separated (default: all)."),
            QStringLiteral("A,B")},
        {QStringLiteral("output"),
            Text::tr("The CSV file to write, or - for standard output (the default)."),
            QStringLiteral("FILE"), QStringLiteral("-")},
        {QStringLiteral("skip-incomplete"),
            Text::tr("Exit 0 even when a profile incomplete in either snapshot was left out.")},
        storeOption(),
        {QStringLiteral("quiet"), Text::tr("Print nothing but errors and what was left out.")},
    };
    parser.addOptions(options);
    parser.addPositionalArgument(QStringLiteral("FROM"),
        Text::tr("A snapshot id, latest, previous, or a date YYYY-MM-DD (the last snapshot on or "
                 "before it); default: previous."),
        QStringLiteral("[FROM"));
    parser.addPositionalArgument(
        QStringLiteral("TO"), Text::tr("The same; default: latest."), QStringLiteral("[TO]]"));
    QString error;
    if (!parseArgs(parser, args, QStringLiteral("diff"), &error))
        return invalid(error);
    if (parser.isSet(QStringLiteral("help")))
        return help(parser.helpText());
    const QStringList words = parser.positionalArguments();
    if (words.size() > 2)
        return invalid(Text::tr("roster diff: give at most two snapshots, FROM and TO, not \"%1\"")
                           .arg(words.join(QLatin1Char(' '))));
    Command c;
    c.kind = Command::Kind::Diff;
    if (!words.isEmpty())
        c.diffFrom = words.at(0);
    if (words.size() > 1)
        c.diffTo = words.at(1);
    if (!readProfileNames(parser, QStringLiteral("diff"), &c, &error))
        return invalid(error);
    c.output = parser.value(QStringLiteral("output"));
    if (c.output.isEmpty())
        return invalid(
            Text::tr("roster diff: --output needs a file name, or - for standard output"));
    c.skipIncomplete = parser.isSet(QStringLiteral("skip-incomplete"));
    c.store = parser.value(QStringLiteral("store"));
    c.quiet = parser.isSet(QStringLiteral("quiet"));
    return c;
}

// roster login / roster logout: one profile that signs in with OAuth.
Command parseLogin(const QStringList &args, bool login)
{
    const QString name = login ? QStringLiteral("login") : QStringLiteral("logout");
    QCommandLineParser parser;
    parser.setApplicationDescription(login
            ? Text::tr("Sign a profile in with its provider (profiles whose credential is oauth): "
                       "in the browser, or with --device on another device.")
            : Text::tr("Forget a signed-in profile's tokens."));
    QList<QCommandLineOption> options {
        {QStringLiteral("profile"), Text::tr("The profile to sign in or out."),
            QStringLiteral("NAME")},
        configOption(),
    };
    if (login)
        options.append({QStringLiteral("device"),
            Text::tr("Sign in on another device: show a URL and a code instead of opening a "
                     "browser (for SSH sessions and machines without one).")});
    parser.addOptions(options);
    QString error;
    if (!parseArgs(parser, args, name, &error))
        return invalid(error);
    if (parser.isSet(QStringLiteral("help")))
        return help(parser.helpText());
    if (!parser.positionalArguments().isEmpty())
        return invalid(Text::tr("roster %1: unexpected argument \"%2\"")
                           .arg(name, parser.positionalArguments().constFirst()));
    Command c;
    c.kind = login ? Command::Kind::Login : Command::Kind::Logout;
    c.profile = parser.value(QStringLiteral("profile"));
    if (c.profile.isEmpty())
        return invalid(Text::tr("roster %1: --profile NAME is required").arg(name));
    c.config = parser.value(QStringLiteral("config"));
    c.device = login && parser.isSet(QStringLiteral("device"));
    return c;
}

} // namespace

bool opensWindow(const QString &first)
{
    return first.isEmpty()
        || (first.startsWith(QLatin1Char('-')) && first != QLatin1String("--version")
            && first != QLatin1String("-v") && first != QLatin1String("--help")
            && first != QLatin1String("-h"));
}

QString usage()
{
    return Text::tr(
        "Usage:\n"
        "  roster                         open the window\n"
        "  roster --demo                  open the window on the built-in sandbox\n"
        "  roster export  --profile NAME --output FILE [--columns KEYS] [--bom]\n"
        "                 [--no-formula-guard] [--config FILE] [--demo] [--quiet] [--parallel N]\n"
        "                 [--filter EXPR] [--resume]\n"
        "  roster find TEXT [--profiles A,B] [--exact] [--output FILE|-] [--config FILE]\n"
        "                 [--from-history [--store FILE]] [--demo] [--quiet]\n"
        "  roster review --output FILE|- [--profiles A,B] [--columns KEYS] [--skip-failed]\n"
        "                 [--save [--store FILE]] [--config FILE] [--demo] [--quiet]\n"
        "  roster snapshot [--profiles A,B] [--store FILE] [--config FILE] [--demo] [--quiet]\n"
        "  roster snapshots [--verify ID | --delete ID | --delete-older-than DAYS]\n"
        "                 [--store FILE]\n"
        "  roster diff [FROM [TO]] [--profiles A,B] [--output FILE|-] [--skip-incomplete]\n"
        "                 [--store FILE] [--quiet]\n"
        "  roster login --profile NAME [--device] [--config FILE]\n"
        "  roster logout --profile NAME [--config FILE]\n"
        "  roster profiles [--config FILE] [--demo]\n"
        "  roster sandbox [--port N] [--users N] [--latency MS] [--tls [--tls-dir DIR]]\n"
        "  roster --version | --help\n");
}

Command parse(const QStringList &args)
{
    const QString command = args.value(1);
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        Command c;
        c.kind = Command::Kind::Version;
        return c;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h"))
        return help(usage());
    QStringList rest = args;
    if (!rest.isEmpty())
        rest.removeAt(std::min<qsizetype>(1, rest.size() - 1)); // the command word
    if (command == QLatin1String("export"))
        return parseExport(rest);
    if (command == QLatin1String("profiles"))
        return parseProfiles(rest);
    if (command == QLatin1String("find"))
        return parseFind(rest);
    if (command == QLatin1String("review"))
        return parseReview(rest);
    if (command == QLatin1String("snapshot"))
        return parseSnapshot(rest);
    if (command == QLatin1String("snapshots"))
        return parseSnapshots(rest);
    if (command == QLatin1String("diff"))
        return parseDiff(rest);
    if (command == QLatin1String("sandbox"))
        return parseSandbox(rest);
    if (command == QLatin1String("login") || command == QLatin1String("logout"))
        return parseLogin(rest, command == QLatin1String("login"));
    if (opensWindow(command))
        return Command(); // the window, whose own parser reads --demo, --config and Qt's options
    return invalid(
        Text::tr("roster: unknown command \"%1\"").arg(command) + QLatin1Char('\n') + usage());
}

} // namespace Cli
