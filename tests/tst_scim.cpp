// SCIM 2.0 against the sandbox: ServiceProviderConfig read once, 1-based startIndex paging with
// short and uneven pages (in order and in parallel), Bearer and Basic, every error status, bad
// bodies, server-side filters and their escaping, and the parsers on the RFC's own examples.
#include "providerkind.h"
#include "sandbox/sandboxdata.h"
#include "scim/scimfilter.h"
#include "scim/scimparser.h"
#include "scim/scimprovider.h"
#include "scim/scimroutes.h"
#include "testsupport.h"
#include "vendortest.h"

#include <QFile>
#include <QNetworkAccessManager>

using namespace TestSupport;
using namespace Qt::StringLiterals;
using namespace Qt::StringLiterals;

namespace {
QByteArray readData(const char *name)
{
    QFile f(QStringLiteral(ROSTER_TEST_DATA "/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Walk walkAll(Provider *provider, const QString &query = {}, int parallel = 4)
{
    return walkToEnd(provider, query, parallel);
}
} // namespace

class TestScim : public VendorTest<ScimProvider>
{
    Q_OBJECT

    ScimProvider *provider(const QString &tenant,
        const QString &secret = QStringLiteral("scim-token"), const QJsonObject &options = {})
    {
        return make(QStringLiteral("scim"), tenant, secret, options);
    }

    // The users the sandbox's filter finds, in order.
    static QStringList expectedIds(const QString &tenant, qint64 count, const QString &filter)
    {
        QStringList ids;
        for (qint64 i = 0; i < count; ++i) {
            if (filter.isEmpty() || ScimRoutes::userMatches(tenant, i, filter))
                ids << ScimRoutes::userId(tenant, i);
        }
        return ids;
    }

    static QStringList ids(const QList<User> &users)
    {
        QStringList out;
        for (const User &u : users)
            out << u.id;
        return out;
    }

private slots:
    void initTestCase()
    {
        m_server.setLatencyMs(2);
        QVERIFY(m_server.start() != 0);
    }

    void init()
    {
        m_server.resetHits();
        m_server.clearRecentRequests();
    }

    void pagesToTheEndWithTotal()
    {
        const QString tenant = QStringLiteral("acme-n450");
        ScimProvider *s = provider(tenant);
        const Walk walk = fetchAll(s);
        QVERIFY2(!walk.error.isError(), qPrintable(walk.error.summary()));
        QCOMPARE(walk.pages, 3); // 200 + 200 + 50: count is the server's maxResults
        QCOMPARE(walk.total, 450);
        QCOMPARE(ids(walk.users), expectedIds(tenant, 450, {}));
        int inactive = 0, withGroups = 0, withRoles = 0, secondEmail = 0;
        for (int i = 0; i < walk.users.size(); ++i) {
            const User &u = walk.users[i];
            const SandboxPerson p = SandboxData::person(tenant, i);
            QCOMPARE(u.email, p.email); // the primary one, even when a home address comes first
            QCOMPARE(u.phone, p.phone.isNull() ? QString() : p.phone);
            QCOMPARE(u.username, p.username);
            QCOMPARE(u.userId, p.idpId.isNull() ? QString() : p.idpId);
            QCOMPARE(u.idpId, u.userId);
            QCOMPARE(u.status, p.active ? QStringLiteral("active") : QStringLiteral("inactive"));
            QCOMPARE(u.createdAt, p.createdAt);
            QCOMPARE(u.updatedAt, p.updatedAt);
            QVERIFY(!u.displayName.isEmpty());
            QVERIFY(u.details.contains(
                qMakePair(QStringLiteral("Employee number"), QString::number(100000 + i))));
            inactive += !p.active;
            withGroups += !u.groups.isEmpty();
            withRoles += !u.roles.isEmpty();
            secondEmail += u.rawRecord.contains("@personal.example");
        }
        QVERIFY(inactive > 0);
        QVERIFY(withGroups > 0);
        QVERIFY(withRoles > 0);
        QVERIFY(secondEmail > 0);
    }

    void requestShape()
    {
        ScimProvider *s = provider(QStringLiteral("shape-n250"));
        fetchAll(s);
        const QList<SandboxRequest> requests = m_server.recentRequests();
        QCOMPARE(requests.size(), 3); // the config, then two pages
        QCOMPARE(requests[0].path, QStringLiteral("/scim/shape-n250/v2/ServiceProviderConfig"));
        for (const SandboxRequest &r : requests) {
            QCOMPARE(r.method, QByteArray("GET"));
            QCOMPARE(r.header("Accept"), QByteArray("application/scim+json, application/json"));
            QCOMPARE(r.header("Authorization"), QByteArray("Bearer scim-token"));
        }
        QCOMPARE(requests[1].path, QStringLiteral("/scim/shape-n250/v2/Users"));
        QCOMPARE(
            requests[1].query.queryItemValue(QStringLiteral("startIndex")), QStringLiteral("1"));
        QCOMPARE(requests[1].query.queryItemValue(QStringLiteral("count")), QStringLiteral("200"));
        QVERIFY(!requests[1].query.hasQueryItem(QStringLiteral("filter")));
        QCOMPARE(
            requests[2].query.queryItemValue(QStringLiteral("startIndex")), QStringLiteral("201"));
    }

    void serviceProviderConfigIsReadOnce()
    {
        ScimProvider *s = provider(QStringLiteral("once-n500"));
        QCOMPARE(s->search(), Provider::Search::Unknown);
        QSignalSpy learnt(s, &Provider::searchChanged);
        QVERIFY(!walkAll(s).error.isError());
        QVERIFY(!walkAll(s, s->searchQuery(QStringLiteral("active eq false"))).error.isError());
        QCOMPARE(m_server.hits(QStringLiteral("scim:spc")), 1);
        QCOMPARE(s->configRequests(), 1);
        QCOMPARE(learnt.size(), 1);
        QCOMPARE(s->search(), Provider::Search::Server);
        QCOMPARE(s->config().maxResults, ScimRoutes::maxResults);
    }

    void pageSizeWithinWhatTheServerSays_data()
    {
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<int>("pageSize");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("search");
        QTest::newRow("asks more than maxResults")
            << "size-n50" << 500 << 200 << int(Provider::Search::Server);
        QTest::newRow("asks less") << "size-n50" << 25 << 25 << int(Provider::Search::Server);
        QTest::newRow("no ServiceProviderConfig")
            << "nospc-n50" << 0 << 100 << int(Provider::Search::None);
        QTest::newRow("cannot filter") << "nofilter-n50" << 0 << 200 << int(Provider::Search::None);
    }

    void pageSizeWithinWhatTheServerSays()
    {
        QFETCH(QString, tenant);
        QFETCH(int, pageSize);
        QFETCH(int, count);
        QFETCH(int, search);
        QJsonObject options;
        if (pageSize > 0)
            options.insert(QStringLiteral("pageSize"), pageSize);
        ScimProvider *s = provider(tenant, QStringLiteral("scim-token"), options);
        const Walk walk = fetchAll(s, 1);
        QVERIFY2(!walk.error.isError(), qPrintable(walk.error.summary()));
        QCOMPARE(int(s->search()), search);
        QCOMPARE(s->count(), count);
        QCOMPARE(m_server.recentRequests().last().query.queryItemValue(QStringLiteral("count")),
            QString::number(count));
    }

    void basicAuthentication()
    {
        ScimProvider *s = provider(QStringLiteral("basic-n30"), QStringLiteral("alice:s3cret"),
            {{QStringLiteral("auth"), QStringLiteral("basic")}});
        const Walk walk = fetchAll(s);
        QVERIFY2(!walk.error.isError(), qPrintable(walk.error.summary()));
        QCOMPARE(walk.users.size(), 30);
        QCOMPARE(m_server.recentRequests().last().header("Authorization"),
            QByteArray("Basic ") + QByteArray("alice:s3cret").toBase64());
        // A refused password is the server's 401, in SCIM's error format.
        const ProviderError e = firstError(provider(QStringLiteral("basic-n30"),
            QStringLiteral("alice:revoked"), {{QStringLiteral("auth"), QStringLiteral("basic")}}));
        QCOMPARE(e.httpStatus, 401);
        QVERIFY2(
            e.message.contains(QStringLiteral("Authorization failure")), qPrintable(e.message));
    }

    // Real servers return fewer than asked, or pages of varying length: every user arrives once,
    // in order, a page at a time and in parallel.
    void shortAndUnevenPages_data()
    {
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<int>("parallel");
        QTest::newRow("capped, in order") << "capped-n1000" << 1;
        QTest::newRow("capped, parallel") << "capped-n1000" << 4;
        QTest::newRow("uneven, in order") << "uneven-n1000" << 1;
        QTest::newRow("uneven, parallel") << "uneven-n1000" << 4;
    }

    void shortAndUnevenPages()
    {
        QFETCH(QString, tenant);
        QFETCH(int, parallel);
        const Walk walk = walkAll(provider(tenant), {}, parallel);
        QVERIFY(!walk.timedOut);
        QVERIFY2(!walk.error.isError(), qPrintable(walk.error.summary()));
        QCOMPARE(ids(walk.users), expectedIds(tenant, 1000, {}));
    }

    void documentedErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("scimType");
        QTest::addColumn<QString>("detail");
        QTest::addColumn<int>("attempts");
        QTest::newRow("400") << 400 << "invalidValue"
                             << "count must be a number" << 1;
        QTest::newRow("401") << 401 << ""
                             << "Authorization failure: the token is invalid" << 1;
        QTest::newRow("403") << 403 << ""
                             << "The token may not read Users" << 1;
        QTest::newRow("404") << 404 << ""
                             << "Tenant not found" << 1;
        QTest::newRow("429") << 429 << "tooMany"
                             << "Too many requests; slow down" << 4;
        QTest::newRow("500") << 500 << ""
                             << "Internal error" << 1;
        QTest::newRow("503") << 503 << ""
                             << "Internal error" << 4;
    }

    void documentedErrors()
    {
        QFETCH(int, status);
        QFETCH(QString, scimType);
        QFETCH(QString, detail);
        QFETCH(int, attempts);
        const ProviderError e = firstError(provider(QStringLiteral("error-%1").arg(status)));
        QCOMPARE(e.kind, ProviderError::Kind::Http);
        QCOMPARE(e.httpStatus, status);
        QCOMPARE(e.name, ProviderError::statusName(status));
        QCOMPARE(e.code, scimType);
        QCOMPARE(e.message, detail);
        QCOMPARE(e.attempts, attempts);
        QVERIFY(e.rawBody.contains("urn:ietf:params:scim:api:messages:2.0:Error"));
    }

    void retriedOnceThenServed()
    {
        const Walk walk = walkAll(provider(QStringLiteral("error-503-once-n300")));
        QVERIFY2(!walk.error.isError(), qPrintable(walk.error.summary()));
        QCOMPARE(walk.users.size(), 300);
    }

    void badBodies_data()
    {
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("malformed")
            << "malformed" << int(ProviderError::Kind::Malformed) << "not valid JSON";
        QTest::newRow("wrong types")
            << "wrong-types" << int(ProviderError::Kind::Malformed) << "emails";
        QTest::newRow("truncated")
            << "truncated-n30" << int(ProviderError::Kind::Malformed) << "truncated";
        QTest::newRow("startIndex never moves")
            << "loop-n500" << int(ProviderError::Kind::Loop) << "already used";
        QTest::newRow("empty page before the total")
            << "empty-claims-more-n500" << int(ProviderError::Kind::Mismatch) << "500";
        QTest::newRow("total counts more than it sends")
            << "overcount-n300" << int(ProviderError::Kind::Mismatch) << "305";
    }

    void badBodies()
    {
        QFETCH(QString, tenant);
        QFETCH(int, kind);
        QFETCH(QString, message);
        const Walk walk = fetchAll(provider(tenant));
        QVERIFY(!walk.timedOut);
        QCOMPARE(int(walk.error.kind), kind);
        QVERIFY2(walk.error.message.contains(message), qPrintable(walk.error.message));
    }

    void transportCutIsAnError()
    {
        const Walk walk = fetchAll(provider(QStringLiteral("truncated-transport-n300")));
        QVERIFY(!walk.timedOut);
        QVERIFY(walk.error.isError());
        QVERIFY(walk.users.isEmpty());
    }

    void filters_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::newRow("inactive") << "active eq false";
        QTest::newRow("not active, upper-case operators") << "NOT (active EQ true)";
        QTest::newRow("email ends with") << "emails.value ew \"@personal.example\"";
        QTest::newRow("contains") << "userName co \"ar\"";
        QTest::newRow("starts with, any case") << "name.familyName sw \"SMI\"";
        QTest::newRow("equals") << "name.givenName eq \"Maria\"";
        QTest::newRow("not equal and present")
            << "displayName ne \"Maria Tanaka\" and externalId pr";
        QTest::newRow("dates") << "meta.lastModified gt \"2022-06-01\" and meta.lastModified le "
                                  "\"2023-01-01T00:00:00Z\"";
        QTest::newRow("or, parentheses")
            << "(active eq false or name.givenName sw \"Z\") and not (emails.value co \"roster\")";
        QTest::newRow("lt, ge") << "userName lt \"b\" or userName ge \"y\"";
        QTest::newRow("nothing matches") << "userName eq \"nobody-at-all\"";
    }

    // The server returns exactly what its filter selects, paged in parallel like the whole list.
    void filters()
    {
        QFETCH(QString, filter);
        const QString tenant = QStringLiteral("filters-n700");
        ScimProvider *s = provider(tenant);
        const Walk walk = walkAll(s, s->searchQuery(filter));
        QVERIFY2(!walk.error.isError(), qPrintable(walk.error.summary()));
        const QStringList expected = expectedIds(tenant, 700, filter);
        QCOMPARE(ids(walk.users), expected);
        QCOMPARE(walk.total, expected.size());
        const QList<SandboxRequest> requests = m_server.recentRequests();
        QCOMPARE(requests.last().query.queryItemValue(QStringLiteral("filter"), QUrl::FullyDecoded),
            filter);
    }

    void filtersAreMeaningful()
    {
        // The cases above are not all trivially empty or everything.
        const QString tenant = QStringLiteral("filters-n700");
        const int inactive
            = int(expectedIds(tenant, 700, QStringLiteral("active eq false")).size());
        QVERIFY(inactive > 10 && inactive < 200);
        const int home
            = int(expectedIds(tenant, 700, QStringLiteral("emails.value ew \"@personal.example\""))
                      .size());
        QVERIFY(home > 100 && home < 600);
    }

    void wordSearch()
    {
        const QString tenant = QStringLiteral("words-n600");
        ScimProvider *s = provider(tenant);
        const SandboxPerson p = SandboxData::person(tenant, 5);
        const QString word = p.username.left(4).toUpper(); // any case
        const QString query = s->searchQuery(QStringLiteral("  %1 ").arg(word));
        QCOMPARE(query,
            QStringLiteral("userName sw \"%1\" or emails.value sw \"%1\" or name.familyName sw "
                           "\"%1\" or displayName sw \"%1\"")
                .arg(word));
        const Walk walk = walkAll(s, query);
        QVERIFY2(!walk.error.isError(), qPrintable(walk.error.summary()));
        QVERIFY(ids(walk.users).contains(ScimRoutes::userId(tenant, 5)));
        QCOMPARE(ids(walk.users), expectedIds(tenant, 600, query));
    }

    // A text that starts like a filter and then is not one is refused with the operators, never
    // searched as words (which would find nobody and say so as if it were an answer).
    void aBrokenFilterIsRefusedNotSearchedAsWords_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("refused");
        QTest::newRow("not an operator") << "userName zz 1" << true;
        QTest::newRow("sub-attribute") << "emails.value has \"x\"" << true;
        QTest::newRow("any case") << "USERNAME is bob" << true;
        QTest::newRow("extension URN")
            << "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber is 7"
            << true;
        QTest::newRow("an expression") << "userName eq \"bob\"" << false;
        QTest::newRow("present") << "title pr" << false;
        QTest::newRow("plain words") << "ada lovelace" << false;
        QTest::newRow("one word that is an attribute") << "title" << false;
        QTest::newRow("not an attribute") << "lovelace zz" << false;
    }

    void aBrokenFilterIsRefusedNotSearchedAsWords()
    {
        QFETCH(QString, text);
        QFETCH(bool, refused);
        const QString problem = ScimFilter::searchTextProblem(text);
        QCOMPARE(!problem.isEmpty(), refused);
        if (refused)
            QVERIFY2(
                problem.contains(u"eq, ne, co, sw, ew, gt, ge, lt, le, pr"_s), qPrintable(problem));
    }

    // Quotes and backslashes in a word are escaped: the server parses the filter and finds no one.
    void wordsAreEscaped()
    {
        ScimProvider *s = provider(QStringLiteral("escape-n100"));
        const QString word = QStringLiteral("O\"Brien\\ or userName pr");
        const QString query = s->searchQuery(word);
        QVERIFY(query.startsWith(QStringLiteral("userName sw \"O\\\"Brien\\\\ or userName pr\"")));
        const Walk walk = walkAll(s, query);
        QVERIFY2(!walk.error.isError(), qPrintable(walk.error.summary()));
        QCOMPARE(walk.users.size(), 0);
        QCOMPARE(walk.total, 0);
    }

    void invalidFilters_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("detail");
        QTest::newRow("unknown attribute") << "title eq \"Boss\""
                                           << "Filtering on \"title\"";
        QTest::newRow("missing value") << "userName eq"
                                       << "expected a value";
        QTest::newRow("value filter") << "emails[type eq \"work\"] pr"
                                      << "not supported";
        QTest::newRow("unbalanced") << "(active eq true"
                                    << "expected \")\"";
        QTest::newRow("active takes a boolean") << "active eq \"yes\""
                                                << "true or false";
    }

    void invalidFilters()
    {
        QFETCH(QString, filter);
        QFETCH(QString, detail);
        ScimProvider *s = provider(QStringLiteral("invalid-n100"));
        // Passed through as written: the server is the judge of its own filter language.
        const Walk walk = walkAll(s, filter);
        QCOMPARE(walk.error.httpStatus, 400);
        QCOMPARE(walk.error.code, QStringLiteral("invalidFilter"));
        QVERIFY2(walk.error.message.contains(detail), qPrintable(walk.error.message));
        QCOMPARE(walk.error.attempts, 1);
    }

    // A server that cannot filter would answer with everyone: the search is refused before any
    // page is asked for.
    void searchRefusedWhereTheServerCannotFilter_data()
    {
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<QString>("message");
        QTest::newRow("says it cannot") << "nofilter-n100"
                                        << "filter.supported is false";
        QTest::newRow("does not say") << "nospc-n100"
                                      << "did not say";
    }

    void searchRefusedWhereTheServerCannotFilter()
    {
        QFETCH(QString, tenant);
        QFETCH(QString, message);
        const Walk walk = walkAll(provider(tenant), QStringLiteral("active eq false"));
        QCOMPARE(walk.error.kind, ProviderError::Kind::Configuration);
        QVERIFY2(walk.error.message.contains(message), qPrintable(walk.error.message));
        for (const SandboxRequest &r : m_server.recentRequests())
            QVERIFY(!r.path.endsWith(QLatin1String("/Users")));
    }

    void abortWhileWaitingForTheConfigAndMidPage()
    {
        ScimProvider *s = provider(QStringLiteral("slow-n300"));
        PageWalker walker(s, {4, true});
        QSignalSpy users(&walker, &PageWalker::usersReady);
        QSignalSpy states(&walker, &PageWalker::stateChanged);
        walker.start();
        walker.abort(); // before ServiceProviderConfig came back
        QVERIFY(QTest::qWaitFor([s] { return s->configRead(); }, 10000));
        walker.start();
        QVERIFY(QTest::qWaitFor([this] { return m_server.requestCount() >= 3; }, 10000));
        walker.abort(); // the slow page is in flight
        QVERIFY(drain(m_server, m_nam));
        QCOMPARE(users.size(), 0);
        QCOMPARE(walker.state(), PageWalker::State::Idle);
        QCOMPARE(m_server.hits(QStringLiteral("scim:spc")), 1);
    }

    // --- the parsers, on the RFC's own examples and what servers get wrong

    void rfcListResponse()
    {
        const ParseResult r = ScimParser::parsePage(readData("scim_rfc_page.json"));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.page.total, 2);
        QVERIFY(!r.page.hasMore());
        QCOMPARE(r.page.users.size(), 2);
        const User &b = r.page.users[0];
        QCOMPARE(b.id, QStringLiteral("2819c223-7f76-453a-919d-413861904646"));
        QCOMPARE(b.userId, QStringLiteral("701984"));
        QCOMPARE(b.email, QStringLiteral("bjensen@example.com"));
        QCOMPARE(b.phone, QStringLiteral("555-555-5555")); // no primary: the first
        QCOMPARE(b.displayName, QStringLiteral("Babs Jensen"));
        QCOMPARE(b.givenName, QStringLiteral("Barbara"));
        QCOMPARE(b.status, QStringLiteral("active"));
        QCOMPARE(b.value(Column::Groups), QStringLiteral("Tour Guides;Employees"));
        QCOMPARE(b.createdAt, QStringLiteral("2010-01-23T04:56:22Z"));
        QCOMPARE(b.updatedAt, QStringLiteral("2011-05-13T04:42:34Z"));
        QVERIFY(b.details.contains(
            qMakePair(QStringLiteral("Department"), QStringLiteral("Tour Operations"))));
        QVERIFY(b.details.contains(qMakePair(QStringLiteral("Manager"),
            QStringLiteral("John Smith (26118915-6090-4610-87e4-49d8ca9f808d)"))));
        QVERIFY(
            b.details.contains(qMakePair(QStringLiteral("Cost center"), QStringLiteral("4130"))));
        const User &j = r.page.users[1];
        QCOMPARE(j.displayName, QStringLiteral("jsmith")); // no names at all: the userName
        QCOMPARE(j.status, QStringLiteral("inactive"));
        QCOMPARE(j.rolesText(), QStringLiteral("admin;auditor"));
        QVERIFY(j.email.isEmpty());
        QVERIFY(j.groups.isEmpty());
        // The decoder rebuilds the same user from the raw record the table keeps.
        const User again = Scim::kind().decode(b.rawRecord);
        QCOMPARE(again.details, b.details);
        QCOMPARE(again.groups, b.groups);
    }

    void lenientWhereServersDiffer()
    {
        // No Resources at all (no results); totalResults 0.
        ParseResult r = ScimParser::parsePage(
            R"({"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":0,"itemsPerPage":0,"startIndex":1})");
        QVERIFY(r.ok());
        QCOMPARE(r.page.users.size(), 0);
        QVERIFY(!r.page.hasMore());
        // startIndex left out: the one asked for; itemsPerPage is what was asked, not what came.
        r = ScimParser::parsePage(
            R"({"totalResults":10,"itemsPerPage":5,"Resources":[{"id":"a","active":"False","displayName":"A"},{"id":"b","name":{"givenName":"B","familyName":"C"}}]})",
            4);
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.page.nextToken, QStringLiteral("6"));
        QCOMPARE(r.page.users[0].status, QStringLiteral("inactive"));
        QCOMPARE(r.page.users[1].displayName, QStringLiteral("B C"));
        QVERIFY(r.page.users[1].status.isEmpty()); // "active" absent
        // Wrong types are errors naming where.
        r = ScimParser::parsePage(R"({"totalResults":1,"Resources":[{"id":"a","active":1}]})");
        QCOMPARE(r.error.kind, ProviderError::Kind::Malformed);
        QVERIFY2(
            r.error.message.contains(QStringLiteral("Resources[0]")), qPrintable(r.error.message));
        r = ScimParser::parsePage(R"({"totalResults":1,"Resources":{"id":"a"}})");
        QCOMPARE(r.error.kind, ProviderError::Kind::Malformed);
    }

    void errorBodies()
    {
        ProviderError e = ScimParser::parseError(400, readData("scim_rfc_error.json"), {});
        QCOMPARE(e.code, QStringLiteral("invalidFilter"));
        QVERIFY(e.message.startsWith(QStringLiteral("Request is unparsable")));
        QVERIFY(e.meta.isEmpty()); // the body's status agrees
        // A number, and one that disagrees with the HTTP status.
        e = ScimParser::parseError(502,
            R"({"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":500,"detail":"d"})",
            {});
        QVERIFY(e.meta.contains(qMakePair(QStringLiteral("status (body)"), QStringLiteral("500"))));
        // SCIM 1.1's Errors list.
        e = ScimParser::parseError(
            404, R"({"Errors":[{"description":"Resource 7 not found","code":"404"}]})", {});
        QCOMPARE(e.message, QStringLiteral("Resource 7 not found"));
        // Not SCIM at all: a proxy's page.
        e = ScimParser::parseError(502, "<html><body>Bad Gateway</body></html>", {});
        QVERIFY(e.message.contains(QStringLiteral("without a SCIM error body")));
    }

    void serviceProviderConfig()
    {
        ScimParser::ServiceConfig c = ScimParser::parseServiceConfig(
            200, R"({"filter":{"supported":"true","maxResults":1000},"sort":{"supported":true}})");
        QVERIFY(c.known);
        QVERIFY(c.filter);
        QVERIFY(c.sort);
        QCOMPARE(c.maxResults, 1000);
        c = ScimParser::parseServiceConfig(200, R"({"filter":{"supported":true}})");
        QVERIFY(c.filter);
        QCOMPARE(c.maxResults, 0);
        QVERIFY(!ScimParser::parseServiceConfig(404, "{}").known);
        QVERIFY(!ScimParser::parseServiceConfig(200, "<html>").known);
    }

    void filterBuilder()
    {
        QCOMPARE(ScimFilter::fromSearchText(QStringLiteral("   ")), QString());
        QCOMPARE(ScimFilter::quote(QStringLiteral("a\"b\\c")), QStringLiteral("\"a\\\"b\\\\c\""));
        QCOMPARE(
            ScimFilter::quote(QStringLiteral("tab\there")), QStringLiteral("\"tab\\u0009here\""));
        for (const char *expression : {"active eq false", "emails.value ew \"@contractor.example\"",
                 "(userName sw \"a\")", "not (active eq true)", "externalId pr",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"x\"",
                 "Name.FamilyName SW \"x\""})
            QVERIFY2(ScimFilter::isExpression(QString::fromUtf8(expression)), expression);
        for (const char *word :
            {"smith", "Ada Lovelace", "o'brien", "eq", "user@example.com", "active"})
            QVERIFY2(!ScimFilter::isExpression(QString::fromUtf8(word)), word);
        QCOMPARE(ScimFilter::fromSearchText(QStringLiteral(" active eq false ")),
            QStringLiteral("active eq false"));
    }

    void filterParser()
    {
        QString error;
        auto n
            = ScimFilter::parse(QStringLiteral("a eq \"1\" or b eq \"2\" and not (c pr)"), &error);
        QVERIFY2(n, qPrintable(error));
        // and binds tighter than or
        QCOMPARE(n->type, ScimFilter::Node::Type::Or);
        QCOMPARE(n->right->type, ScimFilter::Node::Type::And);
        QCOMPARE(n->right->right->type, ScimFilter::Node::Type::Not);
        QCOMPARE(ScimFilter::comparisons(*n).size(), 3);
        QVERIFY(!ScimFilter::parse(QString(), &error));
        QVERIFY(!ScimFilter::parse(QStringLiteral("a eq \"unterminated"), &error));
        QVERIFY(error.contains(QStringLiteral("unterminated")));
        QVERIFY(!ScimFilter::parse(QStringLiteral("a eq 1 b"), &error));
        QString deep;
        for (int i = 0; i < 200; ++i)
            deep += QLatin1Char('(');
        QVERIFY(!ScimFilter::parse(deep + QStringLiteral("a pr"), &error)); // no stack overflow
        QVERIFY(error.contains(QStringLiteral("deeply")));
    }
};

QTEST_GUILESS_MAIN(TestScim)
#include "tst_scim.moc"
