#include "csvoutput.h"

#include <QDir>
#include <QSaveFile>

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
    // The local file, not the provider nor the user's usage: the path and what the OS said.
    const QString where = m_device ? tr("the output") : QDir::toNativeSeparators(m_path);
    if (!m_error.isError())
        m_error = ProviderError::make(
            ProviderError::Kind::LocalFile, tr("Cannot write %1: %2").arg(where, reason));
    return false;
}
