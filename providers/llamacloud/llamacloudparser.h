#pragma once

#include "httpclient.h"
#include "parseresult.h"

#include <QJsonObject>

class FastJsonReader;

// LlamaCloud organization memberships (spec/providers.md section 2), as pure functions.
namespace LlamaCloudParser {
ParseResult parsePage(const QByteArray &body);
// One membership; the first problem goes to *problem.
User readMember(const QJsonObject &object, const QString &where, QString *problem);
// The same from simdjson (StreamingPageReply's fast path); the reader collects the problem.
User readMemberFast(const FastJsonReader &reader);
// FastAPI errors: 422 {"detail": [{loc, msg, type}]}, others {"detail": "..."}.
ProviderError parseError(int status, const QByteArray &body, const HeaderList &headers);
} // namespace LlamaCloudParser
