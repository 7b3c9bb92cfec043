#include "sandboxdemo.h"

#include "../char/charroutes.h"
#include "sandboxserver.h"

#include <QCoreApplication>

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
    auto tr = [](const char *s) { return QCoreApplication::translate("SandboxDemo", s); };
    return {
        profile(tr("Demo: Karmo (Acme)"), QStringLiteral("karmo"), url, QStringLiteral("org_acme")),
        profile(tr("Demo: LlamaCloud (Acme)"), QStringLiteral("llamacloud"), url, QStringLiteral("3fa85f64-5717-4562-b3fc-2c963f66afa6")),
        profile(tr("Demo: CSP (Acme)"), QStringLiteral("csp"), url, QStringLiteral("8d3e2f1a-acme-4c1b-9f00-csp000000001")),
        profile(tr("Demo: Char (Acme Okta)"), QStringLiteral("char"), url, CharRoutes::demoDirectoryId(0)),
        profile(tr("Demo error: Karmo 401"), QStringLiteral("karmo"), url, QStringLiteral("error-401")),
        profile(tr("Demo error: Karmo 422"), QStringLiteral("karmo"), url, QStringLiteral("error-422")),
        profile(tr("Demo error: Karmo 503 not configured"), QStringLiteral("karmo"), url, QStringLiteral("error-503")),
        profile(tr("Demo error: LlamaCloud 422"), QStringLiteral("llamacloud"), url, QStringLiteral("error-422")),
        profile(tr("Demo error: CSP 404"), QStringLiteral("csp"), url, QStringLiteral("error-404")),
        profile(tr("Demo error: Char 403"), QStringLiteral("char"), url, QStringLiteral("error-403")),
        profile(tr("Demo error: Char 429"), QStringLiteral("char"), url, QStringLiteral("error-429")),
    };
}
