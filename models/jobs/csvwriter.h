#pragma once

#include "user.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

class QIODevice;

// Writes users as RFC 4180 CSV (spec/providers.md "CSV") to any QIODevice.
class CsvWriter
{
    Q_DECLARE_TR_FUNCTIONS(CsvWriter)

public:
    struct Options
    {
        bool byteOrderMark = false;
        bool formulaGuard = true; // prefix ' to cells a spreadsheet would run as a formula
    };

    CsvWriter(QIODevice *device, const QList<Column> &columns, Options options);
    CsvWriter(QIODevice *device, const QList<Column> &columns);
    ~CsvWriter();

    bool writeHeader();
    // Continues a file that already holds a header and `rows` rows: writes neither again.
    void continueAfter(qint64 rows)
    {
        m_started = true;
        m_rows = rows;
    }
    bool writeUser(const User &user);
    bool writeRow(const QStringList &cells);
    // Pushes buffered bytes to the device; false on a write error.
    bool flush();

    qint64 rowsWritten() const { return m_rows; }
    QString errorString() const { return m_error; }

    // Appends one encoded field (guarded and quoted as needed) to `out`.
    static void appendField(QByteArray &out, const QString &value, bool formulaGuard);
    static QByteArray encodeField(const QString &value, bool formulaGuard);
    // An optional sign, then digits, spaces and '.', with at least one digit (E.164 phones).
    static bool isPlainNumber(const QString &value);

private:
    bool endRow();

    QIODevice *m_device;
    QList<Column> m_columns;
    Options m_options;
    QByteArray m_buffer;
    qint64 m_rows = 0;
    bool m_started = false;
    QString m_error;
};
