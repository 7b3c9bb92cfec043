// Evidence beside a review written with --save: FILE.manifest.json.
#include "sha256.h"
#include "snapshotstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

QString SnapshotStore::manifestPath(const QString &file)
{
    return file + QStringLiteral(".manifest.json");
}

bool SnapshotStore::writeManifest(
    const Snapshot &snapshot, const QString &storePath, const QString &file, QString *error)
{
    QFile csv(file);
    Sha256 hash;
    if (!csv.open(QIODevice::ReadOnly) || !hash.addData(&csv)) {
        *error = tr("Cannot read %1 for its manifest: %2")
                     .arg(QDir::toNativeSeparators(file), csv.errorString());
        return false;
    }
    QJsonArray profiles;
    for (const ProfileEntry &p : snapshot.profiles)
        profiles << QJsonObject {{QStringLiteral("name"), p.name}, {QStringLiteral("kind"), p.kind},
            {QStringLiteral("baseUrl"), p.baseUrl},
            {QStringLiteral("organization"), p.organization},
            {QStringLiteral("reportedTotal"), p.reportedTotal},
            {QStringLiteral("accounts"), p.accounts}, {QStringLiteral("complete"), p.complete},
            {QStringLiteral("error"), p.error}, {QStringLiteral("sha256"), p.sha256}};
    const QJsonObject manifest {{QStringLiteral("generator"), QStringLiteral("Roster")},
        {QStringLiteral("rosterVersion"), snapshot.rosterVersion},
        {QStringLiteral("snapshot"), snapshot.id},
        {QStringLiteral("takenAt"), snapshot.takenAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("store"), QFileInfo(storePath).absoluteFilePath()},
        {QStringLiteral("complete"), snapshot.complete()},
        {QStringLiteral("file"),
            QJsonObject {{QStringLiteral("name"), QFileInfo(file).fileName()},
                {QStringLiteral("bytes"), csv.size()},
                {QStringLiteral("sha256"), QString::fromLatin1(hash.result().toHex())}}},
        {QStringLiteral("profiles"), profiles}};
    QSaveFile out(manifestPath(file));
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(manifest).toJson()) < 0
        || !out.commit()) {
        *error = tr("Cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(manifestPath(file)), out.errorString());
        return false;
    }
    return true;
}
