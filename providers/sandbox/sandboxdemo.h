#pragma once

#include "profile.h"

#include <QList>

// The profiles `roster --demo` offers: one per provider kind, plus ones that show each vendor's
// documented errors. All use the sandbox's demo token.
namespace SandboxDemo {
QList<Profile> profiles(const QUrl &sandboxUrl);
// The first kind's main demo, served over HTTPS by a sandbox whose certificate comes from a
// throwaway CA that only this profile trusts (caFile).
Profile tlsProfile(const QUrl &tlsSandboxUrl, const QString &caFile);
// The first kind's main demo with a credential that signs in (OAuth) at the sandbox's own
// authorization server, `sandboxUrl`/oauth; the window's demo offers it, `roster sandbox` names it.
Profile signInProfile(const QUrl &sandboxUrl);
Profile profile(
    const QString &name, const QString &kind, const QUrl &sandboxUrl, const QString &organization);
} // namespace SandboxDemo
