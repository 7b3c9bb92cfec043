// Secrets from env, file and keychain; failures name the source but never the secret.
#include "credentialstore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestCredentialStore : public QObject
{
    Q_OBJECT

    static Profile profile(CredentialSource::Type type, const QString &value)
    {
        Profile p;
        p.name = QStringLiteral("Acme");
        p.credential = {type, value};
        return p;
    }

    struct Result
    {
        bool called = false;
        QString secret;
        ProviderError error;
    };

    static Result readAsync(CredentialStore &store, const Profile &p, int timeoutMs = 20000)
    {
        Result result;
        QObject context;
        store.read(p, &context, [&](const QString &secret, const ProviderError &error) {
            result.called = true;
            result.secret = secret;
            result.error = error;
        });
        result.called = QTest::qWaitFor([&] { return result.called; }, timeoutMs) && result.called;
        return result;
    }

private slots:
    void envVariable()
    {
        qputenv("ROSTER_TEST_SECRET", "tok-123\n");
        CredentialStore store;
        const Result r = readAsync(
            store, profile(CredentialSource::Type::Env, QStringLiteral("ROSTER_TEST_SECRET")));
        QVERIFY(r.called);
        QVERIFY(!r.error.isError());
        QCOMPARE(r.secret, QStringLiteral("tok-123"));
    }

    void missingVariable()
    {
        qunsetenv("ROSTER_TEST_MISSING");
        ProviderError error;
        const QString secret = CredentialStore::readNow(
            profile(CredentialSource::Type::Env, QStringLiteral("ROSTER_TEST_MISSING")), &error);
        QVERIFY(secret.isEmpty());
        QCOMPARE(error.kind, ProviderError::Kind::Authentication);
        QCOMPARE(error.message,
            QStringLiteral(
                "Profile \"Acme\": the environment variable ROSTER_TEST_MISSING is not set."));
    }

    void emptyVariable()
    {
        qputenv("ROSTER_TEST_EMPTY", "");
        ProviderError error;
        CredentialStore::readNow(
            profile(CredentialSource::Type::Env, QStringLiteral("ROSTER_TEST_EMPTY")), &error);
        QCOMPARE(error.message,
            QStringLiteral(
                "Profile \"Acme\": the environment variable ROSTER_TEST_EMPTY is empty."));
    }

    void fileFirstLine()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("token"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("first-line-secret\nsecond line\n");
        f.close();
        ProviderError error;
        QCOMPARE(CredentialStore::readNow(profile(CredentialSource::Type::File, path), &error),
            QStringLiteral("first-line-secret"));
        QVERIFY(!error.isError());
    }

    void emptyFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("empty"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        ProviderError error;
        QVERIFY(CredentialStore::readNow(profile(CredentialSource::Type::File, path), &error)
                    .isEmpty());
        QCOMPARE(error.message,
            QStringLiteral("Profile \"Acme\": the credential file %1 is empty.").arg(path));
    }

    void missingFile()
    {
        ProviderError error;
        CredentialStore::readNow(
            profile(CredentialSource::Type::File, QStringLiteral("/nonexistent/token")), &error);
        QVERIFY(error.message.startsWith(QStringLiteral(
            "Profile \"Acme\": cannot read the credential file /nonexistent/token: ")));
    }

    void noneConfigured()
    {
        ProviderError error;
        CredentialStore::readNow(profile(CredentialSource::Type::None, {}), &error);
        QCOMPARE(error.message, QStringLiteral("Profile \"Acme\": no credential is configured."));
    }

    void unavailableKeychainFailsFast()
    {
        // No session bus: the keychain cannot be reached. It must say so quickly, never hang,
        // and never fall back to storing secrets in plain files.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/roster-test-bus");
        CredentialStore store;
        store.setKeychainTimeoutMs(3000);
        QElapsedTimer timer;
        timer.start();
        const Result r = readAsync(store, profile(CredentialSource::Type::Keychain, {}), 15000);
        QVERIFY(r.called);
        QVERIFY(r.error.isError());
        QVERIFY(r.secret.isEmpty());
        QVERIFY2(r.error.message.contains(QStringLiteral("keychain")), qPrintable(r.error.message));
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    }

    void keychainWriteFailsFastWithoutFallback()
    {
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/roster-test-bus");
        CredentialStore store;
        store.setKeychainTimeoutMs(3000);
        bool called = false;
        ProviderError result;
        QObject context;
        store.writeKeychain(QStringLiteral("Acme"), QStringLiteral("do-not-leak-me"), &context,
            [&](const ProviderError &e) {
                called = true;
                result = e;
            });
        QTRY_VERIFY_WITH_TIMEOUT(called, 15000);
        QVERIFY(result.isError());
        QVERIFY(!result.message.contains(QStringLiteral("do-not-leak-me")));
    }
};

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
