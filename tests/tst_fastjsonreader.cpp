// The fast record readers (simdjson, FastJsonReader) against JsonReader over QJsonDocument:
// whenever the fast reader takes a record, QJsonDocument must parse it and JsonReader must read
// the same user from it; everything else goes to JsonReader. Recorded bodies, the sandbox's
// bodies and records made to trip a parser up.
#include "char/charparser.h"
#include "fastjsonreader.h"
#include "fuzzparsers.h"
#include "jsonarrayreader.h"
#include "llamacloud/llamacloudparser.h"
#include "responseparsing.h"
#include "sandbox/sandboxserver.h"
#include "user.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>

namespace {
QByteArray readData(const QString &name)
{
    QFile f(QStringLiteral(ROSTER_TEST_DATA "/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// One record through the fast reader, as StreamingPageReply reads it.
bool fastRead(const QByteArray &record, FastJsonReader::RecordReader read, User *user)
{
    simdjson::dom::parser parser;
    std::vector<char> padded;
    return FastJsonReader::prepare(&parser)
        && FastJsonReader::readRecord(&parser, &padded, record, read, user);
}

// How many of a body's elements the fast reader takes.
int fastTaken(const QByteArray &body, FastJsonReader::RecordReader read)
{
    QList<QByteArray> elements;
    JsonArrayReader reader;
    if (!reader.feed(body, &elements) || !reader.finish())
        return -1;
    int taken = 0;
    for (const QByteArray &e : std::as_const(elements)) {
        User user;
        taken += fastRead(e, read, &user) ? 1 : 0;
    }
    return taken;
}

const QByteArray kMember
    = "{\"id\":\"m1\",\"created_at\":\"2024-01-01T00:00:00Z\",\"updated_at\":null,\n"
      "\"email\":\"ana@example.com\",\"user_id\":\"u1\",\"organization_id\":\"o1\",\"pending\":"
      "false,\n"
      "\"invited_by_user_id\":null,\"invited_by_user_email\":\"boss@example.com\",\"roles\":[{"
      "\"id\":\"r1\",\n"
      "\"role_id\":\"ro1\",\"role\":{\"id\":\"ro1\",\"name\":\"admin\",\"permissions\":[{\"id\":"
      "\"p1\",\"name\":\"read\",\n"
      "\"description\":\"Read "
      "\\\"all\\\"\\n\\u00e9\\ud83d\\ude00\",\"access\":true},{\"id\":\"p2\",\"name\":\"write\",\n"
      "\"access\":false}]}}]}";
} // namespace

class TestFastJsonReader : public QObject
{
    Q_OBJECT

private slots:
    void recordedBodies_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("file");
        QTest::newRow("llamacloud") << "llamacloud"
                                    << "llamacloud_seed_page.json";
        QTest::newRow("char") << "char"
                              << "char_seed_page.json";
    }
    void recordedBodies()
    {
        QFETCH(QString, kind);
        QFETCH(QString, file);
        const QByteArray body = readData(file);
        QVERIFY(!body.isEmpty());
        const QString d = FuzzParsers::fastReaderDisagreement(kind, body);
        QVERIFY2(d.isEmpty(), qPrintable(d));
        // The fast reader takes them all: the comparison was not empty.
        const auto read = kind == QLatin1String("llamacloud") ? &LlamaCloudParser::readMemberFast
                                                              : &CharParser::readUserFast;
        QVERIFY(fastTaken(body, read) > 0);
    }

    void sandboxBodies_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("path");
        QTest::newRow("llamacloud") << "llamacloud"
                                    << "/llamacloud/api/v1/organizations/"
                                       "3fa85f64-5717-4562-b3fc-2c963f66afa6/users";
        QTest::newRow("char") << "char"
                              << "/char/api/directories/917c141d-2566-4340-ae35-0ec28ef576e8/users";
    }
    void sandboxBodies()
    {
        QFETCH(QString, kind);
        QFETCH(QString, path);
        SandboxServer server;
        server.setLatencyMs(0);
        server.setUsersPerOrganization(2000);
        QVERIFY(server.start() != 0);
        QNetworkAccessManager nam;
        QNetworkRequest request(server.url(path));
        request.setRawHeader("Cookie", "session=" + SandboxServer::demoToken().toUtf8());
        request.setRawHeader("Authorization", "Bearer " + SandboxServer::demoToken().toUtf8());
        QNetworkReply *reply = nam.get(request);
        QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 30000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        const QString d = FuzzParsers::fastReaderDisagreement(kind, body);
        QVERIFY2(d.isEmpty(), qPrintable(d));
        const auto read = kind == QLatin1String("llamacloud") ? &LlamaCloudParser::readMemberFast
                                                              : &CharParser::readUserFast;
        QCOMPARE(fastTaken(body, read), 2000);
    }

    void awkwardRecords_data()
    {
        QTest::addColumn<QByteArray>("record");
        QTest::addColumn<bool>("fastTakesIt");
        QTest::newRow("ordinary, escapes, surrogate pair") << kMember << true;
        QTest::newRow("a key twice") << QByteArray("{\"id\":\"a\",\"id\":\"b\"}") << false;
        QTest::newRow("a nested key twice")
            << QByteArray("{\"id\":\"a\",\"roles\":[{\"role\":{\"name\":\"x\",\"name\":\"y\"}}]}")
            << false;
        QTest::newRow("invalid UTF-8") << QByteArray("{\"id\":\"a\xff\xfe\"}") << false;
        QTest::newRow("overlong UTF-8") << QByteArray("{\"id\":\"\xc0\xaf\"}") << false;
        QTest::newRow("lone high surrogate") << QByteArray("{\"id\":\"\\ud800x\"}") << false;
        QTest::newRow("lone low surrogate") << QByteArray("{\"id\":\"\\udc00\"}") << false;
        QTest::newRow("raw control character") << QByteArray("{\"id\":\"a\x01\"}") << false;
        QTest::newRow("huge number") << QByteArray("{\"id\":\"a\",\"x\":1e400}") << false;
        // simdjson 3.0 refuses integers beyond 64 bits: JsonReader reads those records.
        QTest::newRow("long integer")
            << QByteArray("{\"id\":\"a\",\"x\":123456789012345678901234567890}") << false;
        QTest::newRow("number as id") << QByteArray("{\"id\":5}") << false;
        QTest::newRow("id missing") << QByteArray("{\"email\":\"a@b\"}") << false;
        QTest::newRow("roles not an array") << QByteArray("{\"id\":\"a\",\"roles\":{}}") << false;
        QTest::newRow("role not an object")
            << QByteArray("{\"id\":\"a\",\"roles\":[{\"role\":5,\"role_id\":\"r\"}]}") << false;
        QTest::newRow("roles with a string")
            << QByteArray("{\"id\":\"a\",\"roles\":[\"x\"]}") << false;
        QTest::newRow("pending a string")
            << QByteArray("{\"id\":\"a\",\"pending\":\"yes\"}") << false;
        QTest::newRow("nulls everywhere")
            << QByteArray("{\"id\":\"a\",\"email\":null,\"roles\":null,\"pending\":null}") << true;
        QTest::newRow("not an object") << QByteArray("[\"id\"]") << false;
        QTest::newRow("truncated") << kMember.chopped(3) << false;
        QTest::newRow("trailing comma") << QByteArray("{\"id\":\"a\",}") << false;
        QByteArray deep
            = "{\"id\":\"a\",\"x\":" + QByteArray(300, '[') + QByteArray(300, ']') + "}";
        QTest::newRow("deep nesting") << deep << false;
        QByteArray shallow
            = "{\"id\":\"a\",\"x\":" + QByteArray(100, '[') + QByteArray(100, ']') + "}";
        QTest::newRow("nesting within the limit") << shallow << true;
        QTest::newRow("huge string")
            << QByteArray("{\"id\":\"" + QByteArray(4 << 20, 'x') + "\",\"email\":\"e\"}") << true;
        QTest::newRow("whitespace") << QByteArray(" {\r\n\t\"id\" : \"a\" } ") << true;
    }
    void awkwardRecords()
    {
        QFETCH(QByteArray, record);
        QFETCH(bool, fastTakesIt);
        for (const QString &kind : {QStringLiteral("llamacloud"), QStringLiteral("char")}) {
            const QString d = FuzzParsers::fastReaderDisagreement(kind, record);
            QVERIFY2(d.isEmpty(), qPrintable(kind + QStringLiteral(": ") + d));
        }
        User user;
        QCOMPARE(fastRead(record, &LlamaCloudParser::readMemberFast, &user), fastTakesIt);
    }

    void theFastReaderReadsEveryField()
    {
        User u;
        QVERIFY(fastRead(kMember, &LlamaCloudParser::readMemberFast, &u));
        QCOMPARE(u.id, QStringLiteral("m1"));
        QCOMPARE(u.invitedByEmail, QStringLiteral("boss@example.com"));
        QCOMPARE(u.status, QStringLiteral("active"));
        QCOMPARE(u.roles.size(), 1);
        QCOMPARE(u.roles[0].id, QStringLiteral("ro1"));
        QCOMPARE(u.roles[0].permissions.size(), 2);
        QCOMPARE(u.roles[0].permissions[0].description,
            QStringLiteral("Read \"all\"\n\u00e9") + QString::fromUcs4(U"\U0001F600"));
        QVERIFY(!u.roles[0].permissions[1].granted);
        QCOMPARE(u.rawRecord, kMember); // as received
    }

    void aReaderOfColumnsSkipsWhatNoColumnShows()
    {
        // An export, a review or a snapshot (no raw records kept) reads the columns alone: a
        // role's permissions are neither decoded nor checked, by either reader, and every column
        // reads as before.
        User full;
        QVERIFY(fastRead(kMember, &LlamaCloudParser::readMemberFast, &full));
        QByteArray badPermission = kMember;
        badPermission.replace("\"name\":\"read\"", "\"name\":7");
        QVERIFY(badPermission != kMember);
        User u;
        QVERIFY(!fastRead(badPermission, &LlamaCloudParser::readMemberFast, &u));
        const QJsonObject o = QJsonDocument::fromJson(badPermission).object();
        QString problem;
        LlamaCloudParser::readMember(o, QStringLiteral("[0]"), &problem);
        QVERIFY(!problem.isEmpty());
        const ResponseParsing::RawRecordScope columnsOnly(false);
        for (const QByteArray &record : {kMember, badPermission}) {
            QVERIFY(fastRead(record, &LlamaCloudParser::readMemberFast, &u));
            QCOMPARE(u.roles.size(), 1);
            QVERIFY(u.roles[0].permissions.isEmpty());
            QVERIFY(u.rawRecord.isEmpty());
            for (Column c : Columns::all())
                QCOMPARE(u.value(c), full.value(c));
            problem.clear();
            const User slow = LlamaCloudParser::readMember(
                QJsonDocument::fromJson(record).object(), QStringLiteral("[0]"), &problem);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            QVERIFY(slow.roles[0].permissions.isEmpty());
        }
        // Char's raw attributes (JSON in a string, decoded twice) are the detail pane's too.
        const QByteArray charUser = "{\"id\":\"c1\",\"email\":\"a@example.com\","
                                    "\"raw_attributes\":\"{\\\"department\\\":\\\"Ops\\\"}\"}";
        QVERIFY(fastRead(charUser, &CharParser::readUserFast, &u));
        QCOMPARE(u.email, QStringLiteral("a@example.com"));
        QVERIFY(u.rawAttributes.isEmpty());
        const ResponseParsing::RawRecordScope detail(true);
        QVERIFY(fastRead(charUser, &CharParser::readUserFast, &u));
        QCOMPARE(u.rawAttributes, QStringLiteral("{\"department\":\"Ops\"}"));
    }
};

QTEST_MAIN(TestFastJsonReader)
#include "tst_fastjsonreader.moc"
