// The vendor documents' own example bodies (tests/data/*_seed_*.json) parse to what they show.
#include "char/charparser.h"
#include "csp/cspparser.h"
#include "karmo/karmoparser.h"
#include "llamacloud/llamacloudparser.h"

#include <QFile>
#include <QTest>

namespace {
QByteArray data(const char *name)
{
    QFile f(QStringLiteral(ROSTER_TEST_DATA "/%1").arg(QLatin1String(name)));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", name);
    return f.readAll();
}
} // namespace

class TestSeeds : public QObject
{
    Q_OBJECT

private slots:
    void karmoPage()
    {
        const ParseResult r = KarmoParser::parsePage(data("karmo_seed_page.json"));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.page.users.size(), 1);
        const User &u = r.page.users.first();
        QCOMPARE(u.id, QStringLiteral("user_01J7C4Q8QABCD1234XYZ"));
        QCOMPARE(u.value(Column::UserId), QStringLiteral("user_01J7C4Q8QABCD1234XYZ"));
        QCOMPARE(u.email, QStringLiteral("alex@example.com"));
        QCOMPARE(u.phone, QStringLiteral("+61412345678"));
        QCOMPARE(u.givenName, QStringLiteral("Alex"));
        QCOMPARE(u.familyName, QStringLiteral("Taylor"));
        QCOMPARE(u.displayName, QStringLiteral("Alex Taylor"));
        QCOMPARE(r.page.nextToken, QStringLiteral("after_cursor_123"));
        QCOMPARE(r.page.total, qint64(-1));
    }

    void karmoError()
    {
        const ProviderError e = KarmoParser::parseError(401, data("karmo_seed_error.json"), {});
        QCOMPARE(e.name, QStringLiteral("UNAUTHORIZED"));
        QCOMPARE(e.code, QStringLiteral("40100001"));
        QCOMPARE(e.message, QStringLiteral("Bearer token expired"));
        QCOMPARE(e.meta.size(), 1);
        QCOMPARE(
            e.meta.first(), qMakePair(QStringLiteral("organizationId"), QStringLiteral("org_123")));
        QCOMPARE(e.fieldErrors.size(), 1);
        QCOMPARE(e.fieldErrors.first().location, QStringLiteral("/email"));
        QCOMPARE(e.fieldErrors.first().detail, QStringLiteral("must be a valid email"));
    }

    void llamaCloudPage()
    {
        const ParseResult r = LlamaCloudParser::parsePage(data("llamacloud_seed_page.json"));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.page.users.size(), 1);
        const User &u = r.page.users.first();
        QCOMPARE(u.id, QStringLiteral("3fa85f64-5717-4562-b3fc-2c963f66afa6"));
        QCOMPARE(u.userId, QStringLiteral("string"));
        QCOMPARE(u.email, QStringLiteral("user@example.com"));
        QCOMPARE(u.pending, true);
        QCOMPARE(u.value(Column::Status), QStringLiteral("pending"));
        QCOMPARE(u.value(Column::InvitedBy), QStringLiteral("user@example.com"));
        QCOMPARE(u.createdAt, QStringLiteral("2024-07-29T15:51:28.071Z"));
        QCOMPARE(u.roles.size(), 1);
        QCOMPARE(u.roles[0].name, QStringLiteral("string"));
        QCOMPARE(u.roles[0].permissions.size(), 1);
        QCOMPARE(u.roles[0].permissions[0].granted, true);
        QCOMPARE(u.roles[0].permissions[0].description, QStringLiteral("string"));
        QCOMPARE(u.value(Column::Roles), QStringLiteral("string"));
    }

    void llamaCloud422()
    {
        const ProviderError e
            = LlamaCloudParser::parseError(422, data("llamacloud_seed_422.json"), {});
        QCOMPARE(e.name, QStringLiteral("UNPROCESSABLE_ENTITY"));
        QCOMPARE(e.fieldErrors.size(), 1);
        QCOMPARE(e.fieldErrors[0].location, QStringLiteral("string.0"));
        QCOMPARE(e.fieldErrors[0].detail, QStringLiteral("string"));
        QCOMPARE(e.fieldErrors[0].type, QStringLiteral("string"));
    }

    void cspPage()
    {
        const ParseResult r = CspParser::parsePage(data("csp_seed_page.json"));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.page.users.size(), 1);
        QCOMPARE(r.page.total, qint64(0));
        QCOMPARE(r.page.nextToken, QStringLiteral("string"));
        const User &u = r.page.users.first();
        QCOMPARE(u.id, QStringLiteral("string"));
        QCOMPARE(u.username, QStringLiteral("string"));
        QCOMPARE(u.displayName, QStringLiteral("string string"));
        QCOMPARE(u.roles.size(), 2);
        QCOMPARE(u.roles[0].isServiceRole(), false);
        QCOMPARE(u.roles[0].expiresAt, QStringLiteral("string"));
        QCOMPARE(u.roles[0].groups.size(), 1);
        QCOMPARE(u.roles[0].groups[0].usersCount, qint64(0));
        QCOMPARE(u.roles[1].serviceId, QStringLiteral("string"));
        QCOMPARE(u.value(Column::Roles), QStringLiteral("string;string/string"));
        QCOMPARE(u.locale, QStringLiteral("string"));
    }

    void cspError()
    {
        const ProviderError e = CspParser::parseError(404, data("csp_seed_error.json"), {});
        QCOMPARE(e.name, QStringLiteral("NOT_FOUND"));
        QCOMPARE(e.message, QStringLiteral("Organization not found"));
        QCOMPARE(e.code, QStringLiteral("540.120-340.800"));
        QCOMPARE(e.requestId, QStringLiteral("0105e0f320064337"));
        QVERIFY(e.meta.contains(qMakePair(QStringLiteral("moduleCode"), QStringLiteral("540"))));
        QVERIFY(e.meta.contains(
            qMakePair(QStringLiteral("traceId"), QStringLiteral("abc71b186e364bc4"))));
    }

    void charPage()
    {
        const ParseResult r = CharParser::parsePage(data("char_seed_page.json"));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.page.users.size(), 1);
        const User &u = r.page.users.first();
        QCOMPARE(u.id, QStringLiteral("<string>"));
        QCOMPARE(u.displayName, QStringLiteral("<string> <string>"));
        QCOMPARE(u.createdAt, QStringLiteral("2023-11-07T05:31:56Z"));
        // "<string>" is not JSON, so it is kept as the string it is.
        QCOMPARE(u.rawAttributesIsJson, false);
        QCOMPARE(u.rawAttributes, QStringLiteral("<string>"));
    }

    void charErrors()
    {
        const ProviderError e = CharParser::parseError(403, data("char_seed_error.json"), {});
        QCOMPARE(e.name, QStringLiteral("FORBIDDEN"));
        QCOMPARE(e.code, QStringLiteral("ACCESS_DENIED"));
        QCOMPARE(e.fieldErrors.size(), 1);
        QCOMPARE(e.fieldErrors[0].location, QStringLiteral("directory_id"));
        const ProviderError rl = CharParser::parseError(429, data("char_seed_ratelimit.json"), {});
        QCOMPARE(rl.name, QStringLiteral("RATE_LIMITED"));
        QCOMPARE(rl.retryAfterSeconds, 60);
    }

    void nullsMeanNotSet()
    {
        const ParseResult r
            = CharParser::parsePage("[{\"id\":\"a\",\"directory_id\":\"d\",\"user_id\":null,"
                                    "\"workos_directory_user_id\":\"w\",\"email\":\"e@x\","
                                    "\"first_name\":null,\"last_name\":null,\"state\":\"inactive\","
                                    "\"raw_attributes\":null,\"idp_id\":null,"
                                    "\"created_at\":\"c\",\"updated_at\":\"u\"}]");
        QVERIFY(r.ok());
        QCOMPARE(r.page.users[0].displayName, QStringLiteral("e@x"));
        QCOMPARE(r.page.users[0].userId, QString());
        QCOMPARE(r.page.users[0].rawAttributes, QString());
        QCOMPARE(r.page.users[0].status, QStringLiteral("inactive"));
    }
};

QTEST_GUILESS_MAIN(TestSeeds)
#include "tst_seeds.moc"
