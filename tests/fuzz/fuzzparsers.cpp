#include "fuzzparsers.h"

#include "char/charparser.h"
#include "csp/cspparser.h"
#include "karmo/karmoparser.h"
#include "jsonscan.h"
#include "llamacloud/llamacloudparser.h"

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
// JsonScan must find a member wherever a full parse does, and hand back valid JSON for it.
void checkScanAgreesWithParser(const QByteArray &input)
{
    const QJsonDocument doc = QJsonDocument::fromJson(input);
    if (!doc.isObject() || input.contains('\\'))
        return; // keys with escapes are written differently from what they decode to
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QByteArray key = it.key().toUtf8();
        // Raw control characters are invalid JSON (RFC 8259 §7) that Qt accepts and rewrites;
        // only keys written as they decode are compared.
        if (std::any_of(key.cbegin(), key.cend(), [](char c) { return uchar(c) < 0x20; }))
            continue;
        const QByteArrayView text = JsonScan::member(input, key);
        if (text.isNull() || QJsonDocument::fromJson("[" + text.toByteArray() + "]").isNull())
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
    }
    else if (target == QLatin1String("karmo_error"))
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
        CspParser::parseTokenResponse(input.isEmpty() ? 200 : 200 + (input[0] & 1) * 200, body, headers, &token, &error);
    } else if (target == QLatin1String("char_page")) {
        touch(CharParser::parsePage(input));
        QList<CharDirectory> dirs;
        ProviderError error;
        CharParser::parseDirectories(input, &dirs, &error);
    } else if (target == QLatin1String("char_error"))
        (void)CharParser::parseError(statusFrom(input), body, headers).detailLines();
    else
        return false;
    return true;
}
