// Real deployments, end to end through real components on loopback: nginx terminating TLS (HTTP/2,
// gzip) with certificates from a throwaway private CA, and squid as the corporate proxy (CONNECT,
// basic auth, a host name only the proxy can resolve), both in front of the sandbox.
// Trust (system store, SSL_CERT_FILE, SSL_CERT_DIR, a profile's caFile), every bad certificate,
// environment proxies as curl reads them, a profile's own proxy, proxy authentication, a proxy
// that is down; then the same through `roster export`, many times (it once ended in SIGABRT).
#include "providerfactory.h"
#include "realnet/realnet.h"
#include "sandbox/sandboxdemo.h"
#include "sandbox/sandboxhost.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/sandboxtls.h"
#include "testsupport.h"
#include "transport.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTemporaryDir>

using namespace TestSupport;
using namespace RealNet;

namespace {
const QString kProxyUser = QStringLiteral("alice");
const QString kProxyPassword = QStringLiteral("proxy-pw-7Hq2");
const QString kCorpHost = QStringLiteral("users.corp.test"); // only squid knows this name
const char *const kEnvironment[] = {"SSL_CERT_FILE", "SSL_CERT_DIR", "https_proxy", "HTTPS_PROXY",
    "http_proxy", "all_proxy", "ALL_PROXY", "no_proxy", "NO_PROXY", "ROSTER_PROXY_SECRET"};
} // namespace

class TestRealNet : public QObject
{
    Q_OBJECT

    SandboxHost m_sandbox;
    QTemporaryDir m_dir;
    Pki m_pki;
    Nginx m_nginx;
    Squid m_squid;

    QString site(const QString &name) const
    {
        return QStringLiteral("https://localhost:%1").arg(m_nginx.port(name));
    }

    Profile profile(const QString &siteName, const QString &host = QStringLiteral("localhost"),
        const QString &org = QStringLiteral("realnet-n30")) const
    {
        QUrl base(QStringLiteral("https://%1:%2").arg(host).arg(m_nginx.port(siteName)));
        Profile p = SandboxDemo::profile(
            QStringLiteral("realnet %1").arg(siteName), QStringLiteral("karmo"), base, org);
        return p;
    }

    struct Outcome
    {
        Walk walk;
        QList<QSslCertificate> chain;
    };

    Outcome walk(const Profile &p, const QString &proxySecret = {})
    {
        QNetworkAccessManager nam;
        Provider *provider
            = ProviderFactory::create(p, SandboxServer::demoToken(), &nam, nullptr, proxySecret);
        fastRetries(provider);
        Outcome o;
        o.walk = fetchAll(provider);
        o.chain = provider->http()->lastPeerChain();
        delete provider;
        return o;
    }

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    Run roster(const QStringList &args, const QMap<QString, QString> &env = {})
    {
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("ROSTER_TEST_TOKEN"), SandboxServer::demoToken());
        e.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("xdg")));
        for (auto it = env.begin(); it != env.end(); ++it)
            e.insert(it.key(), it.value());
        p.setProcessEnvironment(e);
        p.start(QStringLiteral(ROSTER_BINARY), args);
        Run r;
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    QString writeConfig(const QString &name, QJsonObject extra, const QString &siteName,
        const QString &host = QStringLiteral("localhost"))
    {
        QJsonObject o {{QStringLiteral("name"), QStringLiteral("corp")},
            {QStringLiteral("kind"), QStringLiteral("karmo")},
            {QStringLiteral("baseUrl"),
                QStringLiteral("https://%1:%2/karmo").arg(host).arg(m_nginx.port(siteName))},
            {QStringLiteral("organization"), QStringLiteral("realnet-n30")},
            {QStringLiteral("credential"),
                QJsonObject {{QStringLiteral("env"), QStringLiteral("ROSTER_TEST_TOKEN")}}}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            o.insert(it.key(), it.value());
        const QString path = m_dir.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(QJsonDocument(QJsonObject {{QStringLiteral("profiles"), QJsonArray {o}}}).toJson());
        return path;
    }

    static bool mentions(const ProviderError &e, const QString &text)
    {
        return e.detailLines().join(QLatin1Char('\n')).contains(text, Qt::CaseInsensitive);
    }

private slots:
    void initTestCase()
    {
        for (const char *name : kEnvironment)
            qunsetenv(name);
        QVERIFY2(!findTool(QStringLiteral("nginx")).isEmpty(),
            "nginx is not installed (packaging/install-deps.sh installs it)");
        QVERIFY2(!findTool(QStringLiteral("squid")).isEmpty(),
            "squid is not installed (packaging/install-deps.sh installs it)");
        QVERIFY(m_dir.isValid());
        openUp(m_dir.path());
        QVERIFY2(
            m_pki.make(m_dir.filePath(QStringLiteral("pki")), kCorpHost), qPrintable(m_pki.error));
        QVERIFY(m_sandbox.start(0, 25000, 0));
        QMap<QString, Nginx::Site> sites;
        auto leaf = [this](const QString &name, const QString &pem = {}) {
            return Nginx::Site {m_pki.path((pem.isEmpty() ? name : pem) + QStringLiteral(".pem")),
                m_pki.path(name + QStringLiteral(".key"))};
        };
        for (const QString &name : {QStringLiteral("good"), QStringLiteral("expired"),
                 QStringLiteral("notyet"), QStringLiteral("wrongname"),
                 QStringLiteral("selfsigned"), QStringLiteral("unknownissuer")})
            sites.insert(name, leaf(name));
        sites.insert(QStringLiteral("fullchain"),
            leaf(QStringLiteral("viaintermediate"), QStringLiteral("viaintermediate-chain")));
        sites.insert(QStringLiteral("nointermediate"), leaf(QStringLiteral("viaintermediate")));
        const QString nginxDir = m_dir.filePath(QStringLiteral("nginx"));
        QDir().mkpath(nginxDir);
        QVERIFY2(m_nginx.start(nginxDir, m_sandbox.port(), sites), qPrintable(m_nginx.output()));
        const QString squidDir = m_dir.filePath(QStringLiteral("squid"));
        QDir().mkpath(squidDir);
        QVERIFY2(m_squid.start(squidDir, kProxyUser, kProxyPassword,
                     QByteArray("127.0.0.1 ") + kCorpHost.toLatin1() + '\n'),
            qPrintable(m_squid.output()));
    }

    void cleanup()
    {
        for (const char *name : kEnvironment)
            qunsetenv(name);
    }

    void cleanupTestCase()
    {
        m_squid.stop();
        m_nginx.stop();
        m_sandbox.stop();
    }

    void systemStoreAloneRefusesThePrivateCa()
    {
        const Outcome o = walk(profile(QStringLiteral("good")));
        QCOMPARE(o.walk.error.kind, ProviderError::Kind::Tls);
        // Permanent: one handshake, no retries.
        QCOMPARE(o.walk.error.attempts, 1);
        QVERIFY2(mentions(o.walk.error, QStringLiteral("localhost:")),
            qPrintable(o.walk.error.detailLines().join(QLatin1Char('\n'))));
        QVERIFY(mentions(o.walk.error, QStringLiteral("issued by CN=Roster Test Root CA")));
        QVERIFY(mentions(o.walk.error, QStringLiteral("caFile")));
        QVERIFY(mentions(o.walk.error, QStringLiteral("SSL_CERT_FILE")));
        // The presented certificate's fingerprint, as `openssl x509 -fingerprint -sha256` says it.
        QFile pem(m_pki.path(QStringLiteral("good.pem")));
        QVERIFY(pem.open(QIODevice::ReadOnly));
        const QSslCertificate leaf(pem.readAll());
        QVERIFY(mentions(o.walk.error,
            QString::fromLatin1(leaf.digest(QCryptographicHash::Sha256).toHex(':').toUpper())));
        QVERIFY(o.walk.users.isEmpty());
    }

    void caFileTrustsThatProfileOnly()
    {
        Profile trusted = profile(QStringLiteral("good"));
        trusted.caFile = m_pki.path(QStringLiteral("root.pem"));
        const Outcome ok = walk(trusted);
        QVERIFY2(!ok.walk.error.isError(), qPrintable(ok.walk.error.summary()));
        QCOMPARE(ok.walk.users.size(), 30);
        // Through nginx, over HTTP/2, gzip-compressed.
        const QStringList log = m_nginx.log(QStringLiteral("good"));
        QVERIFY(!log.isEmpty());
        QVERIFY2(log.last().contains(QLatin1String(" HTTP/2.0 GET 200 ")), qPrintable(log.last()));
        QVERIFY2(!log.last().endsWith(QLatin1String(" -")), qPrintable(log.last()));
        // The chain that was presented, for Test connection.
        QVERIFY(!ok.chain.isEmpty());
        QCOMPARE(ok.chain.first().subjectInfo(QSslCertificate::CommonName).value(0),
            QStringLiteral("localhost"));
        // Another profile of the same server, in the same process, is not affected.
        const Outcome other = walk(profile(QStringLiteral("good")));
        QCOMPARE(other.walk.error.kind, ProviderError::Kind::Tls);
    }

    void missingCaFileIsAConfigurationError()
    {
        Profile p = profile(QStringLiteral("good"));
        p.caFile = m_dir.filePath(QStringLiteral("no-such-ca.pem"));
        const Outcome o = walk(p);
        QCOMPARE(o.walk.error.kind, ProviderError::Kind::Configuration);
        QVERIFY(o.walk.error.message.contains(QLatin1String("caFile")));
        QVERIFY(o.walk.error.message.contains(QLatin1String("no-such-ca.pem")));
        Profile notPem = profile(QStringLiteral("good"));
        notPem.caFile = m_pki.path(QStringLiteral("root.key"));
        QVERIFY(
            walk(notPem).walk.error.message.contains(QLatin1String("holds no PEM certificate")));
    }

    void sslCertFileAndDirExtendTheSystemStore()
    {
        qputenv("SSL_CERT_FILE", m_pki.path(QStringLiteral("root.pem")).toLocal8Bit());
        Outcome o = walk(profile(QStringLiteral("good")));
        QVERIFY2(!o.walk.error.isError(), qPrintable(o.walk.error.summary()));
        QCOMPARE(o.walk.users.size(), 30);
        qunsetenv("SSL_CERT_FILE");
        qputenv("SSL_CERT_DIR",
            (m_dir.filePath(QStringLiteral("nowhere")) + QLatin1Char(':')
                + m_pki.path(QStringLiteral("certdir")))
                .toLocal8Bit());
        o = walk(profile(QStringLiteral("fullchain")));
        QVERIFY2(
            !o.walk.error.isError() || o.walk.error.message.contains(QLatin1String("SSL_CERT_DIR")),
            qPrintable(o.walk.error.summary()));
        qputenv("SSL_CERT_DIR", m_pki.path(QStringLiteral("certdir")).toLocal8Bit());
        o = walk(profile(QStringLiteral("fullchain")));
        QVERIFY2(!o.walk.error.isError(), qPrintable(o.walk.error.summary()));
        QCOMPARE(o.walk.users.size(), 30);
        // SSL_CERT_FILE naming a file that is not there is said, not ignored.
        qunsetenv("SSL_CERT_DIR");
        qputenv("SSL_CERT_FILE", m_dir.filePath(QStringLiteral("missing.pem")).toLocal8Bit());
        o = walk(profile(QStringLiteral("good")));
        QCOMPARE(o.walk.error.kind, ProviderError::Kind::Configuration);
        QVERIFY(o.walk.error.message.startsWith(QLatin1String("SSL_CERT_FILE: ")));
    }

    void plainHttpProfilesDoNotReadTheEnvironmentsCas()
    {
        // A bad SSL_CERT_FILE stops every encrypted profile (above), and only those: a plain-HTTP
        // server never sees a certificate, so Roster does not parse the environment's for it.
        qputenv("SSL_CERT_FILE", m_dir.filePath(QStringLiteral("missing.pem")).toLocal8Bit());
        const QUrl plain(QStringLiteral("http://127.0.0.1:%1/karmo").arg(m_sandbox.port()));
        Profile p = SandboxDemo::profile(
            QStringLiteral("plain"), QStringLiteral("karmo"), plain, QStringLiteral("realnet-n30"));
        const Outcome o = walk(p);
        QVERIFY2(!o.walk.error.isError(), qPrintable(o.walk.error.summary()));
        QCOMPARE(o.walk.users.size(), 30);
        // Signing in over TLS makes the profile an encrypted one.
        p.credential = CredentialSource(CredentialSource::Type::OAuth);
        p.credential.oauth.issuer = QUrl(site(QStringLiteral("good")));
        QCOMPARE(Transport::forProfile(p).error.kind, ProviderError::Kind::Configuration);
        QCOMPARE(walk(profile(QStringLiteral("good"))).walk.error.kind,
            ProviderError::Kind::Configuration);
    }

    void badCertificates_data()
    {
        QTest::addColumn<QString>("site");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("advice");
        QTest::newRow("expired") << "expired"
                                 << "expired"
                                 << "renew";
        QTest::newRow("not yet valid") << "notyet"
                                       << "not yet valid"
                                       << "clock";
        QTest::newRow("wrong name") << "wrongname"
                                    << "host name"
                                    << "wrong.example";
        QTest::newRow("self-signed") << "selfsigned"
                                     << "self-signed"
                                     << "caFile";
        QTest::newRow("unknown issuer") << "unknownissuer"
                                        << "issuer"
                                        << "caFile";
        QTest::newRow("missing intermediate") << "nointermediate"
                                              << "issuer"
                                              << "intermediate";
    }

    void badCertificates()
    {
        QFETCH(QString, site);
        QFETCH(QString, reason);
        QFETCH(QString, advice);
        Profile p = profile(site);
        p.caFile
            = m_pki.path(QStringLiteral("root.pem")); // the root is trusted: only the case fails
        const int before = m_nginx.log(site).size();
        const Outcome o = walk(p);
        const QString text = o.walk.error.detailLines().join(QLatin1Char('\n'));
        QCOMPARE(o.walk.error.kind, ProviderError::Kind::Tls);
        QCOMPARE(o.walk.error.attempts, 1);
        QVERIFY2(text.contains(reason, Qt::CaseInsensitive), qPrintable(text));
        QVERIFY2(text.contains(advice, Qt::CaseInsensitive), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("SHA-256")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("localhost:%1").arg(m_nginx.port(site))));
        // Nothing reached the server behind nginx.
        QCOMPARE(m_nginx.log(site).size(), before);
    }

    void fullChainFromAnIntermediateIsAccepted()
    {
        Profile p = profile(QStringLiteral("fullchain"));
        p.caFile = m_pki.path(QStringLiteral("root.pem"));
        const Outcome o = walk(p);
        QVERIFY2(!o.walk.error.isError(), qPrintable(o.walk.error.summary()));
        QCOMPARE(o.chain.size(), 2);
    }

    void environmentProxyAsCurlReadsIt()
    {
        // users.corp.test resolves only at the proxy: reaching it proves the proxy was used.
        Profile p = profile(QStringLiteral("good"), kCorpHost);
        p.caFile = m_pki.path(QStringLiteral("root.pem"));
        const QByteArray proxy = QStringLiteral("http://%1:%2@127.0.0.1:%3")
                                     .arg(kProxyUser, kProxyPassword)
                                     .arg(m_squid.port())
                                     .toLatin1();
        qputenv("https_proxy", proxy);
        Outcome o = walk(p);
        QVERIFY2(!o.walk.error.isError(),
            qPrintable(o.walk.error.detailLines().join(QLatin1Char('\n'))));
        QCOMPARE(o.walk.users.size(), 30);
        // The upper-case spelling, then all_proxy, as curl.
        qunsetenv("https_proxy");
        qputenv("HTTPS_PROXY", proxy);
        QCOMPARE(walk(p).walk.users.size(), 30);
        qunsetenv("HTTPS_PROXY");
        qputenv("all_proxy", proxy);
        QCOMPARE(walk(p).walk.users.size(), 30);
        // no_proxy by suffix, and "*": the proxy is bypassed, and the name cannot be resolved.
        for (const char *bypass : {"corp.test", ".corp.test", "*", "example.com,users.corp.test"}) {
            qputenv("no_proxy", bypass);
            o = walk(p);
            QVERIFY2(o.walk.error.kind == ProviderError::Kind::Network, bypass);
        }
        qputenv("no_proxy", "other.test");
        QCOMPARE(walk(p).walk.users.size(), 30);
    }

    void environmentProxyWithWrongOrNoPassword()
    {
        Profile p = profile(QStringLiteral("good"), kCorpHost);
        p.caFile = m_pki.path(QStringLiteral("root.pem"));
        qputenv("https_proxy",
            QStringLiteral("http://alice:wrong-pw-Zx9@127.0.0.1:%1")
                .arg(m_squid.port())
                .toLatin1());
        Outcome o = walk(p);
        QString text = o.walk.error.detailLines().join(QLatin1Char('\n'));
        QCOMPARE(o.walk.error.kind, ProviderError::Kind::Proxy);
        QCOMPARE(o.walk.error.attempts, 1);
        QVERIFY2(text.contains(QLatin1String("407")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("proxyCredential")));
        QVERIFY(!text.contains(QLatin1String("wrong-pw-Zx9")));
        qputenv(
            "https_proxy", QStringLiteral("http://127.0.0.1:%1").arg(m_squid.port()).toLatin1());
        o = walk(p);
        QCOMPARE(o.walk.error.kind, ProviderError::Kind::Proxy);
        // A scheme Qt cannot speak is said at once, not bypassed.
        qputenv("https_proxy", "https://127.0.0.1:1");
        o = walk(p);
        QCOMPARE(o.walk.error.kind, ProviderError::Kind::Configuration);
        QVERIFY2(o.walk.error.message.contains(QLatin1String("https_proxy")),
            qPrintable(o.walk.error.message));
    }

    void profileProxyWithItsOwnCredential()
    {
        // The environment points at a proxy that is down; the profile's own proxy wins.
        qputenv("https_proxy", QStringLiteral("http://127.0.0.1:%1").arg(freePort()).toLatin1());
        Profile p = profile(QStringLiteral("good"), kCorpHost);
        p.caFile = m_pki.path(QStringLiteral("root.pem"));
        p.proxy = QStringLiteral("http://127.0.0.1:%1").arg(m_squid.port());
        p.proxyCredential = {CredentialSource::Type::Env, QStringLiteral("ROSTER_PROXY_SECRET")};
        Outcome o = walk(p, kProxyUser + QLatin1Char(':') + kProxyPassword);
        QVERIFY2(!o.walk.error.isError(),
            qPrintable(o.walk.error.detailLines().join(QLatin1Char('\n'))));
        QCOMPARE(o.walk.users.size(), 30);
        // The user in the URL, the password alone in the credential.
        p.proxy = QStringLiteral("http://%1@127.0.0.1:%2").arg(kProxyUser).arg(m_squid.port());
        QCOMPARE(walk(p, kProxyPassword).walk.users.size(), 30);
        o = walk(p, QStringLiteral("not-it"));
        QCOMPARE(o.walk.error.kind, ProviderError::Kind::Proxy);
        QVERIFY(o.walk.error.message.contains(QStringLiteral("127.0.0.1:%1").arg(m_squid.port())));
        QVERIFY(
            !o.walk.error.detailLines().join(QLatin1Char('\n')).contains(QLatin1String("not-it")));
    }

    void profileProxyNoneGoesDirect()
    {
        // The environment's proxy is down: a profile that uses it fails at the proxy; one with
        // "proxy": "none" goes straight to the host, which only the proxy could have resolved.
        qputenv("https_proxy", QStringLiteral("http://127.0.0.1:%1").arg(freePort()).toLatin1());
        Profile p = profile(QStringLiteral("good"), kCorpHost);
        p.caFile = m_pki.path(QStringLiteral("root.pem"));
        QCOMPARE(walk(p).walk.error.kind, ProviderError::Kind::Proxy);
        p.proxy = QStringLiteral("none");
        const Outcome o = walk(p);
        QCOMPARE(o.walk.error.kind, ProviderError::Kind::Network);
        QVERIFY2(o.walk.error.message.contains(kCorpHost), qPrintable(o.walk.error.message));
        // Loopback is never proxied (as Qt does), so "none" and the default reach it alike.
        Profile local = profile(QStringLiteral("good"));
        local.caFile = m_pki.path(QStringLiteral("root.pem"));
        local.proxy = QStringLiteral("none");
        QCOMPARE(walk(local).walk.users.size(), 30);
    }

    void proxyThatIsDownIsNamedAndRetried()
    {
        const quint16 dead = freePort();
        Profile p = profile(QStringLiteral("good"), kCorpHost);
        p.proxy = QStringLiteral("http://127.0.0.1:%1").arg(dead);
        const Outcome o = walk(p);
        QVERIFY2(o.walk.error.kind == ProviderError::Kind::Proxy,
            qPrintable(o.walk.error.detailLines().join(QLatin1Char('\n'))));
        QVERIFY(o.walk.error.attempts > 1); // a proxy may come back: retried like the network
        QVERIFY2(o.walk.error.message.contains(QStringLiteral("http://127.0.0.1:%1").arg(dead)),
            qPrintable(o.walk.error.message));
    }

    // `roster sandbox --tls` and the demo's HTTPS profile: a throwaway CA that only the profile
    // given it as caFile trusts.
    void sandboxServesHttpsFromAThrowawayCa()
    {
        const SandboxTls tls = SandboxTls::create(m_dir.filePath(QStringLiteral("sandbox-tls")));
        QVERIFY2(tls.isValid(), qPrintable(tls.error));
        QVERIFY(QFile::exists(tls.caFile));
        QCOMPARE(QFileInfo(m_dir.filePath(QStringLiteral("sandbox-tls/leaf.key"))).permissions()
                & (QFile::ReadOther | QFile::ReadGroup),
            QFile::Permissions());
        SandboxHost host;
        QVERIFY(host.start(0, 25000, 0, &tls));
        QCOMPARE(host.url().scheme(), QStringLiteral("https"));
        const Profile p = SandboxDemo::tlsProfile(host.url(), tls.caFile);
        QCOMPARE(p.caFile, tls.caFile);
        QNetworkAccessManager nam;
        Provider *provider = ProviderFactory::create(p, SandboxServer::demoToken(), &nam);
        PageReply *reply = provider->probe();
        QVERIFY(waitFor(reply));
        QVERIFY2(!reply->hasError(), qPrintable(reply->error().summary()));
        QVERIFY(!reply->page().users.isEmpty());
        delete provider;
        Profile untrusted = p;
        untrusted.caFile.clear();
        const Outcome o = walk(untrusted);
        QCOMPARE(o.walk.error.kind, ProviderError::Kind::Tls);
        QVERIFY(mentions(o.walk.error, QStringLiteral("Roster sandbox throwaway CA")));
    }

    void proxyRulesFollowCurl()
    {
        QVERIFY(ProxyRules::bypasses(QStringLiteral("*"), QStringLiteral("anything.example")));
        QVERIFY(
            ProxyRules::bypasses(QStringLiteral("example.com"), QStringLiteral("a.example.com")));
        QVERIFY(
            !ProxyRules::bypasses(QStringLiteral("example.com"), QStringLiteral("badexample.com")));
        QVERIFY(
            ProxyRules::bypasses(QStringLiteral(" .example.com "), QStringLiteral("EXAMPLE.com")));
        QVERIFY(ProxyRules::bypasses(QStringLiteral("10.0.0.0/8"), QStringLiteral("10.2.3.4")));
        QVERIFY(!ProxyRules::bypasses(QStringLiteral("10.0.0.0/8"), QStringLiteral("11.2.3.4")));
        QVERIFY(ProxyRules::bypasses(QStringLiteral("::1"), QStringLiteral("::1")));
        const ProxyRules::Parsed bare = ProxyRules::parse(QStringLiteral("proxy.example"));
        QCOMPARE(bare.proxy.type(), QNetworkProxy::HttpProxy);
        QCOMPARE(bare.proxy.port(), quint16(1080)); // curl's default port
        const ProxyRules::Parsed socks
            = ProxyRules::parse(QStringLiteral("socks5h://u%40x:p%3Aw@s:9"));
        QCOMPARE(socks.proxy.type(), QNetworkProxy::Socks5Proxy);
        QCOMPARE(socks.proxy.user(), QStringLiteral("u@x"));
        QCOMPARE(socks.proxy.password(), QStringLiteral("p:w"));
        QVERIFY(!ProxyRules::parse(QStringLiteral("socks4://s:1")).problem.isEmpty());
        qputenv("HTTP_PROXY", "http://ignored:1"); // as curl: never the upper-case one for http
        QVERIFY(!ProxyRules::fromEnvironment(QUrl(QStringLiteral("http://h.example/"))));
        qunsetenv("HTTP_PROXY");
    }

    // Through the command line: exit 1, the explanation on stderr, the old file untouched; many
    // times, since one run in about sixty once ended in SIGABRT after its message.
    void commandLineTlsFailuresLeaveTheFileAndNeverCrash()
    {
        const QString config = writeConfig(QStringLiteral("wrongname.json"),
            {{QStringLiteral("caFile"), m_pki.path(QStringLiteral("root.pem"))}},
            QStringLiteral("wrongname"));
        const QString out = m_dir.filePath(QStringLiteral("kept.csv"));
        QFile old(out);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the old export\n");
        old.close();
        const int runs = qEnvironmentVariableIntValue("ROSTER_TLS_RUNS") > 0
            ? qEnvironmentVariableIntValue("ROSTER_TLS_RUNS")
            : 25;
        for (int i = 0; i < runs; ++i) {
            const Run r = roster({QStringLiteral("export"), QStringLiteral("--config"), config,
                QStringLiteral("--profile"), QStringLiteral("corp"), QStringLiteral("--output"),
                out, QStringLiteral("--quiet")});
            QVERIFY2(r.exitCode == 1,
                qPrintable(QStringLiteral("run %1: exit %2: %3")
                               .arg(i)
                               .arg(r.exitCode)
                               .arg(QString::fromUtf8(r.err))));
            if (i == 0) {
                QVERIFY2(r.err.contains("wrong.example"), r.err.constData());
                QVERIFY2(r.err.contains("SHA-256"), r.err.constData());
                QVERIFY2(r.err.contains("baseUrl"), r.err.constData());
            }
        }
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("the old export\n"));
        QVERIFY(!QFile::exists(out + QStringLiteral(".partial")));
    }

    void commandLineThroughTheProfileProxy()
    {
        const QString config = writeConfig(QStringLiteral("proxied.json"),
            {{QStringLiteral("caFile"), m_pki.path(QStringLiteral("root.pem"))},
                {QStringLiteral("proxy"),
                    QStringLiteral("http://127.0.0.1:%1").arg(m_squid.port())},
                {QStringLiteral("proxyCredential"),
                    QJsonObject {{QStringLiteral("env"), QStringLiteral("ROSTER_PROXY_SECRET")}}}},
            QStringLiteral("good"), kCorpHost);
        const QString out = m_dir.filePath(QStringLiteral("proxied.csv"));
        Run r = roster({QStringLiteral("export"), QStringLiteral("--config"), config,
                           QStringLiteral("--profile"), QStringLiteral("corp"),
                           QStringLiteral("--output"), out, QStringLiteral("--quiet")},
            {{QStringLiteral("ROSTER_PROXY_SECRET"),
                kProxyUser + QLatin1Char(':') + kProxyPassword}});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile csv(out);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll().count('\n'), 31);
        r = roster({QStringLiteral("export"), QStringLiteral("--config"), config,
                       QStringLiteral("--profile"), QStringLiteral("corp"),
                       QStringLiteral("--output"), out},
            {{QStringLiteral("ROSTER_PROXY_SECRET"), QStringLiteral("alice:Wr0ng-Secret")}});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("407"), r.err.constData());
        QVERIFY(!r.err.contains("Wr0ng-Secret"));
        QVERIFY(!r.out.contains("Wr0ng-Secret"));
    }
};

QTEST_GUILESS_MAIN(TestRealNet)
#include "tst_realnet.moc"
