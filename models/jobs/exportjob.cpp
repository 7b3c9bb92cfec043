#include "exportjob.h"

#include "pagewalker.h"
#include "provider.h"

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
    if (!m_output.open()) {
        fail(m_output.error());
        return;
    }
    if (!m_all) {
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
    m_walker = new PageWalker(m_provider, {m_options.maxParallelPages, true}, this);
    connect(m_walker, &PageWalker::usersReady, this, [this](const QList<User> &users) {
        // A pipe reader (roster export --output - | head) sees each batch as it is written.
        if (isRunning())
            writeUsers(users, !m_output.writesToFile());
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
    m_walker->start();
    m_walker->runToEnd();
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
    m_output.cancel(); // discards the temporary file; whatever was at the path stays as it was
    end(error);
}
