// roster login and roster logout: signing a profile in with its provider, and out again.
#include "browsersignin.h"
#include "devicesignin.h"
#include "interrupts.h"
#include "oauthsession.h"
#include "profilestore.h"
#include "runnersupport.h"

#include <QEventLoop>

namespace Cli {
namespace {

// The profile named on the command line, when it signs in; else the usage error is said.
const Profile *signInProfile(
    const Command &command, const QString &name, ProfileStore *store, Reporter &reporter)
{
    if (!Support::loadProfiles(command, {}, store, reporter))
        return nullptr;
    const Profile *profile = store->find(command.profile);
    if (!profile) {
        reporter.err(Text::tr("roster %1: no profile named \"%2\"").arg(name, command.profile));
        return nullptr;
    }
    if (profile->credential.type != CredentialSource::Type::OAuth) {
        reporter.err(Text::tr("roster %1: profile \"%2\" does not sign in: its credential is not "
                              "{\"oauth\": ...} but a token from %3")
                         .arg(name, command.profile,
                             profile->credential.type == CredentialSource::Type::Keychain
                                 ? Text::tr("the keychain")
                                 : Text::tr("the environment or a file")));
        return nullptr;
    }
    return profile;
}

void sayDeviceCode(Reporter &reporter, const QUrl &uri, const QString &code, const QUrl &complete)
{
    reporter.err(
        Text::tr("To sign in, open %1 on any device and enter the code:").arg(uri.toString()));
    reporter.err(QStringLiteral("    ") + code);
    if (complete.isValid() && !complete.isEmpty())
        reporter.err(
            Text::tr("(or open %1, which has the code filled in)").arg(complete.toString()));
}
} // namespace

int runLogin(const Command &command, Reporter &reporter)
{
    ProfileStore store;
    const Profile *profile = signInProfile(command, QStringLiteral("login"), &store, reporter);
    if (!profile)
        return Usage;
    const std::shared_ptr<OAuthSession> session = OAuthSession::forProfile(*profile);
    SignInFlow *flow = nullptr;
    if (command.device) {
        auto *device = new DeviceSignIn(session);
        QObject::connect(device, &DeviceSignIn::userCode, device,
            [&reporter](const QUrl &uri, const QString &code, const QUrl &complete) {
                sayDeviceCode(reporter, uri, code, complete);
            });
        flow = device;
    } else {
        auto *browser = new BrowserSignIn(session);
        QObject::connect(browser, &BrowserSignIn::authorizationUrl, browser,
            [&reporter](const QUrl &url, bool opened) {
                reporter.err(opened ? Text::tr("Opened the sign-in page in your browser. If it did "
                                               "not open, visit:")
                                    : Text::tr("Open this address in a browser to sign in:"));
                reporter.err(QStringLiteral("    ") + QString::fromUtf8(url.toEncoded()));
            });
        flow = browser;
    }
    const std::unique_ptr<SignInFlow> owner(flow);
    QEventLoop loop;
    int exitCode = Failed;
    QObject::connect(flow, &SignInFlow::status, flow,
        [&reporter](const QString &text) { reporter.progress(text); });
    QObject::connect(flow, &SignInFlow::finished, &loop,
        [&](const ProviderError &error, const QString &account) {
            reporter.progress({});
            if (error.isError()) {
                reporter.err(QStringLiteral("roster login: ") + error.message);
            } else {
                reporter.err(account.isEmpty()
                        ? Text::tr("Signed in: profile \"%1\".").arg(profile->name)
                        : Text::tr("Signed in: profile \"%1\" as %2.").arg(profile->name, account));
                exitCode = Ok;
            }
            loop.quit();
        });
    Interrupts interrupts;
    QObject::connect(&interrupts, &Interrupts::interrupted, flow, [flow] { flow->cancel(); });
    QMetaObject::invokeMethod(flow, &SignInFlow::start, Qt::QueuedConnection);
    loop.exec();
    return exitCode;
}

int runLogout(const Command &command, Reporter &reporter)
{
    ProfileStore store;
    const Profile *profile = signInProfile(command, QStringLiteral("logout"), &store, reporter);
    if (!profile)
        return Usage;
    QEventLoop loop;
    QObject context;
    int exitCode = Failed;
    const std::shared_ptr<OAuthSession> session = OAuthSession::forProfile(*profile);
    session->signOut(&context, [&](const ProviderError &error) {
        if (error.isError()) {
            reporter.err(QStringLiteral("roster logout: ") + error.message);
        } else {
            reporter.err(Text::tr("Signed out: profile \"%1\"; its tokens are forgotten.")
                             .arg(profile->name));
            exitCode = Ok;
        }
        loop.quit();
    });
    loop.exec();
    return exitCode;
}

} // namespace Cli
