#include "runners.h"
#include "runnersupport.h"

#include "accessreview.h"
#include "credentialstore.h"
#include "csvoutput.h"
#include "historyfind.h"
#include "peoplefinder.h"
#include "personmatch.h"
#include "profilestore.h"
#include "sandbox/sandboxhost.h"
#include "sessionproviders.h"
#include "snapshotstore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QSet>

// The commands over several profiles at once: find and review.
namespace Cli {

using namespace Support;

namespace {

// The columns `roster find` writes: where the account is, the usual ones, and the rule that
// matched; from history, when the snapshot was taken.
QStringList findHeader(bool fromHistory)
{
    QStringList header {QStringLiteral("profile"), QStringLiteral("kind")};
    for (Column c : Columns::defaults())
        header << Columns::key(c);
    header << Columns::key(Column::CreatedAt) << Columns::key(Column::UpdatedAt)
           << QStringLiteral("match");
    if (fromHistory)
        header << QStringLiteral("as_of"); // when the snapshot answering was taken (UTC)
    return header;
}

// One account found, under findHeader()'s columns (as_of aside).
QStringList findRow(const Profile &p, const User &u, PersonMatch::Rule rule)
{
    QStringList row {p.name, p.kind};
    for (Column c : Columns::defaults())
        row << u.value(c);
    row << u.createdAt << u.updatedAt << PersonMatch::ruleText(rule);
    return row;
}

class FindRun
{
public:
    FindRun(const Command &command, const QList<Profile> &profiles, Reporter &reporter)
        : m_command(command)
        , m_profiles(profiles)
        , m_reporter(reporter)
        , m_finder(PersonMatch(command.findText, command.exact), &m_context)
    { }

    int exec()
    {
        QIODevice *device = nullptr;
        if (!outputDevice(m_command, m_reporter, "find", &device))
            return Failed;
        m_output.setDevice(device);
        m_output.setPath(m_command.output);
        if (!m_output.open(findHeader(m_command.fromHistory))) {
            m_reporter.err(QStringLiteral("roster find: ") + m_output.error().summary());
            return Failed;
        }
        if (m_command.fromHistory)
            return fromHistory();
        QObject::connect(&m_finder, &PeopleFinder::hits, &m_context,
            [this](const QList<PeopleFinder::Hit> &hits) { write(hits); });
        QObject::connect(&m_finder, &PeopleFinder::profileFinished, &m_context,
            [this](int target) { onTargetFinished(target); });
        QObject::connect(&m_finder, &PeopleFinder::finished, &m_context, [this] { finish(); });
        for (const Profile &p : m_profiles)
            m_finder.addProfile(p);
        m_finder.start();
        m_finder.requestProviders(m_providers);
        if (!m_done)
            m_loop.exec();
        return m_exitCode;
    }

private:
    // --from-history: each profile's latest complete snapshot, read from the store alone.
    int fromHistory()
    {
        const PersonMatch match(m_command.findText, m_command.exact);
        QStringList names;
        for (const Profile &p : m_profiles)
            names << p.name;
        const HistoryAnswer answer = findInHistory(
            m_command.store.isEmpty() ? SnapshotStore::defaultPath() : m_command.store, names,
            match);
        if (!answer.error.isEmpty()) {
            m_reporter.err(QStringLiteral("roster find: ") + answer.error);
            return Failed;
        }
        QStringList without;
        for (int i = 0; i < names.size(); ++i) {
            if (!answer.asOf.at(i).isValid())
                without << names.at(i);
        }
        QSet<int> profilesWith;
        for (const PeopleFinder::Hit &h : answer.hits) {
            // A stored account has no created_at or updated_at: those cells stay empty.
            m_output.writeRow(findRow(m_profiles.at(h.target), h.user, h.rule)
                << answer.asOf.at(h.target).toString(Qt::ISODate));
            profilesWith.insert(h.target);
        }
        const qsizetype accounts = answer.hits.size();
        const bool ok = m_output.commit();
        if (!ok)
            m_reporter.err(QStringLiteral("roster find: ") + m_output.error().summary());
        if (!m_command.quiet)
            m_reporter.err(Text::tr("Found %1 account(s) for \"%2\" in %3 of %4 profile(s), from "
                                    "their latest snapshots.")
                               .arg(accounts)
                               .arg(m_command.findText)
                               .arg(profilesWith.size())
                               .arg(m_profiles.size()));
        if (!without.isEmpty())
            m_reporter.err(Text::tr("Not searched, because no complete snapshot holds them: %1")
                               .arg(without.join(QStringLiteral(", "))));
        return !ok || !without.isEmpty() ? Failed : Ok;
    }

    void write(const QList<PeopleFinder::Hit> &hits)
    {
        for (const PeopleFinder::Hit &h : hits) {
            m_output.writeRow(findRow(m_profiles.at(h.target), h.user, h.rule));
        }
        m_output.flush(); // rows appear as each profile answers
    }

    void onTargetFinished(int target)
    {
        if (m_finder.status(target) != PeopleFinder::Status::Failed)
            return;
        const ProviderError &e = m_finder.profileError(target);
        m_reporter.err(Text::tr("roster find: profile \"%1\" failed: %2")
                           .arg(m_finder.profile(target).name, e.summary()));
    }

    void finish()
    {
        if (m_done)
            return;
        QStringList notFound, failed;
        int accounts = 0, profilesWith = 0;
        for (int i = 0; i < m_finder.profileCount(); ++i) {
            if (m_finder.status(i) == PeopleFinder::Status::Failed)
                failed << m_finder.profile(i).name;
            else if (m_finder.found(i) == 0)
                notFound << m_finder.profile(i).name;
            accounts += m_finder.found(i);
            profilesWith += m_finder.found(i) > 0;
        }
        const bool ok = m_output.commit();
        if (!ok)
            m_reporter.err(QStringLiteral("roster find: ") + m_output.error().summary());
        if (!m_command.quiet) {
            m_reporter.err(Text::tr("Found %1 account(s) for \"%2\" in %3 of %4 profile(s).")
                               .arg(accounts)
                               .arg(m_command.findText)
                               .arg(profilesWith)
                               .arg(m_finder.profileCount()));
            if (!notFound.isEmpty())
                m_reporter.err(Text::tr("Not found in %1 profile(s): %2")
                                   .arg(notFound.size())
                                   .arg(notFound.join(QStringLiteral(", "))));
        }
        if (!failed.isEmpty())
            m_reporter.err(Text::tr("Not searched, because they failed: %1")
                               .arg(failed.join(QStringLiteral(", "))));
        m_exitCode = !ok || !failed.isEmpty() ? Failed : Ok;
        m_done = true;
        m_loop.quit();
    }

    const Command &m_command;
    const QList<Profile> m_profiles;
    Reporter &m_reporter;
    // The network manager outlives the providers made with it (shared with the finder).
    QNetworkAccessManager m_nam;
    CredentialStore m_credentials;
    QObject m_context; // callbacks stop with it
    PeopleFinder m_finder;
    const SessionProviders m_providers {nullptr, &m_credentials, &m_nam};
    CsvOutput m_output {QList<Column> {}};
    QEventLoop m_loop;
    int m_exitCode = Failed;
    bool m_done = false;
};

} // namespace

namespace {

// `roster review`, and `roster snapshot`: the same read kept in the history store instead.
class ReviewRun
{
public:
    ReviewRun(const Command &command, const QList<Profile> &profiles, Reporter &reporter)
        : m_command(command)
        , m_profiles(profiles)
        , m_reporter(reporter)
        , m_store(command.store.isEmpty() ? SnapshotStore::defaultPath() : command.store)
        , m_review(options(command), &m_context)
    { }

    int exec()
    {
        if (!snapshotOnly()) {
            QIODevice *device = nullptr;
            if (!outputDevice(m_command, m_reporter, "review", &device))
                return Failed;
            m_review.setOutputDevice(device);
            m_review.setOutputPath(m_command.output);
        }
        if (snapshotOnly() || m_command.save) {
            if (!m_store.open()) {
                m_reporter.err(prefix() + m_store.error());
                return Failed;
            }
            m_review.setStore(&m_store);
        }
        for (const Profile &p : m_profiles)
            m_review.addProfile(p);
        QObject::connect(
            &m_review, &AccessReview::progress, &m_context, [this](int i) { onProgress(i); });
        QObject::connect(&m_review, &AccessReview::profileFinished, &m_context, [this](int i) {
            if (m_review.status(i) == AccessReview::Status::Skipped)
                m_reporter.err(
                    (snapshotOnly() ? Text::tr("roster snapshot: incomplete \"%1\": %2")
                                    : Text::tr("roster review: left out \"%1\": %2"))
                        .arg(m_review.profile(i).name, m_review.profileError(i).summary()));
        });
        QObject::connect(
            &m_review, &AccessReview::finished, &m_context, [this](bool ok) { finish(ok); });
        m_lastProgress.start();
        m_review.start();
        if (m_review.isRunning())
            m_review.requestProviders(m_providers);
        if (!m_done)
            m_loop.exec();
        return m_exitCode;
    }

private:
    bool snapshotOnly() const { return m_command.kind == Command::Kind::Snapshot; }
    QString prefix() const
    {
        return snapshotOnly() ? QStringLiteral("roster snapshot: ")
                              : QStringLiteral("roster review: ");
    }

    static AccessReview::Options options(const Command &command)
    {
        AccessReview::Options o;
        o.columns = command.exportOptions.columns;
        // A snapshot keeps a failed profile as incomplete, and reads the others.
        o.skipFailed = command.skipFailed || command.kind == Command::Kind::Snapshot;
        o.writeCsv = command.kind != Command::Kind::Snapshot;
        return o;
    }

    // `roster snapshot`'s end: the id on standard output; the counts and what is incomplete on
    // standard error. 1 when a profile is incomplete (the snapshot is kept, marked so).
    void finishSnapshot(bool ok)
    {
        if (!ok) {
            m_reporter.err(prefix() + m_review.error().summary());
            m_exitCode = Failed;
            return;
        }
        const std::optional<SnapshotStore::Snapshot> s = m_store.snapshot(m_review.snapshotId());
        if (!s) {
            m_reporter.err(prefix() + m_store.error());
            m_exitCode = Failed;
            return;
        }
        m_reporter.out(QString::number(s->id));
        QStringList incomplete;
        for (const SnapshotStore::ProfileEntry &p : s->profiles) {
            if (!p.complete)
                incomplete << p.name;
        }
        if (!m_command.quiet)
            m_reporter.err(
                Text::tr("Snapshot %1: %2 accounts from %n profile(s), in %3.", nullptr,
                    int(s->profiles.size()))
                    .arg(s->id)
                    .arg(grouped(s->accounts()), QDir::toNativeSeparators(m_store.path())));
        if (!incomplete.isEmpty())
            m_reporter.err(Text::tr("roster snapshot: INCOMPLETE, failed: %1 (kept, marked "
                                    "incomplete; a diff leaves them out)")
                               .arg(incomplete.join(QStringLiteral(", "))));
        m_exitCode = incomplete.isEmpty() ? Ok : Failed;
    }

    void onProgress(int index)
    {
        if (m_command.quiet || !m_reporter.showsProgress() || m_lastProgress.elapsed() < 200)
            return;
        m_lastProgress.restart();
        const qint64 total = m_review.total(index);
        m_reporter.progress(
            Text::tr("%1 (%2 of %3): %4%5 rows")
                .arg(m_review.profile(index).name)
                .arg(index + 1)
                .arg(m_review.profileCount())
                .arg(grouped(m_review.rows(index)),
                    total >= 0 ? Text::tr(" of %1").arg(grouped(total)) : QString()));
    }

    // review --save: the snapshot's id, and the manifest beside a file.
    bool saved()
    {
        const std::optional<SnapshotStore::Snapshot> s = m_store.snapshot(m_review.snapshotId());
        QString error = s ? QString() : m_store.error();
        if (s && m_command.output != QLatin1String("-"))
            SnapshotStore::writeManifest(*s, m_store.path(), m_command.output, &error);
        if (!error.isEmpty()) {
            m_reporter.err(prefix() + error);
            return false;
        }
        if (!m_command.quiet)
            m_reporter.err(Text::tr("  Saved as snapshot %1 in %2.")
                               .arg(m_review.snapshotId())
                               .arg(QDir::toNativeSeparators(m_store.path())));
        return true;
    }

    void finish(bool ok)
    {
        m_reporter.progress(QString());
        if (snapshotOnly()) {
            finishSnapshot(ok);
            m_done = true;
            m_loop.quit();
            return;
        }
        const AccessReview::Summary &s = m_review.summary();
        if (!ok) {
            const ProviderError &e = m_review.error();
            int failed = -1;
            for (int i = 0; i < m_review.profileCount(); ++i) {
                if (m_review.status(i) == AccessReview::Status::Failed)
                    failed = i;
            }
            m_reporter.err(failed >= 0 ? Text::tr("roster review: profile \"%1\" failed: %2")
                                             .arg(m_review.profile(failed).name, e.summary())
                                       : QStringLiteral("roster review: ") + e.summary());
            const QStringList lines = e.detailLines();
            for (qsizetype i = 1; i < lines.size(); ++i)
                m_reporter.err(QStringLiteral("  ") + lines[i]);
            if (m_command.output != QLatin1String("-"))
                m_reporter.err(
                    Text::tr("  Nothing was written; %1 was left as it was (--skip-failed "
                             "leaves failing profiles out instead).")
                        .arg(m_command.output));
        } else if (!m_command.quiet) {
            // The window's wording, the counts indented as for errors; "Incomplete" is said
            // below, even with --quiet.
            const QStringList lines = m_review.summaryLines(m_command.output == QLatin1String("-")
                    ? Text::tr("standard output")
                    : m_command.output);
            m_reporter.err(lines.at(0));
            m_reporter.err(QStringLiteral("  ") + lines.at(1));
        }
        if (ok && !s.leftOut.isEmpty()) // even with --quiet: the review is incomplete
            m_reporter.err(Text::tr("roster review: INCOMPLETE, left out: %1")
                               .arg(s.leftOut.join(QStringLiteral("; "))));
        if (ok && m_command.save)
            ok = saved();
        m_exitCode = ok ? Ok : Failed;
        m_done = true;
        m_loop.quit();
    }

    const Command &m_command;
    const QList<Profile> m_profiles;
    Reporter &m_reporter;
    // The network manager outlives the providers made with it (shared with the review).
    QNetworkAccessManager m_nam;
    CredentialStore m_credentials;
    SnapshotStore m_store; // outlives the review that writes to it
    QObject m_context;
    AccessReview m_review;
    const SessionProviders m_providers {nullptr, &m_credentials, &m_nam};
    QEventLoop m_loop;
    QElapsedTimer m_lastProgress;
    int m_exitCode = Failed;
    bool m_done = false;
};

// The profiles a command names with --profiles, or all; false (usage) for an unknown name.
bool chooseProfiles(const Command &command, const ProfileStore &store, QList<Profile> *profiles,
    Reporter &reporter, const QString &name)
{
    if (command.profileNames.isEmpty())
        *profiles = store.profiles();
    for (const QString &wanted : command.profileNames) {
        const Profile *p = store.find(wanted);
        if (!p) {
            reporter.err(Text::tr("roster %1: no profile named \"%2\"").arg(name, wanted));
            return false;
        }
        *profiles << *p;
    }
    return true;
}

} // namespace

// A command over the chosen profiles: opens them, picks those asked for, runs.
template<typename Run>
int runAcross(const Command &command, Reporter &reporter, const QString &name)
{
    SandboxHost sandbox;
    ProfileStore store;
    if (const int status = openProfiles(command, name, &sandbox, &store, reporter))
        return status;
    QList<Profile> profiles;
    if (!chooseProfiles(command, store, &profiles, reporter, name))
        return Usage;
    Run run(command, profiles, reporter);
    return run.exec();
}

int runReview(const Command &command, Reporter &reporter)
{
    return runAcross<ReviewRun>(command, reporter, QStringLiteral("review"));
}

int runSnapshot(const Command &command, Reporter &reporter)
{
    return runAcross<ReviewRun>(command, reporter, QStringLiteral("snapshot"));
}

int runFind(const Command &command, Reporter &reporter)
{
    return runAcross<FindRun>(command, reporter, QStringLiteral("find"));
}

} // namespace Cli
