// Signing in from the window, against the sandbox's authorization server: a profile that is not
// signed in offers "Sign In Again…" in the error pane and shows its users once signed in; a
// revoked sign-in is renewed there and the page asked again; Profiles › Sign In on Another
// Device… shows the code; Profiles › Sign Out forgets the sign-in; the profile dialog signs in and
// says as whom. The test plays the browser. CTest runs it inside scripts/with-secret-service. With
// ROSTER_SCREENSHOT_DIR set, it saves screenshots there.
#include "credentialstore.h"
#include "oauthsession.h"
#include "profiledialog.h"
#include "profilestore.h"
#include "sandbox/sandboxhost.h"
#include "signindialog.h"
#include "usertablemodel.h"
#include "windowtest.h"

#include <QAction>
#include <QDir>
#include <QPushButton>

using namespace TestSupport;

class TestOAuthWindow : public WindowTest
{
    Q_OBJECT

    SandboxHost m_sandbox;
    QNetworkAccessManager m_nam;
    QNetworkAccessManager m_browser;
    ProfileStore m_store;
    CredentialStore m_credentials;

    Profile karmo() const { return m_store.profiles().first(); }
    SandboxOAuth &oauth() { return m_sandbox.server()->oauth(); }

    int playBrowser(const QUrl &url) { return TestSupport::playBrowser(m_browser, url); }

    SignInDialog *signInDialog(QWidget *parent)
    {
        SignInDialog *dialog = nullptr;
        (void)QTest::qWaitFor(
            [&] { return (dialog = parent->findChild<SignInDialog *>()) != nullptr; }, 5000);
        return dialog;
    }

    // Plays the browser for the sign-in dialog that is open: the address it shows is the one
    // the browser was sent to.
    bool playSignIn(SignInDialog *dialog, const QString &screenshotName = {})
    {
        if (!dialog)
            return false;
        auto *address = child<QLabel>(dialog, "signInAddress");
        if (!QTest::qWaitFor(
                [address] { return !address->property("url").toString().isEmpty(); }, 15000))
            return false;
        if (!screenshotName.isEmpty())
            TestSupport::saveScreenshot(dialog, screenshotName);
        QPointer<SignInDialog> watched(dialog);
        bool signedIn = false;
        connect(dialog, &SignInDialog::signedIn, this, [&signedIn] { signedIn = true; });
        if (playBrowser(QUrl(address->property("url").toString())) != 200)
            return false;
        return QTest::qWaitFor([&] { return signedIn || !watched; }, 15000) && signedIn;
    }

    bool keychainHolds(const Profile &p)
    {
        bool done = false, found = false;
        QObject context;
        m_credentials.readKeychain(OAuthSession::keychainKey(p.name), &context,
            [&](const QString &, bool f, const ProviderError &) {
                done = true;
                found = f;
            });
        (void)QTest::qWaitFor([&done] { return done; }, 10000);
        return found;
    }

    bool showsUsers()
    {
        return QTest::qWaitFor(
            [this] {
                UserTableModel *m = m_window->currentModel();
                return m && m->rowCount() > 0 && !m->isLoading() && !m_window->isErrorShown();
            },
            20000);
    }

    QPushButton *signInAgain() const
    {
        return child<QPushButton>(errorPane(), "signInAgainButton");
    }

    QAction *action(const QString &text) const
    {
        for (QAction *a : m_window->findChildren<QAction *>())
            if (a->text() == text)
                return a;
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        qputenv("BROWSER", "true"); // opens nothing: the test is the browser
        QVERIFY(m_sandbox.start(0, 300, 0));
        Profile p = SandboxDemo::profile(QStringLiteral("Karmo (OAuth)"), QStringLiteral("karmo"),
            m_sandbox.url(), QStringLiteral("acme-n300"));
        p.credential = {CredentialSource::Type::OAuth};
        p.credential.oauth.issuer = m_sandbox.url(QStringLiteral("/oauth"));
        p.credential.oauth.clientId = QStringLiteral("roster");
        p.credential.oauth.scopes
            = {QStringLiteral("openid"), QStringLiteral("email"), QStringLiteral("offline_access")};
        m_store.setProfiles({p,
            SandboxDemo::profile(QStringLiteral("Acme (SCIM)"), QStringLiteral("scim"),
                m_sandbox.url(), QStringLiteral("scim-acme-n600"))});
        MainWindow::Context context;
        context.store = &m_store;
        context.credentials = &m_credentials;
        context.nam = &m_nam;
        context.demo = true;
        m_window = std::make_unique<MainWindow>(context);
        m_window->resize(1200, 760);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase() { m_window.reset(); }

    void aProfileThatIsNotSignedInOffersSignInAndThenShowsItsUsers()
    {
        QCOMPARE(m_window->currentProfileName(), karmo().name);
        QVERIFY(QTest::qWaitFor([this] { return m_window->isErrorShown(); }, 10000));
        QVERIFY2(errorPane()->detailsText().contains(QLatin1String("not signed in")),
            qPrintable(errorPane()->detailsText()));
        QVERIFY(signInAgain()->isVisible());
        TestSupport::saveScreenshot(m_window.get(), QStringLiteral("oauth-not-signed-in.png"));
        signInAgain()->click();
        QVERIFY(playSignIn(signInDialog(m_window.get()), QStringLiteral("oauth-sign-in.png")));
        QVERIFY(showsUsers());
        QVERIFY(keychainHolds(karmo()));
    }

    void aRevokedSignInIsRenewedFromTheErrorPaneAndThePageAskedAgain()
    {
        QVERIFY(showsUsers());
        oauth().revokeRefreshTokens();
        oauth().expireAccessTokens();
        action(QStringLiteral("&Reload"))->trigger();
        QVERIFY(QTest::qWaitFor([this] { return m_window->isErrorShown(); }, 15000));
        QVERIFY2(errorPane()->detailsText().contains(QLatin1String("sign in again")),
            qPrintable(errorPane()->detailsText()));
        QVERIFY(signInAgain()->isVisible());
        const int refreshes = oauth().refreshes();
        signInAgain()->click();
        QVERIFY(playSignIn(signInDialog(m_window.get())));
        QVERIFY(showsUsers()); // the page that failed, asked again with the new token
        QCOMPARE(oauth().refreshes(), refreshes); // a new sign-in, not another refresh
    }

    void anotherErrorOffersNoSignIn()
    {
        QVERIFY(m_window->activateProfile(QStringLiteral("Acme (SCIM)")));
        QVERIFY(showsUsers());
        QVERIFY(!action(QStringLiteral("Sign &In…"))->isEnabled());
        QVERIFY(!action(QStringLiteral("Sign &Out"))->isEnabled());
        ProviderError e;
        e.kind = ProviderError::Kind::Http;
        e.httpStatus = 500;
        e.message = QStringLiteral("boom");
        errorPane()->setError(e, QStringLiteral("Acme (SCIM)"));
        QVERIFY(!signInAgain()->isVisibleTo(errorPane()));
        QVERIFY(m_window->activateProfile(karmo().name));
        QVERIFY(action(QStringLiteral("Sign &In…"))->isEnabled());
    }

    void theDeviceSignInShowsTheCodeToEnterElsewhere()
    {
        action(QStringLiteral("Sign In on Another &Device…"))->trigger();
        SignInDialog *dialog = signInDialog(m_window.get());
        QVERIFY(dialog);
        QPointer<SignInDialog> watched(dialog);
        QUrl complete;
        bool signedIn = false;
        connect(dialog, &SignInDialog::userCode, this,
            [&complete](const QUrl &, const QString &, const QUrl &c) { complete = c; });
        connect(dialog, &SignInDialog::signedIn, this, [&signedIn] { signedIn = true; });
        QVERIFY(QTest::qWaitFor([&complete] { return complete.isValid(); }, 15000));
        auto *code = child<QLabel>(dialog, "signInCode");
        QVERIFY(code->isVisible());
        QVERIFY(!code->text().isEmpty());
        QVERIFY(complete.toString().contains(code->text()));
        TestSupport::saveScreenshot(dialog, QStringLiteral("oauth-device.png"));
        QCOMPARE(playBrowser(complete), 200);
        QVERIFY(QTest::qWaitFor([&] { return signedIn || !watched; }, 15000));
        QVERIFY(signedIn);
    }

    void aFailedSignInStaysOnScreenWithItsReason()
    {
        Profile denied = karmo();
        denied.name = QStringLiteral("Denied");
        denied.credential.oauth.clientId = QStringLiteral("roster-deny");
        SignInDialog dialog(denied, SignInDialog::Mode::Device);
        dialog.show();
        dialog.start();
        QVERIFY(QTest::qWaitFor([&dialog] { return dialog.isDone(); }, 20000));
        QVERIFY(dialog.isVisible());
        auto *status = child<QLabel>(&dialog, "signInStatus");
        QVERIFY2(status->text().contains(QLatin1String("refused")), qPrintable(status->text()));
        QVERIFY(dialog.error().isError());
        QVERIFY(dialog.account().isEmpty());
    }

    void signOutForgetsTheSignIn()
    {
        QVERIFY(keychainHolds(karmo()));
        action(QStringLiteral("Sign &Out"))->trigger();
        QVERIFY(QTest::qWaitFor([this] { return !keychainHolds(karmo()); }, 10000));
        action(QStringLiteral("&Reload"))->trigger();
        QVERIFY(QTest::qWaitFor([this] { return m_window->isErrorShown(); }, 15000));
        QVERIFY(signInAgain()->isVisible());
    }

    void theProfileDialogSignsInAndSaysAsWhom()
    {
        ProfileDialog dialog(&m_store, &m_credentials, &m_nam, true, m_window.get());
        dialog.show();
        dialog.selectProfile(karmo().name);
        auto *issuer = child<QLineEdit>(&dialog, "oauthIssuer");
        QVERIFY(issuer->isVisible());
        QCOMPARE(issuer->text(), karmo().credential.oauth.issuer.toString());
        QVERIFY(!child<QLineEdit>(&dialog, "secretField")->isVisible());
        auto *state = child<QLabel>(&dialog, "signInState");
        QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("Not signed in."), 10000);
        QVERIFY(!child<QPushButton>(&dialog, "signOutButton")->isEnabled());
        child<QPushButton>(&dialog, "signInButton")->click();
        QVERIFY(playSignIn(signInDialog(&dialog)));
        QTRY_COMPARE_WITH_TIMEOUT(
            state->text(), QStringLiteral("Signed in as ana.admin@example.com."), 10000);
        QVERIFY(child<QPushButton>(&dialog, "signOutButton")->isEnabled());
        TestSupport::saveScreenshot(&dialog, QStringLiteral("oauth-profile-dialog.png"));
        // Without a client id there is nothing to sign in as.
        auto *clientId = child<QLineEdit>(&dialog, "oauthClientId");
        clientId->clear();
        QVERIFY(!child<QPushButton>(&dialog, "signInButton")->isEnabled());
        QVERIFY(!child<QPushButton>(&dialog, "signInDeviceButton")->isEnabled());
        clientId->setText(QStringLiteral("roster"));
        QVERIFY(child<QPushButton>(&dialog, "signInButton")->isEnabled());
        // A typed issuer that is not https is refused as every other field is.
        issuer->setText(QStringLiteral("http://auth.example.com"));
        emit issuer->textEdited(issuer->text());
        QVERIFY(!dialog.fieldMessage(QStringLiteral("credential.oauth.issuer")).isEmpty());
        dialog.reject();
    }
};

QTEST_MAIN(TestOAuthWindow)
#include "tst_oauthwindow.moc"
