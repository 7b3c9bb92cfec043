#include "karmoroutes.h"

#include "../providerkind.h"
#include "../sandbox/sandboxkind.h"
#include "karmoprovider.h"

#include "../sandbox/sandboxdata.h"
#include "../sandbox/sandboxserver.h"

#include <QRegularExpression>

using namespace SandboxData;

namespace {
struct KarmoErrorSpec
{
    int status;
    const char *code; // sent as a string unless numeric is set
    bool numeric;
    const char *message;
};

// One documented error per status; some codes arrive as numbers, as the spec allows.
constexpr KarmoErrorSpec kErrors[] = {
    {400, "40000012", false, "Request validation failed"},
    {401, "40100001", false, "Bearer token expired"},
    {403, "40300003", false, "The token lacks the users:read scope"},
    {404, "40400404", true, "Organization not found"},
    {409, "9001", true, "Organization is being migrated"},
    {422, "42200007", false, "Unprocessable organization filter"},
    {429, "42900001", false, "Rate limit exceeded"},
    {500, "50000000", false, "Internal server error"},
    {503, "50300001", false, "access-management provider is not configured for this environment"},
};

SandboxResponse karmoError(int status, const QString &org)
{
    const KarmoErrorSpec *spec = nullptr;
    for (const auto &e : kErrors) {
        if (e.status == status)
            spec = &e;
    }
    QByteArray body = "{\"code\":";
    if (!spec) {
        body += "\"99999999\",\"message\":\"Unexpected error\"}";
        return SandboxResponse::json(status, body);
    }
    body += spec->numeric ? QByteArray(spec->code) : '"' + QByteArray(spec->code) + '"';
    body += ",\"message\":";
    appendJsonString(body, QString::fromUtf8(spec->message));
    body += ",\"meta\":{\"organizationId\":";
    appendJsonString(body, org);
    body += ",\"environment\":\"sandbox\"}";
    if (status == 400 || status == 422)
        body
            += R"(,"errors":[{"detail":"must be a valid email","pointer":"/email"},{"detail":"must be between 1 and 100","pointer":"/limit"}])";
    else
        body += ",\"errors\":[]";
    body += '}';
    SandboxResponse r = SandboxResponse::json(status, body);
    if (status == 429)
        r.addHeader("Retry-After", "1");
    return r;
}

// Cursors name an offset and the generation of cursors they belong to (0 until a test expires
// them with SandboxServer::expireCursors()), so they stay the same from one run to the next.
QByteArray cursorPrefix(int generation)
{
    return generation == 0 ? QByteArray("karmo:") : "karmo" + QByteArray::number(generation) + ':';
}

QString cursorFor(qint64 offset, int generation)
{
    return QString::fromLatin1(
        QByteArray(cursorPrefix(generation) + QByteArray::number(offset))
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

enum class CursorState { Valid, Expired, Invalid };

CursorState offsetFromCursor(const QString &cursor, int generation, qint64 *offset)
{
    const QByteArray raw = QByteArray::fromBase64(cursor.toLatin1(), QByteArray::Base64UrlEncoding);
    const QByteArray prefix = cursorPrefix(generation);
    if (!raw.startsWith("karmo"))
        return CursorState::Invalid;
    if (!raw.startsWith(prefix))
        return CursorState::Expired; // one of ours, from before expireCursors()
    bool ok = false;
    *offset = raw.mid(prefix.size()).toLongLong(&ok);
    return ok && *offset >= 0 ? CursorState::Valid : CursorState::Invalid;
}

void appendUser(QByteArray &out, const QString &org, qint64 index)
{
    const SandboxPerson p = person(org, index);
    out += "{\"id\":";
    appendJsonString(out, KarmoRoutes::userId(org, index));
    out += ",\"email\":";
    appendJsonString(out, p.email);
    // Absent and null both mean "not set"; send both forms.
    if (!p.phone.isNull() || p.index % 2 == 0) {
        out += ",\"mobileNumber\":";
        appendJsonString(out, p.phone);
    }
    out += ",\"givenName\":";
    appendJsonString(out, p.givenName);
    out += ",\"familyName\":";
    appendJsonString(out, p.familyName);
    out += '}';
}
// One page of users from `offset`, with Karmo's pagination object.
QByteArray pageBody(const QString &org, qint64 offset, int limit, qint64 total, bool loop,
    bool keepsCursor, int generation)
{
    const qint64 end = std::min(total, offset + limit);
    QByteArray body;
    body.reserve(int(end - offset) * 160 + 200);
    body += "{\"users\":[";
    for (qint64 i = offset; i < end; ++i) {
        if (i > offset)
            body += ',';
        appendUser(body, org, i);
    }
    const bool hasNext = end < total;
    // The "loop" organization hands back the second page's cursor forever.
    const qint64 nextOffset = loop ? limit : end;
    body += "],\"pagination\":{\"hasNextPage\":";
    body += hasNext ? "true" : "false";
    body += ",\"hasPreviousPage\":";
    body += offset > 0 ? "true" : "false";
    body += ",\"nextCursor\":";
    appendJsonString(body, hasNext || keepsCursor ? cursorFor(nextOffset, generation) : QString());
    body += ",\"previousCursor\":";
    appendJsonString(body, offset > 0 ? cursorFor(offset, generation) : QString());
    body += "}}";
    return body;
}
// The answers of the organizations that test how a client takes bad pages; false for the others.
bool specialPage(const QString &special, const QString &org, qint64 offset, int limit, qint64 total,
    int generation, SandboxResponse *response)
{
    if (special == QLatin1String("malformed")) {
        *response = SandboxResponse::json(200, "{\"users\": [{\"id\": \"user_1\",}] oops");
    } else if (special == QLatin1String("wrong-types")) {
        *response = SandboxResponse::json(200,
            R"({"users":[{"id":"user_1","email":42}],"pagination":{"hasNextPage":false,"nextCursor":null}})");
    } else if (special == QLatin1String("empty-claims-more")) {
        *response = SandboxResponse::json(200,
            "{\"users\":[],\"pagination\":{\"hasNextPage\":true,\"hasPreviousPage\":false,"
            "\"nextCursor\":\""
                + cursorFor(offset + limit, generation).toLatin1()
                + "\",\"previousCursor\":null}}");
    } else if (special == QLatin1String("null-cursor")) {
        // Says another page follows, and gives no cursor to ask for it.
        QByteArray body = pageBody(org, offset, limit, total, false, false, generation);
        const QByteArray cursor
            = "\"nextCursor\":\"" + cursorFor(offset + limit, generation).toLatin1() + '"';
        body.replace(cursor, "\"nextCursor\":null");
        *response = SandboxResponse::json(200, body);
    } else {
        return false;
    }
    return true;
}
} // namespace

bool KarmoRoutes::handle(
    SandboxServer &server, const SandboxRequest &request, SandboxResponse *response)
{
    static const QRegularExpression usersPath(
        QStringLiteral("^/karmo/organizations/([^/]+)/users$"));
    SandboxRoute route;
    const SandboxRoute::Rules rules {
        QStringLiteral("karmo"),
        [&route](int status) { return karmoError(status, route.org); },
        [&route](const QString &token, SandboxResponse *r) {
            if (token == QLatin1String("expired"))
                *r = karmoError(401, route.org);
            return token == QLatin1String("expired");
        },
    };
    const bool firstPage = !request.query.hasQueryItem(QStringLiteral("after"));
    const SandboxRoute::Step step
        = SandboxRoute::begin(server, request, usersPath, rules, firstPage, &route, response);
    if (step != SandboxRoute::Step::Serve)
        return step == SandboxRoute::Step::Answered;
    const QString &org = route.org;
    const SandboxInjection &inject = route.inject;

    const QString after = request.query.queryItemValue(QStringLiteral("after"));
    const QString before = request.query.queryItemValue(QStringLiteral("before"));
    if (!after.isEmpty() && !before.isEmpty()) {
        *response = SandboxResponse::json(400,
            R"({"code":"40000002","message":"Use either after or before, not both","meta":{},"errors":[{"detail":"cannot be combined with before","pointer":"/after"}]})");
        return true;
    }
    int limit = 100;
    if (request.query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = request.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > 100) {
            *response = SandboxResponse::json(400,
                R"({"code":"40000003","message":"limit must be between 1 and 100","meta":{},"errors":[{"detail":"must be between 1 and 100","pointer":"/limit"}]})");
            return true;
        }
    }
    const qint64 total = userCount(org, server.usersPerOrganization());
    qint64 offset = 0;
    const QString cursor = !after.isEmpty() ? after : before;
    const int generation = server.cursorGeneration();
    const CursorState state
        = cursor.isEmpty() ? CursorState::Valid : offsetFromCursor(cursor, generation, &offset);
    if (state == CursorState::Invalid) {
        *response = SandboxResponse::json(400,
            R"({"code":"40000004","message":"Invalid cursor","meta":{},"errors":[{"detail":"is not a cursor this server issued","pointer":"/after"}]})");
        return true;
    }
    if (state == CursorState::Expired) {
        *response = SandboxResponse::json(400,
            R"({"code":"40000005","message":"Cursor expired","meta":{},"errors":[{"detail":"has expired; start again from the first page","pointer":"/after"}]})");
        return true;
    }
    if (!before.isEmpty())
        offset = std::max<qint64>(0, offset - limit);

    if (specialPage(inject.special, org, offset, limit, total, generation, response))
        return true;
    const bool loop = inject.special == QLatin1String("loop");
    // Servers that pretty-print here also keep a cursor on the last page; hasNextPage ends it.
    const bool keepsCursor = SandboxBehaviours::fromPath(request.path).pretty;
    *response = SandboxResponse::json(
        200, pageBody(org, offset, limit, total, loop, keepsCursor, generation));
    response->applyBodyInjection(inject.special);
    return true;
}

QString KarmoRoutes::userId(const QString &org, qint64 index)
{
    return vendorId(
        QStringLiteral("user_"), organizationSeed(org) ^ mix(quint64(identity(org, index)) + 1));
}

const SandboxKind &Karmo::sandbox()
{
    using G = SandboxDemoProfile;
    static const SandboxKind k {
        Karmo::kind().id, // the kind it serves, spelled once in karmokind.cpp
        QStringLiteral("/karmo"),
        &KarmoRoutes::handle,
        {
            {G::Main, "Demo: Karmo (Acme)", QStringLiteral("org_acme")},
            {G::Quirk, "Demo quirk: Karmo, gateway 503 once",
                QStringLiteral("error-503-generic-once")},
            {G::Quirk, "Demo quirk: Karmo, pretty gzip chunked",
                QStringLiteral("acme-pretty-gzip-chunked")},
            {G::Error, "Demo error: Karmo 401", QStringLiteral("error-401")},
            {G::Error, "Demo error: Karmo 422", QStringLiteral("error-422")},
            {G::Error, "Demo error: Karmo 503 not configured", QStringLiteral("error-503")},
        },
    };
    return k;
}
