#include "charparser.h"

#include "fastjsonreader.h"
#include "jsonreader.h"
#include "responseparsing.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace {
// The parser's translations, in the "CharParser" context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(CharParser)
};

template<typename Reader> User readUserWith(const Reader &r)
{
    User u;
    u.id = r.str(QLatin1String("id"), true);
    u.userId = r.str(QLatin1String("user_id"));
    u.email = r.str(QLatin1String("email"));
    u.givenName = r.str(QLatin1String("first_name"));
    u.familyName = r.str(QLatin1String("last_name"));
    const QString joined = User::joinNames(u.givenName, u.familyName);
    u.displayName = joined.isEmpty() ? u.email : joined;
    u.status = r.str(QLatin1String("state"));
    u.idpId = r.str(QLatin1String("idp_id"));
    u.createdAt = r.str(QLatin1String("created_at"));
    u.updatedAt = r.str(QLatin1String("updated_at"));
    u.organizationId = r.str(QLatin1String("directory_id"));
    const QString raw
        = ResponseParsing::columnsOnly() ? QString() : r.str(QLatin1String("raw_attributes"));
    if (!raw.isEmpty()) {
        // raw_attributes is JSON inside a JSON string: decode it a second time.
        QJsonParseError e;
        const QJsonDocument inner = QJsonDocument::fromJson(raw.toUtf8(), &e);
        u.rawAttributesIsJson
            = e.error == QJsonParseError::NoError && (inner.isObject() || inner.isArray());
        u.rawAttributes
            = u.rawAttributesIsJson ? QString::fromUtf8(inner.toJson(QJsonDocument::Compact)) : raw;
    }
    return u;
}

} // namespace

User CharParser::readUser(const QJsonObject &o, const QString &where, QString *problem)
{
    return readUserWith(JsonReader(o, where, problem));
}

User CharParser::readUserFast(const FastJsonReader &r)
{
    return readUserWith(r);
}

ParseResult CharParser::parsePage(const QByteArray &body)
{
    QJsonDocument doc;
    ProviderError error;
    if (!ResponseParsing::parseJson(body, &doc, &error))
        return ParseResult::fail(error);
    if (!doc.isArray())
        return ParseResult::fail(ResponseParsing::malformed(
            Text::tr("Expected a JSON array of directory users."), body));

    const QJsonArray items = doc.array();
    QString problem;
    ParseResult result;
    result.page.users = ResponseParsing::readRecords(items, QString(), &readUser, &problem);
    if (!problem.isEmpty())
        return ParseResult::fail(ResponseParsing::malformed(problem, body));
    result.page.total = result.page.users.size();
    return result;
}

ProviderError CharParser::parseError(int status, const QByteArray &body, const HeaderList &headers)
{
    ProviderError error;
    error.kind = ProviderError::Kind::Http;
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &e);
    for (const char *name : {"X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"}) {
        const QByteArray v = ResponseParsing::headerValue(headers, name);
        if (!v.isEmpty())
            error.meta.append({QLatin1String(name), QString::fromUtf8(v)});
    }
    if (e.error != QJsonParseError::NoError || !doc.isObject()) {
        error.name = ProviderError::statusName(status);
        error.message
            = Text::tr("The server answered HTTP %1 without a Char error body.").arg(status);
        return error;
    }
    const QJsonObject o = doc.object();
    error.name = ResponseParsing::valueText(o.value(QStringLiteral("code")));
    error.message = ResponseParsing::valueText(o.value(QStringLiteral("message")));
    const QJsonObject data = o.value(QStringLiteral("data")).toObject();
    error.code = ResponseParsing::valueText(data.value(QStringLiteral("code")));
    const QString field = ResponseParsing::valueText(data.value(QStringLiteral("field")));
    const QString details = ResponseParsing::valueText(data.value(QStringLiteral("details")));
    if (!field.isEmpty() || !details.isEmpty())
        error.fieldErrors.append({field, details, error.code});
    const QJsonValue retry = o.value(QStringLiteral("retry_after"));
    if (retry.isDouble())
        error.retryAfterSeconds = retry.toInt();
    const QJsonValue bodyStatus = o.value(QStringLiteral("status"));
    if (bodyStatus.isDouble() && bodyStatus.toInt() != status)
        error.meta.append(
            {QStringLiteral("status (body)"), ResponseParsing::valueText(bodyStatus)});
    return error;
}

bool CharParser::parseDirectories(
    const QByteArray &body, QList<CharDirectory> *directories, ProviderError *error)
{
    QJsonDocument doc;
    if (!ResponseParsing::parseJson(body, &doc, error))
        return false;
    // Accept a bare array or {"data": [...]}.
    const QJsonArray items
        = doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("data")).toArray();
    if (!doc.isArray() && !doc.object().value(QStringLiteral("data")).isArray()) {
        *error
            = ResponseParsing::malformed(Text::tr("Expected a JSON array of directories."), body);
        return false;
    }
    QString problem;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject o = items.at(i).toObject();
        JsonReader r(o, QStringLiteral("[%1]").arg(i), &problem);
        CharDirectory d;
        d.id = r.str(QLatin1String("id"), true);
        d.name = r.str(QLatin1String("name"));
        d.type = r.str(QLatin1String("type"));
        d.state = r.str(QLatin1String("state"));
        d.domain = r.str(QLatin1String("domain"));
        const QJsonValue count = o.value(QStringLiteral("user_count"));
        if (count.isDouble())
            d.userCount = qint64(count.toDouble());
        directories->append(d);
    }
    if (!problem.isEmpty()) {
        *error = ResponseParsing::malformed(problem, body);
        return false;
    }
    return true;
}
