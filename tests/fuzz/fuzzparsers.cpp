#include "fuzzparsers.h"

#include "char/charparser.h"
#include "csp/cspparser.h"
#include "jsonarrayreader.h"
#include "jsonscan.h"
#include "karmo/karmoparser.h"
#include "llamacloud/llamacloudparser.h"
#include "scim/scimfilter.h"
#include "scim/scimparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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
    else
        return false;
    return true;
}
