#pragma once

#include <QString>

class SandboxServer;
struct SandboxRequest;
struct SandboxResponse;
struct SandboxKind;

namespace Karmo {
const SandboxKind &sandbox(); // this kind's routes and demo profiles
}

// The sandbox's Karmo API: GET /karmo/organizations/{org}/users.
namespace KarmoRoutes {
bool handle(SandboxServer &server, const SandboxRequest &request, SandboxResponse *response);
// The id the sandbox gives the user at `index` of `org` (tests compare against it).
QString userId(const QString &org, qint64 index);
} // namespace KarmoRoutes
