#pragma once

#include <QString>

class SandboxServer;
struct SandboxRequest;
struct SandboxResponse;
struct SandboxKind;

namespace LlamaCloud {
const SandboxKind &sandbox(); // this kind's routes and demo profiles
}

// The sandbox's LlamaCloud API: GET /llamacloud/api/v1/organizations/{id}/users.
namespace LlamaCloudRoutes {
bool handle(SandboxServer &server, const SandboxRequest &request, SandboxResponse *response);
// The membership id the sandbox gives the member at `index` of `org`.
QString memberId(const QString &org, qint64 index);
} // namespace LlamaCloudRoutes
