#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// Where an export to FILE stands, kept beside it as FILE.partial.json while the rows go to
// FILE.partial, so an export that stops (a failure, Cancel, Ctrl+C, a killed process, a power
// cut) can continue later where it was (roster export --resume, "Resume" in the window).
// It names what is exported (the profile, its kind, base URL and organization; the columns and
// options that shape the bytes) and how far it got: the position to continue from, the rows
// written, and the partial's length and SHA-256 up to that point. Never a credential.
struct ExportCheckpoint
{
    Q_DECLARE_TR_FUNCTIONS(ExportCheckpoint)

public:
    static constexpr int formatVersion = 1;

    // What is exported: a resumed export must ask for exactly the same.
    QString profile;
    QString kind;
    QString baseUrl;
    QString organization;
    QStringList columns; // column keys, in output order
    bool byteOrderMark = false;
    bool formulaGuard = true;
    QString filter; // a server search, or empty

    // How far it got.
    bool canContinue = true; // false for kinds that send the whole organization in one answer
    QString position; // the page token to continue from (a cursor, an offset's page, a link)
    qint64 rows = 0; // data rows in the partial, the header not counted
    qint64 bytes = 0; // the partial's length that holds exactly those rows
    QByteArray sha256; // of those bytes, hex
    qint64 firstTotal = -1; // the total the provider announced when the export began
    QString updated; // UTC, ISO 8601

    static QString partialPath(const QString &file) { return file + QStringLiteral(".partial"); }
    static QString checkpointPath(const QString &file)
    {
        return file + QStringLiteral(".partial.json");
    }

    QJsonObject toJson() const;
    // False, with *error saying what is wrong, for anything but a checkpoint this version wrote.
    static bool fromJson(const QJsonObject &json, ExportCheckpoint *out, QString *error);

    // Written atomically (QSaveFile) to checkpointPath(file).
    bool save(const QString &file, QString *error) const;
    // False with *error when there is none, or it cannot be read.
    static bool load(const QString &file, ExportCheckpoint *out, QString *error);
    // Removes the partial and its checkpoint.
    static void discard(const QString &file);

    // How this checkpoint differs from the export `wanted` asks for, one phrase each
    // ("profile \"A\", not \"B\""); empty when it is the same export.
    QStringList differences(const ExportCheckpoint &wanted) const;
};
