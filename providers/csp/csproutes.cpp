#include "csproutes.h"

#include "../providerkind.h"
#include "../sandbox/sandboxkind.h"
#include "cspprovider.h"

#include "../sandbox/sandboxdata.h"
#include "../sandbox/sandboxserver.h"

#include <QRegularExpression>

using namespace SandboxData;

namespace {
SandboxResponse cspError(int status, const char *message, const char *cspCode, bool numericModule)
{
    static int serial = 0;
    QByteArray body = "{\"statusCode\":" + QByteArray::number(status) + ",\"message\":";
    appendJsonString(body, QString::fromUtf8(message));
    body += ",\"requestId\":\"" + QByteArray::number(0x0105e0f320064337ULL + quint64(++serial), 16)
        + '"';
    body += numericModule ? ",\"moduleCode\":540" : ",\"moduleCode\":\"540\"";
    body += ",\"cspErrorCode\":";
    appendJsonString(body, QString::fromLatin1(cspCode));
    body += ",\"traceId\":\"abc71b186e364bc4\",\"metadata\":null}";
    SandboxResponse r = SandboxResponse::json(status, body);
    if (status == 429)
        r.addHeader("Retry-After", "1");
    return r;
}

SandboxResponse injectedError(int status)
{
    switch (status) {
    case 400:
        return cspError(400, "Invalid pageLimit: must be at most 200", "540.120-340.400", false);
    case 401:
        return cspError(401, "The access token is invalid or has expired", "540.120-340.401", true);
    case 403:
        return cspError(403, "The user is not authorized to use the API", "540.120-340.403", false);
    case 404:
        return cspError(404, "Organization not found", "540.120-340.800", false);
    case 429:
        return cspError(429, "Too many requests", "540.120-340.429", false);
    default:
        return cspError(status, "Internal error", "540.120-340.500", false);
    }
}

void appendGroups(QByteArray &out, quint64 bits)
{
    if (bits % 3 != 0) {
        out += ",\"groups\":[],\"groupIds\":[]";
        return;
    }
    out += R"(,"groups":[{"id":"grp-)" + QByteArray::number(bits % 97)
        + R"(","displayName":"Platform Admins","domain":"example.com","usersCount":)"
        + QByteArray::number(bits % 500) + R"(,"groupType":"USER_GROUP"}],"groupIds":["grp-)"
        + QByteArray::number(bits % 97) + "\"]";
}

void appendResult(QByteArray &out, const QString &org, qint64 index)
{
    const SandboxPerson p = person(org, index);
    out += "{\"user\":{\"username\":";
    appendJsonString(out, p.username);
    out += ",\"firstName\":";
    appendJsonString(out, p.givenName);
    out += ",\"lastName\":";
    appendJsonString(out, p.familyName);
    out += ",\"domain\":\"example.com\",\"idpId\":";
    appendJsonString(out, p.idpId);
    out += ",\"accessible\":true,\"acct\":";
    appendJsonString(out, p.email);
    out += ",\"email\":";
    appendJsonString(out, p.email);
    out += ",\"userId\":";
    appendJsonString(out, CspRoutes::userId(org, index));
    out += ",\"userProfile\":{\"locale\":\"en_US\",\"language\":\"en\"}},\"orgId\":";
    appendJsonString(out, org);
    out += ",\"organizationRoles\":[";
    const char *orgRole = p.bits % 10 == 0 ? "org_owner" : "org_member";
    out += "{\"name\":\"" + QByteArray(orgRole)
        + "\",\"membershipType\":\"DIRECT\",\"displayName\":\""
        + (p.bits % 10 == 0 ? "Organization Owner" : "Organization Member") + "\",\"orgId\":";
    appendJsonString(out, org);
    out += ",\"expiresAt\":";
    // v1 sends a string, v2 a number; both occur.
    out += p.bits % 2 ? "\"2030-01-01T00:00:00Z\"" : "1893456000000";
    appendGroups(out, p.bits >> 3);
    out += '}';
    if (p.bits % 5 == 0)
        out += R"(,{"name":"developer","membershipType":"GROUP","displayName":"Developer","expiresAt":null,"groups":[{"id":"grp-dev","displayName":"Developers, \"core\"","domain":"example.com","usersCount":12,"groupType":"USER_GROUP"}],"groupIds":["grp-dev"]})";
    out += "],\"serviceRoles\":[";
    const int services = int((p.bits >> 8) % 3);
    static const char *serviceIds[] = {"paas:vmc", "external/7cHx3VhzQ/vrealize-automation"};
    static const char *roleNames[][2] = {{"vmc-user:full", "nsx:cloud_admin"},
        {"automationservice:cloud_admin", "automationservice:user"}};
    for (int s = 0; s < services; ++s) {
        if (s)
            out += ',';
        out += "{\"serviceRoles\":[";
        const int roles = 1 + int((p.bits >> (12 + s)) % 2);
        for (int r = 0; r < roles; ++r) {
            if (r)
                out += ',';
            out += "{\"name\":\"" + QByteArray(roleNames[s][r])
                + "\",\"membershipType\":\"DIRECT\",\"expiresAt\":null,\"resource\":null";
            appendGroups(out, p.bits >> (16 + r));
            out += '}';
        }
        out += "],\"serviceDefinitionId\":\"" + QByteArray(serviceIds[s]) + "\"}";
    }
    out += "]}";
}

bool handleExchange(SandboxServer &server, const SandboxRequest &request, SandboxResponse *response)
{
    server.hit(QStringLiteral("csp:exchange"));
    if (request.method != "POST") {
        *response = cspError(405, "Use POST", "540.100-100.405", false);
        return true;
    }
    const QUrlQuery form(QString::fromUtf8(request.body));
    const QString apiToken = form.queryItemValue(QStringLiteral("api_token"), QUrl::FullyDecoded);
    if (apiToken.isEmpty() || apiToken == QLatin1String("revoked")
        || apiToken == QLatin1String("expired")) {
        *response = SandboxResponse::json(400,
            R"({"statusCode":400,"message":"invalid_grant: Invalid refresh token","error":"invalid_grant","error_description":"Invalid refresh token","requestId":"2f1e3c","moduleCode":"540","cspErrorCode":"540.100-100.400"})");
        return true;
    }
    const qint64 lifetime = apiToken.startsWith(QLatin1String("short-lived")) ? 2 : 1799;
    const QString access = server.issueCspToken(lifetime * 1000);
    QByteArray body = "{\"id_token\":\"sandbox-id-token\",\"token_type\":\"bearer\",\"expires_in\":"
        + QByteArray::number(lifetime) + ",\"scope\":\"ALL_PERMISSIONS\",\"access_token\":";
    appendJsonString(body, access);
    body += ",\"refresh_token\":\"sandbox-refresh\"}";
    *response = SandboxResponse::json(200, body);
    response->delayMs = 5;
    return true;
}
struct PageSpan
{
    qint64 offset; // 0-based first item
    qint64 served; // how many the server sends
    int pageLimit; // how many were asked
    qint64 total;
};

// One page of results with its links and total, as CSP writes them.
QByteArray pageBody(
    const QString &org, const QByteArray &path, const QString &special, const PageSpan &span)
{
    const auto [offset, served, pageLimit, total] = span;
    const qint64 end = std::min(total, offset + served);
    QByteArray body;
    body.reserve(int(std::max<qint64>(0, end - offset)) * 900 + 300);
    body += "{\"results\":[";
    if (special != QLatin1String("empty-claims-more")) {
        for (qint64 i = offset; i < end; ++i) {
            if (i > offset)
                body += ',';
            appendResult(body, org, i);
        }
    }
    body += ']';
    if (end < total) {
        QByteArray next = path + "?pageStart=" + QByteArray::number(end + 1)
            + "&pageLimit=" + QByteArray::number(pageLimit);
        if (special == QLatin1String("loop"))
            next = path + "?pageStart=1&pageLimit=" + QByteArray::number(pageLimit);
        if (special == QLatin1String("foreign-link"))
            next = "http://127.0.0.2:9/" + next.mid(1);
        body += ",\"nextLink\":\"" + next + '"';
    }
    if (offset > 0)
        body += ",\"prevLink\":\"" + path
            + "?pageStart=" + QByteArray::number(std::max<qint64>(1, offset - pageLimit + 1))
            + "&pageLimit=" + QByteArray::number(pageLimit) + '"';
    // "overcount": the total also counts users the pages never include (deleted, hidden...).
    const qint64 announced = special == QLatin1String("overcount") ? total + 5 : total;
    body += ",\"totalResults\":" + QByteArray::number(announced) + '}';
    return body;
}
} // namespace

bool CspRoutes::handle(
    SandboxServer &server, const SandboxRequest &request, SandboxResponse *response)
{
    if (request.path == QLatin1String("/csp/gateway/am/api/auth/api-tokens/authorize"))
        return handleExchange(server, request, response);
    static const QRegularExpression usersPath(
        QStringLiteral("^/csp/gateway/am/api/orgs/([^/]+)/users$"));
    SandboxRoute route;
    const SandboxRoute::Rules rules {
        QStringLiteral("csp"),
        &injectedError,
        [&server](const QString &token, SandboxResponse *r) {
            const bool expired = server.cspTokenState(token) == SandboxServer::TokenState::Expired;
            if (expired)
                *r = cspError(401, "The access token has expired", "540.120-340.401", true);
            return expired;
        },
    };
    const bool firstPage
        = request.query.queryItemValue(QStringLiteral("pageStart")).toLongLong() <= 1;
    const SandboxRoute::Step step
        = SandboxRoute::begin(server, request, usersPath, rules, firstPage, &route, response);
    if (step != SandboxRoute::Step::Serve)
        return step == SandboxRoute::Step::Answered;
    const QString &org = route.org;
    const SandboxInjection &inject = route.inject;
    bool ok = true;
    const qint64 pageStart = request.query.hasQueryItem(QStringLiteral("pageStart"))
        ? request.query.queryItemValue(QStringLiteral("pageStart")).toLongLong(&ok)
        : 1;
    bool okLimit = true;
    const int pageLimit = request.query.hasQueryItem(QStringLiteral("pageLimit"))
        ? request.query.queryItemValue(QStringLiteral("pageLimit")).toInt(&okLimit)
        : 20;
    if (!ok || !okLimit || pageStart < 1 || pageLimit < 1 || pageLimit > 200) {
        *response = cspError(400, "pageStart must be at least 1 and pageLimit from 1 to 200",
            "540.120-340.400", false);
        return true;
    }
    if (inject.special == QLatin1String("malformed")) {
        *response
            = SandboxResponse::json(200, R"({"results": [ {"user": {"userId": "u1"}} ], oops })");
        return true;
    }
    if (inject.special == QLatin1String("wrong-types")) {
        *response = SandboxResponse::json(
            200, R"({"results":[{"user":{"userId":"u1","email":["a"]}}],"totalResults":"one"})");
        return true;
    }
    qint64 total = userCount(org, server.usersPerOrganization());
    if (inject.special == QLatin1String("growing"))
        total += server.hit(QStringLiteral("csp-growing:") + org)
            - 1; // someone joins with every request
    const qint64 offset = pageStart - 1;
    // Real deployments cap their pages below what was asked, or vary them.
    const SandboxBehaviours behaviours = SandboxBehaviours::fromPath(request.path);
    qint64 served = pageLimit;
    if (behaviours.capped)
        served = std::min<qint64>(served, 150);
    if (behaviours.uneven)
        served = std::max<qint64>(1, pageLimit + (pageStart % 3 - 1) * 17);
    const QByteArray path = request.url.path(QUrl::FullyEncoded).toUtf8();
    const QByteArray body = pageBody(org, path, inject.special, {offset, served, pageLimit, total});
    *response = SandboxResponse::json(200, body);
    response->applyBodyInjection(inject.special);
    return true;
}

QString CspRoutes::userId(const QString &org, qint64 index)
{
    return uuid(organizationSeed(org) ^ mix(quint64(identity(org, index)) + 3));
}

const SandboxKind &Csp::sandbox()
{
    using G = SandboxDemoProfile;
    static const SandboxKind k {
        Csp::kind().id, // the kind it serves, spelled once in cspkind.cpp
        QString(), // CSP's paths start at the root: /csp/gateway/...
        &CspRoutes::handle,
        {
            {G::Main, "Demo: CSP (Acme)", QStringLiteral("8d3e2f1a-acme-4c1b-9f00-csp000000001")},
            {G::Quirk, "Demo quirk: CSP, total grows", QStringLiteral("growing")},
            {G::Error, "Demo error: CSP 404", QStringLiteral("error-404")},
        },
    };
    return k;
}
