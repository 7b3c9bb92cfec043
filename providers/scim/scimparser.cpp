#include "scimparser.h"

#include "jsonreader.h"
#include "responseparsing.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace {
// The parser's translations, in the "ScimParser" context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ScimParser)
};

const QLatin1String kEnterprise("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");

// SCIM booleans arrive as JSON booleans, and from some servers as "true"/"false".
bool readBool(const QJsonValue &v, bool *out)
{
    if (v.isBool()) {
        *out = v.toBool();
        return true;
    }
    if (v.isString()) {
        const QString s = v.toString().trimmed().toLower();
        if (s == QLatin1String("true") || s == QLatin1String("false")) {
            *out = s == QLatin1String("true");
            return true;
        }
    }
    return false;
}

// The `primary` element's value of a multi-valued attribute (emails, phoneNumbers), else the
// first's.
QString primaryValue(const JsonReader &r, QLatin1String key)
{
    const QJsonArray items = r.array(key);
    QString first;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonValue item = items.at(i);
        if (!item.isObject()) {
            r.fail(Text::tr("%1[%2] should be an object").arg(key).arg(i));
            return {};
        }
        const QJsonObject o = item.toObject();
        const QString value = ResponseParsing::valueText(o.value(QStringLiteral("value")));
        bool primary = false;
        if (readBool(o.value(QStringLiteral("primary")), &primary) && primary)
            return value;
        if (i == 0)
            first = value;
    }
    return first;
}

QList<Role> readRoles(const JsonReader &r)
{
    QList<Role> roles;
    const QJsonArray items = r.array(QLatin1String("roles"));
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonValue item = items.at(i);
        Role role;
        if (item.isString()) {
            role.name = item.toString();
        } else if (item.isObject()) {
            const QJsonObject o = item.toObject();
            role.name = ResponseParsing::valueText(o.value(QStringLiteral("value")));
            role.displayName = ResponseParsing::valueText(o.value(QStringLiteral("display")));
            role.membershipType = ResponseParsing::valueText(o.value(QStringLiteral("type")));
        } else {
            r.fail(Text::tr("roles[%1] should be an object").arg(i));
            break;
        }
        roles.append(role);
    }
    return roles;
}

QStringList readGroups(const JsonReader &r)
{
    QStringList groups;
    const QJsonArray items = r.array(QLatin1String("groups"));
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject o = items.at(i).toObject();
        if (!items.at(i).isObject()) {
            r.fail(Text::tr("groups[%1] should be an object").arg(i));
            break;
        }
        const QString display = ResponseParsing::valueText(o.value(QStringLiteral("display")));
        groups.append(display.isEmpty()
                ? ResponseParsing::valueText(o.value(QStringLiteral("value")))
                : display);
    }
    return groups;
}

// The enterprise extension, as labelled facts for the detail pane.
QList<QPair<QString, QString>> readEnterprise(const JsonReader &r)
{
    QList<QPair<QString, QString>> details;
    const QJsonObject e = r.object(kEnterprise);
    const auto add = [&](const QString &label, const char *key) {
        const QString value = ResponseParsing::valueText(e.value(QLatin1String(key)));
        if (!value.isEmpty())
            details.append({label, value});
    };
    add(Text::tr("Employee number"), "employeeNumber");
    add(Text::tr("Department"), "department");
    add(Text::tr("Division"), "division");
    add(Text::tr("Organization"), "organization");
    add(Text::tr("Cost center"), "costCenter");
    const QJsonValue manager = e.value(QStringLiteral("manager"));
    if (manager.isObject()) {
        const QJsonObject m = manager.toObject();
        const QString name = ResponseParsing::valueText(m.value(QStringLiteral("displayName")));
        const QString id = ResponseParsing::valueText(m.value(QStringLiteral("value")));
        const QString text = name.isEmpty() ? id
            : id.isEmpty()                  ? name
                                            : QStringLiteral("%1 (%2)").arg(name, id);
        if (!text.isEmpty())
            details.append({Text::tr("Manager"), text});
    } else if (manager.isString() && !manager.toString().isEmpty()) {
        details.append({Text::tr("Manager"), manager.toString()});
    }
    return details;
}
} // namespace

User ScimParser::readUser(const QJsonObject &o, const QString &where, QString *problem)
{
    JsonReader r(o, where, problem);
    User u;
    u.id = r.str(QLatin1String("id"), false, true);
    const QString externalId = r.str(QLatin1String("externalId"), false, true);
    u.userId = externalId;
    u.idpId = externalId;
    u.username = r.str(QLatin1String("userName"));
    const QJsonObject name = r.object(QLatin1String("name"));
    JsonReader nr(name, where + QStringLiteral(".name"), problem);
    u.givenName = nr.str(QLatin1String("givenName"));
    u.familyName = nr.str(QLatin1String("familyName"));
    const QString formatted = nr.str(QLatin1String("formatted"));
    u.displayName = r.str(QLatin1String("displayName"));
    if (u.displayName.isEmpty())
        u.displayName = formatted;
    if (u.displayName.isEmpty())
        u.displayName = User::joinNames(u.givenName, u.familyName);
    if (u.displayName.isEmpty())
        u.displayName = u.username;
    u.email = primaryValue(r, QLatin1String("emails"));
    u.phone = primaryValue(r, QLatin1String("phoneNumbers"));
    const QJsonValue active = o.value(QStringLiteral("active"));
    bool isActive = false;
    if (readBool(active, &isActive))
        u.status = isActive ? QStringLiteral("active") : QStringLiteral("inactive");
    else if (!active.isUndefined() && !active.isNull())
        r.fail(Text::tr("\"active\" should be true or false"));
    u.roles = readRoles(r);
    u.groups = readGroups(r);
    const QJsonObject meta = r.object(QLatin1String("meta"));
    JsonReader mr(meta, where + QStringLiteral(".meta"), problem);
    u.createdAt = mr.str(QLatin1String("created"));
    u.updatedAt = mr.str(QLatin1String("lastModified"));
    u.locale = r.str(QLatin1String("locale"));
    if (!ResponseParsing::columnsOnly())
        u.details = readEnterprise(r);
    return u;
}

ParseResult ScimParser::parsePage(const QByteArray &body, qint64 requestedStart)
{
    QJsonDocument doc;
    ProviderError error;
    if (!ResponseParsing::parseJson(body, &doc, &error))
        return ParseResult::fail(error);
    if (!doc.isObject())
        return ParseResult::fail(ResponseParsing::malformed(
            Text::tr("Expected a SCIM ListResponse object with \"Resources\"."), body));
    const QJsonObject root = doc.object();
    QString problem;
    JsonReader top(root, {}, &problem);
    const QJsonArray resources = top.array(QLatin1String("Resources"));
    ParseResult result;
    result.page.users
        = ResponseParsing::readRecords(resources, QStringLiteral("Resources"), &readUser, &problem);
    const auto number = [&](const char *key, qint64 fallback) {
        const QJsonValue v = root.value(QLatin1String(key));
        if (v.isDouble())
            return qint64(v.toDouble());
        if (!v.isUndefined() && !v.isNull())
            top.fail(Text::tr("\"%1\" should be a number").arg(QLatin1String(key)));
        return fallback;
    };
    result.page.total = number("totalResults", -1);
    const qint64 start = number("startIndex", requestedStart);
    number("itemsPerPage", 0); // checked only: the items actually returned give the stride
    if (!problem.isEmpty())
        return ParseResult::fail(ResponseParsing::malformed(problem, body));
    const qint64 next = start + result.page.users.size();
    if (!result.page.users.isEmpty() && (result.page.total < 0 || next <= result.page.total))
        result.page.nextToken = QString::number(next);
    return result;
}

ProviderError ScimParser::parseError(int status, const QByteArray &body, const HeaderList &)
{
    ProviderError error;
    QJsonObject o;
    if (!ResponseParsing::errorObject(status, body, &error, &o)) {
        error.message
            = Text::tr("The server answered HTTP %1 without a SCIM error body.").arg(status);
        return error;
    }
    // SCIM 1.1: {"Errors":[{"description":"…","code":"400"}]}
    const QJsonValue legacy = o.value(QStringLiteral("Errors"));
    if (legacy.isArray() && legacy.toArray().at(0).isObject()) {
        const QJsonObject first = legacy.toArray().at(0).toObject();
        o.insert(QStringLiteral("detail"), first.value(QStringLiteral("description")));
        o.insert(QStringLiteral("status"), first.value(QStringLiteral("code")));
    }
    error.message = ResponseParsing::valueText(o.value(QStringLiteral("detail")));
    error.code = ResponseParsing::valueText(o.value(QStringLiteral("scimType")));
    // "status" is a string in the RFC; some servers send a number.
    const QString bodyStatus = ResponseParsing::valueText(o.value(QStringLiteral("status")));
    if (!bodyStatus.isEmpty() && bodyStatus != QString::number(status))
        error.meta.append({QStringLiteral("status (body)"), bodyStatus});
    if (error.message.isEmpty())
        error.message = ResponseParsing::valueText(o.value(QStringLiteral("message")));
    if (error.message.isEmpty())
        error.message = Text::tr("The server answered HTTP %1 with a SCIM error that gives no "
                                 "detail.")
                            .arg(status);
    return error;
}

ScimParser::ServiceConfig ScimParser::parseServiceConfig(int status, const QByteArray &body)
{
    ServiceConfig config;
    if (status < 200 || status >= 300) {
        config.problem = Text::tr("ServiceProviderConfig answered HTTP %1").arg(status);
        return config;
    }
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &e);
    if (e.error != QJsonParseError::NoError || !doc.isObject()) {
        config.problem = Text::tr("ServiceProviderConfig is not a JSON object");
        return config;
    }
    const QJsonObject o = doc.object();
    const QJsonObject filter = o.value(QStringLiteral("filter")).toObject();
    config.known = true;
    readBool(filter.value(QStringLiteral("supported")), &config.filter);
    const QJsonValue max = filter.value(QStringLiteral("maxResults"));
    if (max.isDouble() && max.toDouble() >= 1)
        config.maxResults = int(std::min(max.toDouble(), 1e9));
    readBool(o.value(QStringLiteral("sort")).toObject().value(QStringLiteral("supported")),
        &config.sort);
    return config;
}
