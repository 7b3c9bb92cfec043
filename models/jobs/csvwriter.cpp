#include "csvwriter.h"

#include <QCoreApplication>
#include <QIODevice>

namespace {
constexpr qsizetype kFlushAt = 256 * 1024;
}

CsvWriter::CsvWriter(QIODevice *device, const QList<Column> &columns, Options options)
    : m_device(device)
    , m_columns(columns)
    , m_options(options)
{
    m_buffer.reserve(kFlushAt + 4096);
}

CsvWriter::CsvWriter(QIODevice *device, const QList<Column> &columns)
    : CsvWriter(device, columns, Options())
{ }

CsvWriter::~CsvWriter() = default;

bool CsvWriter::isPlainNumber(const QString &value)
{
    qsizetype i = 0;
    if (i < value.size() && (value[i] == QLatin1Char('+') || value[i] == QLatin1Char('-')))
        ++i;
    bool digit = false;
    for (; i < value.size(); ++i) {
        const QChar c = value[i];
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            digit = true;
        else if (c != QLatin1Char(' ') && c != QLatin1Char('.'))
            return false;
    }
    return digit;
}

void CsvWriter::appendField(QByteArray &out, const QString &value, bool formulaGuard)
{
    if (value.isEmpty())
        return;
    bool guard = false;
    if (formulaGuard) {
        const QChar first = value.front();
        guard = (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-')
                    || first == QLatin1Char('@') || first == QLatin1Char('\t')
                    || first == QLatin1Char('\r'))
            && !isPlainNumber(value);
    }
    bool quote = value.front() == QLatin1Char(' ') || value.back() == QLatin1Char(' ');
    if (!quote) {
        for (QChar c : value) {
            const char16_t u = c.unicode();
            if (u == u',' || u == u'"' || u == u'\r' || u == u'\n') {
                quote = true;
                break;
            }
        }
    }
    if (!quote && !guard) {
        out += value.toUtf8();
        return;
    }
    if (quote)
        out += '"';
    if (guard)
        out += '\'';
    const QByteArray utf8 = value.toUtf8();
    if (quote) {
        for (char c : utf8) {
            if (c == '"')
                out += '"';
            out += c;
        }
        out += '"';
    } else {
        out += utf8;
    }
}

QByteArray CsvWriter::encodeField(const QString &value, bool formulaGuard)
{
    QByteArray out;
    appendField(out, value, formulaGuard);
    return out;
}

bool CsvWriter::endRow()
{
    m_buffer += "\r\n";
    if (m_buffer.size() >= kFlushAt)
        return flush();
    return m_error.isEmpty();
}

bool CsvWriter::writeHeader()
{
    if (!m_started && m_options.byteOrderMark)
        m_buffer += "\xEF\xBB\xBF";
    m_started = true;
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        if (i)
            m_buffer += ',';
        m_buffer += Columns::key(m_columns[i]).toLatin1();
    }
    return endRow();
}

bool CsvWriter::writeUser(const User &user)
{
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        if (i)
            m_buffer += ',';
        appendField(m_buffer, user.value(m_columns[i]), m_options.formulaGuard);
    }
    ++m_rows;
    return endRow();
}

bool CsvWriter::writeRow(const QStringList &cells)
{
    if (!m_started && m_options.byteOrderMark) // a header of the caller's own
        m_buffer += "\xEF\xBB\xBF";
    m_started = true;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i)
            m_buffer += ',';
        appendField(m_buffer, cells[i], m_options.formulaGuard);
    }
    ++m_rows;
    return endRow();
}

bool CsvWriter::flush()
{
    if (!m_error.isEmpty())
        return false;
    if (m_buffer.isEmpty())
        return true;
    const qint64 written = m_device->write(m_buffer);
    if (written != m_buffer.size()) {
        m_error = CsvWriter::tr("Could not write the CSV data: %1").arg(m_device->errorString());
        return false;
    }
    m_buffer.clear();
    return true;
}
