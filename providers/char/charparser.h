#pragma once

#include "httpclient.h"
#include "parseresult.h"

#include <QJsonObject>

class FastJsonReader;

// One directory the caller can see (GET /api/directories).
struct CharDirectory
{
    QString id;
    QString name;
    QString type;
    QString state;
    QString domain;
    qint64 userCount = -1;
};

// Char directory users (spec/providers.md section 4), as pure functions.
namespace CharParser {
ParseResult parsePage(const QByteArray &body);
// One directory user; the first problem goes to *problem.
User readUser(const QJsonObject &object, const QString &where, QString *problem);
// The same from simdjson (StreamingPageReply's fast path); the reader collects the problem.
User readUserFast(const FastJsonReader &reader);
ProviderError parseError(int status, const QByteArray &body, const HeaderList &headers);
// On failure returns false and fills *error.
bool parseDirectories(
    const QByteArray &body, QList<CharDirectory> *directories, ProviderError *error);
} // namespace CharParser
