#pragma once

#include "httpclient.h"
#include "parseresult.h"

#include <QJsonObject>

// Karmo's wire format (spec/providers.md section 1) as pure functions of bytes and headers.
namespace KarmoParser {
ParseResult parsePage(const QByteArray &body);
// The next cursor read straight from the bytes (empty when absent, null, escaped or unclear).
QString peekNextCursor(const QByteArray &body);
// One element of "users"; the first problem goes to *problem.
User readUser(const QJsonObject &object, const QString &where, QString *problem);
ProviderError parseError(int status, const QByteArray &body, const HeaderList &headers);
// The name the spec shows for a status (429 -> RATE_LIMITED, 503 -> PROVIDER_NOT_CONFIGURED).
QString statusName(int status, bool karmoBody);
// True when the body is a Karmo error document (a 503 with one is not retried).
bool isKarmoErrorBody(const QByteArray &body);
// Codes arrive as strings or numbers; they are always shown as 8 digits.
QString formatCode(const QJsonValue &code);
} // namespace KarmoParser
