#include "sandboxdemo.h"

#include "../char/charroutes.h"
#include "sandboxserver.h"


Profile SandboxDemo::profile(const QString &name, const QString &kind, const QUrl &sandboxUrl,
                             const QString &organization)
{
    Profile p;
    p.name = name;
    p.kind = kind;
    p.organization = organization;
    p.credential = {CredentialSource::Type::Inline, SandboxServer::demoToken()};
    QUrl base = sandboxUrl;
    if (kind == QLatin1String("karmo"))
        base.setPath(QStringLiteral("/karmo"));
    else if (kind == QLatin1String("llamacloud"))
        base.setPath(QStringLiteral("/llamacloud"));
    else if (kind == QLatin1String("char"))
        base.setPath(QStringLiteral("/char"));
    else
        base.setPath(QString());
    p.baseUrl = base;
    return p;
}

QList<Profile> SandboxDemo::profiles(const QUrl &url)
{
    // Not translated: scripts name these profiles on the command line in every locale.
    auto name = [](const char *s) { return QString::fromUtf8(s); };
    return {
        profile(name("Demo: Karmo (Acme)"), QStringLiteral("karmo"), url, QStringLiteral("org_acme")),
        profile(name("Demo: LlamaCloud (Acme)"), QStringLiteral("llamacloud"), url, QStringLiteral("3fa85f64-5717-4562-b3fc-2c963f66afa6")),
        profile(name("Demo: CSP (Acme)"), QStringLiteral("csp"), url, QStringLiteral("8d3e2f1a-acme-4c1b-9f00-csp000000001")),
        profile(name("Demo: Char (Acme Okta)"), QStringLiteral("char"), url, CharRoutes::demoDirectoryId(0)),
        // How real deployments behave (docs/server-behaviours.md); each of these loads fine.
        profile(name("Demo quirk: LlamaCloud, proxy sets cookies"), QStringLiteral("llamacloud"), url, QStringLiteral("error-503-once-cookies")),
        profile(name("Demo quirk: Karmo, gateway 503 once"), QStringLiteral("karmo"), url, QStringLiteral("error-503-generic-once")),
        profile(name("Demo quirk: Karmo, pretty gzip chunked"), QStringLiteral("karmo"), url, QStringLiteral("acme-pretty-gzip-chunked")),
        profile(name("Demo quirk: Char, rate-limited once"), QStringLiteral("char"), url, QStringLiteral("error-429-once")),
        profile(name("Demo quirk: CSP, total grows"), QStringLiteral("csp"), url, QStringLiteral("growing")),
        profile(name("Demo error: Karmo 401"), QStringLiteral("karmo"), url, QStringLiteral("error-401")),
        profile(name("Demo error: Karmo 422"), QStringLiteral("karmo"), url, QStringLiteral("error-422")),
        profile(name("Demo error: Karmo 503 not configured"), QStringLiteral("karmo"), url, QStringLiteral("error-503")),
        profile(name("Demo error: LlamaCloud 422"), QStringLiteral("llamacloud"), url, QStringLiteral("error-422")),
        profile(name("Demo error: CSP 404"), QStringLiteral("csp"), url, QStringLiteral("error-404")),
        profile(name("Demo error: Char 403"), QStringLiteral("char"), url, QStringLiteral("error-403")),
        profile(name("Demo error: Char 429"), QStringLiteral("char"), url, QStringLiteral("error-429")),
    };
}
