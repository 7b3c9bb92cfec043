#pragma once

#include <QString>

class SandboxServer;
struct SandboxRequest;
struct SandboxResponse;
struct SandboxKind;

namespace Scim {
const SandboxKind &sandbox(); // this kind's routes and demo profiles
}

// The sandbox's SCIM 2.0 service provider: GET /scim/{tenant}/v2/ServiceProviderConfig and
// GET /scim/{tenant}/v2/Users (startIndex, count, filter). Every tenant serves a deterministic
// directory: several emails and phones, groups, roles, the enterprise extension, inactive users
// and the sandbox's tricky names. Filters: eq ne co sw ew pr gt ge lt le, and, or, not and
// parentheses on userName, emails.value, name.givenName, name.familyName, displayName, active,
// externalId and meta.lastModified; anything else is a 400 invalidFilter. Tenant words besides the
// sandbox's own: "nofilter" (the server says it cannot filter) and "nospc" (no
// ServiceProviderConfig: 404).
namespace ScimRoutes {
bool handle(SandboxServer &server, const SandboxRequest &request, SandboxResponse *response);
// The id the sandbox gives the user at `index` of `tenant`.
QString userId(const QString &tenant, qint64 index);
// The user at `index` of `tenant` as the sandbox sends it (compact JSON).
QByteArray userJson(const QString &tenant, qint64 index, const QString &base);
// Whether that user matches a filter the sandbox accepts (for tests); false for a bad filter.
bool userMatches(const QString &tenant, qint64 index, const QString &filter);
constexpr int maxResults = 200; // what ServiceProviderConfig announces
} // namespace ScimRoutes
