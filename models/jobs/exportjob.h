#pragma once

#include "csvoutput.h"
#include "exportcheckpoint.h"
#include "job.h"
#include "provider.h"

#include <QElapsedTimer>
#include <QPointer>

class PageWalker;
class QIODevice;

// Writes users to CSV: either rows already loaded ("selected"), or every page of an organization
// streamed from its provider ("all"), so memory stays flat however large the organization.
// A file is written through QSaveFile: it appears whole or not at all. "All" to a file is
// written as FILE.partial with a checkpoint beside it (ExportCheckpoint) kept current after the
// batches, at most every checkpointIntervalMs, and less often where the disk is slow to make them
// durable (checkpointCostFactor: the time spent on checkpoints stays near a tenth of the
// export's): a stop (failure, cancel) keeps both when rows were
// read and the provider can continue, and Options::resume continues from them, byte for byte as
// an export that never stopped. FILE appears, renamed from the partial, only when complete.
class ExportJob : public Job
{
    Q_OBJECT
public:
    struct Options
    {
        QList<Column> columns = Columns::defaults();
        CsvWriter::Options csv;
        int maxParallelPages = 4; // for offset-paged providers that report a total (CSP)
        // Export all: only the users a server search finds (words or the kind's expression, as
        // Provider::searchQuery() reads them); empty for everyone.
        QString search;
        // Export all to a file: continue from the checkpoint beside it instead of starting over.
        bool resume = false;
    };
    static constexpr int checkpointIntervalMs = 200;
    // A checkpoint that took this long to make durable waits this many times as long for the next.
    static constexpr int checkpointCostFactor = 10;

    // Export all: every page of `provider`'s organization, keeping the provider alive meanwhile.
    ExportJob(SharedProvider provider, Options options, QObject *parent = nullptr);
    // The same with a provider not owned: deleted under the export, it fails it as Cancelled.
    ExportJob(Provider *provider, Options options, QObject *parent = nullptr);
    // Export selected: these rows, in this order.
    ExportJob(QList<User> users, Options options, QObject *parent = nullptr);
    ~ExportJob() override;

    // Where to write: a file path (atomic), or an open device such as standard output.
    void setOutputPath(const QString &path) { m_output.setPath(path); }
    void setOutputDevice(QIODevice *device) { m_output.setDevice(device); }

    void start() override;
    // Stops; an existing file at the path is left as it was. finished(false) follows.
    void cancel() override;

    qint64 rowsWritten() const { return m_output.rowsWritten(); }
    qint64 total() const;
    // Set when the export succeeded but something about it deserves a word: the organization's
    // total changed while it ran (both numbers and the rows written are named).
    QString notice() const { return m_notice; }
    // The total the provider announced first; total() is the last one it announced.
    qint64 firstTotal() const;
    double rowsPerSecond() const;
    const Options &options() const { return m_options; }
    // After a stop: the rows kept in the partial for a resume (0 when nothing is kept), and the
    // rows a resume started with.
    qint64 rowsKept() const { return m_kept; }
    qint64 rowsResumedFrom() const { return m_resumedFrom; }
    QString partialPath() const { return ExportCheckpoint::partialPath(m_output.path()); }

signals:
    void progress(qint64 rows, qint64 total);

private:
    void fail(const ProviderError &error);
    void succeed();
    bool writeUsers(const QList<User> &users, bool flush);
    void writeSelected(qsizetype from);
    void startWalk();
    bool openOutput();
    bool continuePartial();
    ExportCheckpoint identity() const;
    bool saveCheckpoint(ProviderError *error);
    void keepOrDiscard(const ProviderError &error);
    ProviderError resumeError(const QString &message) const;

    QPointer<Provider> m_provider;
    SharedProvider m_keepAlive;
    QList<User> m_users;
    bool m_all;
    Options m_options;
    CsvOutput m_output;
    PageWalker *m_walker = nullptr; // the one paging engine, shared with the table
    QElapsedTimer m_clock;
    QString m_notice;
    ExportCheckpoint m_checkpoint; // the last one saved
    QElapsedTimer m_sinceCheckpoint;
    qint64 m_checkpointEveryMs = checkpointIntervalMs;
    qint64 m_kept = 0;
    qint64 m_resumedFrom = -1;
};
