#include "credentialstore.h"

#include "oauthsession.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QPointer>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <memory>

namespace {

ProviderError credentialError(const Profile &profile, const QString &message)
{
    return ProviderError::make(ProviderError::Kind::Authentication,
        CredentialStore::tr("Profile \"%1\": %2").arg(profile.name, message));
}

// Runs a keychain job with a deadline, so a keychain that never answers becomes an error.
template<typename Job, typename Done>
void runKeychainJob(Job *job, int timeoutMs, QObject *context, Done done)
{
    auto fired = std::make_shared<bool>(false);
    QPointer<QObject> guard(context);
    auto *timer = new QTimer(job);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, context, [=] {
        if (*fired)
            return;
        *fired = true;
        done(nullptr);
    });
    QObject::connect(job, &QKeychain::Job::finished, context, [=](QKeychain::Job *) {
        if (*fired)
            return;
        *fired = true;
        done(job);
    });
    job->setAutoDelete(true);
    timer->start(timeoutMs);
    job->start();
}
} // namespace

CredentialStore::CredentialStore(QObject *parent)
    : QObject(parent)
{ }

QString CredentialStore::keychainService()
{
    return QStringLiteral("org.example.Roster");
}

QString CredentialStore::readNow(const Profile &profile, ProviderError *error)
{
    switch (profile.credential.type) {
    case CredentialSource::Type::None:
        *error = credentialError(profile, CredentialStore::tr("no credential is configured."));
        return {};
    case CredentialSource::Type::Inline:
        return profile.credential.value;
    case CredentialSource::Type::Env: {
        const QByteArray name = profile.credential.value.toLocal8Bit();
        if (!qEnvironmentVariableIsSet(name.constData())) {
            *error = credentialError(profile,
                CredentialStore::tr("the environment variable %1 is not set.")
                    .arg(profile.credential.value));
            return {};
        }
        const QString secret = qEnvironmentVariable(name.constData()).trimmed();
        if (secret.isEmpty())
            *error = credentialError(profile,
                CredentialStore::tr("the environment variable %1 is empty.")
                    .arg(profile.credential.value));
        return secret;
    }
    case CredentialSource::Type::File: {
        QFile file(profile.credential.value);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = credentialError(profile,
                CredentialStore::tr("cannot read the credential file %1: %2.")
                    .arg(QDir::toNativeSeparators(profile.credential.value), file.errorString()));
            return {};
        }
        // Only the first line counts; a trailing newline from an editor is not part of the secret.
        const QString secret = QString::fromUtf8(file.readLine(64 * 1024)).trimmed();
        if (secret.isEmpty())
            *error = credentialError(profile,
                CredentialStore::tr("the credential file %1 is empty.")
                    .arg(QDir::toNativeSeparators(profile.credential.value)));
        return secret;
    }
    case CredentialSource::Type::Keychain:
        *error = credentialError(
            profile, CredentialStore::tr("the keychain can only be read asynchronously."));
        return {};
    case CredentialSource::Type::OAuth:
        *error = credentialError(profile,
            CredentialStore::tr("a signed-in profile's token can only be read asynchronously."));
        return {};
    }
    return {};
}

void CredentialStore::read(const Profile &profile, QObject *context, ReadCallback callback)
{
    if (profile.credential.type == CredentialSource::Type::OAuth) {
        // The session lives at least until it answers.
        const std::shared_ptr<OAuthSession> session = OAuthSession::forProfile(profile);
        session->accessToken(
            context, [session, callback](const QString &token, const ProviderError &error) {
                callback(token, error);
            });
        return;
    }
    if (profile.credential.type != CredentialSource::Type::Keychain) {
        ProviderError error;
        const QString secret = readNow(profile, &error);
        QTimer::singleShot(0, context, [=] { callback(secret, error); });
        return;
    }
    readKeychain(
        profile.name, context, [=](const QString &secret, bool found, const ProviderError &error) {
            if (error.isError())
                callback({}, credentialError(profile, error.message));
            else if (!found)
                callback({},
                    credentialError(profile,
                        CredentialStore::tr("the keychain holds no secret for this profile; set "
                                            "one in the profile dialog.")));
            else if (secret.isEmpty())
                callback({},
                    credentialError(profile, CredentialStore::tr("the keychain entry is empty.")));
            else
                callback(secret, ProviderError());
        });
}

void CredentialStore::readKeychain(const QString &key, QObject *context, EntryCallback callback)
{
    auto *job = new QKeychain::ReadPasswordJob(keychainService());
    job->setKey(key);
    job->setInsecureFallback(false);
    const int timeoutMs = m_keychainTimeoutMs;
    runKeychainJob(job, timeoutMs, context, [=](QKeychain::Job *finished) {
        auto fail = [&](const QString &message) {
            callback({}, false, ProviderError::make(ProviderError::Kind::Authentication, message));
        };
        if (!finished)
            fail(CredentialStore::tr(
                "the keychain did not answer within %1 s; is a secret service running?")
                     .arg(timeoutMs / 1000.0));
        else if (finished->error() == QKeychain::EntryNotFound)
            callback({}, false, ProviderError());
        else if (finished->error() != QKeychain::NoError)
            fail(CredentialStore::tr("the keychain is unavailable: %1")
                     .arg(finished->errorString()));
        else
            callback(static_cast<QKeychain::ReadPasswordJob *>(finished)->textData(), true,
                ProviderError());
    });
}

Profile CredentialStore::proxyProfile(const Profile &profile)
{
    Profile p = profile;
    p.name = QStringLiteral("%1 (proxy)").arg(profile.name); // the keychain key: never translated
    p.credential = profile.proxyCredential;
    return p;
}

void CredentialStore::readSecrets(
    const Profile &profile, QObject *context, SecretsCallback callback)
{
    QPointer<QObject> guard(context);
    read(profile, context, [=, this](const QString &token, const ProviderError &error) {
        if (error.isError() || profile.proxyCredential.type == CredentialSource::Type::None) {
            callback({token, {}}, error);
            return;
        }
        if (!guard)
            return;
        read(proxyProfile(profile), guard, [=](const QString &proxy, const ProviderError &e) {
            callback({token, proxy}, e);
        });
    });
}

void CredentialStore::writeKeychain(
    const QString &profileName, const QString &secret, QObject *context, WriteCallback callback)
{
    auto *job = new QKeychain::WritePasswordJob(keychainService());
    job->setKey(profileName);
    job->setInsecureFallback(false);
    job->setTextData(secret);
    const int timeoutMs = m_keychainTimeoutMs;
    Profile p;
    p.name = profileName;
    runKeychainJob(job, timeoutMs, context, [=](QKeychain::Job *finished) {
        if (!finished)
            callback(credentialError(p,
                CredentialStore::tr("the keychain did not answer within %1 s.")
                    .arg(timeoutMs / 1000.0)));
        else if (finished->error() != QKeychain::NoError)
            callback(credentialError(p,
                CredentialStore::tr("could not store the secret in the keychain: %1")
                    .arg(finished->errorString())));
        else
            callback(ProviderError());
    });
}

void CredentialStore::removeKeychain(
    const QString &profileName, QObject *context, WriteCallback callback)
{
    auto *job = new QKeychain::DeletePasswordJob(keychainService());
    job->setKey(profileName);
    job->setInsecureFallback(false);
    const int timeoutMs = m_keychainTimeoutMs;
    Profile p;
    p.name = profileName;
    runKeychainJob(job, timeoutMs, context, [=](QKeychain::Job *finished) {
        if (!finished)
            callback(credentialError(p,
                CredentialStore::tr("the keychain did not answer within %1 s.")
                    .arg(timeoutMs / 1000.0)));
        else if (finished->error() != QKeychain::NoError
            && finished->error() != QKeychain::EntryNotFound)
            callback(credentialError(p,
                CredentialStore::tr("could not remove the secret from the keychain: %1")
                    .arg(finished->errorString())));
        else
            callback(ProviderError());
    });
}
