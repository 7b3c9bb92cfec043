// The profiles file: every invalid input is an error naming the profile and the field.
#include "profilestore.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {
QByteArray file(const QByteArray &profile)
{
    return "{\"profiles\": [" + profile + "]}";
}

QByteArray valid(const QByteArray &extra = {})
{
    return "{\"name\": \"Acme (Karmo)\", \"kind\": \"karmo\", \"baseUrl\": "
           "\"https://auth.acme.example/v1\", "
           "\"organization\": \"org_123\", \"credential\": {\"env\": \"ACME_KARMO_TOKEN\"}"
        + extra + "}";
}
} // namespace

class TestProfileStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void parses()
    {
        ProfileStore store;
        QVERIFY2(store.loadFromJson(file(valid(", \"options\": {\"pageSize\": 50}"))),
            qPrintable(store.errorText()));
        QCOMPARE(store.profiles().size(), 1);
        const Profile &p = store.profiles().first();
        QCOMPARE(p.name, QStringLiteral("Acme (Karmo)"));
        QCOMPARE(p.kind, QStringLiteral("karmo"));
        QCOMPARE(p.baseUrl, QUrl(QStringLiteral("https://auth.acme.example/v1")));
        QCOMPARE(p.organization, QStringLiteral("org_123"));
        QCOMPARE(p.credential.type, CredentialSource::Type::Env);
        QCOMPARE(p.credential.value, QStringLiteral("ACME_KARMO_TOKEN"));
        QCOMPARE(p.pageSize(), 50);
        QVERIFY(store.find(QStringLiteral("Acme (Karmo)")));
        QVERIFY(!store.find(QStringLiteral("nope")));
    }

    void acceptsEveryKindAndSource_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("llamacloud bearer")
            << QByteArray("{\"name\":\"L\",\"kind\":\"llamacloud\",\"baseUrl\":\"https://"
                          "api.cloud.llamaindex.ai\",\"organization\":\"3fa85f64\",\"credential\":{"
                          "\"file\":\"/run/secrets/llama\"},\"options\":{\"auth\":\"bearer\"}}");
        QTest::newRow("csp access token")
            << QByteArray("{\"name\":\"C\",\"kind\":\"csp\",\"baseUrl\":\"https://"
                          "console.cloud.vmware.com\",\"organization\":\"o\",\"credential\":{"
                          "\"keychain\":true},\"options\":{\"tokenType\":\"access_token\","
                          "\"authHeader\":\"authorization\",\"pageSize\":200}}");
        QTest::newRow("char") << QByteArray(
            "{\"name\":\"Ch\",\"kind\":\"char\",\"baseUrl\":\"https://"
            "app.usechar.ai\",\"organization\":\"9b2f\",\"credential\":{\"env\":\"CHAR\"}}");
        QTest::newRow("scim without organization")
            << QByteArray("{\"name\":\"S\",\"kind\":\"scim\",\"baseUrl\":\"https://"
                          "api.example.com/scim/v2\",\"credential\":{\"env\":\"SCIM\"},"
                          "\"options\":{\"auth\":\"basic\",\"pageSize\":500}}");
        QTest::newRow("http loopback")
            << QByteArray("{\"name\":\"K\",\"kind\":\"karmo\",\"baseUrl\":\"http://127.0.0.1:8080/"
                          "karmo\",\"organization\":\"o\",\"credential\":{\"env\":\"X\"}}");
        QTest::newRow("http localhost") << QByteArray(
            "{\"name\":\"K\",\"kind\":\"karmo\",\"baseUrl\":\"http://"
            "localhost:8080\",\"organization\":\"o\",\"credential\":{\"env\":\"X\"}}");
        QTest::newRow("http ipv6 loopback")
            << QByteArray("{\"name\":\"K\",\"kind\":\"karmo\",\"baseUrl\":\"http://"
                          "[::1]:8080\",\"organization\":\"o\",\"credential\":{\"env\":\"X\"}}");
    }

    void acceptsEveryKindAndSource()
    {
        QFETCH(QByteArray, json);
        ProfileStore store;
        QVERIFY2(store.loadFromJson(file(json)), qPrintable(store.errorText()));
        QCOMPARE(store.profiles().size(), 1);
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("not json")
            << QByteArray("{\"profiles\": [")
            << QStringLiteral("profiles file: not valid JSON at offset 14: unterminated array");
        QTest::newRow("not an object")
            << QByteArray("[]")
            << QStringLiteral(
                   "profiles file: the top level must be an object with a \"profiles\" array");
        QTest::newRow("profiles missing") << QByteArray(
            "{}") << QStringLiteral("profiles file: field \"profiles\": must be an array");
        QTest::newRow("profile not object")
            << file("42") << QStringLiteral("profile #1: must be an object");
        QTest::newRow("unknown kind")
            << file(valid().replace("\"karmo\"", "\"okta\""))
            << QStringLiteral("profile \"Acme (Karmo)\": field \"kind\": unknown kind \"okta\" "
                              "(expected one of: karmo, llamacloud, csp, char, scim)");
        QTest::newRow("missing name")
            << file(valid().replace("\"name\": \"Acme (Karmo)\",", ""))
            << QStringLiteral("profile #1: field \"name\": is missing or empty");
        QTest::newRow("missing kind")
            << file(valid().replace("\"kind\": \"karmo\",", ""))
            << QStringLiteral("profile \"Acme (Karmo)\": field \"kind\": is missing");
        QTest::newRow("missing url")
            << file(valid().replace("\"baseUrl\": \"https://auth.acme.example/v1\",", ""))
            << QStringLiteral("profile \"Acme (Karmo)\": field \"baseUrl\": is missing");
        QTest::newRow("missing organization")
            << file(valid().replace("\"organization\": \"org_123\",", ""))
            << QStringLiteral(
                   "profile \"Acme (Karmo)\": field \"organization\": is missing or empty");
        QTest::newRow("missing credential")
            << file(valid().replace(", \"credential\": {\"env\": \"ACME_KARMO_TOKEN\"}", ""))
            << QStringLiteral(
                   "profile \"Acme (Karmo)\": field \"credential\": is missing (expected {\"env\": "
                   "\"VAR\"}, {\"file\": \"/path\"}, {\"keychain\": true} or {\"oauth\": {...}})");
        QTest::newRow("bad url") << file(
            valid().replace("https://auth.acme.example/v1", "ht!tp:://x y"))
                                 << QStringLiteral("profile \"Acme (Karmo)\": field \"baseUrl\": "
                                                   "\"ht!tp:://x y\" is not a valid URL");
        QTest::newRow("ftp url")
            << file(valid().replace("https://auth.acme.example/v1", "ftp://auth.acme.example"))
            << QStringLiteral(
                   "profile \"Acme (Karmo)\": field \"baseUrl\": \"ftp://auth.acme.example\" is "
                   "not an http:// or https:// URL with a host");
        QTest::newRow("http remote")
            << file(valid().replace("https://auth", "http://auth"))
            << QStringLiteral(
                   "profile \"Acme (Karmo)\": field \"baseUrl\": http:// is allowed only for "
                   "loopback hosts (127.0.0.0/8, ::1, localhost); use https://");
        QTest::newRow("http private range")
            << file(valid().replace("https://auth.acme.example", "http://10.0.0.5"))
            << QStringLiteral(
                   "profile \"Acme (Karmo)\": field \"baseUrl\": http:// is allowed only for "
                   "loopback hosts (127.0.0.0/8, ::1, localhost); use https://");
        QTest::newRow("url with query")
            << file(valid().replace("/v1", "/v1?x=1"))
            << QStringLiteral("profile \"Acme (Karmo)\": field \"baseUrl\": must not hold user "
                              "info, a query or a fragment");
        QTest::newRow("name not string")
            << file(valid().replace("\"Acme (Karmo)\"", "7"))
            << QStringLiteral("profile #1: field \"name\": must be a string");
        QTest::newRow("credential two sources")
            << file(valid().replace(
                   "{\"env\": \"ACME_KARMO_TOKEN\"}", "{\"env\": \"A\", \"file\": \"/b\"}"))
            << QStringLiteral("profile \"Acme (Karmo)\": field \"credential\": must hold exactly "
                              "one of \"env\", \"file\", \"keychain\" or \"oauth\"");
        QTest::newRow("credential secret inline")
            << file(valid().replace("{\"env\": \"ACME_KARMO_TOKEN\"}", "{\"token\": \"abc\"}"))
            << QStringLiteral("profile \"Acme (Karmo)\": field \"credential\": must be {\"env\": "
                              "\"VAR\"}, {\"file\": \"/path\"} or {\"keychain\": true}");
        QTest::newRow("keychain false")
            << file(valid().replace("{\"env\": \"ACME_KARMO_TOKEN\"}", "{\"keychain\": false}"))
            << QStringLiteral("profile \"Acme (Karmo)\": field \"credential\": must be {\"env\": "
                              "\"VAR\"}, {\"file\": \"/path\"} or {\"keychain\": true}");
        QTest::newRow("page size too big")
            << file(valid(", \"options\": {\"pageSize\": 101}"))
            << QStringLiteral("profile \"Acme (Karmo)\": field \"options.pageSize\": must be a "
                              "whole number from 1 to 100");
        QTest::newRow("page size fraction")
            << file(valid(", \"options\": {\"pageSize\": 2.5}"))
            << QStringLiteral("profile \"Acme (Karmo)\": field \"options.pageSize\": must be a "
                              "whole number from 1 to 100");
        QTest::newRow("option of another kind")
            << file(valid(", \"options\": {\"auth\": \"cookie\"}"))
            << QStringLiteral("profile \"Acme (Karmo)\": field \"options.auth\": is not an option "
                              "of kind \"karmo\" (known: pageSize)");
        QTest::newRow("option misspelt")
            << file(valid(", \"options\": {\"pagesize\": 10}"))
            << QStringLiteral("profile \"Acme (Karmo)\": field \"options.pagesize\": is not an "
                              "option of kind \"karmo\"; did you mean \"pageSize\"?");
        QTest::newRow("unknown field organisation")
            << file(valid(", \"organisation\": \"org_9\""))
            << QStringLiteral("profile \"Acme (Karmo)\": field \"organisation\": is not known; "
                              "did you mean \"organization\"?");
        QTest::newRow("unknown field baseURL")
            << file(valid(", \"baseURL\": \"https://x.example\""))
            << QStringLiteral("profile \"Acme (Karmo)\": field \"baseURL\": is not known; did "
                              "you mean \"baseUrl\"?");
        QTest::newRow("unknown field far from any")
            << file(valid(", \"colour\": \"blue\""))
            << QStringLiteral("profile \"Acme (Karmo)\": field \"colour\": is not known (known: "
                              "name, kind, baseUrl, organization, credential, options, caFile, "
                              "proxy, proxyCredential)");
        QTest::newRow("caFile not a string")
            << file(valid(", \"caFile\": true"))
            << QStringLiteral("profile \"Acme (Karmo)\": field \"caFile\": must be a string");
        QTest::newRow("proxy ftp")
            << file(valid(", \"proxy\": \"ftp://p.example:21\""))
            << QStringLiteral("profile \"Acme (Karmo)\": field \"proxy\": must be \"system\", "
                              "\"none\" or a URL such as http://proxy.example:3128 or "
                              "socks5://proxy.example:1080");
        QTest::newRow("proxy with password")
            << file(valid(", \"proxy\": \"http://alice:pw@p.example:3128\""))
            << QStringLiteral("profile \"Acme (Karmo)\": field \"proxy\": must not hold a "
                              "password; give it with \"proxyCredential\"");
        QTest::newRow("proxyCredential without proxy")
            << file(valid(", \"proxyCredential\": {\"env\": \"P\"}"))
            << QStringLiteral("profile \"Acme (Karmo)\": field \"proxyCredential\": needs a "
                              "\"proxy\" URL to be used with (a system proxy takes its credentials "
                              "from its URL, as curl does)");
        QTest::newRow("proxyCredential malformed")
            << file(valid(", \"proxy\": \"http://p.example:3128\", \"proxyCredential\": \"pw\""))
            << QStringLiteral("profile \"Acme (Karmo)\": field \"proxyCredential\": must be an "
                              "object");
        QTest::newRow("bad csp token type")
            << file("{\"name\":\"C\",\"kind\":\"csp\",\"baseUrl\":\"https://"
                    "c.example\",\"organization\":\"o\",\"credential\":{\"env\":\"X\"},\"options\":"
                    "{\"tokenType\":\"jwt\"}}")
            << QStringLiteral("profile \"C\": field \"options.tokenType\": must be one of: "
                              "api_token, access_token");
        const auto signIn = [](const QByteArray &kind, const QByteArray &oauth,
                                const QByteArray &options = "{}") {
            return file("{\"name\":\"O\",\"kind\":\"" + kind
                + "\",\"baseUrl\":\"https://a.example\",\"organization\":\"o\",\"credential\":{"
                  "\"oauth\":"
                + oauth + "},\"options\":" + options + "}");
        };
        QTest::newRow("oauth issuer over http")
            << signIn("karmo", "{\"issuer\":\"http://auth.example\",\"clientId\":\"roster\"}")
            << QStringLiteral("profile \"O\": field \"credential.oauth.issuer\": must be an "
                              "https:// URL (http:// only for loopback hosts)");
        QTest::newRow("oauth without client id")
            << signIn("karmo", "{\"issuer\":\"https://auth.example\"}")
            << QStringLiteral("profile \"O\": field \"credential.oauth.clientId\": is missing or "
                              "empty");
        QTest::newRow("oauth misspelt field")
            << signIn("karmo",
                   "{\"issuer\":\"https://auth.example\",\"clientId\":\"r\",\"scope\":[\"a\"]}")
            << QStringLiteral("profile \"O\": field \"credential.oauth.scope\": is not known; did "
                              "you mean \"scopes\"?");
        QTest::newRow("oauth for a kind whose secret is not a bearer token")
            << signIn("llamacloud", "{\"issuer\":\"https://auth.example\",\"clientId\":\"r\"}")
            << QStringLiteral("profile \"O\": field \"credential.oauth\": kind \"llamacloud\" "
                              "with these options does not send its secret as a bearer token, so "
                              "it cannot sign in with OAuth");
        QTest::newRow("oauth with a bad port")
            << signIn("char",
                   "{\"issuer\":\"https://auth.example\",\"clientId\":\"r\",\"redirectPort\":0}")
            << QStringLiteral("profile \"O\": field \"credential.oauth.redirectPort\": must be a "
                              "port from 1 to 65535");
        QTest::newRow("duplicate name")
            << QByteArray("{\"profiles\": [" + valid() + "," + valid() + "]}")
            << QStringLiteral("profile \"Acme (Karmo)\": field \"name\": is used by an earlier "
                              "profile; names must be unique");
    }

    void connectionFieldsRoundTrip()
    {
        ProfileStore store;
        QVERIFY2(store.loadFromJson(file(valid(
                     ", \"caFile\": \"/etc/corp/ca.pem\", \"proxy\": \"socks5://p.example:1080\", "
                     "\"proxyCredential\": {\"file\": \"/run/proxy-secret\"}"))),
            qPrintable(store.errorText()));
        const Profile &p = store.profiles().first();
        QCOMPARE(p.caFile, QStringLiteral("/etc/corp/ca.pem"));
        QCOMPARE(p.proxy, QStringLiteral("socks5://p.example:1080"));
        QCOMPARE(p.proxyCredential.type, CredentialSource::Type::File);
        QCOMPARE(p.proxyCredential.value, QStringLiteral("/run/proxy-secret"));
        ProfileStore again;
        QVERIFY2(again.loadFromJson(store.toJson()), qPrintable(again.errorText()));
        QCOMPARE(again.toJson(), store.toJson());
        QCOMPARE(again.profiles().first().proxyCredential.value, p.proxyCredential.value);
        // "system" and "none" are the two words; "system" is the default and is not written.
        QVERIFY(store.loadFromJson(file(valid(", \"proxy\": \"none\""))));
        QVERIFY(store.toJson().contains("\"proxy\": \"none\""));
        QVERIFY(store.loadFromJson(file(valid(", \"proxy\": \"system\""))));
        QVERIFY(!store.toJson().contains("\"proxy\""));
    }

    void oauthCredentialRoundTrips()
    {
        ProfileStore store;
        const QByteArray oauth
            = "{\"oauth\": {\"issuer\": \"https://auth.acme.example\", "
              "\"clientId\": \"roster\", \"scopes\": [\"openid\", \"offline_access\"], "
              "\"audience\": \"api\", \"redirectPort\": 8765}}";
        const QByteArray json = file(valid().replace("{\"env\": \"ACME_KARMO_TOKEN\"}", oauth));
        QVERIFY2(store.loadFromJson(json), qPrintable(store.errorText()));
        const Profile &p = store.profiles().first();
        QCOMPARE(p.credential.type, CredentialSource::Type::OAuth);
        QCOMPARE(p.credential.oauth.issuer, QUrl(QStringLiteral("https://auth.acme.example")));
        QCOMPARE(p.credential.oauth.scopes,
            QStringList({QStringLiteral("openid"), QStringLiteral("offline_access")}));
        QCOMPARE(p.credential.oauth.audience, QStringLiteral("api"));
        QCOMPARE(p.credential.oauth.redirectPort, 8765);
        ProfileStore again;
        QVERIFY2(again.loadFromJson(store.toJson()), qPrintable(again.errorText()));
        QCOMPARE(again.toJson(), store.toJson());
        QCOMPARE(again.profiles().first().credential.oauth.clientId, QStringLiteral("roster"));
    }

    void rejects()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        ProfileStore store;
        QVERIFY(!store.loadFromJson(json));
        QVERIFY(store.profiles().isEmpty());
        QCOMPARE(store.errorText(), error);
    }

    void saveIsAtomicAndRoundTrips()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/profiles.json"));
        ProfileStore store;
        QVERIFY(store.loadFromJson(file(valid(", \"options\": {\"pageSize\": 25}"))));
        QString error;
        QVERIFY2(store.save(path, &error), qPrintable(error));
        ProfileStore again;
        QVERIFY2(again.load(path), qPrintable(again.errorText()));
        QCOMPARE(again.toJson(), store.toJson());
        // Only the file itself remains: no temporary left behind.
        QCOMPARE(QDir(dir.filePath(QStringLiteral("sub"))).entryList(QDir::Files),
            QStringList {QStringLiteral("profiles.json")});
    }

    // SCIM's base URL names the tenant: no organization is needed, and none is written back.
    void scimProfileNeedsNoOrganization()
    {
        ProfileStore store;
        QVERIFY2(store.loadFromJson(file("{\"name\":\"S\",\"kind\":\"scim\",\"baseUrl\":"
                                         "\"https://api.example.com/scim/v2\",\"credential\":"
                                         "{\"env\":\"SCIM\"}}")),
            qPrintable(store.errorText()));
        QVERIFY(!store.toJson().contains("organization"));
        QVERIFY(store.toJson().contains("\"kind\": \"scim\""));
        // Every other kind still needs one.
        ProfileStore karmo;
        QVERIFY(!karmo.loadFromJson(file("{\"name\":\"K\",\"kind\":\"karmo\",\"baseUrl\":"
                                         "\"https://a.example\",\"credential\":{\"env\":\"X\"}}")));
        QVERIFY2(karmo.errorText().contains(QStringLiteral("organization")),
            qPrintable(karmo.errorText()));
    }

    void failedSaveLeavesFileUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("profiles.json"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("original");
        }
        // A directory where the file's parent should be makes the save fail.
        const QString blocked = dir.filePath(QStringLiteral("profiles.json/inner.json"));
        ProfileStore store;
        QString error;
        QVERIFY(!store.save(blocked, &error));
        QVERIFY(error.contains(QStringLiteral("inner.json")));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("original"));
    }

    void inlineSecretsAreNeverSaved()
    {
        Profile p;
        p.name = QStringLiteral("demo");
        p.credential = {CredentialSource::Type::Inline, QStringLiteral("sekret-value")};
        ProfileStore store;
        store.setProfiles({p});
        QVERIFY(!store.toJson().contains("sekret-value"));
    }

    void missingFileNamesThePath()
    {
        ProfileStore store;
        QVERIFY(!store.load(QStringLiteral("/nonexistent/roster/profiles.json")));
        QVERIFY(store.errorText().contains(QStringLiteral("/nonexistent/roster/profiles.json")));
    }

    void resolvePathOrder()
    {
        qputenv("ROSTER_CONFIG", "/from/env.json");
        QCOMPARE(ProfileStore::resolvePath(QStringLiteral("/from/cli.json")),
            QStringLiteral("/from/cli.json"));
        QCOMPARE(ProfileStore::resolvePath({}), QStringLiteral("/from/env.json"));
        qunsetenv("ROSTER_CONFIG");
        QCOMPARE(ProfileStore::resolvePath({}), ProfileStore::defaultPath());
        QVERIFY(ProfileStore::defaultPath().endsWith(QStringLiteral("/profiles.json")));
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
