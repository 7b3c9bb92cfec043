#pragma once

#include <QByteArray>
#include <QFile>
#include <QIODevice>

// What the benchmarks read about their own process.

// A field of /proc/self/status in kB ("VmRSS:", "VmHWM:"), or -1.
inline qint64 statusKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// Starts VmHWM again from the current RSS.
inline void resetPeak()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

// Issue #25's figures (historyfigures.cpp): `roster` is the binary that serves the sandbox.
void figureHistory(const QString &roster);
// Issue #22's figures against nginx serving files (filefigures.cpp).
void figureFileExport(const QString &roster);
void figureFileExportMillion(const QString &roster);
void figureDrip();
