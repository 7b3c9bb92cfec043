// Finding one person across profiles: the matching rules (case, +tags, exact, accents, word
// prefixes), and the search itself against the sandbox: every profile at once, a SCIM server
// asked rather than walked, a failing profile that hides no one else's results, a slow one, and
// cancellation mid-search.
#include "karmo/karmoroutes.h"
#include "peoplefinder.h"
#include "personmatch.h"
#include "sandbox/sandboxdata.h"
#include "scim/scimroutes.h"
#include "testsupport.h"
#include "usertablemodel.h"

#include <QNetworkAccessManager>
#include <QSet>

using namespace TestSupport;

namespace {
User user(const QString &email, const QString &given = {}, const QString &family = {},
    const QString &display = {})
{
    User u;
    u.email = email;
    u.givenName = given;
    u.familyName = family;
    u.displayName = display;
    return u;
}

// The address with a "+tag" of our own, whatever tag it had.
QString retagged(const QString &email, const QString &tag)
{
    const QString local = email.section(QLatin1Char('@'), 0, 0).section(QLatin1Char('+'), 0, 0);
    return local + QLatin1Char('+') + tag + QLatin1Char('@') + email.section(QLatin1Char('@'), 1);
}
} // namespace

class TestPeopleFinder : public QObject
{
    Q_OBJECT

    SandboxServer m_server;
    QNetworkAccessManager m_nam;

    SharedProvider make(const QString &kind, const QString &org)
    {
        return fastProvider(sandboxProfile(m_server, kind, org), &m_nam, 50);
    }

private slots:
    void initTestCase()
    {
        m_server.setLatencyMs(2);
        QVERIFY(m_server.start() != 0);
    }

    void init() { m_server.clearRecentRequests(); }

    void emailRules_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("email");
        QTest::addColumn<bool>("exact");
        QTest::addColumn<int>("rule");
        using R = PersonMatch::Rule;
        QTest::newRow("same") << "ada@example.com"
                              << "ada@example.com" << false << int(R::Email);
        QTest::newRow("case") << "Ada@Example.COM"
                              << "ada@example.com" << false << int(R::Email);
        QTest::newRow("their tag") << "ada@example.com"
                                   << "Ada+work@example.com" << false << int(R::EmailTag);
        QTest::newRow("our tag") << "ada+x@example.com"
                                 << "ada@example.com" << false << int(R::EmailTag);
        QTest::newRow("both tagged") << "ada+x@example.com"
                                     << "ada+y@example.com" << false << int(R::EmailTag);
        QTest::newRow("exact: tag differs") << "ada@example.com"
                                            << "ada+work@example.com" << true << int(R::None);
        QTest::newRow("exact: case still ignored") << "ADA@example.com"
                                                   << "ada@example.com" << true << int(R::Email);
        QTest::newRow("other domain") << "ada@example.com"
                                      << "ada@example.org" << false << int(R::None);
        QTest::newRow("prefix is not enough") << "ada@example.com"
                                              << "adam@example.com" << false << int(R::None);
        QTest::newRow("plus in the domain is no tag") << "ada@ex+ample.com"
                                                      << "ada@ex.com" << false << int(R::None);
        QTest::newRow("no email") << "ada@example.com"
                                  << "" << false << int(R::None);
    }

    void emailRules()
    {
        QFETCH(QString, text);
        QFETCH(QString, email);
        QFETCH(bool, exact);
        QFETCH(int, rule);
        const PersonMatch m(text, exact);
        QVERIFY(m.isEmail());
        QCOMPARE(int(m.match(user(email))), rule);
    }

    void nameRules_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("matches");
        QTest::newRow("given name") << "jose" << true;
        QTest::newRow("accents either side") << "JOSÉ müll" << true;
        QTest::newRow("word prefix of the family name") << "mul" << true;
        QTest::newRow("both words, any order") << "muller jos" << true;
        QTest::newRow("inside a word is no prefix") << "uller" << false;
        QTest::newRow("one word missing") << "jose smith" << false;
        QTest::newRow("the display name counts") << "pepe" << true;
        QTest::newRow("punctuation is a separator") << "jose-muller" << true;
    }

    void nameRules()
    {
        QFETCH(QString, text);
        QFETCH(bool, matches);
        const PersonMatch m(text);
        QVERIFY(!m.isEmail());
        const User u = user(QStringLiteral("j@example.com"), QStringLiteral("José"),
            QStringLiteral("Müller"), QStringLiteral("Pepe Müller"));
        QCOMPARE(m.match(u) == PersonMatch::Rule::Name, matches);
        QVERIFY(PersonMatch(QStringLiteral("   ")).isEmpty());
        QCOMPARE(PersonMatch::fold(QStringLiteral("Ærøskøbing Ωmega Çé")),
            QStringLiteral("ærøskøbing ωmega ce"));
    }

    // Every profile at once: Karmo walked to the end, SCIM asked on its server, a 403 that stops
    // only itself, and a slow one whose results come last.
    void searchesEveryProfileAtOnce()
    {
        const QString karmoOrg = QStringLiteral("find-n300");
        const QString scimTenant = QStringLiteral("find-scim-n400");
        const SandboxPerson target = SandboxData::person(karmoOrg, 7);
        const QString text = retagged(target.email.toUpper(), QStringLiteral("leaving"));
        PeopleFinder finder(PersonMatch(text, false));
        QList<PeopleFinder::Hit> hits;
        QList<int> finishedOrder;
        connect(&finder, &PeopleFinder::hits, this,
            [&hits](const QList<PeopleFinder::Hit> &h) { hits.append(h); });
        connect(&finder, &PeopleFinder::profileFinished, this,
            [&finishedOrder](int t) { finishedOrder << t; });
        const int karmo = finder.addProfile(named(QStringLiteral("karmo")));
        const int scim = finder.addProfile(named(QStringLiteral("scim")));
        const int broken = finder.addProfile(named(QStringLiteral("broken")));
        const int slow = finder.addProfile(named(QStringLiteral("slow")));
        const int noCredential = finder.addProfile(named(QStringLiteral("no credential")));
        finder.setProvider(karmo, make(QStringLiteral("karmo"), karmoOrg));
        finder.setProvider(scim, make(QStringLiteral("scim"), scimTenant));
        finder.setProvider(broken, make(QStringLiteral("llamacloud"), QStringLiteral("error-403")));
        finder.setProvider(slow, make(QStringLiteral("csp"), QStringLiteral("slow-n20")));
        finder.fail(noCredential,
            ProviderError::make(ProviderError::Kind::Authentication, QStringLiteral("no token")));
        finder.start();
        QVERIFY(QTest::qWaitFor([&finder] { return finder.isFinished(); }, 30000));

        QCOMPARE(finder.status(karmo), PeopleFinder::Status::Done);
        QCOMPARE(finder.status(scim), PeopleFinder::Status::Done);
        QCOMPARE(finder.status(slow), PeopleFinder::Status::Done);
        QCOMPARE(finder.status(broken), PeopleFinder::Status::Failed);
        QCOMPARE(finder.profileError(broken).httpStatus, 403);
        QCOMPARE(finder.status(noCredential), PeopleFinder::Status::Failed);
        QCOMPARE(finishedOrder.last(), slow); // 3 s: everyone else answered first
        QCOMPARE(finder.usersRead(karmo), 300);
        QVERIFY(!finder.searchedOnServer(karmo));
        QVERIFY(finder.searchedOnServer(scim));
        QVERIFY(finder.usersRead(scim) < 400); // the server narrowed it down
        bool askedTheServer = false;
        for (const SandboxRequest &r : m_server.recentRequests())
            askedTheServer |= r.path.endsWith(QLatin1String("/Users"))
                && r.query.hasQueryItem(QStringLiteral("filter"));
        QVERIFY(askedTheServer);

        QCOMPARE(finder.found(karmo), 1);
        QCOMPARE(hits.first().target, karmo);
        QCOMPARE(hits.first().user.id, KarmoRoutes::userId(karmoOrg, 7));
        QCOMPARE(hits.first().rule, PersonMatch::Rule::EmailTag);
        QCOMPARE(finder.found(scim), 0); // another organization, other people
    }

    void serverSearchFindsAScimAccount()
    {
        const QString tenant = QStringLiteral("find-scim-n500");
        const SandboxPerson p = SandboxData::person(tenant, 42);
        PeopleFinder finder(PersonMatch(p.email, true));
        QList<PeopleFinder::Hit> hits;
        connect(&finder, &PeopleFinder::hits, this,
            [&hits](const QList<PeopleFinder::Hit> &h) { hits.append(h); });
        finder.setProvider(
            finder.addProfile(named(QStringLiteral("scim"))), make(QStringLiteral("scim"), tenant));
        finder.start();
        QVERIFY(QTest::qWaitFor([&finder] { return finder.isFinished(); }, 30000));
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().user.id, ScimRoutes::userId(tenant, 42));
        QCOMPARE(hits.first().rule, PersonMatch::Rule::Email);
        QVERIFY(finder.usersRead(0) < 50);
    }

    // A SCIM server that cannot filter is walked instead, and still finds the person.
    void fallsBackWhereTheServerCannotSearch()
    {
        const QString tenant = QStringLiteral("nofilter-find-n300");
        const SandboxPerson p = SandboxData::person(tenant, 120);
        PeopleFinder finder(PersonMatch(p.email));
        finder.setProvider(
            finder.addProfile(named(QStringLiteral("scim"))), make(QStringLiteral("scim"), tenant));
        finder.start();
        QVERIFY(QTest::qWaitFor([&finder] { return finder.isFinished(); }, 30000));
        QCOMPARE(finder.status(0), PeopleFinder::Status::Done);
        QVERIFY(!finder.searchedOnServer(0));
        QCOMPARE(finder.usersRead(0), 300);
        QVERIFY(finder.found(0) >= 1);
    }

    // Rows loaded part way answer at once; the walk that follows reads everyone and reports no
    // account twice.
    void loadedRowsFirstThenTheRest()
    {
        const QString org = QStringLiteral("partial-n400");
        const SandboxPerson early = SandboxData::person(org, 3);
        const QString name = early.givenName + QLatin1Char(' ') + early.familyName;
        SharedProvider provider = make(QStringLiteral("karmo"), org);
        UserTableModel firstPage; // the window's table, one page in
        firstPage.setProvider(provider.get());
        QTRY_VERIFY(firstPage.rowCount() == 100 && !firstPage.isLoading());
        QVERIFY(firstPage.state() != UserTableModel::State::Complete);
        PeopleFinder finder {PersonMatch(name)};
        QList<PeopleFinder::Hit> hits;
        connect(&finder, &PeopleFinder::hits, this,
            [&hits](const QList<PeopleFinder::Hit> &h) { hits.append(h); });
        const int t = finder.addProfile(named(QStringLiteral("karmo")));
        QVERIFY(finder.searchLoaded(t, firstPage));
        const qsizetype early100 = hits.size();
        QVERIFY(early100 >= 1); // answered before any request
        finder.setProvider(t, provider);
        finder.start();
        QVERIFY(QTest::qWaitFor([&finder] { return finder.isFinished(); }, 30000));
        QCOMPARE(finder.usersRead(t), 400);
        // By hand, not with the matcher under test: both words of the name begin a word of the
        // person's name (the sandbox's names are plain ASCII, one word each).
        int expected = 0;
        const auto begins = [](const SandboxPerson &p, const QString &word) {
            return p.givenName.startsWith(word, Qt::CaseInsensitive)
                || p.familyName.startsWith(word, Qt::CaseInsensitive);
        };
        for (qint64 i = 0; i < 400; ++i) {
            const SandboxPerson p = SandboxData::person(org, i);
            expected += begins(p, early.givenName) && begins(p, early.familyName);
        }
        QVERIFY(expected >= 1);
        QCOMPARE(int(hits.size()), expected);
        QCOMPARE(finder.found(t), expected);
        QSet<QString> ids;
        for (const PeopleFinder::Hit &h : hits)
            ids.insert(h.user.id);
        QCOMPARE(int(ids.size()), expected); // none twice
    }

    void cancelMidSearch()
    {
        PeopleFinder finder(PersonMatch(QStringLiteral("nobody@example.com")));
        QSignalSpy hits(&finder, &PeopleFinder::hits);
        QSignalSpy finished(&finder, &PeopleFinder::finished);
        finder.setProvider(finder.addProfile(named(QStringLiteral("slow"))),
            make(QStringLiteral("karmo"), QStringLiteral("slow-n500")));
        finder.setProvider(finder.addProfile(named(QStringLiteral("big"))),
            make(QStringLiteral("karmo"), QStringLiteral("cancel-n5000")));
        finder.start();
        QVERIFY(QTest::qWaitFor([this] { return m_server.requestCount() >= 2; }, 10000));
        finder.cancel();
        QCOMPARE(finder.status(0), PeopleFinder::Status::Cancelled);
        QCOMPARE(finder.status(1), PeopleFinder::Status::Cancelled);
        QVERIFY(finder.isFinished());
        QVERIFY(drain(m_server, m_nam));
        QCOMPARE(hits.size(), 0);
        // The job's contract: a cancel ends it once, as a failure that says so, and nothing
        // follows.
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toBool(), false);
        QCOMPARE(finder.error().kind, ProviderError::Kind::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestPeopleFinder)
#include "tst_peoplefinder.moc"
