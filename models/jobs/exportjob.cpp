#include "exportjob.h"

#include "pagewalker.h"
#include "provider.h"

#include <QDir>
#include <QFile>
#include <QTimer>

ExportJob::ExportJob(SharedProvider provider, Options options, QObject *parent)
    : ExportJob(provider.get(), std::move(options), parent)
{
    m_keepAlive = std::move(provider);
}

ExportJob::ExportJob(Provider *provider, Options options, QObject *parent)
    : Job(parent)
    , m_provider(provider)
    , m_all(true)
    , m_options(std::move(options))
    , m_output(m_options.columns, m_options.csv)
{ }

ExportJob::ExportJob(QList<User> users, Options options, QObject *parent)
    : Job(parent)
    , m_users(std::move(users))
    , m_all(false)
    , m_options(std::move(options))
    , m_output(m_options.columns, m_options.csv)
{ }

ExportJob::~ExportJob()
{
    if (m_walker)
        m_walker->abort();
}

double ExportJob::rowsPerSecond() const
{
    const qint64 ms = m_clock.isValid() ? m_clock.elapsed() : 0;
    return ms > 0 ? rowsWritten() * 1000.0 / double(ms) : 0.0;
}

void ExportJob::start()
{
    if (!begin())
        return;
    m_clock.start();
    if (!m_all) {
        if (!m_output.open()) {
            fail(m_output.error());
            return;
        }
        // Selected rows are already in memory; write them in slices so progress and cancel work.
        QTimer::singleShot(0, this, [this] { writeSelected(0); });
        return;
    }
    if (!m_provider) {
        fail(ProviderError::make(
            ProviderError::Kind::Configuration, tr("No provider to export from.")));
        return;
    }
    // The same engine as the table's: every page (several at a time where the API allows it),
    // streamed arrays written batch by batch, every consistency rule.
    m_walker = new PageWalker(m_provider, {m_options.maxParallelPages, true, false}, this);
    m_output.setPartial(true); // a file only; standard output is written as it comes
    if (m_options.resume && !m_output.isPartial()) {
        fail(resumeError(tr("Only an export to a file can be resumed.")));
        return;
    }
    if (m_options.resume ? continuePartial() : openOutput())
        startWalk();
}

void ExportJob::startWalk()
{
    connect(m_walker, &PageWalker::usersReady, this, [this](const QList<User> &users) {
        // A pipe reader (roster export --output - | head) sees each batch as it is written.
        if (!isRunning() || !writeUsers(users, !m_output.writesToFile()))
            return;
        ProviderError error;
        if (m_output.isPartial() && m_sinceCheckpoint.elapsed() >= m_checkpointEveryMs
            && !saveCheckpoint(&error))
            fail(error);
    });
    connect(m_walker, &PageWalker::retrying, this, &Job::retrying);
    connect(m_walker, &PageWalker::stateChanged, this, [this](PageWalker::State state) {
        if (!isRunning())
            return;
        if (state == PageWalker::State::Complete)
            succeed();
        else if (state == PageWalker::State::Failed)
            fail(m_walker->error());
    });
    if (!m_options.search.isEmpty())
        m_walker->setQuery(m_provider->searchQuery(m_options.search));
    if (m_resumedFrom >= 0)
        m_walker->startFrom(m_checkpoint.position, m_checkpoint.rows, m_checkpoint.firstTotal);
    else
        m_walker->start();
    m_walker->runToEnd();
}

// What this export is, as its checkpoint names it.
ExportCheckpoint ExportJob::identity() const
{
    ExportCheckpoint c;
    const Profile &profile = m_provider->profile();
    c.profile = profile.name;
    c.kind = profile.kind;
    c.baseUrl = profile.baseUrl.toString();
    c.organization = profile.organization;
    for (Column column : m_options.columns)
        c.columns << Columns::key(column);
    c.byteOrderMark = m_options.csv.byteOrderMark;
    c.formulaGuard = m_options.csv.formulaGuard;
    c.filter = m_options.search;
    c.canContinue = m_walker->canContinue();
    return c;
}

bool ExportJob::openOutput()
{
    if (!m_output.open()) {
        fail(m_output.error());
        return false;
    }
    if (!m_output.isPartial())
        return true;
    m_checkpoint = identity();
    ProviderError error;
    if (!saveCheckpoint(&error)) {
        fail(error);
        return false;
    }
    return true;
}

ProviderError ExportJob::resumeError(const QString &message) const
{
    return ProviderError::make(ProviderError::Kind::Resume, message);
}

bool ExportJob::continuePartial()
{
    const ExportCheckpoint wanted = identity();
    const QString start = tr("Start the export again without resuming.");
    if (!wanted.canContinue) {
        fail(resumeError(tr("Profile \"%1\" is of kind %2, which sends its whole organization in "
                            "one answer: an export of it cannot continue where it stopped. %3")
                             .arg(wanted.profile, wanted.kind, start)));
        return false;
    }
    QString problem;
    if (!ExportCheckpoint::load(m_output.path(), &m_checkpoint, &problem)) {
        fail(resumeError(tr("Cannot resume: %1. %2").arg(problem, start)));
        return false;
    }
    const QStringList differences = m_checkpoint.differences(wanted);
    if (!differences.isEmpty()) {
        fail(resumeError(
            tr("Cannot resume: the checkpoint %1 is for another export (%2). Run the "
               "export it was made for, or start this one again without resuming.")
                .arg(QDir::toNativeSeparators(ExportCheckpoint::checkpointPath(m_output.path())),
                    differences.join(QStringLiteral("; ")))));
        return false;
    }
    if (!m_checkpoint.canContinue
        || !m_output.openToContinue(
            m_checkpoint.bytes, m_checkpoint.sha256, m_checkpoint.rows, &problem)) {
        fail(resumeError(tr("Cannot resume: %1. %2").arg(problem, start)));
        return false;
    }
    m_resumedFrom = m_checkpoint.rows;
    m_sinceCheckpoint.start();
    return true;
}

// The partial's rows so far on disk, then the checkpoint that says so.
bool ExportJob::saveCheckpoint(ProviderError *error)
{
    QElapsedTimer took;
    took.start();
    if (!m_output.sync()) {
        *error = m_output.error();
        return false;
    }
    ExportCheckpoint next = m_checkpoint;
    next.position = m_walker->resumeToken();
    next.rows = rowsWritten();
    next.bytes = m_output.bytesWritten();
    next.sha256 = m_output.sha256();
    if (next.firstTotal < 0)
        next.firstTotal = m_walker->firstTotal();
    QString why;
    if (!next.save(m_output.path(), &why)) {
        *error = ProviderError::make(ProviderError::Kind::LocalFile, why);
        return false;
    }
    m_checkpoint = next;
    // fdatasync and the checkpoint's own fsync can take a large part of a second on a busy disk.
    m_checkpointEveryMs
        = std::max<qint64>(checkpointIntervalMs, checkpointCostFactor * took.elapsed());
    m_sinceCheckpoint.start();
    return true;
}

void ExportJob::writeSelected(qsizetype from)
{
    if (!isRunning())
        return;
    const qsizetype to = std::min<qsizetype>(from + 20000, m_users.size());
    for (qsizetype i = from; i < to; ++i) {
        if (!m_output.writeUser(m_users[i])) {
            fail(m_output.error());
            return;
        }
    }
    emit progress(rowsWritten(), total());
    if (to >= m_users.size())
        succeed();
    else
        QTimer::singleShot(0, this, [this, to] { writeSelected(to); });
}

void ExportJob::cancel()
{
    if (isRunning())
        fail(cancelled(tr("The export was cancelled.")));
}

qint64 ExportJob::total() const
{
    return m_all ? (m_walker ? m_walker->total() : -1) : m_users.size();
}

qint64 ExportJob::firstTotal() const
{
    return m_all ? (m_walker ? m_walker->firstTotal() : -1) : m_users.size();
}

bool ExportJob::writeUsers(const QList<User> &users, bool flush)
{
    for (const User &u : users) {
        if (!m_output.writeUser(u)) {
            fail(m_output.error());
            return false;
        }
    }
    // A pipe reader (roster export --output - | head) sees each batch as it is written.
    if (flush && !m_output.flush()) {
        fail(m_output.error());
        return false;
    }
    emit progress(rowsWritten(), total());
    return true;
}

void ExportJob::succeed()
{
    // People joined or left while a long export ran: not a failure, never silent either. (A total
    // that never changed but was not what arrived is the walker's error, before this.)
    if (m_all && firstTotal() >= 0 && firstTotal() != total()) {
        m_notice = tr("The organization changed during the export: the provider counted %L1 users "
                      "when it started and %L2 when it ended; %L3 rows were written.")
                       .arg(firstTotal())
                       .arg(total())
                       .arg(rowsWritten());
    }
    if (!m_output.commit()) {
        fail(m_output.error());
        return;
    }
    end();
}

void ExportJob::fail(const ProviderError &error)
{
    if (!isRunning())
        return;
    if (m_walker)
        m_walker->abort();
    ProviderError e = error;
    if (m_resumedFrom >= 0 && rowsWritten() == m_resumedFrom && error.httpStatus >= 400
        && error.httpStatus < 500 && error.kind == ProviderError::Kind::Http) {
        // The first page after the checkpoint was refused: most likely an expired cursor.
        e.message += QLatin1Char(' ')
            + tr("The provider no longer accepts the position this export stopped at; start the "
                 "export again without resuming.");
    }
    if (m_output.isPartial() && error.kind != ProviderError::Kind::Resume)
        keepOrDiscard(error);
    m_output.cancel(); // discards a temporary file; whatever was at the path stays as it was
    end(e);
}

// A stopped export to a file keeps its partial and a current checkpoint when rows were read and
// the provider can continue; otherwise both go.
void ExportJob::keepOrDiscard(const ProviderError &error)
{
    if (m_walker && m_walker->canContinue() && rowsWritten() > 0) {
        // After a local file error the partial's tail is suspect: the last checkpoint holds.
        ProviderError ignored;
        if (error.kind != ProviderError::Kind::LocalFile)
            saveCheckpoint(&ignored);
        if (m_checkpoint.rows > 0
            && QFile::exists(ExportCheckpoint::checkpointPath(m_output.path()))) {
            m_kept = m_checkpoint.rows;
            m_output.cancel();
            return;
        }
    }
    m_output.cancel();
    ExportCheckpoint::discard(m_output.path());
}
