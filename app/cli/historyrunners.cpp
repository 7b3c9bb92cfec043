#include "runners.h"
#include "runnersupport.h"

#include "csvoutput.h"
#include "snapshotdiff.h"
#include "snapshotstore.h"

#include <QDir>

// `roster snapshots`: what the history store holds, its evidence, and deleting from it.
namespace Cli {

using namespace Support;

namespace {

// One line per snapshot: id, time, accounts, complete, profiles (tab-separated, for scripts).
int listSnapshots(SnapshotStore &store, Reporter &reporter)
{
    const std::optional<QList<SnapshotStore::Snapshot>> all = store.snapshots();
    if (!all) {
        reporter.err(QStringLiteral("roster snapshots: ") + store.error());
        return Failed;
    }
    reporter.out(QStringLiteral("id\ttaken_at\taccounts\tcomplete\tprofiles"));
    for (const SnapshotStore::Snapshot &s : *all) {
        QStringList profiles;
        for (const SnapshotStore::ProfileEntry &p : s.profiles)
            profiles << (p.complete ? p.name : p.name + QStringLiteral(" (incomplete)"));
        reporter.out(QStringLiteral("%1\t%2\t%3\t%4\t%5")
                         .arg(s.id)
                         .arg(s.takenAt.toString(Qt::ISODate), QString::number(s.accounts()),
                             s.complete() ? QStringLiteral("yes") : QStringLiteral("no"),
                             profiles.join(QStringLiteral(", "))));
    }
    if (all->isEmpty())
        reporter.err(Text::tr("roster snapshots: %1 holds no snapshot yet (roster snapshot takes "
                              "one)")
                         .arg(QDir::toNativeSeparators(store.path())));
    return Ok;
}

int verifySnapshot(SnapshotStore &store, const SnapshotStore::Snapshot &s, Reporter &reporter)
{
    QStringList changed;
    if (!store.verify(s.id, &changed)) {
        reporter.err(QStringLiteral("roster snapshots: ") + store.error());
        return Failed;
    }
    if (!changed.isEmpty()) {
        reporter.err(Text::tr("roster snapshots: snapshot %1 FAILED verification: the rows of %2 "
                              "are not those its checksums were computed from")
                         .arg(s.id)
                         .arg(changed.join(QStringLiteral(", "))));
        return Failed;
    }
    reporter.err(Text::tr("Snapshot %1 verified: %2 accounts in %n profile(s) match their "
                          "checksums.",
        nullptr, int(s.profiles.size()))
                     .arg(s.id)
                     .arg(grouped(s.accounts())));
    return Ok;
}

// The rows to the output, then a summary per profile and what was left out.
int writeDiff(
    const Command &command, const SnapshotDiff &diff, qint64 from, qint64 to, Reporter &reporter)
{
    QIODevice *device = nullptr;
    if (!outputDevice(command, reporter, "diff", &device))
        return Failed;
    CsvOutput output {QList<Column> {}};
    output.setDevice(device);
    output.setPath(command.output);
    if (!SnapshotDiff::write(output, diff.rows())) {
        reporter.err(QStringLiteral("roster diff: ") + output.error().summary());
        return Failed;
    }
    if (!command.quiet) {
        reporter.err(Text::tr("From snapshot %1 to snapshot %2:").arg(from).arg(to));
        for (const SnapshotDiff::ProfileCounts &c : diff.counts())
            reporter.err(
                Text::tr("  %1: %2 joined, %3 left, %4 changed")
                    .arg(c.profile, grouped(c.joined), grouped(c.left), grouped(c.changed)));
    }
    if (diff.leftOut().isEmpty())
        return Ok;
    reporter.err(
        Text::tr("roster diff: left out: %1").arg(diff.leftOut().join(QStringLiteral("; "))));
    return command.skipIncomplete ? Ok : Failed;
}

} // namespace

int runDiff(const Command &command, Reporter &reporter)
{
    SnapshotStore store(command.store.isEmpty() ? SnapshotStore::defaultPath() : command.store);
    if (!store.open()) {
        reporter.err(QStringLiteral("roster diff: ") + store.error());
        return Failed;
    }
    const qint64 from = store.resolve(command.diffFrom);
    const qint64 to = from ? store.resolve(command.diffTo) : 0;
    if (!to) {
        reporter.err(QStringLiteral("roster diff: ") + store.error());
        return Usage;
    }
    if (from == to) {
        reporter.err(
            Text::tr("roster diff: FROM and TO are the same snapshot (%1); name two").arg(from));
        return Usage;
    }
    // Every profile asked for is in one of the two.
    const std::optional<SnapshotStore::Snapshot> a = store.snapshot(from);
    const std::optional<SnapshotStore::Snapshot> b = a ? store.snapshot(to) : std::nullopt;
    if (!b) {
        reporter.err(QStringLiteral("roster diff: ") + store.error());
        return Failed;
    }
    for (const QString &name : command.profileNames) {
        const auto named = [&](const SnapshotStore::ProfileEntry &p) { return p.name == name; };
        if (std::none_of(a->profiles.cbegin(), a->profiles.cend(), named)
            && std::none_of(b->profiles.cbegin(), b->profiles.cend(), named)) {
            reporter.err(Text::tr("roster diff: no profile named \"%1\" in snapshot %2 or %3")
                             .arg(name)
                             .arg(from)
                             .arg(to));
            return Usage;
        }
    }
    SnapshotDiff diff(store, from, to, command.profileNames);
    if (!diff.run()) {
        reporter.err(QStringLiteral("roster diff: ") + diff.error());
        return Failed;
    }
    return writeDiff(command, diff, from, to, reporter);
}

int runSnapshots(const Command &command, Reporter &reporter)
{
    SnapshotStore store(command.store.isEmpty() ? SnapshotStore::defaultPath() : command.store);
    if (!store.open()) {
        reporter.err(QStringLiteral("roster snapshots: ") + store.error());
        return Failed;
    }
    // The snapshot an action names: one that is not there is a usage error.
    std::optional<SnapshotStore::Snapshot> named;
    if (command.snapshotsAction == Command::SnapshotsAction::Verify
        || command.snapshotsAction == Command::SnapshotsAction::Delete) {
        named = store.snapshot(command.snapshotId);
        if (!named) {
            reporter.err(QStringLiteral("roster snapshots: ") + store.error());
            return Usage;
        }
    }
    switch (command.snapshotsAction) {
    case Command::SnapshotsAction::List:
        return listSnapshots(store, reporter);
    case Command::SnapshotsAction::Verify:
        return verifySnapshot(store, *named, reporter);
    case Command::SnapshotsAction::Delete:
        if (!store.remove(command.snapshotId)) {
            reporter.err(QStringLiteral("roster snapshots: ") + store.error());
            return Failed;
        }
        reporter.err(Text::tr("Deleted snapshot %1.").arg(command.snapshotId));
        return Ok;
    case Command::SnapshotsAction::DeleteOlderThan: {
        const int removed
            = store.removeOlderThan(QDateTime::currentDateTimeUtc().addDays(-command.days));
        if (removed < 0) {
            reporter.err(QStringLiteral("roster snapshots: ") + store.error());
            return Failed;
        }
        reporter.err(
            Text::tr("Deleted %n snapshot(s) taken more than %1 day(s) ago.", nullptr, removed)
                .arg(command.days));
        return Ok;
    }
    }
    return Failed;
}

} // namespace Cli
