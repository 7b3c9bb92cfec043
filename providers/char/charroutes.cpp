#include "charroutes.h"

#include "../providerkind.h"
#include "../sandbox/sandboxkind.h"
#include "charprovider.h"

#include "../sandbox/sandboxdata.h"
#include "../sandbox/sandboxserver.h"

#include <QRegularExpression>

using namespace SandboxData;

namespace {
SandboxResponse charError(int status, const char *code, const char *message, const char *dataCode,
    const char *field, const char *details)
{
    QByteArray body = "{\"code\":\"" + QByteArray(code)
        + "\",\"status\":" + QByteArray::number(status) + ",\"message\":";
    appendJsonString(body, QString::fromUtf8(message));
    body += ",\"data\":{\"code\":\"" + QByteArray(dataCode) + '"';
    if (field) {
        body += ",\"field\":";
        appendJsonString(body, QString::fromUtf8(field));
    }
    if (details) {
        body += ",\"details\":";
        appendJsonString(body, QString::fromUtf8(details));
    }
    body += "}}";
    return SandboxResponse::json(status, body);
}

SandboxResponse injectedError(int status)
{
    switch (status) {
    case 400:
        return charError(
            400, "BAD_REQUEST", "Invalid directory id", "VALIDATION_ERROR", "id", "must be a UUID");
    case 401:
        return charError(401, "UNAUTHORIZED", "Authentication required", "AUTH_REQUIRED", nullptr,
            "The bearer token is missing or invalid");
    case 403:
        return charError(403, "FORBIDDEN", "You do not have access to this directory",
            "ACCESS_DENIED", "directory_id",
            "The caller's organization does not own this directory");
    case 404:
        return charError(
            404, "NOT_FOUND", "Directory not found", "RESOURCE_NOT_FOUND", "id", nullptr);
    case 409:
        return charError(409, "CONFLICT", "The directory is being synchronised", "CONFLICT",
            nullptr, "Try again when the sync has finished");
    case 429: {
        SandboxResponse r = SandboxResponse::json(429,
            R"({"code":"RATE_LIMITED","status":429,"message":"Too many requests","retry_after":1})");
        r.addHeader("X-RateLimit-Limit", "100");
        r.addHeader("X-RateLimit-Remaining", "0");
        // As Char sends it: the wait in the body and an epoch reset time, no Retry-After.
        r.addHeader("X-RateLimit-Reset", "1767225600");
        return r;
    }
    default:
        return charError(
            status, "INTERNAL_ERROR", "Something went wrong", "INTERNAL_ERROR", nullptr, nullptr);
    }
}

QString rawAttributes(const SandboxPerson &p)
{
    switch (p.bits % 5) {
    case 0:
        return QString(); // null
    case 1:
        return QStringLiteral("not json {"); // kept as the string
    default: {
        QByteArray inner = "{\"department\":";
        appendJsonString(
            inner, p.bits % 3 ? QStringLiteral("Engineering") : QStringLiteral("Ventes, \"EMEA\""));
        inner += ",\"title\":";
        appendJsonString(
            inner, p.givenName.isNull() ? QStringLiteral("Contractor") : QStringLiteral("Staff"));
        inner += ",\"manager\":{\"email\":\"lead@example.com\",\"level\":"
            + QByteArray::number(p.bits % 7) + "},\"groups\":[\"all-staff\",\"vpn\"]}";
        return QString::fromUtf8(inner);
    }
    }
}

void appendUser(QByteArray &out, const QString &dir, qint64 index)
{
    const SandboxPerson p = person(dir, index);
    out += "{\"id\":";
    appendJsonString(out, CharRoutes::recordId(dir, index));
    out += ",\"directory_id\":";
    appendJsonString(out, dir);
    out += ",\"user_id\":";
    appendJsonString(out,
        p.pending ? QString()
                  : vendorId(QStringLiteral("user_"), organizationSeed(dir) ^ quint64(p.index)));
    out += ",\"workos_directory_user_id\":";
    appendJsonString(out,
        vendorId(
            QStringLiteral("directory_user_"), organizationSeed(dir) ^ quint64(p.index) ^ 0x55));
    out += ",\"email\":";
    appendJsonString(out, p.email);
    out += ",\"first_name\":";
    appendJsonString(out, p.givenName);
    out += ",\"last_name\":";
    appendJsonString(out, p.familyName);
    out += ",\"state\":";
    out += p.active ? "\"active\"" : "\"inactive\"";
    out += ",\"raw_attributes\":";
    appendJsonString(out, rawAttributes(p));
    out += ",\"idp_id\":";
    appendJsonString(out, p.idpId);
    out += ",\"created_at\":";
    appendJsonString(out, p.createdAt);
    out += ",\"updated_at\":";
    appendJsonString(out, p.updatedAt);
    out += '}';
}
} // namespace

QString CharRoutes::demoDirectoryId(int i)
{
    return uuid(0xC4A2 + quint64(i));
}

bool CharRoutes::handle(
    SandboxServer &server, const SandboxRequest &request, SandboxResponse *response)
{
    if (!request.path.startsWith(QLatin1String("/char/api/directories")))
        return false;
    const QString token = request.bearer();
    if (token.isEmpty()) {
        *response = injectedError(401);
        return true;
    }
    if (token == QLatin1String("no-org-claim")) {
        *response = charError(403, "FORBIDDEN", "The token has no organization context",
            "ORG_CONTEXT_REQUIRED", nullptr, "Sign in again with an organization selected");
        return true;
    }
    if (request.path == QLatin1String("/char/api/directories")) {
        static const char *names[]
            = {"Acme Corp (Okta)", "Acme Subsidiary — Azure AD", "Ünïcödé Labs (Google Workspace)"};
        static const char *types[] = {"okta scim v2.0", "azure scim v2.0", "gsuite directory"};
        QByteArray body = "[";
        for (int i = 0; i < 3; ++i) {
            if (i)
                body += ',';
            const QString id = demoDirectoryId(i);
            body += "{\"id\":";
            appendJsonString(body, id);
            body += ",\"name\":";
            appendJsonString(body, QString::fromUtf8(names[i]));
            body += ",\"type\":\"" + QByteArray(types[i])
                + "\",\"state\":\"linked\",\"domain\":\"acme.example\",\"user_count\":"
                + QByteArray::number(userCount(id, server.usersPerOrganization()))
                + ",\"created_at\":\"2024-01-10T10:00:00Z\",\"updated_at\":\"2024-06-01T10:00:"
                  "00Z\"}";
        }
        body += ']';
        *response = SandboxResponse::json(200, body);
        return true;
    }
    static const QRegularExpression usersPath(
        QStringLiteral("^/char/api/directories/([^/]+)/users$"));
    SandboxRoute route;
    const SandboxRoute::Rules rules {QStringLiteral("char"), &injectedError, nullptr};
    const SandboxRoute::Step step
        = SandboxRoute::begin(server, request, usersPath, rules, true, &route, response);
    if (step == SandboxRoute::Step::NotMine)
        *response = injectedError(404);
    if (step != SandboxRoute::Step::Serve)
        return true;
    const QString &dir = route.org;
    const SandboxInjection &inject = route.inject;
    if (inject.special == QLatin1String("malformed")) {
        *response = SandboxResponse::json(200, "[{\"id\": \"x\", nope}]");
        return true;
    }
    if (inject.special == QLatin1String("wrong-types")) {
        *response = SandboxResponse::json(200, R"({"id":"not-an-array"})");
        return true;
    }
    const qint64 total = userCount(dir, server.usersPerOrganization());
    *response = SandboxResponse::jsonArray(
        total, [dir](QByteArray &out, qint64 i) { appendUser(out, dir, i); });
    if (!inject.special.isEmpty())
        response->materialize(); // the injections cut or delay a whole body
    response->applyBodyInjection(inject.special);
    response->applyCutOnce(inject.special, server, dir);
    return true;
}

QString CharRoutes::recordId(const QString &dir, qint64 index)
{
    return uuid(organizationSeed(dir) ^ mix(quint64(identity(dir, index)) + 11));
}

const SandboxKind &Char::sandbox()
{
    using G = SandboxDemoProfile;
    static const SandboxKind k {
        Char::kind().id, // the kind it serves, spelled once in charkind.cpp
        QStringLiteral("/char"),
        &CharRoutes::handle,
        {
            {G::Main, "Demo: Char (Acme Okta)", CharRoutes::demoDirectoryId(0)},
            {G::Quirk, "Demo quirk: Char, rate-limited once", QStringLiteral("error-429-once")},
            {G::Error, "Demo error: Char 403", QStringLiteral("error-403")},
            {G::Error, "Demo error: Char 429", QStringLiteral("error-429")},
        },
    };
    return k;
}
