#include "fuzzparsers.h"

#include "char/charparser.h"
#include "csp/cspparser.h"
#include "fastjsonreader.h"
#include "jsonarrayreader.h"
#include "jsonscan.h"
#include "karmo/karmoparser.h"
#include "llamacloud/llamacloudparser.h"
#include "responseparsing.h"
#include "scim/scimfilter.h"
#include "scim/scimparser.h"
#include "user.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>
#include <cstdlib>

namespace {
// The first byte picks a status, the rest is the body; headers come along for the error parsers.
int statusFrom(const QByteArray &input)
{
    static const int statuses[] = {400, 401, 403, 404, 409, 422, 429, 500, 502, 503};
    return input.isEmpty() ? 500 : statuses[static_cast<unsigned char>(input[0]) % 10];
}

void touch(const ParseResult &r)
{
    // Read every value so lazily built strings are exercised too.
    for (const User &u : r.page.users) {
        for (int c = 0; c < Columns::count; ++c)
            (void)u.value(static_cast<Column>(c));
    }
    (void)r.error.detailLines();
}

// JsonScan must find a member wherever a full parse does, and hand back valid JSON for it. Only
// plain ASCII bodies are compared: Qt accepts raw control characters (invalid JSON, RFC 8259 §7)
// and drops a byte-order mark at a string's start, so such keys decode to other text.
void checkScanAgreesWithParser(const QByteArray &input)
{
    const bool plain = std::all_of(input.cbegin(), input.cend(), [](char c) {
        return (uchar(c) >= 0x20 && uchar(c) < 0x80 && c != '\\') || c == '\n' || c == '\r'
            || c == '\t';
    });
    const QJsonDocument doc = QJsonDocument::fromJson(input);
    if (!plain || !doc.isObject())
        return;
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QByteArrayView text = JsonScan::member(input, it.key().toUtf8());
        if (text.isNull() || QJsonDocument::fromJson("[" + text.toByteArray() + "]").isNull())
            abort();
    }
}

// The incremental reader, fed the body in chunks whose sizes the first byte picks, must hand out
// exactly the elements a whole-document parse finds whenever that parse succeeds; whatever the
// bytes, it must not crash.
void checkArrayReaderAgreesWithParser(const QByteArray &input)
{
    const qsizetype chunk
        = input.isEmpty() ? 1 : 1 + (uchar(input[0]) % 17) * (uchar(input[0]) % 5 + 1);
    const QByteArray body = input.mid(1);
    JsonArrayReader reader;
    QList<QByteArray> elements;
    bool ok = true;
    for (qsizetype at = 0; ok && at < body.size(); at += chunk)
        ok = reader.feed(
            QByteArrayView(body).sliced(at, std::min(chunk, body.size() - at)), &elements);
    ok = ok && reader.finish();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray() || body.contains('\0'))
        return;
    const QJsonArray array = doc.array();
    if (!ok || elements.size() != array.size())
        abort();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (QJsonDocument::fromJson("[" + elements[i] + "]").array().first() != array[i])
            abort();
    }
}
// The search field's filter builder and the SCIM filter parser: a plain word always becomes a
// filter that parses and looks for exactly that word; quoting round-trips; nothing crashes,
// whatever the text, and evaluation of whatever parses terminates.
void checkScimFilter(const QByteArray &input)
{
    const QString text = QString::fromUtf8(input);
    QString problem;
    const auto parsed = ScimFilter::parse(text, &problem);
    if (parsed) {
        (void)ScimFilter::matches(*parsed, [&text](const QString &attribute) {
            return QList<QJsonValue> {QJsonValue(text), QJsonValue(attribute.size() % 2 == 0)};
        });
        (void)ScimFilter::comparisons(*parsed);
    }
    const QString built = ScimFilter::fromSearchText(text);
    if (text.trimmed().isEmpty() != built.isEmpty())
        abort();
    if (built.isEmpty() || ScimFilter::isExpression(text))
        return;
    const auto word = ScimFilter::parse(built, &problem);
    if (!word)
        abort();
    for (const ScimFilter::Node *n : ScimFilter::comparisons(*word)) {
        if (n->op != QLatin1String("sw") || n->value.toString() != text.trimmed())
            abort();
    }
}
} // namespace

QString FuzzParsers::describe(const User &u)
{
    QStringList parts = {u.id, u.userId, u.email, u.givenName, u.familyName, u.displayName, u.phone,
        u.status, u.username, u.idpId, u.createdAt, u.updatedAt, u.organizationId, u.domain,
        u.locale, QString::number(u.pending), u.invitedById, u.invitedByEmail,
        u.groups.join(QLatin1Char('|')), u.rawAttributes, QString::number(u.rawAttributesIsJson)};
    for (const auto &d : u.details)
        parts << d.first << d.second;
    for (const Role &r : u.roles) {
        parts << QStringLiteral("role") << r.id << r.name << r.displayName << r.serviceId
              << r.membershipType << r.expiresAt << r.resource;
        for (const RoleGroup &g : r.groups)
            parts << g.id << g.displayName << g.domain << g.groupType
                  << QString::number(g.usersCount);
        for (const Permission &p : r.permissions)
            parts << QStringLiteral("permission") << p.id << p.name << p.description
                  << QString::number(p.granted);
    }
    return parts.join(QLatin1Char('\n'));
}

namespace {
QString disagreement(FastJsonReader::RecordReader fast, ResponseParsing::RecordReader slow,
    const QByteArray &element, simdjson::dom::parser *parser)
{
    std::vector<char> padded;
    User fastUser;
    if (!FastJsonReader::readRecord(parser, &padded, element, fast, &fastUser))
        return {}; // JsonReader reads it: nothing to compare
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(element, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return QStringLiteral("the fast reader took a record QJsonDocument refuses (%1)")
            .arg(error.errorString());
    QString problem;
    const User slowUser = slow(doc.object(), QStringLiteral("[3]"), &problem);
    if (!problem.isEmpty())
        return QStringLiteral("the fast reader found no problem; JsonReader found: ") + problem;
    const QString a = FuzzParsers::describe(fastUser);
    const QString b = FuzzParsers::describe(slowUser);
    if (a != b)
        return QStringLiteral("the readers disagree:\n%1\n--- JsonReader:\n%2").arg(a, b);
    return {};
}
} // namespace

QString FuzzParsers::fastReaderDisagreement(const QString &kind, const QByteArray &input)
{
    const bool llama = kind == QLatin1String("llamacloud");
    const FastJsonReader::RecordReader fast
        = llama ? &LlamaCloudParser::readMemberFast : &CharParser::readUserFast;
    const ResponseParsing::RecordReader slow
        = llama ? &LlamaCloudParser::readMember : &CharParser::readUser;
    simdjson::dom::parser parser;
    if (!FastJsonReader::prepare(&parser))
        return QStringLiteral("no memory for the parser");
    QList<QByteArray> elements;
    JsonArrayReader reader;
    if (!reader.feed(input, &elements) || !reader.finish())
        elements = {input};
    for (const QByteArray &element : std::as_const(elements)) {
        const QString d = disagreement(fast, slow, element, &parser);
        if (!d.isEmpty())
            return d;
    }
    return {};
}

bool FuzzParsers::run(const QString &target, const QByteArray &input)
{
    const HeaderList headers = {{"Retry-After", input.left(12)}, {"X-RateLimit-Limit", "10"}};
    const QByteArray body = input.mid(1);
    if (target == QLatin1String("karmo_page")) {
        touch(KarmoParser::parsePage(input));
        (void)KarmoParser::peekNextCursor(input);
        checkScanAgreesWithParser(input);
    } else if (target == QLatin1String("karmo_error"))
        (void)KarmoParser::parseError(statusFrom(input), body, headers).detailLines();
    else if (target == QLatin1String("llamacloud_page"))
        touch(LlamaCloudParser::parsePage(input));
    else if (target == QLatin1String("llamacloud_error"))
        (void)LlamaCloudParser::parseError(statusFrom(input), body, headers).detailLines();
    else if (target == QLatin1String("csp_page"))
        touch(CspParser::parsePage(input));
    else if (target == QLatin1String("csp_error")) {
        (void)CspParser::parseError(statusFrom(input), body, headers).detailLines();
        CspParser::AccessToken token;
        ProviderError error;
        CspParser::parseTokenResponse(
            input.isEmpty() ? 200 : 200 + (input[0] & 1) * 200, body, headers, &token, &error);
    } else if (target == QLatin1String("char_page")) {
        touch(CharParser::parsePage(input));
        QList<CharDirectory> dirs;
        ProviderError error;
        CharParser::parseDirectories(input, &dirs, &error);
    } else if (target == QLatin1String("char_error"))
        (void)CharParser::parseError(statusFrom(input), body, headers).detailLines();
    else if (target == QLatin1String("scim_page")) {
        touch(ScimParser::parsePage(input, input.size() % 7 + 1));
        (void)ScimParser::parseServiceConfig(200, input);
    } else if (target == QLatin1String("scim_error"))
        (void)ScimParser::parseError(statusFrom(input), body, headers).detailLines();
    else if (target == QLatin1String("scim_filter"))
        checkScimFilter(input);
    else if (target == QLatin1String("json_array"))
        checkArrayReaderAgreesWithParser(input);
    else if (target == QLatin1String("llamacloud_fast") || target == QLatin1String("char_fast")) {
        if (!fastReaderDisagreement(target.chopped(5), input).isEmpty())
            abort();
    } else
        return false;
    return true;
}
