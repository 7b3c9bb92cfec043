// The window's opened profiles without the window: a session per profile with its credential,
// provider and model; the most recently used kept; changed profiles closed; a credential that
// cannot be read reported, not fatal.
#include "credentialstore.h"
#include "profilesessions.h"
#include "profilestore.h"
#include "provider.h"
#include "testsupport.h"
#include "usertablemodel.h"

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
        QCOMPARE(s->profile.name, QStringLiteral("a"));
        QTRY_COMPARE(read.count(), 1);
        QVERIFY(!s->credentialError.isError());
        QVERIFY(s->provider);
        QCOMPARE(s->model->provider(), s->provider.data());
        QTRY_COMPARE(s->model->rowCount(), 100);
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
            [&closed](ProfileSession *s) { closed << s->profile.name; });
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
        QTRY_VERIFY(s->model->isLoading());
        QPointer<UserTableModel> model(s->model);
        QPointer<Provider> provider(s->provider.data());
        sessions.close(QStringLiteral("a"));
        QVERIFY(!model);
        QVERIFY(!provider); // the model owned it
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
        QVERIFY(s->credentialError.isError());
        QVERIFY2(s->credentialError.message.contains(QLatin1String("ROSTER_TEST_UNSET_VARIABLE")),
            qPrintable(s->credentialError.message));
        QVERIFY(!s->provider);
        QCOMPARE(s->model->rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestProfileSessions)
#include "tst_profilesessions.moc"
