#pragma once

#include <QString>

class SandboxServer;
struct SandboxRequest;
struct SandboxResponse;
struct SandboxKind;

namespace Csp {
const SandboxKind &sandbox(); // this kind's routes and demo profiles
}

// The sandbox's CSP API: the API-token exchange and GET /csp/gateway/am/api/orgs/{org}/users.
// API tokens: "revoked" and "expired" fail the exchange (invalid_grant); "short-lived..." gets
// access tokens that expire after 2 s; any other non-empty token works.
namespace CspRoutes {
bool handle(SandboxServer &server, const SandboxRequest &request, SandboxResponse *response);
// The userId the sandbox gives the user at `index` of `org`.
QString userId(const QString &org, qint64 index);
} // namespace CspRoutes
