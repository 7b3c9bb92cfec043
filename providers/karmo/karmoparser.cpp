#include "karmoparser.h"

#include "jsonreader.h"
#include "jsonscan.h"
#include "responseparsing.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace {
// The parser's translations, in the "KarmoParser" context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(KarmoParser)
};
} // namespace

User KarmoParser::readUser(const QJsonObject &o, const QString &where, QString *problem)
{
    JsonReader r(o, where, problem);
    User u;
    u.id = r.str(QLatin1String("id"), true);
    u.userId = u.id;
    u.email = r.str(QLatin1String("email"));
    u.phone = r.strAny(
        {QLatin1String("mobileNumber"), QLatin1String("phoneNumber"), QLatin1String("mobile")});
    u.givenName = r.strAny({QLatin1String("givenName"), QLatin1String("firstName")});
    u.familyName = r.strAny({QLatin1String("familyName"), QLatin1String("lastName")});
    const QString joined = User::joinNames(u.givenName, u.familyName);
    u.displayName = joined.isEmpty() ? u.email : joined;
    return u;
}

QString KarmoParser::peekNextCursor(const QByteArray &body)
{
    // Only the pagination object is parsed, wherever it stands and however it is laid out.
    const QByteArrayView pagination = JsonScan::member(body, "pagination");
    if (pagination.isNull())
        return {};
    const QJsonObject o = QJsonDocument::fromJson(pagination.toByteArray()).object();
    const QJsonValue cursor = o.value(QStringLiteral("nextCursor"));
    if (o.value(QStringLiteral("hasNextPage")) == QJsonValue(false) || !cursor.isString())
        return {};
    return cursor.toString();
}

QString KarmoParser::statusName(int status, bool karmoBody)
{
    switch (status) {
    case 429:
        return QStringLiteral("RATE_LIMITED");
    case 503:
        return karmoBody ? QStringLiteral("PROVIDER_NOT_CONFIGURED")
                         : QStringLiteral("SERVICE_UNAVAILABLE");
    default:
        return ProviderError::statusName(status);
    }
}

QString KarmoParser::formatCode(const QJsonValue &code)
{
    QString text = ResponseParsing::valueText(code);
    bool digits = !text.isEmpty() && text.size() < 8;
    for (QChar c : std::as_const(text))
        digits = digits && c.isDigit();
    if (digits)
        text = text.rightJustified(8, QLatin1Char('0'));
    return text;
}

bool KarmoParser::isKarmoErrorBody(const QByteArray &body)
{
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &e);
    if (e.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    // Karmo's own errors carry its 8-digit code (a string or a number, leading zeros possibly
    // dropped); a gateway's {"message":"Service Unavailable"} does not, and is not Karmo's.
    const QJsonValue code = doc.object().value(QStringLiteral("code"));
    if (code.isDouble())
        return code.toDouble() >= 0 && code.toDouble() < 1e8
            && code.toDouble() == std::floor(code.toDouble());
    static const QRegularExpression digits(QStringLiteral("^\\d{1,8}$"));
    return code.isString() && digits.match(code.toString()).hasMatch();
}

ParseResult KarmoParser::parsePage(const QByteArray &body)
{
    QJsonDocument doc;
    ProviderError error;
    if (!ResponseParsing::parseJson(body, &doc, &error))
        return ParseResult::fail(error);
    if (!doc.isObject())
        return ParseResult::fail(ResponseParsing::malformed(
            Text::tr("Expected a JSON object with \"users\" and \"pagination\"."), body));

    QString problem;
    const QJsonObject root = doc.object();
    JsonReader top(root, {}, &problem);
    const QJsonArray users = top.array(QLatin1String("users"), true);
    const QJsonObject pagination = top.object(QLatin1String("pagination"));

    ParseResult result;
    result.page.users
        = ResponseParsing::readRecords(users, QStringLiteral("users"), &readUser, &problem);

    JsonReader pr(pagination, QStringLiteral("pagination"), &problem);
    const bool hasNext = pr.boolean(QLatin1String("hasNextPage"), true);
    const QString cursor = pr.str(QLatin1String("nextCursor"));
    if (!problem.isEmpty())
        return ParseResult::fail(ResponseParsing::malformed(problem, body));
    if (hasNext && cursor.isEmpty()) // never a silent early end: the rest could not be asked for
        return ParseResult::fail(ResponseParsing::malformed(
            Text::tr("The page says another page follows (\"hasNextPage\": true) but gives no "
                     "\"nextCursor\" to ask for it."),
            body));
    if (hasNext)
        result.page.nextToken = cursor;
    if (result.page.users.isEmpty() && result.page.hasMore())
        return ParseResult::fail(ResponseParsing::malformed(
            Text::tr("The page is empty but claims another page follows."), body));
    return result;
}

ProviderError KarmoParser::parseError(int status, const QByteArray &body, const HeaderList &)
{
    ProviderError error;
    error.kind = ProviderError::Kind::Http;
    const bool karmoBody = isKarmoErrorBody(body);
    error.name = statusName(status, karmoBody);
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject()) {
        error.message
            = Text::tr("The server answered HTTP %1 without a Karmo error body.").arg(status);
        return error;
    }
    // A gateway's JSON ({"message": "Service Unavailable"}) is shown for what it says too.
    const QJsonObject o = doc.object();
    error.code = formatCode(o.value(QStringLiteral("code")));
    error.message = ResponseParsing::valueText(o.value(QStringLiteral("message")));
    const QJsonObject meta = o.value(QStringLiteral("meta")).toObject();
    for (auto it = meta.begin(); it != meta.end(); ++it)
        error.meta.append({it.key(), ResponseParsing::valueText(it.value())});
    const QJsonArray errors = o.value(QStringLiteral("errors")).toArray();
    for (const QJsonValue &e : errors) {
        const QJsonObject f = e.toObject();
        error.fieldErrors.append({ResponseParsing::valueText(f.value(QStringLiteral("pointer"))),
            ResponseParsing::valueText(f.value(QStringLiteral("detail"))), {}});
    }
    if (status == 503 && karmoBody && error.message.isEmpty())
        error.message
            = Text::tr("The access-management provider is not configured for this environment.");
    return error;
}
