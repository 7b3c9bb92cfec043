#include "exportjob.h"

#include "pagewalker.h"
#include "provider.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDevice>
#include <QSaveFile>
#include <QTimer>

ExportJob::ExportJob(SharedProvider provider, Options options, QObject *parent)
    : ExportJob(provider.get(), std::move(options), parent)
{
    m_keepAlive = std::move(provider);
}

ExportJob::ExportJob(Provider *provider, Options options, QObject *parent)
    : QObject(parent)
    , m_provider(provider)
    , m_all(true)
    , m_options(std::move(options))
{ }

ExportJob::ExportJob(QList<User> users, Options options, QObject *parent)
    : QObject(parent)
    , m_users(std::move(users))
    , m_all(false)
    , m_options(std::move(options))
{ }

ExportJob::~ExportJob()
{
    if (m_walker)
        m_walker->abort();
    if (m_file)
        m_file->cancelWriting();
}

qint64 ExportJob::rowsWritten() const
{
    return m_writer ? m_writer->rowsWritten() : 0;
}

double ExportJob::rowsPerSecond() const
{
    const qint64 ms = m_clock.isValid() ? m_clock.elapsed() : 0;
    return ms > 0 ? rowsWritten() * 1000.0 / double(ms) : 0.0;
}

bool ExportJob::openOutput()
{
    QIODevice *device = m_device;
    if (!device) {
        m_file = std::make_unique<QSaveFile>(m_path);
        if (!m_file->open(QIODevice::WriteOnly)) {
            failWriting(m_file->errorString());
            return false;
        }
        device = m_file.get();
    }
    m_writer = std::make_unique<CsvWriter>(device, m_options.columns, m_options.csv);
    return true;
}

void ExportJob::start()
{
    if (m_running)
        return;
    m_running = true;
    m_clock.start();
    if (!openOutput())
        return;
    if (!m_writer->writeHeader()) {
        failWriting(m_writer->errorString());
        return;
    }
    if (!m_all) {
        // Selected rows are already in memory; write them in slices so progress and cancel work.
        auto writeSlice = std::make_shared<std::function<void(qsizetype)>>();
        *writeSlice = [this, writeSlice](qsizetype from) {
            if (!m_running)
                return;
            const qsizetype to = std::min<qsizetype>(from + 20000, m_users.size());
            for (qsizetype i = from; i < to; ++i) {
                if (!m_writer->writeUser(m_users[i])) {
                    failWriting(m_writer->errorString());
                    return;
                }
            }
            emit progress(rowsWritten(), total());
            if (to >= m_users.size())
                succeed();
            else
                QTimer::singleShot(0, this, [writeSlice, to] { (*writeSlice)(to); });
        };
        QTimer::singleShot(0, this, [writeSlice] { (*writeSlice)(0); });
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
        if (m_running)
            writeUsers(users, m_device != nullptr);
    });
    connect(m_walker, &PageWalker::retrying, this, &ExportJob::retrying);
    connect(m_walker, &PageWalker::stateChanged, this, [this](PageWalker::State state) {
        if (!m_running)
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

void ExportJob::cancel()
{
    if (!m_running)
        return;
    fail(ProviderError::make(ProviderError::Kind::Cancelled, tr("The export was cancelled.")));
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
        if (!m_writer->writeUser(u)) {
            failWriting(m_writer->errorString());
            return false;
        }
    }
    // A pipe reader (roster export --output - | head) sees each batch as it is written.
    if (flush) {
        auto *file = qobject_cast<QFileDevice *>(m_device);
        if (!m_writer->flush() || (file && !file->flush())) {
            failWriting(
                m_writer->errorString().isEmpty() ? file->errorString() : m_writer->errorString());
            return false;
        }
    }
    emit progress(rowsWritten(), total());
    return true;
}

void ExportJob::succeed()
{
    if (!m_writer->flush()) {
        failWriting(m_writer->errorString());
        return;
    }
    // People joined or left while a long export ran: not a failure, never silent either. (A total
    // that never changed but was not what arrived is the walker's error, before this.)
    if (m_all && firstTotal() >= 0 && firstTotal() != total()) {
        m_notice = tr("The organization changed during the export: the provider counted %L1 users "
                      "when it started and %L2 when it ended; %L3 rows were written.")
                       .arg(firstTotal())
                       .arg(total())
                       .arg(rowsWritten());
    }
    if (m_file && !m_file->commit()) {
        const QString reason = m_file->errorString();
        m_file.reset();
        failWriting(reason);
        return;
    }
    m_file.reset();
    m_running = false;
    emit finished(true);
}

void ExportJob::failWriting(const QString &reason)
{
    // The local file, not the provider nor the user's usage: the path and what the OS said.
    const QString where = m_device ? tr("the output") : QDir::toNativeSeparators(m_path);
    fail(ProviderError::make(
        ProviderError::Kind::LocalFile, tr("Cannot write %1: %2").arg(where, reason)));
}

void ExportJob::fail(ProviderError error)
{
    if (!m_running)
        return;
    m_running = false;
    m_error = std::move(error);
    if (m_walker)
        m_walker->abort();
    if (m_file) {
        // Discards the temporary file; whatever was at the path stays as it was.
        m_file->cancelWriting();
        m_file->commit();
        m_file.reset();
    }
    emit finished(false);
}
