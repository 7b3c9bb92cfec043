// Signing in with OAuth 2.0 against the sandbox's authorization server, for real: discovery, the
// browser flow (the test plays the browser, following the authorization URL to the loopback
// redirect), the device flow's every answer, refresh before expiry and after a 401, a revoked
// sign-in, logout, and the command line. CTest runs this inside scripts/with-secret-service (a
// private Secret Service), since the refresh token lives in the OS keychain only.
#include "browsersignin.h"
#include "credentialstore.h"
#include "devicesignin.h"
#include "oauthsession.h"
#include "profilestore.h"
#include "sandbox/sandboxhost.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUrlQuery>

using namespace TestSupport;

class TestOAuth : public QObject
{
    Q_OBJECT

    SandboxHost m_sandbox;
    QNetworkAccessManager m_nam;
    QTemporaryDir m_dir;
    int m_serial = 0;
    QByteArrayList m_printed; // everything the command line printed

    SandboxOAuth &oauth() { return m_sandbox.server()->oauth(); }

    Profile oauthProfile(const QString &client = QStringLiteral("roster"),
        const QString &issuerPath = QStringLiteral("/oauth"))
    {
        Profile p = SandboxDemo::profile(QStringLiteral("Signed-in Karmo %1").arg(++m_serial),
            QStringLiteral("karmo"), m_sandbox.url(), QStringLiteral("acme-n300"));
        p.credential = {CredentialSource::Type::OAuth};
        p.credential.oauth.issuer = m_sandbox.url(issuerPath);
        p.credential.oauth.clientId = client;
        p.credential.oauth.scopes = {QStringLiteral("openid"), QStringLiteral("offline_access")};
        return p;
    }

    int playBrowser(const QUrl &url) { return TestSupport::playBrowser(m_nam, url); }

    struct Outcome
    {
        bool finished = false;
        ProviderError error;
        QString account;
    };

    Outcome waitFor(SignInFlow *flow)
    {
        Outcome o;
        QObject::connect(flow, &SignInFlow::finished, flow,
            [&o](const ProviderError &error, const QString &account) {
                o.finished = true;
                o.error = error;
                o.account = account;
            });
        flow->start();
        (void)QTest::qWaitFor([&o] { return o.finished; }, 20000);
        return o;
    }

    Outcome signIn(const Profile &p)
    {
        BrowserSignIn flow(OAuthSession::forProfile(p));
        flow.setOpensBrowser(false);
        connect(&flow, &BrowserSignIn::authorizationUrl, this,
            [this](const QUrl &url) { playBrowser(url); });
        return waitFor(&flow);
    }

    // The keychain's entry for the profile: whether there is one, and its text.
    std::pair<bool, QString> entry(const Profile &p)
    {
        CredentialStore store;
        bool done = false, found = false;
        QString text;
        QObject context;
        store.readKeychain(OAuthSession::keychainKey(p.name), &context,
            [&](const QString &t, bool f, const ProviderError &) {
                done = true;
                found = f;
                text = t;
            });
        (void)QTest::qWaitFor([&done] { return done; }, 10000);
        return {found, text};
    }

    // A provider for the profile, as a window or an export gets one.
    Walk walkAsTheApplication(const Profile &p)
    {
        CredentialStore credentials;
        QString token;
        ProviderError error;
        bool done = false;
        QObject context;
        credentials.read(p, &context, [&](const QString &t, const ProviderError &e) {
            token = t;
            error = e;
            done = true;
        });
        (void)QTest::qWaitFor([&done] { return done; }, 10000);
        Walk walk;
        if (error.isError()) {
            walk.error = error;
            return walk;
        }
        std::unique_ptr<Provider> provider(ProviderFactory::create(p, token, &m_nam));
        return fetchAll(provider.get());
    }

    struct Run
    {
        int exitCode = -1;
        QByteArray err;
    };

    // roster with the arguments; `onErr` sees standard error as it comes (to play the browser).
    Run roster(const QStringList &args, const std::function<void(const QByteArray &)> &onErr = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BROWSER"), QStringLiteral("true")); // opens nothing
        p.setProcessEnvironment(env);
        Run r;
        connect(&p, &QProcess::readyReadStandardError, this, [&] {
            r.err += p.readAllStandardError();
            if (onErr)
                onErr(r.err);
        });
        p.start(QStringLiteral(ROSTER_BINARY), args);
        if (!QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, 60000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.err += p.readAllStandardError();
        m_printed << r.err << p.readAllStandardOutput();
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        return r;
    }

    QString writeProfiles(const QList<Profile> &profiles)
    {
        ProfileStore store;
        store.setProfiles(profiles);
        const QString path = m_dir.filePath(QStringLiteral("profiles-%1.json").arg(++m_serial));
        QString error;
        return store.save(path, &error) ? path : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_sandbox.start(0, 300, 0));
    }

    void init() { oauth().setAccessLifetimeMs(3600 * 1000); }

    void discoveryReadsOpenIdConnectsDocumentElseRfc8414s()
    {
        for (const QString &issuer : {QStringLiteral("/oauth"), QStringLiteral("/oauth-plain")}) {
            OAuthClient client(oauthProfile(QStringLiteral("roster"), issuer), &m_nam);
            bool done = false;
            OAuthEndpoints endpoints;
            ProviderError error;
            client.discover(this, [&](const OAuthEndpoints &e, const ProviderError &err) {
                endpoints = e;
                error = err;
                done = true;
            });
            QVERIFY(QTest::qWaitFor([&done] { return done; }, 10000));
            QVERIFY2(!error.isError(), qPrintable(error.message));
            QCOMPARE(endpoints.token, m_sandbox.url(QStringLiteral("/oauth/token")));
            QCOMPARE(endpoints.deviceAuthorization,
                m_sandbox.url(QStringLiteral("/oauth/device_authorization")));
        }
    }

    void discoveryRefusesAnotherIssuersDocumentAndSaysWhatIsMissing()
    {
        const Outcome mixup
            = signIn(oauthProfile(QStringLiteral("roster"), QStringLiteral("/oauth-mixup")));
        QVERIFY(mixup.finished);
        QVERIFY2(mixup.error.message.contains(QLatin1String("names the issuer")),
            qPrintable(mixup.error.message));
        const Outcome none
            = signIn(oauthProfile(QStringLiteral("roster"), QStringLiteral("/nowhere")));
        QVERIFY(none.finished);
        QVERIFY2(none.error.message.contains(QLatin1String("discovery document"))
                && none.error.message.contains(QLatin1String("HTTP 404")),
            qPrintable(none.error.message));
    }

    void theBrowserSignInKeepsTheRefreshTokenInTheKeychainAndTheProfileReadsUsers()
    {
        const Profile p = oauthProfile();
        QCOMPARE(entry(p).first, false);
        const Outcome o = signIn(p);
        QVERIFY(o.finished);
        QVERIFY2(!o.error.isError(), qPrintable(o.error.message));
        QCOMPARE(o.account, QStringLiteral("ana.admin@example.com"));
        const auto [found, text] = entry(p);
        QVERIFY(found);
        QVERIFY(text.contains(QLatin1String("sbx-rt-")));
        const Walk walk = walkAsTheApplication(p);
        QVERIFY2(!walk.error.isError(), qPrintable(walk.error.message));
        QCOMPARE(walk.users.size(), 300);
        // The profile as saved holds where to sign in, never a token.
        const QString path = writeProfiles({p});
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray saved = file.readAll();
        QVERIFY(saved.contains("\"clientId\": \"roster\""));
        QVERIFY(!saved.contains("sbx-"));
    }

    void theDemoProfileThatSignsInIsValidAndSignsIn()
    {
        const Profile p = SandboxDemo::signInProfile(m_sandbox.url());
        QCOMPARE(p.credential.type, CredentialSource::Type::OAuth);
        QVERIFY(ProfileStore::validate(p).isEmpty());
        QVERIFY(walkAsTheApplication(p).error.signInNeeded); // not signed in until one does
        const Outcome o = signIn(p);
        QVERIFY2(!o.error.isError(), qPrintable(o.error.message));
        const Walk walk = walkAsTheApplication(p);
        QVERIFY2(!walk.error.isError(), qPrintable(walk.error.message));
        QVERIFY(!walk.users.isEmpty());
    }

    void aStateThatThisSignInDidNotSendIsRefused()
    {
        const Profile p = oauthProfile();
        BrowserSignIn flow(OAuthSession::forProfile(p));
        flow.setOpensBrowser(false);
        int landed = 0;
        connect(&flow, &BrowserSignIn::authorizationUrl, this, [&](const QUrl &url) {
            // Another page sends the browser to the redirect with a code of its own.
            QUrl forged(
                QUrlQuery(url).queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
            forged.setQuery(QStringLiteral("code=sbx-code-forged&state=not-ours"));
            landed = playBrowser(forged);
        });
        const Outcome o = waitFor(&flow);
        QVERIFY(o.finished);
        QVERIFY2(o.error.message.contains(QLatin1String("state")), qPrintable(o.error.message));
        QCOMPARE(landed, 400); // the browser's page says it did not work
        QCOMPARE(entry(p).first, false);
    }

    void theAuthorizationServerRequiresPkceAndItsVerifier()
    {
        // No challenge: the redirect carries invalid_request.
        QUrl authorize = m_sandbox.url(QStringLiteral("/oauth/authorize"));
        authorize.setQuery(QStringLiteral("response_type=code&client_id=roster&state=s1&"
                                          "redirect_uri=http://127.0.0.1:9/callback"));
        QNetworkRequest manual(authorize);
        manual.setAttribute(
            QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply *reply = m_nam.get(manual);
        QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 302);
        QVERIFY(reply->rawHeader("Location").contains("error=invalid_request"));
        reply->deleteLater();
        // A challenge, then the code with another verifier: invalid_grant.
        const QByteArray verifier = OAuthClient::randomToken(32);
        authorize.setQuery(QStringLiteral("response_type=code&client_id=roster&state=s2&"
                                          "redirect_uri=http://127.0.0.1:9/callback&"
                                          "code_challenge_method=S256&code_challenge=")
            + QString::fromLatin1(OAuthClient::challengeOf(verifier)));
        manual.setUrl(authorize);
        reply = m_nam.get(manual);
        QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000));
        const QUrlQuery back(QUrl::fromEncoded(reply->rawHeader("Location")));
        reply->deleteLater();
        const QString code = back.queryItemValue(QStringLiteral("code"));
        QVERIFY(code.startsWith(QLatin1String("sbx-code-")));
        QCOMPARE(back.queryItemValue(QStringLiteral("state")), QStringLiteral("s2"));
        OAuthClient client(oauthProfile(), &m_nam);
        const auto exchange = [&](const QByteArray &v) {
            OAuthAnswer answer;
            bool done = false;
            client.post(m_sandbox.url(QStringLiteral("/oauth/token")),
                {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                    {QStringLiteral("code"), code},
                    {QStringLiteral("redirect_uri"), QStringLiteral("http://127.0.0.1:9/callback")},
                    {QStringLiteral("client_id"), QStringLiteral("roster")},
                    {QStringLiteral("code_verifier"), QString::fromLatin1(v)}},
                this, [&](const OAuthAnswer &a) {
                    answer = a;
                    done = true;
                });
            (void)QTest::qWaitFor([&done] { return done; }, 10000);
            return answer;
        };
        const OAuthAnswer wrong = exchange(OAuthClient::randomToken(32));
        QCOMPARE(wrong.status, 400);
        QCOMPARE(wrong.error, QStringLiteral("invalid_grant"));
        // The code is spent by the failed try, as RFC 6749 10.5 wants: the right verifier is late.
        QCOMPARE(exchange(verifier).error, QStringLiteral("invalid_grant"));
    }

    void aSignInTheServerRefusesSaysWhy()
    {
        const Outcome o = signIn(oauthProfile(QStringLiteral("roster-deny")));
        QVERIFY(o.finished);
        QVERIFY2(o.error.message.contains(QLatin1String("access_denied"))
                && o.error.message.contains(QLatin1String("declined")),
            qPrintable(o.error.message));
    }

    void anAccessTokenTheServerNoLongerTakesIsRefreshedOnceAndTheRequestRepeated()
    {
        const Profile p = oauthProfile();
        const std::shared_ptr<OAuthSession> session = OAuthSession::forProfile(p);
        QVERIFY(!signIn(p).error.isError());
        const QByteArray before = session->token();
        QVERIFY(before.startsWith("sbx-at-"));
        oauth().expireAccessTokens();
        const int refreshes = oauth().refreshes();
        const Walk walk = walkAsTheApplication(p);
        QVERIFY2(!walk.error.isError(), qPrintable(walk.error.message));
        QCOMPARE(walk.users.size(), 300);
        QCOMPARE(oauth().refreshes(), refreshes + 1);
        QVERIFY(session->token() != before);
    }

    void aRevokedSignInSaysSignInAgain()
    {
        const Profile p = oauthProfile();
        QVERIFY(!signIn(p).error.isError());
        const std::shared_ptr<OAuthSession> session = OAuthSession::forProfile(p);
        oauth().revokeRefreshTokens();
        oauth().expireAccessTokens();
        const Walk walk = walkAsTheApplication(p);
        QVERIFY(walk.error.isError());
        QVERIFY(walk.error.signInNeeded);
        QVERIFY2(walk.error.message.contains(QLatin1String("expired or was revoked"))
                && walk.error.message.contains(
                    QStringLiteral("roster login --profile \"%1\"").arg(p.name)),
            qPrintable(walk.error.message));
    }

    void aRotatedRefreshTokenReplacesTheSpentOne()
    {
        const Profile p = oauthProfile(QStringLiteral("roster-rotate"));
        QVERIFY(!signIn(p).error.isError());
        const QString first = entry(p).second;
        oauth().expireAccessTokens();
        QVERIFY(!walkAsTheApplication(p).error.isError());
        const QString second = entry(p).second;
        QVERIFY(second.contains(QLatin1String("sbx-rt-")));
        QVERIFY(first != second);
        oauth().expireAccessTokens();
        QVERIFY(!walkAsTheApplication(p).error.isError()); // the new one works
    }

    void theDeviceFlowSignsInOnceTheCodeIsEntered()
    {
        const Profile p = oauthProfile();
        DeviceSignIn flow(OAuthSession::forProfile(p));
        QString userCode;
        const int polls = oauth().devicePolls();
        connect(&flow, &DeviceSignIn::userCode, this,
            [&](const QUrl &uri, const QString &code, const QUrl &complete) {
                userCode = code;
                QCOMPARE(uri, m_sandbox.url(QStringLiteral("/oauth/device")));
                QVERIFY(complete.toString().contains(code));
                // Entered only after the first poll was told to wait.
                QTimer::singleShot(0, this, [this, complete, polls] {
                    QVERIFY(QTest::qWaitFor([&] { return oauth().devicePolls() > polls; }, 10000));
                    QCOMPARE(playBrowser(complete), 200);
                });
            });
        const Outcome o = waitFor(&flow);
        QVERIFY(o.finished);
        QVERIFY2(!o.error.isError(), qPrintable(o.error.message));
        QVERIFY(!userCode.isEmpty());
        QCOMPARE(o.account, QStringLiteral("ana.admin@example.com"));
        QVERIFY(oauth().devicePolls() >= polls + 2); // pending, then the tokens
        QVERIFY(entry(p).first);
    }

    void theDeviceFlowSlowsDownWhenAsked()
    {
        DeviceSignIn flow(OAuthSession::forProfile(oauthProfile(QStringLiteral("roster-slow"))));
        flow.setSlowDownStepMs(300);
        connect(&flow, &DeviceSignIn::userCode, this,
            [this](const QUrl &, const QString &, const QUrl &complete) { playBrowser(complete); });
        const Outcome o = waitFor(&flow);
        QVERIFY2(!o.error.isError(), qPrintable(o.error.message));
        QCOMPARE(flow.intervalMs(), 1300); // the server's 1 s, and the step
    }

    void theDeviceFlowSaysWhenTheCodeExpiredOrWasRefused()
    {
        DeviceSignIn expired(
            OAuthSession::forProfile(oauthProfile(QStringLiteral("roster-expire"))));
        const Outcome e = waitFor(&expired);
        QVERIFY(e.finished);
        QVERIFY2(e.error.message.contains(QLatin1String("expired before it was entered")),
            qPrintable(e.error.message));
        DeviceSignIn denied(OAuthSession::forProfile(oauthProfile(QStringLiteral("roster-deny"))));
        const Outcome d = waitFor(&denied);
        QVERIFY2(d.error.message.contains(QLatin1String("refused on the other device")),
            qPrintable(d.error.message));
    }

    void signingOutForgetsTheTokens()
    {
        const Profile p = oauthProfile();
        QVERIFY(!signIn(p).error.isError());
        QVERIFY(entry(p).first);
        bool done = false;
        const std::shared_ptr<OAuthSession> session = OAuthSession::forProfile(p);
        session->signOut(this, [&done](const ProviderError &e) {
            QVERIFY(!e.isError());
            done = true;
        });
        QVERIFY(QTest::qWaitFor([&done] { return done; }, 10000));
        QCOMPARE(entry(p).first, false);
        const Walk walk = walkAsTheApplication(p);
        QVERIFY(walk.error.signInNeeded);
        QCOMPARE(walk.error.message,
            QStringLiteral("not signed in: run roster login --profile \"%1\"").arg(p.name));
    }

    void theCommandLineSignsInOutAndNeverStartsASignInOnItsOwn()
    {
        // A 2-second access token, refreshed during the export below (30 pages of 100 ms).
        oauth().setAccessLifetimeMs(2000);
        m_sandbox.setLatencyMs(100);
        Profile p = oauthProfile();
        p.options.insert(QStringLiteral("pageSize"), 10);
        Profile plain = SandboxDemo::profile(QStringLiteral("Plain"), QStringLiteral("karmo"),
            m_sandbox.url(), QStringLiteral("acme"));
        plain.credential = {CredentialSource::Type::Env, QStringLiteral("NO_SUCH_VARIABLE")};
        const QString config = writeProfiles({p, plain});
        const QStringList exportArgs {QStringLiteral("export"), QStringLiteral("--profile"), p.name,
            QStringLiteral("--config"), config, QStringLiteral("--output"),
            m_dir.filePath(QStringLiteral("users.csv"))};

        Run notYet = roster(exportArgs);
        QCOMPARE(notYet.exitCode, 1);
        QVERIFY2(
            notYet.err.contains(QStringLiteral("not signed in: run roster login --profile \"%1\"")
                                    .arg(p.name)
                                    .toUtf8()),
            notYet.err.constData());

        bool played = false;
        const Run login = roster({QStringLiteral("login"), QStringLiteral("--profile"), p.name,
                                     QStringLiteral("--config"), config},
            [&](const QByteArray &err) {
                const QRegularExpressionMatch m
                    = QRegularExpression(QStringLiteral("(http://\\S+/oauth/authorize\\S+)"))
                          .match(QString::fromUtf8(err));
                if (m.hasMatch() && !std::exchange(played, true))
                    QTimer::singleShot(0, this, [this, url = m.captured(1)] {
                        playBrowser(QUrl::fromEncoded(url.toUtf8()));
                    });
            });
        QCOMPARE(login.exitCode, 0);
        QVERIFY(login.err.contains(QByteArray(
            "Signed in: profile \"" + p.name.toUtf8() + "\" as ana.admin@example.com.")));

        const int refreshes = oauth().refreshes();
        const Run exported = roster(exportArgs);
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        QVERIFY(exported.err.contains("Wrote 300 rows"));
        // Once to start (a new process has only the keychain's refresh token), then on the way.
        QVERIFY2(oauth().refreshes() >= refreshes + 2,
            qPrintable(QString::number(oauth().refreshes() - refreshes)));

        // On another device: the code is read off standard error and entered.
        bool entered = false;
        const Run device
            = roster({QStringLiteral("login"), QStringLiteral("--profile"), p.name,
                         QStringLiteral("--config"), config, QStringLiteral("--device")},
                [&](const QByteArray &err) {
                    const QRegularExpressionMatch m
                        = QRegularExpression(QStringLiteral("or open (http://\\S+user_code=\\S+),"))
                              .match(QString::fromUtf8(err));
                    if (m.hasMatch() && !std::exchange(entered, true))
                        QTimer::singleShot(
                            0, this, [this, url = m.captured(1)] { playBrowser(QUrl(url)); });
                });
        QVERIFY2(device.exitCode == 0, device.err.constData());

        QCOMPARE(roster({QStringLiteral("logout"), QStringLiteral("--profile"), p.name,
                            QStringLiteral("--config"), config})
                     .exitCode,
            0);
        QCOMPARE(roster(exportArgs).exitCode, 1);
        const Run usage = roster({QStringLiteral("login"), QStringLiteral("--profile"),
            QStringLiteral("Plain"), QStringLiteral("--config"), config});
        QCOMPARE(usage.exitCode, 2);
        QVERIFY(usage.err.contains("does not sign in"));
        m_sandbox.setLatencyMs(0);
    }

    void noTokenIsWrittenOrPrintedAnywhere()
    {
        const QStringList tokens = oauth().issuedTokens();
        QVERIFY(tokens.size() > 10);
        // Everything on disk of this session (its throwaway HOME holds the keyring, encrypted),
        // and everything the command line printed.
        QByteArrayList haystacks = m_printed;
        for (const QString &root : {QDir::homePath(), m_dir.path()}) {
            QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                if (f.size() < (8 << 20) && f.open(QIODevice::ReadOnly))
                    haystacks << f.readAll();
            }
        }
        QVERIFY(haystacks.size() > 2);
        for (const QString &token : tokens) {
            for (const QByteArray &h : haystacks)
                QVERIFY2(!h.contains(token.toUtf8()), qPrintable(token.left(12)));
        }
    }
};

QTEST_MAIN(TestOAuth)
#include "tst_oauth.moc"
