#include "llamacloudparser.h"

#include "fastjsonreader.h"
#include "jsonreader.h"
#include "responseparsing.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace {
// The parser's translations, in the "LlamaCloudParser" context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(LlamaCloudParser)
};

// One entry of a membership's roles, by either reader (JsonReader or FastJsonReader).
template<typename Reader> Role parseRole(const Reader &r)
{
    const Reader rr = r.child(QLatin1String("role"), true);
    Role role;
    role.id = r.str(QLatin1String("role_id"));
    if (role.id.isEmpty())
        role.id = rr.str(QLatin1String("id"));
    role.name = rr.str(QLatin1String("name"), true);
    role.displayName = role.name;
    if (ResponseParsing::columnsOnly())
        return role; // the permissions are for the detail pane
    rr.forEach(QLatin1String("permissions"), [&role](const Reader &pr, qsizetype) {
        Permission p;
        p.id = pr.str(QLatin1String("id"));
        p.name = pr.str(QLatin1String("name"), true);
        p.description = pr.str(QLatin1String("description"));
        p.granted = pr.boolean(QLatin1String("access"), false);
        role.permissions.append(std::move(p));
    });
    return role;
}

template<typename Reader> User readMemberWith(const Reader &r)
{
    User u;
    u.id = r.str(QLatin1String("id"), true);
    u.userId = r.str(QLatin1String("user_id"));
    u.email = r.str(QLatin1String("email"));
    u.displayName = u.email;
    u.organizationId = r.str(QLatin1String("organization_id"));
    u.pending = r.boolean(QLatin1String("pending"), false);
    u.status = u.pending ? QStringLiteral("pending") : QStringLiteral("active");
    u.invitedById = r.str(QLatin1String("invited_by_user_id"));
    u.invitedByEmail = r.str(QLatin1String("invited_by_user_email"));
    u.createdAt = r.str(QLatin1String("created_at"));
    u.updatedAt = r.str(QLatin1String("updated_at"));
    r.forEach(QLatin1String("roles"),
        [&u](const Reader &entry, qsizetype) { u.roles.append(parseRole(entry)); });
    return u;
}
} // namespace

User LlamaCloudParser::readMember(const QJsonObject &o, const QString &where, QString *problem)
{
    return readMemberWith(JsonReader(o, where, problem));
}

User LlamaCloudParser::readMemberFast(const FastJsonReader &r)
{
    return readMemberWith(r);
}

ParseResult LlamaCloudParser::parsePage(const QByteArray &body)
{
    QJsonDocument doc;
    ProviderError error;
    if (!ResponseParsing::parseJson(body, &doc, &error))
        return ParseResult::fail(error);
    if (!doc.isArray())
        return ParseResult::fail(
            ResponseParsing::malformed(Text::tr("Expected a JSON array of memberships."), body));

    const QJsonArray members = doc.array();
    QString problem;
    ParseResult result;
    result.page.users = ResponseParsing::readRecords(members, QString(), &readMember, &problem);
    if (!problem.isEmpty())
        return ParseResult::fail(ResponseParsing::malformed(problem, body));
    result.page.total = result.page.users.size();
    return result;
}

ProviderError LlamaCloudParser::parseError(int status, const QByteArray &body, const HeaderList &)
{
    ProviderError error;
    error.kind = ProviderError::Kind::Http;
    error.name = ProviderError::statusName(status);
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &e);
    const QJsonValue detail = doc.object().value(QStringLiteral("detail"));
    if (e.error != QJsonParseError::NoError || !doc.isObject() || detail.isUndefined()) {
        error.message
            = Text::tr("The server answered HTTP %1 without a FastAPI error body.").arg(status);
        return error;
    }
    if (detail.isArray()) {
        const QJsonArray items = detail.toArray();
        for (const QJsonValue &item : items) {
            const QJsonObject o = item.toObject();
            QStringList loc;
            const QJsonArray parts = o.value(QStringLiteral("loc")).toArray();
            for (const QJsonValue &part : parts)
                loc << ResponseParsing::valueText(part);
            error.fieldErrors.append({loc.join(QLatin1Char('.')),
                ResponseParsing::valueText(o.value(QStringLiteral("msg"))),
                ResponseParsing::valueText(o.value(QStringLiteral("type")))});
        }
        error.message = status == 422 ? Text::tr("Validation error") : Text::tr("Request error");
        if (error.fieldErrors.size() == 1)
            error.message = error.fieldErrors.first().detail;
    } else {
        error.message = ResponseParsing::valueText(detail);
    }
    return error;
}
