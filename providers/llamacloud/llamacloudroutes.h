#pragma once

#include <QString>

class SandboxServer;
struct SandboxRequest;
struct SandboxResponse;

// The sandbox's LlamaCloud API: GET /llamacloud/api/v1/organizations/{id}/users.
namespace LlamaCloudRoutes {
bool handle(SandboxServer &server, const SandboxRequest &request, SandboxResponse *response);
// The membership id the sandbox gives the member at `index` of `org`.
QString memberId(const QString &org, qint64 index);
}
