#include "cspparser.h"

#include "jsonreader.h"
#include "responseparsing.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace {
// The parser's translations, in the "CspParser" context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(CspParser)
};

QList<RoleGroup> parseGroups(const JsonReader &r, QString *problem)
{
    QList<RoleGroup> groups;
    const QJsonArray items = r.array(QLatin1String("groups"));
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject o = items.at(i).toObject();
        JsonReader g(o, r.where() + QStringLiteral(".groups[%1]").arg(i), problem);
        RoleGroup group;
        group.id = g.str(QLatin1String("id"));
        group.displayName = g.str(QLatin1String("displayName"));
        group.domain = g.str(QLatin1String("domain"));
        group.groupType = g.str(QLatin1String("groupType"));
        const QJsonValue count = o.value(QStringLiteral("usersCount"));
        if (count.isDouble())
            group.usersCount = qint64(count.toDouble());
        groups.append(group);
    }
    // groupIds without expanded groups still tell which groups the role comes through.
    if (groups.isEmpty()) {
        const QJsonArray ids = r.array(QLatin1String("groupIds"));
        for (const QJsonValue &id : ids)
            groups.append(RoleGroup {ResponseParsing::valueText(id), {}, {}, {}, -1});
    }
    return groups;
}

Role parseRole(
    const QJsonObject &o, const QString &where, const QString &serviceId, QString *problem)
{
    JsonReader r(o, where, problem);
    Role role;
    role.id = r.str(QLatin1String("id"));
    role.name = r.str(QLatin1String("name"), true);
    role.displayName = r.str(QLatin1String("displayName"));
    role.membershipType = r.str(QLatin1String("membershipType"));
    role.expiresAt = r.str(QLatin1String("expiresAt"), false, true); // v1 string, v2 number
    role.resource = r.str(QLatin1String("resource"));
    role.serviceId = serviceId;
    if (!ResponseParsing::columnsOnly()) // which groups a role comes through: the detail pane
        role.groups = parseGroups(r, problem);
    return role;
}
} // namespace

User CspParser::readResult(const QJsonObject &o, const QString &where, QString *problem)
{
    JsonReader r(o, where, problem);
    const QJsonObject userObject = r.object(QLatin1String("user"), true);
    JsonReader ur(userObject, where + QStringLiteral(".user"), problem);
    User u;
    u.userId = ur.str(QLatin1String("userId"), true);
    u.id = u.userId;
    u.email = ur.str(QLatin1String("email"));
    u.username = ur.str(QLatin1String("username"));
    u.givenName = ur.str(QLatin1String("firstName"));
    u.familyName = ur.str(QLatin1String("lastName"));
    const QString joined = User::joinNames(u.givenName, u.familyName);
    u.displayName = joined.isEmpty() ? u.username : joined;
    u.idpId = ur.str(QLatin1String("idpId"));
    u.domain = ur.str(QLatin1String("domain"));
    u.locale = ur.object(QLatin1String("userProfile")).value(QStringLiteral("locale")).toString();
    u.organizationId = r.str(QLatin1String("orgId"));
    const QJsonArray orgRoles = r.array(QLatin1String("organizationRoles"));
    for (qsizetype k = 0; k < orgRoles.size(); ++k)
        u.roles.append(parseRole(orgRoles.at(k).toObject(),
            where + QStringLiteral(".organizationRoles[%1]").arg(k), {}, problem));
    const QJsonArray services = r.array(QLatin1String("serviceRoles"));
    for (qsizetype k = 0; k < services.size(); ++k) {
        const QJsonObject so = services.at(k).toObject();
        const QString sw = where + QStringLiteral(".serviceRoles[%1]").arg(k);
        JsonReader sr(so, sw, problem);
        const QString serviceId = sr.str(QLatin1String("serviceDefinitionId"), true);
        const QJsonArray roles = sr.array(QLatin1String("serviceRoles"));
        for (qsizetype m = 0; m < roles.size(); ++m)
            u.roles.append(parseRole(roles.at(m).toObject(),
                sw + QStringLiteral(".serviceRoles[%1]").arg(m), serviceId, problem));
    }
    return u;
}

ParseResult CspParser::parsePage(const QByteArray &body)
{
    QJsonDocument doc;
    ProviderError error;
    if (!ResponseParsing::parseJson(body, &doc, &error))
        return ParseResult::fail(error);
    if (!doc.isObject())
        return ParseResult::fail(
            ResponseParsing::malformed(Text::tr("Expected a JSON object with \"results\"."), body));

    const QJsonObject root = doc.object();
    QString problem;
    JsonReader top(root, {}, &problem);
    const QJsonArray results = top.array(QLatin1String("results"), true);
    ParseResult result;
    result.page.users
        = ResponseParsing::readRecords(results, QStringLiteral("results"), &readResult, &problem);
    result.page.nextToken = top.str(QLatin1String("nextLink"));
    const QJsonValue total = root.value(QStringLiteral("totalResults"));
    if (total.isDouble())
        result.page.total = qint64(total.toDouble());
    else if (!total.isUndefined() && !total.isNull())
        top.fail(Text::tr("\"totalResults\" should be a number"));
    if (!problem.isEmpty())
        return ParseResult::fail(ResponseParsing::malformed(problem, body));
    if (result.page.users.isEmpty() && result.page.hasMore())
        return ParseResult::fail(ResponseParsing::malformed(
            Text::tr("The page is empty but claims another page follows."), body));
    return result;
}

ProviderError CspParser::parseError(int status, const QByteArray &body, const HeaderList &)
{
    ProviderError error;
    QJsonObject o;
    if (!ResponseParsing::errorObject(status, body, &error, &o)) {
        error.message
            = Text::tr("The server answered HTTP %1 without a CSP error body.").arg(status);
        return error;
    }
    error.message = ResponseParsing::valueText(o.value(QStringLiteral("message")));
    error.code = ResponseParsing::valueText(o.value(QStringLiteral("cspErrorCode")));
    error.requestId = ResponseParsing::valueText(o.value(QStringLiteral("requestId")));
    const QString moduleCode = ResponseParsing::valueText(o.value(QStringLiteral("moduleCode")));
    if (!moduleCode.isEmpty())
        error.meta.append({QStringLiteral("moduleCode"), moduleCode});
    const QString traceId = ResponseParsing::valueText(o.value(QStringLiteral("traceId")));
    if (!traceId.isEmpty())
        error.meta.append({QStringLiteral("traceId"), traceId});
    const QJsonValue statusCode = o.value(QStringLiteral("statusCode"));
    if (statusCode.isDouble() && statusCode.toInt() != status)
        error.meta.append(
            {QStringLiteral("statusCode (body)"), ResponseParsing::valueText(statusCode)});
    const QJsonValue metadata = o.value(QStringLiteral("metadata"));
    if (metadata.isObject()) {
        const QJsonObject m = metadata.toObject();
        for (auto it = m.begin(); it != m.end(); ++it)
            error.meta.append(
                {QStringLiteral("metadata.") + it.key(), ResponseParsing::valueText(it.value())});
    } else if (!metadata.isNull() && !metadata.isUndefined()) {
        error.meta.append({QStringLiteral("metadata"), ResponseParsing::valueText(metadata)});
    }
    // OAuth-style bodies from the token endpoint.
    if (error.message.isEmpty())
        error.message = ResponseParsing::valueText(o.value(QStringLiteral("error_description")));
    if (error.code.isEmpty())
        error.code = ResponseParsing::valueText(o.value(QStringLiteral("error")));
    return error;
}

bool CspParser::parseTokenResponse(int status, const QByteArray &body, const HeaderList &headers,
    AccessToken *token, ProviderError *error)
{
    if (status < 200 || status >= 300) {
        *error = parseError(status, body, headers);
        ResponseParsing::fillCommon(error, status, body, headers);
        error->kind = ProviderError::Kind::Authentication;
        const QString detail = error->message;
        if (status == 400 || status == 404 || body.contains("invalid_grant")) {
            error->message = Text::tr("The API token was refused (invalid_grant): it is expired or "
                                      "revoked. Generate a new API token in the CSP console.");
            if (!detail.isEmpty())
                error->message += QStringLiteral(" (") + detail + QLatin1Char(')');
        } else {
            error->message
                = Text::tr("The API token could not be exchanged for an access token: %1")
                      .arg(detail);
        }
        return false;
    }
    QJsonDocument doc;
    if (!ResponseParsing::parseJson(body, &doc, error)) {
        error->kind = ProviderError::Kind::Authentication;
        error->message = Text::tr("The token exchange answered with an unreadable body: %1")
                             .arg(error->message);
        return false;
    }
    const QJsonObject o = doc.object();
    token->token = o.value(QStringLiteral("access_token")).toString();
    const QJsonValue expires = o.value(QStringLiteral("expires_in"));
    token->expiresInSeconds = expires.isDouble() ? qint64(expires.toDouble()) : 1800;
    if (token->token.isEmpty()) {
        *error
            = ResponseParsing::malformed(Text::tr("The token exchange returned no access_token."));
        error->kind = ProviderError::Kind::Authentication;
        return false;
    }
    return true;
}
