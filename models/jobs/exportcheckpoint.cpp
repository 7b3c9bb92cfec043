#include "exportcheckpoint.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace {

const QLatin1String kFormat("roster-export-checkpoint");

QString quoted(const QString &text)
{
    return QStringLiteral("\"%1\"").arg(text);
}

} // namespace

QJsonObject ExportCheckpoint::toJson() const
{
    return QJsonObject {
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("version"), formatVersion},
        {QStringLiteral("profile"), profile},
        {QStringLiteral("kind"), kind},
        {QStringLiteral("baseUrl"), baseUrl},
        {QStringLiteral("organization"), organization},
        {QStringLiteral("columns"), QJsonArray::fromStringList(columns)},
        {QStringLiteral("byteOrderMark"), byteOrderMark},
        {QStringLiteral("formulaGuard"), formulaGuard},
        {QStringLiteral("filter"), filter},
        {QStringLiteral("canContinue"), canContinue},
        {QStringLiteral("position"), canContinue ? QJsonValue(position) : QJsonValue()},
        {QStringLiteral("rows"), rows},
        {QStringLiteral("bytes"), bytes},
        {QStringLiteral("sha256"), QString::fromLatin1(sha256)},
        {QStringLiteral("firstTotal"), firstTotal},
        {QStringLiteral("updated"), updated},
    };
}

bool ExportCheckpoint::fromJson(const QJsonObject &json, ExportCheckpoint *out, QString *error)
{
    if (json.value(QStringLiteral("format")).toString() != kFormat
        || json.value(QStringLiteral("version")).toInt() != formatVersion) {
        *error = tr("it is not a checkpoint this version of Roster wrote");
        return false;
    }
    ExportCheckpoint c;
    c.profile = json.value(QStringLiteral("profile")).toString();
    c.kind = json.value(QStringLiteral("kind")).toString();
    c.baseUrl = json.value(QStringLiteral("baseUrl")).toString();
    c.organization = json.value(QStringLiteral("organization")).toString();
    for (const QJsonValue &v : json.value(QStringLiteral("columns")).toArray())
        c.columns << v.toString();
    c.byteOrderMark = json.value(QStringLiteral("byteOrderMark")).toBool();
    c.formulaGuard = json.value(QStringLiteral("formulaGuard")).toBool(true);
    c.filter = json.value(QStringLiteral("filter")).toString();
    c.canContinue = json.value(QStringLiteral("canContinue")).toBool();
    c.position = json.value(QStringLiteral("position")).toString();
    c.rows = json.value(QStringLiteral("rows")).toInteger(-1);
    c.bytes = json.value(QStringLiteral("bytes")).toInteger(-1);
    c.sha256 = json.value(QStringLiteral("sha256")).toString().toLatin1();
    c.firstTotal = json.value(QStringLiteral("firstTotal")).toInteger(-1);
    c.updated = json.value(QStringLiteral("updated")).toString();
    if (c.profile.isEmpty() || c.rows < 0 || c.bytes < 0 || c.sha256.size() != 64) {
        *error = tr("it is incomplete (a profile, the rows, the bytes and their SHA-256 are "
                    "needed)");
        return false;
    }
    *out = c;
    return true;
}

bool ExportCheckpoint::save(const QString &file, QString *error) const
{
    ExportCheckpoint stamped = *this;
    stamped.updated = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QSaveFile out(checkpointPath(file));
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(stamped.toJson()).toJson()) < 0
        || !out.commit()) {
        *error = tr("Cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(checkpointPath(file)), out.errorString());
        return false;
    }
    return true;
}

bool ExportCheckpoint::load(const QString &file, ExportCheckpoint *out, QString *error)
{
    const QString path = checkpointPath(file);
    QFile in(path);
    if (!in.exists()) {
        *error
            = tr("there is no checkpoint %1 to continue from").arg(QDir::toNativeSeparators(path));
        return false;
    }
    if (!in.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(QDir::toNativeSeparators(path), in.errorString());
        return false;
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(in.read(1 << 20), &parse);
    QString why;
    if (!doc.isObject())
        why = parse.error != QJsonParseError::NoError ? parse.errorString() : tr("not an object");
    else if (fromJson(doc.object(), out, &why))
        return true;
    *error = tr("the checkpoint %1 cannot be used: %2").arg(QDir::toNativeSeparators(path), why);
    return false;
}

void ExportCheckpoint::discard(const QString &file)
{
    QFile::remove(checkpointPath(file));
    QFile::remove(partialPath(file));
}

QStringList ExportCheckpoint::differences(const ExportCheckpoint &wanted) const
{
    QStringList out;
    const auto differ = [&out](const QString &what, const QString &had, const QString &asked) {
        if (had != asked)
            out << tr("%1 %2, not %3").arg(what, quoted(had), quoted(asked));
    };
    differ(tr("profile"), profile, wanted.profile);
    differ(tr("kind"), kind, wanted.kind);
    differ(tr("base URL"), baseUrl, wanted.baseUrl);
    differ(tr("organization"), organization, wanted.organization);
    differ(tr("columns"), columns.join(QLatin1Char(',')), wanted.columns.join(QLatin1Char(',')));
    differ(tr("filter"), filter, wanted.filter);
    if (byteOrderMark != wanted.byteOrderMark)
        out << (byteOrderMark ? tr("with --bom, not without") : tr("without --bom, not with"));
    if (formulaGuard != wanted.formulaGuard)
        out << (formulaGuard ? tr("with the formula guard, not --no-formula-guard")
                             : tr("with --no-formula-guard, not the formula guard"));
    return out;
}
