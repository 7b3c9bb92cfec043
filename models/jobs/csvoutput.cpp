#include "csvoutput.h"

#include "exportcheckpoint.h"
#include "sha256.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <unistd.h>

// PATH.partial: a plain file whose bytes are hashed as they reach it (unbuffered, so every byte
// passes writeData once, in order; CsvWriter buffers).
class PartialFile : public QFile
{
public:
    using QFile::QFile;

    Sha256 hash;
    qint64 length = 0; // bytes in the file
    qint64 syncedLength = 0;
    QByteArray syncedSha256;

protected:
    qint64 writeData(const char *data, qint64 size) override
    {
        const qint64 n = QFile::writeData(data, size);
        if (n > 0) {
            hash.addData(QByteArrayView(data, n));
            length += n;
        }
        return n;
    }
};

CsvOutput::CsvOutput(const QList<Column> &columns, CsvWriter::Options options)
    : m_columns(columns)
    , m_options(options)
{ }

CsvOutput::~CsvOutput()
{
    cancel();
}

bool CsvOutput::open(const QStringList &header)
{
    if (isPartial()) {
        if (!openPartial(true))
            return false;
        m_writer = std::make_unique<CsvWriter>(m_partialFile.get(), m_columns, m_options);
        m_headerRows = header.isEmpty() ? 0 : 1;
        const bool ok = header.isEmpty() ? m_writer->writeHeader() : m_writer->writeRow(header);
        return ok || fail(m_writer->errorString());
    }
    QIODevice *device = m_device;
    if (!device) {
        m_file = std::make_unique<QSaveFile>(m_path);
        if (!m_file->open(QIODevice::WriteOnly)) {
            const QString reason = m_file->errorString();
            m_file.reset();
            return fail(reason);
        }
        device = m_file.get();
    }
    m_writer = std::make_unique<CsvWriter>(device, m_columns, m_options);
    m_headerRows = header.isEmpty() ? 0 : 1; // the writer counts a header of the job's own
    const bool ok = header.isEmpty() ? m_writer->writeHeader() : m_writer->writeRow(header);
    return ok || fail(m_writer->errorString());
}

bool CsvOutput::openPartial(bool truncate)
{
    const QString path = ExportCheckpoint::partialPath(m_path);
    m_partialFile = std::make_unique<PartialFile>(path);
    const QIODevice::OpenMode mode = truncate
        ? QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered
        : QIODevice::ReadWrite | QIODevice::Unbuffered;
    if (!m_partialFile->open(mode)) {
        const QString reason = m_partialFile->errorString();
        m_partialFile.reset();
        return fail(path, reason);
    }
    return true;
}

bool CsvOutput::openToContinue(
    qint64 bytes, const QByteArray &sha256, qint64 rows, QString *problem)
{
    const QString path = ExportCheckpoint::partialPath(m_path);
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!info.exists()) {
        *problem = tr("the partial file %1 is missing").arg(shown);
        return false;
    }
    if (info.size() < bytes) {
        *problem = tr("the partial file %1 is shorter (%L2 bytes) than its checkpoint says (%L3)")
                       .arg(shown)
                       .arg(info.size())
                       .arg(bytes);
        return false;
    }
    if (!openPartial(false)) {
        *problem = m_error.message;
        return false;
    }
    PartialFile &file = *m_partialFile;
    for (qint64 left = bytes; left > 0;) {
        const QByteArray chunk = file.read(std::min<qint64>(left, 1 << 20));
        if (chunk.isEmpty())
            break;
        file.hash.addData(chunk);
        left -= chunk.size();
    }
    if (file.hash.result().toHex() != sha256) {
        *problem = tr("the partial file %1 is not what its checkpoint says: its first %L2 bytes "
                      "have another SHA-256 (it was changed since)")
                       .arg(shown)
                       .arg(bytes);
        m_partialFile.reset();
        return false;
    }
    // Rows written after that checkpoint, before the stop, are asked for again.
    if (!file.resize(bytes) || !file.seek(bytes)) {
        *problem = tr("cannot shorten %1 to its checkpoint: %2").arg(shown, file.errorString());
        m_partialFile.reset();
        return false;
    }
    file.length = file.syncedLength = bytes;
    file.syncedSha256 = sha256;
    m_writer = std::make_unique<CsvWriter>(m_partialFile.get(), m_columns, m_options);
    m_writer->continueAfter(rows);
    m_headerRows = 0;
    return true;
}

bool CsvOutput::sync()
{
    if (!m_partialFile || !m_writer)
        return false;
    if (!m_writer->flush())
        return fail(m_writer->errorString());
    PartialFile &file = *m_partialFile;
    if (::fdatasync(file.handle()) != 0)
        return fail(file.fileName(), QString::fromLocal8Bit(strerror(errno)));
    file.syncedLength = file.length;
    file.syncedSha256 = file.hash.result().toHex();
    return true;
}

qint64 CsvOutput::bytesWritten() const
{
    return m_partialFile ? m_partialFile->syncedLength : 0;
}

QByteArray CsvOutput::sha256() const
{
    return m_partialFile ? m_partialFile->syncedSha256 : QByteArray();
}

bool CsvOutput::commitPartial()
{
    if (!sync())
        return false;
    const QString partial = m_partialFile->fileName();
    m_partialFile->close();
    m_partialFile.reset();
    // Like QSaveFile: the file keeps the permissions of the one it replaces.
    if (QFileInfo::exists(m_path))
        QFile::setPermissions(partial, QFile::permissions(m_path));
    // The checkpoint goes first: stopped in between, a complete partial without one is started
    // again, never "continued" from rows that are all there.
    QFile::remove(ExportCheckpoint::checkpointPath(m_path));
    std::error_code ec;
    std::filesystem::rename(partial.toStdString(), m_path.toStdString(), ec);
    if (ec)
        return fail(QString::fromLocal8Bit(ec.message().c_str()));
    return true;
}

bool CsvOutput::writeUser(const User &user)
{
    return m_writer->writeUser(user) || fail(m_writer->errorString());
}

bool CsvOutput::writeRow(const QStringList &cells)
{
    return m_writer->writeRow(cells) || fail(m_writer->errorString());
}

bool CsvOutput::flush()
{
    if (!m_writer)
        return false;
    if (!m_writer->flush())
        return fail(m_writer->errorString());
    auto *file = qobject_cast<QFileDevice *>(m_device);
    return !file || file->flush() || fail(file->errorString());
}

bool CsvOutput::commit()
{
    if (m_partialFile)
        return commitPartial();
    if (!flush())
        return false;
    if (m_file && !m_file->commit()) {
        const QString reason = m_file->errorString();
        m_file.reset();
        return fail(reason);
    }
    m_file.reset();
    return true;
}

void CsvOutput::cancel()
{
    if (m_partialFile) {
        m_partialFile->close(); // kept as it is: its checkpoint tells how much of it holds
        m_partialFile.reset();
    }
    if (!m_file)
        return;
    m_file->cancelWriting();
    m_file->commit(); // with writing cancelled: removes the temporary file only
    m_file.reset();
}

qint64 CsvOutput::rowsWritten() const
{
    return m_writer ? std::max<qint64>(0, m_writer->rowsWritten() - m_headerRows) : 0;
}

bool CsvOutput::fail(const QString &reason)
{
    return fail(m_partialFile ? m_partialFile->fileName() : m_path, reason);
}

bool CsvOutput::fail(const QString &path, const QString &reason)
{
    // The local file, not the provider nor the user's usage: the path and what the OS said.
    const QString where = m_device ? tr("the output") : QDir::toNativeSeparators(path);
    if (!m_error.isError())
        m_error = ProviderError::make(
            ProviderError::Kind::LocalFile, tr("Cannot write %1: %2").arg(where, reason));
    return false;
}
