#pragma once

class SandboxServer;
struct SandboxRequest;
struct SandboxResponse;

// The sandbox's Karmo API: GET /karmo/organizations/{org}/users.
namespace KarmoRoutes {
bool handle(SandboxServer &server, const SandboxRequest &request, SandboxResponse *response);
}
