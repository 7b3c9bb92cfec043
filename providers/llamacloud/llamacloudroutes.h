#pragma once

class SandboxServer;
struct SandboxRequest;
struct SandboxResponse;

// The sandbox's LlamaCloud API: GET /llamacloud/api/v1/organizations/{id}/users.
namespace LlamaCloudRoutes {
bool handle(SandboxServer &server, const SandboxRequest &request, SandboxResponse *response);
}
