#pragma once

#include "csvoutput.h"
#include "job.h"
#include "provider.h"

#include <QElapsedTimer>
#include <QPointer>

class PageWalker;
class QIODevice;

// Writes users to CSV: either rows already loaded ("selected"), or every page of an organization
// streamed from its provider ("all"), so memory stays flat however large the organization.
// A file is written through QSaveFile: it appears whole or not at all.
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
    };

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

signals:
    void progress(qint64 rows, qint64 total);

private:
    void fail(const ProviderError &error);
    void succeed();
    bool writeUsers(const QList<User> &users, bool flush);
    void writeSelected(qsizetype from);

    QPointer<Provider> m_provider;
    SharedProvider m_keepAlive;
    QList<User> m_users;
    bool m_all;
    Options m_options;
    CsvOutput m_output;
    PageWalker *m_walker = nullptr; // the one paging engine, shared with the table
    QElapsedTimer m_clock;
    QString m_notice;
};
