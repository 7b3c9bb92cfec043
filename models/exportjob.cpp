#include "exportjob.h"

#include "offsetpager.h"
#include "provider.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDevice>
#include <QSaveFile>
#include <QTimer>

ExportJob::ExportJob(Provider *provider, Options options, QObject *parent)
    : QObject(parent)
    , m_provider(provider)
    , m_all(true)
    , m_options(std::move(options))
{
}

ExportJob::ExportJob(QList<User> users, Options options, QObject *parent)
    : QObject(parent)
    , m_users(std::move(users))
    , m_all(false)
    , m_options(std::move(options))
{
}

ExportJob::~ExportJob()
{
    for (PageReply *r : std::as_const(m_inFlight)) {
        r->abort();
        r->deleteLater();
    }
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
        m_total = m_users.size();
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
            emit progress(rowsWritten(), m_total);
            if (to >= m_users.size())
                succeed();
            else
                QTimer::singleShot(0, this, [writeSlice, to] { (*writeSlice)(to); });
        };
        QTimer::singleShot(0, this, [writeSlice] { (*writeSlice)(0); });
        return;
    }
    if (!m_provider) {
        fail(ProviderError::make(ProviderError::Kind::Configuration, tr("No provider to export from.")));
        return;
    }
    m_guard.reset();
    m_guard.markUsed(QString());
    requestSequential(QString());
}

void ExportJob::cancel()
{
    if (!m_running)
        return;
    fail(ProviderError::make(ProviderError::Kind::Cancelled, tr("The export was cancelled.")));
}

PageReply *ExportJob::requestSequential(const QString &token)
{
    PageReply *reply = m_provider->fetchPage(token);
    m_inFlight.append(reply);
    connect(reply, &PageReply::retrying, this, &ExportJob::retrying);
    if (m_provider->capabilities().paging == ProviderCapabilities::Paging::Single) {
        // One array: each batch is written as soon as it is parsed, so memory stays flat and
        // standard output shows rows while the rest is still arriving.
        reply->setIncremental(true);
        connect(reply, &PageReply::usersArrived, this, [this](const QList<User> &users) {
            if (m_running)
                writeUsers(users, m_device != nullptr);
        });
    }
    connect(reply, &PageReply::finished, this, [this, reply] {
        if (reply == m_prefetch) {
            m_prefetchReady = true; // keep the order: it is handled once its predecessor is written
            return;
        }
        onPage(reply);
    });
    connect(reply, &PageReply::nextTokenHint, this, [this](const QString &hint) {
        // Only when nothing is queued yet and the hint is new: a wrong hint costs one request.
        if (m_running && !m_prefetch && m_inFlight.size() == 1 && !m_parallel)
            m_prefetch = requestSequential(hint);
    });
    return reply;
}

void ExportJob::startParallel(const Page &first)
{
    m_parallel = true;
    for (PageReply *r : std::as_const(m_inFlight)) { // a prefetch on a hint is not needed now
        r->abort();
        r->deleteLater();
    }
    m_inFlight.clear();
    m_prefetch = nullptr;
    if (!writePage(first))
        return;
    m_pager = new OffsetPager(m_provider, m_options.maxParallelPages, this);
    connect(m_pager, &OffsetPager::usersReady, this, [this](const QList<User> &users) {
        if (m_running)
            writeUsers(users, false);
    });
    connect(m_pager, &OffsetPager::totalChanged, this, [this](qint64 total) { m_total = total; });
    connect(m_pager, &OffsetPager::retrying, this, &ExportJob::retrying);
    connect(m_pager, &OffsetPager::finished, this, [this] {
        if (m_running)
            succeed();
    });
    connect(m_pager, &OffsetPager::failed, this, [this](const ProviderError &error) { fail(error); });
    m_pager->start(first.users.size(), first.users.size(), m_total);
}

void ExportJob::onPage(PageReply *reply)
{
    m_inFlight.removeOne(reply);
    reply->deleteLater();
    if (!m_running)
        return;
    if (reply->hasError()) {
        fail(reply->error());
        return;
    }
    Page page = reply->takePage();
    if (page.total >= 0) {
        m_total = page.total;
        if (m_firstTotal < 0)
            m_firstTotal = page.total;
    }

    const ProviderError loop = m_guard.check(page);
    if (loop.isError()) {
        fail(loop);
        return;
    }
    const bool first = rowsWritten() == 0;
    const ProviderCapabilities caps = m_provider->capabilities();
    // CSP: once the total is known, fetch the remaining pages several at a time, by offset.
    if (first && caps.paging == ProviderCapabilities::Paging::Offset && page.total > page.users.size()
        && !page.users.isEmpty() && m_options.maxParallelPages > 1) {
        startParallel(page);
        return;
    }
    // Ask for the next page first, so it travels while this one is written: usually it is
    // already on its way, requested on the hint; a wrong hint is dropped and asked again.
    const bool more = page.hasMore();
    PageReply *prefetch = std::exchange(m_prefetch, nullptr);
    const bool prefetchReady = std::exchange(m_prefetchReady, false);
    if (prefetch && (!more || prefetch->token() != page.nextToken)) {
        m_inFlight.removeOne(prefetch);
        prefetch->abort();
        prefetch->deleteLater();
        prefetch = nullptr;
    }
    if (more) {
        m_guard.markUsed(page.nextToken);
        if (!prefetch)
            requestSequential(page.nextToken);
    }
    if (!writePage(page))
        return;
    if (prefetch && prefetchReady)
        QMetaObject::invokeMethod(this, [this, prefetch] { onPage(prefetch); }, Qt::QueuedConnection);
    if (!more)
        succeed();
}

bool ExportJob::writePage(const Page &page)
{
    return writeUsers(page.users, false);
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
            failWriting(m_writer->errorString().isEmpty() ? file->errorString() : m_writer->errorString());
            return false;
        }
    }
    emit progress(rowsWritten(), m_total);
    return true;
}

void ExportJob::succeed()
{
    if (!m_writer->flush()) {
        failWriting(m_writer->errorString());
        return;
    }
    if (m_all && m_firstTotal >= 0 && m_firstTotal != m_total) {
        // People joined or left while a long export ran: not a failure, never silent either.
        m_notice = tr("The organization changed during the export: the provider counted %L1 users when it started and %L2 when it ended; %L3 rows were written.")
                       .arg(m_firstTotal).arg(m_total).arg(rowsWritten());
    } else if (m_all && m_total >= 0 && rowsWritten() != m_total) {
        fail(ProviderError::make(ProviderError::Kind::Mismatch,
                                 tr("The provider announced %1 users but %2 were received.").arg(m_total).arg(rowsWritten())));
        return;
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
    fail(ProviderError::make(ProviderError::Kind::LocalFile, tr("Cannot write %1: %2").arg(where, reason)));
}

void ExportJob::fail(ProviderError error)
{
    if (!m_running)
        return;
    m_running = false;
    m_error = std::move(error);
    for (PageReply *r : std::as_const(m_inFlight)) {
        r->abort();
        r->deleteLater();
    }
    m_inFlight.clear();
    if (m_pager)
        m_pager->abort();
    if (m_file) {
        // Discards the temporary file; whatever was at the path stays as it was.
        m_file->cancelWriting();
        m_file->commit();
        m_file.reset();
    }
    emit finished(false);
}
