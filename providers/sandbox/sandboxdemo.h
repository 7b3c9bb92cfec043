#pragma once

#include "profile.h"

#include <QList>

// The profiles `roster --demo` offers: one per provider kind, plus ones that show each vendor's
// documented errors. All use the sandbox's demo token.
namespace SandboxDemo {
QList<Profile> profiles(const QUrl &sandboxUrl);
Profile profile(
    const QString &name, const QString &kind, const QUrl &sandboxUrl, const QString &organization);
} // namespace SandboxDemo
