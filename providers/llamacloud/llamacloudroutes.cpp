#include "llamacloudroutes.h"

#include "../providerkind.h"
#include "../sandbox/sandboxkind.h"
#include "llamacloudprovider.h"

#include "../sandbox/sandboxdata.h"
#include "../sandbox/sandboxserver.h"

#include <QRegularExpression>

using namespace SandboxData;

namespace {
struct PermissionSpec
{
    const char *name;
    const char *description; // nullptr: null
};

constexpr PermissionSpec kPermissions[] = {
    {"projects:read", "Read projects and their pipelines"},
    {"projects:write", "Create, change and delete projects"},
    {"billing:read", "See invoices and usage"},
    {"billing:write", "Change the payment method"},
    {"members:invite", "Invite people to the organization"},
    {"members:remove", "Remove people from the organization"},
    {"api-keys:manage", nullptr},
};

struct RoleSpec
{
    const char *name;
    unsigned grantMask; // bit i: kPermissions[i] granted; others in the list are denied
    unsigned listMask; // the "heavy" organizations: every permission the role knows of
    unsigned lightMask; // the others: one or two, as in the seed's example
};

constexpr RoleSpec kRoles[] = {
    {"admin", 0x7F, 0x7F, 0x01 | 0x40},
    {"member", 0x01 | 0x02, 0x1F, 0x01 | 0x04},
    {"viewer", 0x01, 0x07, 0x01},
    {"billing manager", 0x04 | 0x08, 0x0C, 0x04},
    {"Réviseur, \"externe\"", 0x01, 0x41, 0x01 | 0x40},
};

void appendTimestampPair(QByteArray &out, const SandboxPerson &p, bool nullable)
{
    out += ",\"created_at\":";
    appendJsonString(out, nullable && p.bits % 13 == 0 ? QString() : p.createdAt);
    out += ",\"updated_at\":";
    appendJsonString(out, nullable && p.bits % 17 == 0 ? QString() : p.updatedAt);
}

void appendRole(QByteArray &out, const QString &org, const QString &memberId, const QString &userId,
    int roleIndex, const SandboxPerson &p, bool heavy)
{
    const RoleSpec &role = kRoles[roleIndex];
    const QString roleId = uuid(organizationSeed(org) ^ 0xA0 ^ quint64(roleIndex));
    out += "{\"id\":";
    appendJsonString(out, uuid(hash(memberId) ^ quint64(roleIndex)));
    appendTimestampPair(out, p, false);
    out += ",\"user_id\":";
    appendJsonString(out, userId);
    out += ",\"organization_id\":";
    appendJsonString(out, org);
    out += ",\"role_id\":";
    appendJsonString(out, roleId);
    out += ",\"role\":{\"id\":";
    appendJsonString(out, roleId);
    out += ",\"created_at\":\"2023-02-01T09:00:00.000Z\",\"updated_at\":null,\"name\":";
    appendJsonString(out, QString::fromUtf8(role.name));
    out += ",\"organization_id\":";
    appendJsonString(out, org);
    out += ",\"permissions\":[";
    bool first = true;
    for (unsigned i = 0; i < std::size(kPermissions); ++i) {
        if (!((heavy ? role.listMask : role.lightMask) & (1u << i)))
            continue;
        if (!first)
            out += ',';
        first = false;
        out += "{\"id\":";
        appendJsonString(out, uuid(0xBEEF ^ i));
        out += ",\"created_at\":\"2023-02-01T09:00:00.000Z\",\"updated_at\":\"2024-07-29T15:51:28."
               "071Z\",\"name\":";
        appendJsonString(out, QString::fromUtf8(kPermissions[i].name));
        out += ",\"description\":";
        appendJsonString(out,
            kPermissions[i].description ? QString::fromUtf8(kPermissions[i].description)
                                        : QString());
        out += ",\"access\":";
        out += (role.grantMask & (1u << i)) ? "true" : "false";
        out += '}';
    }
    out += "]}}";
}

void appendMember(QByteArray &out, const QString &org, qint64 index, bool heavy)
{
    const SandboxPerson p = person(org, index);
    const QString memberId = LlamaCloudRoutes::memberId(org, index);
    const QString userId = p.pending
        ? QString()
        : vendorId(QStringLiteral("usr_"), organizationSeed(org) ^ quint64(p.index));
    out += "{\"id\":";
    appendJsonString(out, memberId);
    appendTimestampPair(out, p, true);
    out += ",\"email\":";
    appendJsonString(out, p.email);
    out += ",\"user_id\":";
    appendJsonString(out, userId);
    out += ",\"organization_id\":";
    appendJsonString(out, org);
    out += ",\"pending\":";
    out += p.pending ? "true" : "false";
    if (!p.inviterId.isNull() || p.index % 3 != 0) {
        out += ",\"invited_by_user_id\":";
        appendJsonString(out, p.inviterId);
        out += ",\"invited_by_user_email\":";
        appendJsonString(out, p.inviterEmail);
    }
    out += ",\"roles\":[";
    const int count = int(p.bits % 4); // 0..3 roles
    for (int n = 0; n < count; ++n) {
        if (n)
            out += ',';
        const int k = p.rolesReversed ? count - 1 - n : n;
        appendRole(out, org, memberId, userId,
            int(((p.bits >> 4) + quint64(k)) % std::size(kRoles)), p, heavy);
    }
    out += "]}";
}

SandboxResponse fastApiDetail(int status, const char *detail)
{
    QByteArray body = "{\"detail\":";
    appendJsonString(body, QString::fromUtf8(detail));
    body += '}';
    return SandboxResponse::json(status, body);
}

SandboxResponse llamaError(int status)
{
    switch (status) {
    case 400:
        return fastApiDetail(400, "Bad request");
    case 401:
        return fastApiDetail(401, "Not authenticated");
    case 403:
        return fastApiDetail(403, "You do not have access to this organization");
    case 404:
        return fastApiDetail(404, "Organization not found");
    case 422:
        return SandboxResponse::json(422,
            R"({"detail":[{"loc":["path","organization_id"],"msg":"value is not a valid uuid","type":"type_error.uuid"},{"loc":["query","limit",0],"msg":"ensure this value is less than or equal to 1000","type":"value_error.number.not_le"}]})");
    case 429: {
        SandboxResponse r = fastApiDetail(429, "Too many requests; slow down");
        r.addHeader("Retry-After", "1");
        return r;
    }
    default:
        return fastApiDetail(status, "Internal Server Error");
    }
}
} // namespace

bool LlamaCloudRoutes::handle(
    SandboxServer &server, const SandboxRequest &request, SandboxResponse *response)
{
    static const QRegularExpression usersPath(
        QStringLiteral("^/llamacloud/api/v1/organizations/([^/]+)/users$"));
    SandboxRoute route;
    const SandboxRoute::Rules rules {QStringLiteral("llamacloud"), &llamaError, nullptr};
    const SandboxRoute::Step step
        = SandboxRoute::begin(server, request, usersPath, rules, true, &route, response);
    if (step != SandboxRoute::Step::Serve)
        return step == SandboxRoute::Step::Answered;
    const QString &org = route.org;
    const SandboxInjection &inject = route.inject;
    if (inject.special == QLatin1String("malformed")) {
        *response = SandboxResponse::json(200, "[{\"id\": \"x\"");
        response->body += "} nonsense";
        return true;
    }
    if (inject.special == QLatin1String("wrong-types")) {
        *response = SandboxResponse::json(
            200, R"([{"id":"m1","email":"a@example.com","pending":"yes","roles":[]}])");
        return true;
    }
    const qint64 total = userCount(org, server.usersPerOrganization());
    const bool heavy = SandboxBehaviours::fromPath(request.path).heavy;
    *response = SandboxResponse::jsonArray(
        total, [org, heavy](QByteArray &out, qint64 i) { appendMember(out, org, i, heavy); });
    if (!inject.special.isEmpty())
        response->materialize(); // the injections cut or delay a whole body
    response->applyBodyInjection(inject.special);
    response->applyCutOnce(inject.special, server, org);
    return true;
}

QString LlamaCloudRoutes::memberId(const QString &org, qint64 index)
{
    return uuid(organizationSeed(org) ^ mix(quint64(identity(org, index)) + 7));
}

const SandboxKind &LlamaCloud::sandbox()
{
    using G = SandboxDemoProfile;
    static const SandboxKind k {
        LlamaCloud::kind().id, // the kind it serves, spelled once in llamacloudkind.cpp
        QStringLiteral("/llamacloud"),
        &LlamaCloudRoutes::handle,
        {
            {G::Main, "Demo: LlamaCloud (Acme)",
                QStringLiteral("3fa85f64-5717-4562-b3fc-2c963f66afa6")},
            {G::Quirk, "Demo quirk: LlamaCloud, proxy sets cookies",
                QStringLiteral("error-503-once-cookies")},
            {G::Error, "Demo error: LlamaCloud 422", QStringLiteral("error-422")},
        },
    };
    return k;
}
