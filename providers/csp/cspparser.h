#pragma once

#include "httpclient.h"
#include "parseresult.h"

#include <QJsonObject>

// VMware Cloud Services Platform users (spec/providers.md section 3), as pure functions.
namespace CspParser {
ParseResult parsePage(const QByteArray &body);
// One element of "results"; the first problem goes to *problem.
User readResult(const QJsonObject &object, const QString &where, QString *problem);
ProviderError parseError(int status, const QByteArray &body, const HeaderList &headers);

struct AccessToken
{
    QString token;
    qint64 expiresInSeconds = 0;
};
// Reads the token exchange's answer; a 400/404 (invalid_grant) is an authentication error.
bool parseTokenResponse(int status, const QByteArray &body, const HeaderList &headers,
    AccessToken *token, ProviderError *error);
} // namespace CspParser
