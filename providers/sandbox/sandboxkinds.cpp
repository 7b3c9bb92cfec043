#include "sandboxkind.h"

// Each registered kind's sandbox part, defined beside its routes.
#define ROSTER_KIND(Name)                                                                          \
    namespace Name {                                                                               \
    const SandboxKind &sandbox();                                                                  \
    }
#include "../kinds.def"
#undef ROSTER_KIND

const QList<const SandboxKind *> &SandboxKinds::all()
{
#define ROSTER_KIND(Name) &Name::sandbox(),
    static const QList<const SandboxKind *> kinds {
#include "../kinds.def"
    };
#undef ROSTER_KIND
    return kinds;
}

SandboxRoute::Step SandboxRoute::begin(SandboxServer &server, const SandboxRequest &request,
    const QRegularExpression &path, const Rules &rules, bool firstPage, SandboxRoute *route,
    SandboxResponse *response)
{
    const QRegularExpressionMatch m = path.match(request.path);
    if (!m.hasMatch())
        return Step::NotMine;
    route->org = m.captured(1);
    route->inject = SandboxData::injection(route->org);
    route->token = request.bearer();
    if (request.method != "GET") {
        *response = rules.error(400);
        response->status = 405;
        return Step::Answered;
    }
    if (route->token.isEmpty()) {
        *response = rules.error(401);
        return Step::Answered;
    }
    // An access token from the sandbox's sign-in: accepted until it expires, as real APIs do.
    if (SandboxOAuth::isOurs(route->token)
        && server.oauth().accessTokenState(route->token) != SandboxOAuth::TokenState::Valid) {
        *response = rules.error(401);
        return Step::Answered;
    }
    if (rules.refuse && rules.refuse(route->token, response))
        return Step::Answered;
    const SandboxInjection &inject = route->inject;
    if (inject.status != 0) {
        const QString key = rules.counter + QLatin1Char(':') + route->org
            + (firstPage ? QString() : QStringLiteral(":later"));
        if (SandboxData::shouldFail(inject, firstPage, server.hit(key))) {
            if (!SandboxResponse::gateway(inject, response))
                *response = rules.error(inject.status);
            return Step::Answered;
        }
    }
    return Step::Serve;
}
