#pragma once

#include "csvwriter.h"
#include "providererror.h"

#include <QString>

#include <memory>

class QIODevice;
class QSaveFile;

// Where a job's CSV goes, for every job that writes one (export, review, find): a file written
// atomically through QSaveFile, so it appears whole at commit() or not at all and a file that was
// there before stays as it was until then; or an open device such as standard output, flushed
// after every batch so a pipe reader sees rows as they come. Every failure is a LocalFile
// ProviderError naming the path (or "the output") and what the OS said.
// A file can instead be written as a partial that survives a stop (setPartial(): the export of a
// whole organization): rows go to PATH.partial, hashed as they are written, sync() puts them on
// disk for a checkpoint, and commit() renames the partial onto PATH, so PATH is still only ever
// complete. An interrupted partial is kept for openToContinue().
class PartialFile;

class CsvOutput
{
    Q_DECLARE_TR_FUNCTIONS(CsvOutput)

public:
    CsvOutput(const QList<Column> &columns, CsvWriter::Options options = {});
    ~CsvOutput(); // an output neither committed nor cancelled is cancelled
    CsvOutput(const CsvOutput &) = delete;
    CsvOutput &operator=(const CsvOutput &) = delete;

    void setPath(const QString &path) { m_path = path; }
    void setDevice(QIODevice *device) { m_device = device; }
    QString path() const { return m_path; }
    bool writesToFile() const { return !m_device; }

    // Opens the file (or takes the device) and writes the header: the columns' keys, or `header`
    // when the job has columns of its own. False, with error(), when it cannot.
    bool open(const QStringList &header = {});
    // Writes the file as PATH.partial (see above); before open().
    void setPartial(bool partial) { m_partial = partial; }
    bool isPartial() const { return m_partial && !m_device; }
    // Continues PATH.partial: its first `bytes` must have this SHA-256 (hex), and hold the header
    // and `rows` rows; whatever follows them (written after that checkpoint) is dropped. False,
    // with *problem saying what does not match, when the partial is not what the checkpoint says.
    bool openToContinue(qint64 bytes, const QByteArray &sha256, qint64 rows, QString *problem);
    // The partial's rows so far reach the disk (flushed and synced). False, with error().
    bool sync();
    // The partial's length and SHA-256 (hex) up to the last sync().
    qint64 bytesWritten() const;
    QByteArray sha256() const;
    bool isOpen() const { return bool(m_writer); }

    bool writeUser(const User &user);
    bool writeRow(const QStringList &cells);
    // Rows so far reach the device (and the file's buffer); for pipes, after every batch.
    bool flush();
    // Flushes and, for a file, puts it in place. False, with error(), when it cannot.
    bool commit();
    // Discards the temporary file; whatever was at the path stays as it was. A partial is closed
    // and kept: removing it is the caller's (ExportCheckpoint::discard()).
    void cancel();

    // Data rows written (the header not counted).
    qint64 rowsWritten() const;
    const ProviderError &error() const { return m_error; }

private:
    bool fail(const QString &reason);
    bool fail(const QString &path, const QString &reason);
    bool openPartial(bool truncate);
    bool commitPartial();

    QList<Column> m_columns;
    CsvWriter::Options m_options;
    QString m_path;
    QIODevice *m_device = nullptr;
    std::unique_ptr<QSaveFile> m_file;
    std::unique_ptr<PartialFile> m_partialFile;
    bool m_partial = false;
    std::unique_ptr<CsvWriter> m_writer;
    qint64 m_headerRows = 0;
    ProviderError m_error;
};
