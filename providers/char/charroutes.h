#pragma once

#include <QString>

class SandboxServer;
struct SandboxRequest;
struct SandboxResponse;
struct SandboxKind;

namespace Char {
const SandboxKind &sandbox(); // this kind's routes and demo profiles
}

// The sandbox's Char API: GET /char/api/directories and /char/api/directories/{id}/users.
// The bearer token "no-org-claim" gets 403 ORG_CONTEXT_REQUIRED.
namespace CharRoutes {
bool handle(SandboxServer &server, const SandboxRequest &request, SandboxResponse *response);
// The directory ids GET /api/directories lists.
QString demoDirectoryId(int i);
// The record id the sandbox gives the user at `index` of directory `dir`.
QString recordId(const QString &dir, qint64 index);
} // namespace CharRoutes
