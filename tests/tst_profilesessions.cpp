// The window's opened profiles without the window: a session per profile with its credential,
// provider and model; the most recently used kept; changed profiles closed; a credential that
// cannot be read reported, not fatal. A find or a review that borrowed a session's provider is
// never left with a dangling one when the session closes (run under asan too).
#include "accessreview.h"
#include "credentialstore.h"
#include "peoplefinder.h"
#include "profilesessions.h"
#include "profilestore.h"
#include "provider.h"
#include "sessionproviders.h"
#include "testsupport.h"
#include "usertablemodel.h"

#include <QBuffer>
#include <QNetworkAccessManager>

using namespace TestSupport;

class TestProfileSessions : public QObject
{
    Q_OBJECT

    SandboxServer m_server;
    QNetworkAccessManager m_nam;
    CredentialStore m_credentials;
    ProfileStore m_store;

    Profile profile(const QString &name, const QString &org)
    {
        Profile p = sandboxProfile(m_server, QStringLiteral("karmo"), org);
        p.name = name;
        return p;
    }

private slots:
    void initTestCase()
    {
        m_server.setLatencyMs(2);
        QVERIFY(m_server.start() != 0);
    }

    void init()
    {
        m_store.setProfiles({profile(QStringLiteral("a"), QStringLiteral("acme-n120")),
            profile(QStringLiteral("b"), QStringLiteral("beta-n30")),
            profile(QStringLiteral("c"), QStringLiteral("gamma-n10"))});
    }

    void opensWithACredentialProviderAndModel()
    {
        ProfileSessions sessions(&m_store, &m_credentials, &m_nam);
        QSignalSpy read(&sessions, &ProfileSessions::credentialRead);
        ProfileSession *s = sessions.open(QStringLiteral("a"));
        QVERIFY(s);
        QCOMPARE(s->profile().name, QStringLiteral("a"));
        QTRY_COMPARE(read.count(), 1);
        QVERIFY(!s->credentialError().isError());
        QVERIFY(s->provider());
        QCOMPARE(s->model()->provider(), s->provider());
        QTRY_COMPARE(s->model()->rowCount(), 100);
        // Opening it again is the same session, rows and all.
        QCOMPARE(sessions.open(QStringLiteral("a")), s);
        QCOMPARE(sessions.count(), 1);
        QCOMPARE(sessions.open(QStringLiteral("nobody")), nullptr);
    }

    void keepsTheMostRecentlyUsed()
    {
        ProfileSessions sessions(&m_store, &m_credentials, &m_nam);
        sessions.setLimit(2);
        QStringList closed;
        connect(&sessions, &ProfileSessions::aboutToClose, this,
            [&closed](ProfileSession *s) { closed << s->profile().name; });
        sessions.open(QStringLiteral("a"));
        sessions.open(QStringLiteral("b"));
        sessions.open(QStringLiteral("a")); // a is now more recent than b
        sessions.open(QStringLiteral("c"));
        QCOMPARE(closed, QStringList {QStringLiteral("b")});
        QCOMPARE(sessions.count(), 2);
        QVERIFY(sessions.find(QStringLiteral("a")));
        QVERIFY(!sessions.find(QStringLiteral("b")));
        // The one just opened is never the one closed, even with a limit of one.
        sessions.setLimit(1);
        sessions.open(QStringLiteral("b"));
        QCOMPARE(sessions.count(), 1);
        QVERIFY(sessions.find(QStringLiteral("b")));
    }

    void closingAbortsThePageInFlight()
    {
        m_server.setLatencyMs(400);
        ProfileSessions sessions(&m_store, &m_credentials, &m_nam);
        ProfileSession *s = sessions.open(QStringLiteral("a"));
        QTRY_VERIFY(s->model()->isLoading());
        QPointer<UserTableModel> model(s->model());
        QPointer<Provider> provider(s->provider());
        sessions.close(QStringLiteral("a"));
        QVERIFY(!model);
        QTRY_VERIFY(!provider); // nobody borrowed it: released with the session
        QCOMPARE(sessions.count(), 0);
        m_server.setLatencyMs(2);
    }

    void closesWhatChanged()
    {
        ProfileSessions sessions(&m_store, &m_credentials, &m_nam);
        for (const QString &n : {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")})
            sessions.open(n);
        QList<Profile> edited = m_store.profiles();
        edited[0].organization = QStringLiteral("other-n5"); // a changed
        edited.removeAt(2); // c went away
        m_store.setProfiles(edited);
        QStringList closed = sessions.closeChanged([](const QString &) { return false; });
        closed.sort();
        QCOMPARE(closed, (QStringList {QStringLiteral("a"), QStringLiteral("c")}));
        QVERIFY(sessions.find(QStringLiteral("b")));
        // b kept its fields, but its secret was replaced in the keychain.
        QCOMPARE(
            sessions.closeChanged([](const QString &name) { return name == QLatin1String("b"); }),
            QStringList {QStringLiteral("b")});
        QCOMPARE(sessions.count(), 0);
    }

    void aCredentialThatCannotBeReadIsReported()
    {
        Profile p = profile(QStringLiteral("env"), QStringLiteral("acme-n10"));
        p.credential = {CredentialSource::Type::Env, QStringLiteral("ROSTER_TEST_UNSET_VARIABLE")};
        qunsetenv("ROSTER_TEST_UNSET_VARIABLE");
        m_store.setProfiles({p});
        ProfileSessions sessions(&m_store, &m_credentials, &m_nam);
        QSignalSpy read(&sessions, &ProfileSessions::credentialRead);
        ProfileSession *s = sessions.open(QStringLiteral("env"));
        QTRY_COMPARE(read.count(), 1);
        QVERIFY(s->credentialError().isError());
        QVERIFY2(s->credentialError().message.contains(QLatin1String("ROSTER_TEST_UNSET_VARIABLE")),
            qPrintable(s->credentialError().message));
        QVERIFY(!s->provider());
        QCOMPARE(s->model()->rowCount(), 0);
    }

    // Edit › Find in all profiles and File › Access review borrow the window's sessions. The
    // session is closed under them (evicted by switching profiles, closed by "Edit profiles", or
    // its profile removed) while they read; then they are cancelled, closed, or left to finish.
    void borrowersOutliveTheirSession_data()
    {
        QTest::addColumn<QString>("job");
        QTest::addColumn<QString>("loss");
        QTest::addColumn<QString>("end");
        for (const char *job : {"find", "review"}) {
            for (const char *loss : {"evicted", "edited", "removed"}) {
                for (const char *end : {"cancel", "close", "finish"}) {
                    QTest::addRow("%s, %s, %s", job, loss, end) << QString::fromLatin1(
                        job) << QString::fromLatin1(loss) << QString::fromLatin1(end);
                }
            }
        }
    }

    void borrowersOutliveTheirSession()
    {
        QFETCH(QString, job);
        QFETCH(QString, loss);
        QFETCH(QString, end);
        m_server.setLatencyMs(25);
        const Profile a = profile(QStringLiteral("a"), QStringLiteral("borrowed-n2000"));
        m_store.setProfiles({a, profile(QStringLiteral("b"), QStringLiteral("beta-n30"))});
        ProfileSessions sessions(&m_store, &m_credentials, &m_nam);
        sessions.setLimit(1);
        ProfileSession *s = sessions.open(QStringLiteral("a"));
        QTRY_VERIFY(s->provider());
        QPointer<Provider> provider(s->provider());
        const SessionProviders providers {&sessions, &m_credentials, &m_nam};

        QObject context;
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        auto finder = std::make_unique<PeopleFinder>(PersonMatch(QStringLiteral("nobody@x.test")));
        auto review = std::make_unique<AccessReview>(AccessReview::Options {});
        const bool find = job == QLatin1String("find");
        if (find) {
            finder->addProfile(a);
            finder->start();
        } else {
            review->addProfile(a);
            review->setOutputDevice(&out);
            review->start();
        }
        providers.request(a, &context, [&](SharedProvider p, const ProviderError &error) {
            QVERIFY(!error.isError());
            if (find)
                finder->setProvider(0, std::move(p));
            else
                review->setProvider(0, std::move(p));
        });
        const auto read = [&] { return find ? finder->usersRead(0) : review->rows(0); };
        QTRY_VERIFY_WITH_TIMEOUT(read() > 0, 10000); // under way

        if (loss == QLatin1String("evicted")) {
            sessions.open(QStringLiteral("b")); // the limit is one: "a" goes
        } else {
            QList<Profile> edited = m_store.profiles();
            if (loss == QLatin1String("edited"))
                edited[0].organization = QStringLiteral("other-n5");
            else
                edited.removeFirst();
            m_store.setProfiles(edited);
            sessions.closeChanged([](const QString &) { return false; });
        }
        QVERIFY(!sessions.find(QStringLiteral("a")));
        QVERIFY(provider); // still borrowed

        if (end == QLatin1String("finish")) {
            if (find) {
                QTRY_VERIFY_WITH_TIMEOUT(finder->isFinished(), 20000);
                QCOMPARE(finder->status(0), PeopleFinder::Status::Done);
                QCOMPARE(finder->usersRead(0), 2000);
            } else {
                QSignalSpy finished(review.get(), &AccessReview::finished);
                QVERIFY(finished.wait(20000));
                QVERIFY(finished.first().first().toBool());
                QCOMPARE(review->rows(0), 2000);
            }
        } else if (end == QLatin1String("cancel")) {
            if (find)
                finder->cancel();
            else
                review->cancel();
            QVERIFY(read() < 2000);
        }
        // Closing the dialog deletes the job; the provider goes with its last holder.
        finder.reset();
        review.reset();
        QTRY_VERIFY(!provider);
        m_server.setLatencyMs(2);
    }
};

QTEST_GUILESS_MAIN(TestProfileSessions)
#include "tst_profilesessions.moc"
