// The OS keychain for real: CTest runs this inside scripts/with-secret-service, a private D-Bus
// session with gnome-keyring-daemon. A secret typed in the profiles dialog is stored there, read
// back for an export (and sent to the server), then deleted; it never lands in the profiles file,
// the settings, or anything printed.
#include "credentialstore.h"
#include "exportjob.h"
#include "profiledialog.h"
#include "profilestore.h"
#include "providerfactory.h"
#include "sandbox/sandboxdemo.h"
#include "sandbox/sandboxserver.h"
#include "testsupport.h"

#include <QApplication>
#include <QBuffer>
#include <QDirIterator>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

namespace {
const QString kSecret = QStringLiteral("kc-secret-%1").arg(QDateTime::currentMSecsSinceEpoch());
QStringList g_messages;

void capture(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_messages << message;
}
} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    SandboxServer m_server;
    QNetworkAccessManager m_nam;
    CredentialStore m_credentials;
    ProfileStore m_store;

    Profile keychainProfile() const
    {
        Profile p = SandboxDemo::profile(
            QStringLiteral("Keychain Karmo %1").arg(QCoreApplication::applicationPid()),
            QStringLiteral("karmo"), m_server.url(), QStringLiteral("acme-n120"));
        p.credential = {CredentialSource::Type::Keychain, {}};
        return p;
    }

    struct Read
    {
        bool called = false;
        QString secret;
        ProviderError error;
    };

    Read read(const Profile &p)
    {
        Read r;
        QObject context;
        m_credentials.read(p, &context, [&](const QString &secret, const ProviderError &error) {
            r.called = true;
            r.secret = secret;
            r.error = error;
        });
        [[maybe_unused]] const bool done = QTest::qWaitFor([&] { return r.called; }, 20000);
        return r;
    }

    // Every file under `dir`, searched for the secret.
    static QStringList filesHolding(const QString &dir, const QByteArray &needle)
    {
        QStringList out;
        QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
                out << f.fileName();
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("ROSTER_IN_SECRET_SESSION"))
            QSKIP("Run through scripts/with-secret-service (CTest does), which provides a Secret "
                  "Service.");
        QVERIFY(m_dir.isValid());
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toLocal8Bit());
        m_credentials.setKeychainTimeoutMs(15000);
        QVERIFY(m_server.start() != 0);
        m_server.setLatencyMs(2);
        m_store.setProfiles({keychainProfile()});
        qInstallMessageHandler(capture);
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(nullptr);
        for (const QString &m : std::as_const(g_messages))
            QVERIFY2(!m.contains(kSecret), "a log message held the secret");
    }

    void secretTypedInTheDialogGoesToTheKeychain()
    {
        ProfileDialog dialog(&m_store, &m_credentials, &m_nam, false);
        dialog.show();
        dialog.selectProfile(keychainProfile().name);
        auto *secret = TestSupport::child<QLineEdit>(&dialog, "secretField");
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
        QVERIFY(secret && secret->isVisible());
        secret->setText(kSecret);
        dialog.accept();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 20000);
        QVERIFY(dialog.secretChanged(keychainProfile().name));

        // The profiles file and the settings hold where the secret is, never the secret.
        ProfileStore saved;
        saved.setProfiles(dialog.profiles());
        QString error;
        const QString path = m_dir.filePath(QStringLiteral("config/profiles.json"));
        QVERIFY2(saved.save(path, &error), qPrintable(error));
        QSettings().sync();
        QVERIFY(QFile::exists(path));
        QCOMPARE(filesHolding(m_dir.path(), kSecret.toUtf8()), QStringList());
    }

    void exportReadsItBackAndSendsIt()
    {
        const Read r = read(keychainProfile());
        QVERIFY(r.called);
        QVERIFY2(!r.error.isError(), qPrintable(r.error.message));
        QCOMPARE(r.secret, kSecret);

        ExportJob job(ProviderFactory::create(keychainProfile(), r.secret, &m_nam, this), {});
        QBuffer csv;
        QVERIFY(csv.open(QIODevice::WriteOnly));
        job.setOutputDevice(&csv);
        QSignalSpy done(&job, &ExportJob::finished);
        job.start();
        QVERIFY(done.wait(30000));
        QVERIFY2(done.first().first().toBool(), qPrintable(job.error().summary()));
        QCOMPARE(job.rowsWritten(), 120);
        QVERIFY(!csv.data().contains(kSecret.toUtf8()));
        QCOMPARE(
            m_server.recentRequests().last().header("Authorization"), "Bearer " + kSecret.toUtf8());
    }

    // A proxyCredential from the keychain: its own entry, "NAME (proxy)", read after the
    // profile's credential; a missing one names that entry.
    void proxyCredentialFromTheKeychain()
    {
        Profile p = keychainProfile();
        p.proxy = QStringLiteral("http://proxy.example:3128");
        p.proxyCredential = {CredentialSource::Type::Keychain, {}};
        const QString entry = CredentialStore::proxyProfile(p).name;
        QCOMPARE(entry, p.name + QStringLiteral(" (proxy)"));
        auto secrets = [&] {
            std::optional<std::pair<CredentialStore::Secrets, ProviderError>> out;
            QObject context;
            m_credentials.readSecrets(
                p, &context, [&](const CredentialStore::Secrets &s, const ProviderError &e) {
                    out = {s, e};
                });
            [[maybe_unused]] const bool done = QTest::qWaitFor([&] { return bool(out); }, 30000);
            return out.value_or(std::pair {CredentialStore::Secrets {}, ProviderError()});
        };
        auto missing = secrets();
        QVERIFY(missing.second.isError());
        QVERIFY2(missing.second.message.contains(entry), qPrintable(missing.second.message));
        bool called = false;
        QObject context;
        m_credentials.writeKeychain(
            entry, QStringLiteral("alice:") + kSecret, &context, [&](const ProviderError &e) {
                called = true;
                QVERIFY2(!e.isError(), qPrintable(e.message));
            });
        QTRY_VERIFY_WITH_TIMEOUT(called, 20000);
        const auto both = secrets();
        QVERIFY2(!both.second.isError(), qPrintable(both.second.message));
        QCOMPARE(both.first.token, kSecret);
        QCOMPARE(both.first.proxy, QStringLiteral("alice:") + kSecret);
        called = false;
        m_credentials.removeKeychain(
            entry, &context, [&](const ProviderError &) { called = true; });
        QTRY_VERIFY_WITH_TIMEOUT(called, 20000);
    }

    // The profile dialog's proxy login goes to that entry, and the profile says so.
    void proxyLoginTypedInTheDialogGoesToTheKeychain()
    {
        ProfileDialog dialog(&m_store, &m_credentials, &m_nam, false);
        dialog.show();
        dialog.selectProfile(keychainProfile().name);
        auto *login = TestSupport::child<QLineEdit>(&dialog, "proxySecretField");
        QVERIFY(!login->isVisibleTo(&dialog));
        TestSupport::child<QLineEdit>(&dialog, "proxyField")
            ->setText(QStringLiteral("http://proxy.example:3128"));
        QVERIFY(login->isVisibleTo(&dialog));
        login->setText(QStringLiteral("alice:") + kSecret);
        dialog.accept();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 20000);
        const Profile saved = dialog.profiles().first();
        QCOMPARE(saved.proxyCredential.type, CredentialSource::Type::Keychain);
        QVERIFY(ProfileStore::validate(saved).isEmpty());
        QVERIFY(!ProfileStore::toJson(saved).contains(QStringLiteral("alice")));
        Profile proxy = CredentialStore::proxyProfile(saved);
        const Read r = read(proxy);
        QVERIFY2(!r.error.isError(), qPrintable(r.error.message));
        QCOMPARE(r.secret, QStringLiteral("alice:") + kSecret);
        bool called = false;
        QObject context;
        m_credentials.removeKeychain(
            proxy.name, &context, [&](const ProviderError &) { called = true; });
        QTRY_VERIFY_WITH_TIMEOUT(called, 20000);
    }

    void deletingItLeavesNothingBehind()
    {
        bool called = false;
        ProviderError error;
        QObject context;
        m_credentials.removeKeychain(keychainProfile().name, &context, [&](const ProviderError &e) {
            called = true;
            error = e;
        });
        QTRY_VERIFY_WITH_TIMEOUT(called, 20000);
        QVERIFY2(!error.isError(), qPrintable(error.message));
        const Read after = read(keychainProfile());
        QVERIFY(after.called);
        QVERIFY(after.error.isError());
        QVERIFY(after.secret.isEmpty());
        QVERIFY2(
            after.error.message.contains(keychainProfile().name), qPrintable(after.error.message));
    }
};

QTEST_MAIN(TestKeychain)
#include "tst_keychain.moc"
