#pragma once

#include "sandboxdata.h"
#include "sandboxserver.h"

#include <QList>
#include <QRegularExpression>
#include <QString>

#include <functional>

// One demo profile a kind offers under `roster --demo`.
struct SandboxDemoProfile
{
    enum Group { Main, Quirk, Error }; // the order the demo lists them in
    Group group;
    const char *name; // not translated: scripts name demo profiles on the command line
    QString organization;
};

// A kind's part of the sandbox, defined beside its routes and registered, like the kind itself,
// in providers/kinds.def.
struct SandboxKind
{
    QString kindId; // the ProviderKind it serves
    QString basePath; // where its API lives on the sandbox ("/karmo"); the demo's base URL
    bool (*handle)(SandboxServer &, const SandboxRequest &, SandboxResponse *) = nullptr;
    QList<SandboxDemoProfile> demos;
    // Kinds whose base URL names the tenant (SCIM): the demo's path for an organization, with %1
    // for it ("/scim/%1/v2"); the profile then has no organization of its own.
    QString tenantPath = {};
};

namespace SandboxKinds {
const QList<const SandboxKind *> &all();
}

// What every vendor route does first: match its path, then answer what every API answers the
// same way, in the vendor's own error format: a method other than GET (405), a missing or
// refused token (401), and the injected failures of the organization id (error-<status>...).
struct SandboxRoute
{
    QString org; // the path's first capture: organization or directory
    SandboxInjection inject;
    QString token;

    struct Rules
    {
        QString counter; // hit-counter prefix for once/later injections
        std::function<SandboxResponse(int status)> error; // the vendor's error for a status
        // Beyond an empty token: answers (true) for a token the vendor refuses.
        std::function<bool(const QString &token, SandboxResponse *)> refuse;
    };
    enum class Step { NotMine, Answered, Serve };

    // `firstPage`: whether the request asks for an organization's first page ("-later" injections
    // fail only the others).
    static Step begin(SandboxServer &server, const SandboxRequest &request,
        const QRegularExpression &path, const Rules &rules, bool firstPage, SandboxRoute *route,
        SandboxResponse *response);
};
