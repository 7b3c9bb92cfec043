#include "scimroutes.h"

#include "../providerkind.h"
#include "../sandbox/sandboxdata.h"
#include "../sandbox/sandboxkind.h"
#include "../sandbox/sandboxserver.h"
#include "scimfilter.h"
#include "scimprovider.h"

#include <QHash>
#include <QJsonValue>
#include <QMutex>
#include <QRegularExpression>
#include <QSharedPointer>

#include <algorithm>

using namespace SandboxData;

namespace {

struct Group
{
    const char *id;
    const char *name;
};
constexpr Group kGroups[] = {
    {"grp-eng", "Engineering"},
    {"grp-sales", "Sales, EMEA"},
    {"grp-admins", "Admins \"root\""},
    {"grp-support", "Support"},
    {"grp-unicode", "Équipe Zürich"},
};
constexpr const char *kDepartments[]
    = {"Engineering", "Sales", "Finance", "Support", "Legal, Risk & Compliance"};

// Everything the sandbox says about one user: the JSON it sends and the values filters see.
struct ScimUser
{
    SandboxPerson person;
    QString id;
    QString displayName; // null: not sent (clients fall back to name.formatted)
    QStringList emails; // in the order sent
    int primaryEmail = 0;
    QStringList phones;
    int primaryPhone = 0;
    QList<const Group *> groups;
    QStringList roles;
};

ScimUser scimUser(const QString &tenant, qint64 index)
{
    ScimUser u;
    u.person = person(tenant, index);
    const SandboxPerson &p = u.person;
    u.id = ScimRoutes::userId(tenant, index);
    const QString joined = User::joinNames(p.givenName, p.familyName);
    if ((p.bits >> 7) % 6 != 0)
        u.displayName = joined.isEmpty() ? p.username : joined;
    if (p.bits % 3 == 0) { // a home address first; the work one is primary
        u.emails << QStringLiteral("home.%1@personal.example").arg(p.index);
        u.primaryEmail = 1;
    }
    u.emails << p.email;
    if (p.bits % 4 == 1 && !p.phone.isNull()) { // a desk phone first; the mobile is primary
        u.phones << QStringLiteral("+1 555 01%1").arg(p.index % 100, 2, 10, QLatin1Char('0'));
        u.primaryPhone = 1;
    }
    if (!p.phone.isNull())
        u.phones << p.phone;
    for (int g = 0; g < int(std::size(kGroups)); ++g) {
        if ((p.bits >> (10 + 2 * g)) % 3 == 0)
            u.groups << &kGroups[g];
    }
    static const QStringList roleSets[] = {{}, {QStringLiteral("member")},
        {QStringLiteral("member"), QStringLiteral("billing")}, {QStringLiteral("admin")}};
    u.roles = roleSets[(p.bits >> 22) % 4];
    if (p.rolesReversed)
        std::reverse(u.roles.begin(), u.roles.end());
    return u;
}

void appendMulti(QByteArray &out, const char *key, const QStringList &values, int primary,
    const char *primaryType, const char *otherType)
{
    if (values.isEmpty())
        return;
    out += ",\"" + QByteArray(key) + "\":[";
    for (int i = 0; i < values.size(); ++i) {
        out += i ? ",{\"value\":" : "{\"value\":";
        appendJsonString(out, values.at(i));
        out += ",\"type\":\"";
        out += i == primary ? primaryType : otherType;
        out += i == primary ? "\",\"primary\":true}" : "\"}";
    }
    out += ']';
}

void appendEnterprise(QByteArray &out, const QString &tenant, const ScimUser &u)
{
    const qint64 index = u.person.index;
    out += ",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"employeeNumber\":\""
        + QByteArray::number(100000 + index) + "\",\"department\":";
    appendJsonString(out, QString::fromUtf8(kDepartments[(u.person.bits >> 26) % 5]));
    out += ",\"organization\":\"Acme\"";
    if (index % 10 != 0) { // everyone but every tenth person reports to someone
        const SandboxPerson boss = person(tenant, index / 10);
        out += ",\"manager\":{\"value\":";
        appendJsonString(out, ScimRoutes::userId(tenant, index / 10));
        out += ",\"displayName\":";
        appendJsonString(out, User::joinNames(boss.givenName, boss.familyName));
        out += '}';
    }
    out += '}';
}

void appendUser(QByteArray &out, const QString &tenant, qint64 index, const QString &base)
{
    const ScimUser u = scimUser(tenant, index);
    const SandboxPerson &p = u.person;
    out += "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\","
           "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],\"id\":";
    appendJsonString(out, u.id);
    if (!p.idpId.isNull()) {
        out += ",\"externalId\":";
        appendJsonString(out, p.idpId);
    }
    out += ",\"userName\":";
    appendJsonString(out, p.username);
    out += ",\"name\":{\"formatted\":";
    appendJsonString(out, User::joinNames(p.givenName, p.familyName));
    if (!p.givenName.isNull()) {
        out += ",\"givenName\":";
        appendJsonString(out, p.givenName);
    }
    if (!p.familyName.isNull()) {
        out += ",\"familyName\":";
        appendJsonString(out, p.familyName);
    }
    out += '}';
    if (!u.displayName.isNull()) {
        out += ",\"displayName\":";
        appendJsonString(out, u.displayName);
    }
    appendMulti(out, "emails", u.emails, u.primaryEmail, "work", "home");
    appendMulti(out, "phoneNumbers", u.phones, u.primaryPhone, "mobile", "work");
    out += p.active ? ",\"active\":true" : ",\"active\":false";
    out += ",\"groups\":[";
    for (int g = 0; g < u.groups.size(); ++g) {
        out += g ? ",{\"value\":\"" : "{\"value\":\"";
        out += u.groups.at(g)->id;
        out += "\",\"display\":";
        appendJsonString(out, QString::fromUtf8(u.groups.at(g)->name));
        out += ",\"$ref\":";
        appendJsonString(
            out, base + QStringLiteral("/Groups/") + QLatin1String(u.groups.at(g)->id));
        out += ",\"type\":\"direct\"}";
    }
    out += "],\"roles\":[";
    for (int r = 0; r < u.roles.size(); ++r) {
        out += r ? ",{\"value\":" : "{\"value\":";
        appendJsonString(out, u.roles.at(r));
        out += ",\"type\":\"WorkRole\",\"primary\":" + QByteArray(r == 0 ? "true" : "false") + '}';
    }
    out += ']';
    appendEnterprise(out, tenant, u);
    out += ",\"meta\":{\"resourceType\":\"User\",\"created\":";
    appendJsonString(out, p.createdAt);
    out += ",\"lastModified\":";
    appendJsonString(out, p.updatedAt);
    out += ",\"location\":";
    appendJsonString(out, base + QStringLiteral("/Users/") + u.id);
    out += ",\"version\":\"W/\\\"" + QByteArray::number(p.bits % 100000) + "\\\"\"}}";
}

// The values an attribute path has for the filter; false for an attribute it cannot filter on.
bool attributeValues(const ScimUser &u, const QString &attribute, QList<QJsonValue> *out)
{
    const QString a = attribute.toLower();
    const SandboxPerson &p = u.person;
    const auto text = [out](const QString &value) {
        if (!value.isNull())
            out->append(value);
    };
    if (a == QLatin1String("username"))
        text(p.username);
    else if (a == QLatin1String("emails.value") || a == QLatin1String("emails"))
        for (const QString &e : u.emails)
            text(e);
    else if (a == QLatin1String("name.givenname"))
        text(p.givenName);
    else if (a == QLatin1String("name.familyname"))
        text(p.familyName);
    else if (a == QLatin1String("displayname"))
        text(u.displayName);
    else if (a == QLatin1String("externalid"))
        text(p.idpId);
    else if (a == QLatin1String("meta.lastmodified"))
        text(p.updatedAt);
    else if (a == QLatin1String("active"))
        out->append(p.active);
    else
        return false;
    return true;
}

SandboxResponse scimError(int status, const char *scimType, const QString &detail)
{
    QByteArray body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":";
    // The RFC's status is a string; some servers send a number, as here for server errors.
    body += status >= 500 ? QByteArray::number(status) : '"' + QByteArray::number(status) + '"';
    if (scimType) {
        body += ",\"scimType\":";
        appendJsonString(body, QString::fromLatin1(scimType));
    }
    body += ",\"detail\":";
    appendJsonString(body, detail);
    body += '}';
    SandboxResponse r = SandboxResponse::json(status, body);
    r.contentType = "application/scim+json";
    if (status == 429)
        r.addHeader("Retry-After", "1");
    return r;
}

SandboxResponse injectedError(int status)
{
    switch (status) {
    case 400:
        return scimError(400, "invalidValue", QStringLiteral("count must be a number"));
    case 401:
        return scimError(
            401, nullptr, QStringLiteral("Authorization failure: the token is invalid"));
    case 403:
        return scimError(403, nullptr, QStringLiteral("The token may not read Users"));
    case 404:
        return scimError(404, nullptr, QStringLiteral("Tenant not found"));
    case 429:
        return scimError(429, "tooMany", QStringLiteral("Too many requests; slow down"));
    default:
        return scimError(status, nullptr, QStringLiteral("Internal error"));
    }
}

// Checks what the sandbox can filter on; an empty string means the filter is fine.
QString unsupported(const ScimFilter::Node &root)
{
    const ScimUser probe; // only the attribute names matter here
    for (const ScimFilter::Node *n : ScimFilter::comparisons(root)) {
        QList<QJsonValue> ignored;
        if (!attributeValues(probe, n->attribute, &ignored))
            return QStringLiteral("Filtering on \"%1\" is not supported").arg(n->attribute);
        const bool isActive
            = n->attribute.compare(QLatin1String("active"), Qt::CaseInsensitive) == 0;
        if (n->type != ScimFilter::Node::Type::Compare)
            continue;
        if (isActive
            && (!n->value.isBool()
                || (n->op != QLatin1String("eq") && n->op != QLatin1String("ne"))))
            return QStringLiteral("\"active\" takes eq or ne with true or false");
        if (!isActive && !n->value.isString())
            return QStringLiteral("\"%1\" takes a quoted string").arg(n->attribute);
    }
    return {};
}

using Matches = QSharedPointer<const QList<qint64>>;

// The indices of the users that match, cached for the pages that follow the first.
Matches matching(
    const QString &tenant, qint64 total, const ScimFilter::Node &filter, const QString &filterText)
{
    static QMutex mutex;
    static QHash<QString, Matches> cache;
    const QString key
        = tenant + QLatin1Char('\n') + QString::number(total) + QLatin1Char('\n') + filterText;
    {
        QMutexLocker lock(&mutex);
        if (const Matches found = cache.value(key))
            return found;
    }
    auto list = QSharedPointer<QList<qint64>>::create();
    for (qint64 i = 0; i < total; ++i) {
        const ScimUser u = scimUser(tenant, i);
        const bool match = ScimFilter::matches(filter, [&u](const QString &attribute) {
            QList<QJsonValue> values;
            attributeValues(u, attribute, &values);
            return values;
        });
        if (match)
            list->append(i);
    }
    QMutexLocker lock(&mutex);
    if (cache.size() > 32)
        cache.clear();
    cache.insert(key, list);
    return list;
}

SandboxResponse serviceProviderConfig(
    SandboxServer &server, const SandboxRequest &request, const QString &tenant)
{
    server.hit(QStringLiteral("scim:spc"));
    if (request.method != "GET")
        return scimError(405, nullptr, QStringLiteral("Use GET"));
    if (request.bearer().isEmpty())
        return injectedError(401);
    if (tenant.contains(QLatin1String("nospc")))
        return scimError(404, nullptr, QStringLiteral("No such resource"));
    const bool filter = !tenant.contains(QLatin1String("nofilter"));
    QByteArray body
        = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig\"],"
          "\"documentationUri\":\"https://example.com/scim\",\"patch\":{\"supported\":false},"
          "\"bulk\":{\"supported\":false,\"maxOperations\":0,\"maxPayloadSize\":0},"
          "\"filter\":{\"supported\":";
    body += filter ? "true" : "false";
    body += ",\"maxResults\":" + QByteArray::number(ScimRoutes::maxResults)
        + "},\"changePassword\":{\"supported\":false},\"sort\":{\"supported\":false},"
          "\"etag\":{\"supported\":false},\"authenticationSchemes\":[{\"type\":"
          "\"oauthbearertoken\","
          "\"name\":\"OAuth Bearer Token\",\"description\":\"Bearer token\",\"primary\":true},"
          "{\"type\":\"httpbasic\",\"name\":\"HTTP Basic\",\"description\":\"user:password\"}],"
          "\"meta\":{\"resourceType\":\"ServiceProviderConfig\"}}";
    SandboxResponse r = SandboxResponse::json(200, body);
    r.contentType = "application/scim+json";
    return r;
}

struct ListRequest
{
    qint64 start = 1; // 1-based
    qint64 count = 100;
    QString filter;
};

bool readListRequest(const SandboxRequest &request, ListRequest *list, SandboxResponse *response)
{
    bool ok = true;
    if (request.query.hasQueryItem(QStringLiteral("startIndex")))
        list->start = request.query.queryItemValue(QStringLiteral("startIndex")).toLongLong(&ok);
    bool okCount = true;
    if (request.query.hasQueryItem(QStringLiteral("count")))
        list->count = request.query.queryItemValue(QStringLiteral("count")).toLongLong(&okCount);
    if (!ok || !okCount) {
        *response = scimError(
            400, "invalidValue", QStringLiteral("startIndex and count must be integers"));
        return false;
    }
    // RFC 7644 3.4.2.4: below 1 means 1; a negative count means 0.
    list->start = std::max<qint64>(1, list->start);
    list->count = std::clamp<qint64>(list->count, 0, ScimRoutes::maxResults);
    list->filter = request.query.queryItemValue(QStringLiteral("filter"), QUrl::FullyDecoded);
    return true;
}

QByteArray listBody(const QString &tenant, const QString &base, const QList<qint64> &indices,
    qint64 total, qint64 start, const QString &special)
{
    QByteArray body;
    body.reserve(int(indices.size()) * 1400 + 200);
    const qint64 announced = special == QLatin1String("overcount") ? total + 5 : total;
    body
        += "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"totalResults\":"
        + QByteArray::number(announced) + ",\"itemsPerPage\":" + QByteArray::number(indices.size())
        + ",\"startIndex\":" + QByteArray::number(special == QLatin1String("loop") ? 1 : start);
    if (!indices.isEmpty()) { // no results: "Resources" is left out, as the RFC allows
        body += ",\"Resources\":[";
        for (qsizetype i = 0; i < indices.size(); ++i) {
            if (i)
                body += ',';
            appendUser(body, tenant, indices.at(i), base);
        }
        body += ']';
    }
    body += '}';
    return body;
}

bool badBody(const QString &special, SandboxResponse *response)
{
    if (special == QLatin1String("malformed")) {
        *response = SandboxResponse::json(
            200, R"({"totalResults": 3, "Resources": [ {"id": "u1"} ], oops })");
        return true;
    }
    if (special == QLatin1String("wrong-types")) {
        *response = SandboxResponse::json(
            200, R"({"totalResults":"many","Resources":[{"id":"u1","emails":"a@example.com"}]})");
        return true;
    }
    return false;
}

// The users a page holds: a window of the tenant, or of the filter's matches.
bool pageIndices(const QString &tenant, const ListRequest &list, qint64 served, qint64 *total,
    QList<qint64> *indices, SandboxResponse *response)
{
    const qint64 first = list.start - 1;
    if (list.filter.isEmpty()) {
        for (qint64 i = first; i < std::min(*total, first + served); ++i)
            indices->append(i);
        return true;
    }
    if (tenant.contains(QLatin1String("nofilter"))) {
        *response = scimError(400, "invalidFilter", QStringLiteral("Filtering is not supported"));
        return false;
    }
    QString problem;
    const auto node = ScimFilter::parse(list.filter, &problem);
    if (node && problem.isEmpty())
        problem = unsupported(*node);
    if (!node || !problem.isEmpty()) {
        *response = scimError(
            400, "invalidFilter", QStringLiteral("The filter is not valid: %1").arg(problem));
        return false;
    }
    const Matches matches = matching(tenant, *total, *node, list.filter);
    *total = matches->size();
    for (qint64 i = first; i < std::min(*total, first + served); ++i)
        indices->append(matches->at(i));
    return true;
}

} // namespace

bool ScimRoutes::handle(
    SandboxServer &server, const SandboxRequest &request, SandboxResponse *response)
{
    static const QRegularExpression spcPath(
        QStringLiteral("^/scim/([^/]+)/v2/ServiceProviderConfig$"));
    static const QRegularExpression usersPath(QStringLiteral("^/scim/([^/]+)/v2/Users$"));
    // ServiceProviderConfig gets the token check, never the injected failures: tests count those
    // on the users pages.
    const QRegularExpressionMatch spc = spcPath.match(request.path);
    if (spc.hasMatch()) {
        *response = serviceProviderConfig(server, request, spc.captured(1));
        return true;
    }
    const SandboxRoute::Rules rules {
        QStringLiteral("scim"),
        &injectedError,
        [](const QString &token, SandboxResponse *r) {
            const bool refused
                = token == QLatin1String("revoked") || token.endsWith(QLatin1String(":revoked"));
            if (refused)
                *r = injectedError(401);
            return refused;
        },
    };
    const bool firstPage
        = request.query.queryItemValue(QStringLiteral("startIndex")).toLongLong() <= 1;
    SandboxRoute route;
    const SandboxRoute::Step step
        = SandboxRoute::begin(server, request, usersPath, rules, firstPage, &route, response);
    if (step != SandboxRoute::Step::Serve)
        return step == SandboxRoute::Step::Answered;
    ListRequest list;
    if (!readListRequest(request, &list, response) || badBody(route.inject.special, response))
        return true;
    qint64 total = userCount(route.org, server.usersPerOrganization());
    if (route.inject.special == QLatin1String("growing"))
        total += server.hit(QStringLiteral("scim-growing:") + route.org) - 1;
    const SandboxBehaviours behaviours = SandboxBehaviours::fromPath(request.path);
    qint64 served = list.count;
    if (behaviours.capped)
        served = std::min<qint64>(served, 150);
    if (behaviours.uneven && served > 0)
        served = std::clamp<qint64>(list.count + (list.start % 3 - 1) * 17, 1, maxResults);
    QList<qint64> indices;
    if (!pageIndices(route.org, list, served, &total, &indices, response))
        return true;
    if (route.inject.special == QLatin1String("empty-claims-more"))
        indices.clear();
    QUrl base = request.url;
    base.setQuery(QString());
    base.setPath(QStringLiteral("/scim/%1/v2").arg(route.org));
    const QByteArray body
        = listBody(route.org, base.toString(), indices, total, list.start, route.inject.special);
    *response = SandboxResponse::json(200, body);
    response->contentType = "application/scim+json";
    response->applyBodyInjection(route.inject.special);
    return true;
}

QString ScimRoutes::userId(const QString &tenant, qint64 index)
{
    return uuid(organizationSeed(tenant) ^ mix(quint64(identity(tenant, index)) + 0x5c1));
}

QByteArray ScimRoutes::userJson(const QString &tenant, qint64 index, const QString &base)
{
    QByteArray out;
    appendUser(out, tenant, index, base);
    return out;
}

bool ScimRoutes::userMatches(const QString &tenant, qint64 index, const QString &filter)
{
    QString problem;
    const auto node = ScimFilter::parse(filter, &problem);
    if (!node || !unsupported(*node).isEmpty())
        return false;
    const ScimUser u = scimUser(tenant, index);
    return ScimFilter::matches(*node, [&u](const QString &attribute) {
        QList<QJsonValue> values;
        attributeValues(u, attribute, &values);
        return values;
    });
}

const SandboxKind &Scim::sandbox()
{
    using G = SandboxDemoProfile;
    static const SandboxKind k {
        Scim::kind().id, // the kind it serves, spelled once in scimkind.cpp
        QStringLiteral("/scim"), &ScimRoutes::handle,
        {
            {G::Main, "Demo: SCIM (Acme)", QStringLiteral("acme")},
            {G::Quirk, "Demo quirk: SCIM, no server search", QStringLiteral("acme-nofilter")},
            {G::Error, "Demo error: SCIM 403", QStringLiteral("error-403")},
        },
        QStringLiteral("/scim/%1/v2"), // the base URL names the tenant
    };
    return k;
}
