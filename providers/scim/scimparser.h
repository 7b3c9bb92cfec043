#pragma once

#include "httpclient.h"
#include "parseresult.h"

#include <QJsonObject>

// SCIM 2.0 (spec/providers.md section 5, RFC 7643/7644) as pure functions of bytes and headers.
namespace ScimParser {
// A ListResponse of Users. `requestedStart` is the startIndex asked for (used when the server
// leaves startIndex out). When more follow, page.nextToken holds the next startIndex as a number;
// the provider turns it into its token.
ParseResult parsePage(const QByteArray &body, qint64 requestedStart = 1);
// One User resource; the first problem goes to *problem.
User readUser(const QJsonObject &object, const QString &where, QString *problem);
// A SCIM error body (schemas ...:Error, status as a string or a number, scimType, detail), or
// the SCIM 1.1 "Errors" list some servers still send.
ProviderError parseError(int status, const QByteArray &body, const HeaderList &headers);

// What GET /ServiceProviderConfig says the server can do.
struct ServiceConfig
{
    bool known = false; // false: absent, failing or unreadable (no server search, count 100)
    bool filter = false; // filter.supported
    int maxResults = 0; // filter.maxResults; 0 when not said
    bool sort = false; // sort.supported
    QString problem; // why it is unknown, for diagnostics
};
ServiceConfig parseServiceConfig(int status, const QByteArray &body);
} // namespace ScimParser
