#include "sandboxdemo.h"

#include "sandboxkind.h"
#include "sandboxserver.h"

Profile SandboxDemo::profile(
    const QString &name, const QString &kind, const QUrl &sandboxUrl, const QString &organization)
{
    Profile p;
    p.name = name;
    p.kind = kind;
    p.organization = organization;
    p.credential = {CredentialSource::Type::Inline, SandboxServer::demoToken()};
    QUrl base = sandboxUrl;
    base.setPath(QString());
    for (const SandboxKind *k : SandboxKinds::all()) {
        if (k->kindId != kind)
            continue;
        base.setPath(k->tenantPath.isEmpty() ? k->basePath : k->tenantPath.arg(organization));
        if (!k->tenantPath.isEmpty())
            p.organization.clear();
    }
    p.baseUrl = base;
    return p;
}

namespace {
// The first kind's main demo, named `name`.
Profile firstMainDemo(const QString &name, const QUrl &url)
{
    for (const SandboxKind *k : SandboxKinds::all()) {
        for (const SandboxDemoProfile &d : k->demos) {
            if (d.group == SandboxDemoProfile::Main)
                return SandboxDemo::profile(name, k->kindId, url, d.organization);
        }
    }
    return {};
}
} // namespace

Profile SandboxDemo::tlsProfile(const QUrl &url, const QString &caFile)
{
    Profile p = firstMainDemo(QStringLiteral("Demo quirk: HTTPS from a private CA (caFile)"), url);
    p.caFile = caFile;
    return p;
}

Profile SandboxDemo::signInProfile(const QUrl &url)
{
    Profile p = firstMainDemo(QStringLiteral("Demo quirk: sign in with OAuth"), url);
    p.credential = {CredentialSource::Type::OAuth};
    QUrl issuer = url;
    issuer.setPath(QStringLiteral("/oauth"));
    p.credential.oauth.issuer = issuer;
    p.credential.oauth.clientId = QStringLiteral("roster");
    p.credential.oauth.scopes
        = {QStringLiteral("openid"), QStringLiteral("email"), QStringLiteral("offline_access")};
    return p;
}

QList<Profile> SandboxDemo::profiles(const QUrl &url)
{
    // Each kind's main demo first, then how real deployments behave (docs/server-behaviours.md;
    // each of these loads fine), then each vendor's documented errors. Names are not translated:
    // scripts name these profiles on the command line in every locale.
    QList<Profile> out;
    for (const SandboxDemoProfile::Group group :
        {SandboxDemoProfile::Main, SandboxDemoProfile::Quirk, SandboxDemoProfile::Error}) {
        for (const SandboxKind *k : SandboxKinds::all()) {
            for (const SandboxDemoProfile &d : k->demos) {
                if (d.group == group)
                    out << profile(QString::fromUtf8(d.name), k->kindId, url, d.organization);
            }
        }
    }
    return out;
}
