#pragma once

#include <QByteArray>
#include <QString>

// One synthetic person, derived only from (organization, index): the same inputs give the same
// person in every run, so tests can compare exports against the sandbox row by row.
struct SandboxPerson
{
    qint64 index = 0;
    QString givenName; // null (isNull) when the provider should send null / omit it
    QString familyName; // null likewise
    QString email;
    QString phone; // E.164 or null
    QString username;
    QString idpId; // null sometimes
    QString createdAt;
    QString updatedAt;
    bool pending = false;
    bool active = true;
    QString inviterId; // null when there is no inviter id
    QString inviterEmail; // null when there is no inviter email
    quint64 bits = 0; // further deterministic choices (roles, groups)
    bool rolesReversed = false; // a revision lists the same roles in the other order
};

// What an organization id asks the sandbox to do instead of serving plain data.
struct SandboxInjection
{
    int status = 0; // error-<status>[-once]
    bool once = false; // fail the first request only, then serve data
    bool later = false; // serve the first page, fail every later one (error-<status>-later)
    bool laterOnce
        = false; // fail the first request for a later page only (error-<status>-later-once)
    QString special; // proxy, generic, malformed, wrong-types, truncated, truncated-transport,
                     // loop, empty-claims-more, foreign-link, slow, growing,
                     // truncated-transport-once, overcount
};

// How a real deployment answers, beyond what the API documents: words anywhere in an
// organization id ("acme-pretty-gzip", "error-503-once-cookies"), applied by the server to every
// response of that organization (see README: "Sandbox organizations").
struct SandboxBehaviours
{
    bool cookies = false; // a load balancer sets cookies on every response
    bool pretty = false; // JSON pretty-printed, object keys reordered
    bool gzip = false; // Content-Encoding: gzip when the client accepts it
    bool chunked = false; // Transfer-Encoding: chunked, no Content-Length
    bool stall = false; // the first response of each URL stops halfway and never ends
    bool capped = false; // offset APIs (CSP): at most 150 items a page, whatever was asked
    bool uneven = false; // offset APIs (CSP): pages 17 items shorter or longer than asked
    bool heavy = false; // LlamaCloud: every permission of every role listed (about 2 KB a member)
    bool quota = false; // counted against the server's rate limit (SandboxQuota)
    bool bucket = false; // counted against the server's token bucket (SandboxQuota::TokenBucket)

    bool any() const { return cookies || pretty || gzip || chunked || stall; }
    static SandboxBehaviours fromPath(const QString &path);
};

namespace SandboxData {
SandboxInjection injection(const QString &organization);
// Whether this request should fail. `firstPage` tells a paged API's first page from later ones;
// `hitCount` numbers the requests of that kind (first-page or later-page) so far, this one
// included.
bool shouldFail(const SandboxInjection &injection, bool firstPage, int hitCount);
constexpr qint64 defaultUsers = 25000;
// The organization's user count: an id ending in "-n<digits>" asks for that many, otherwise the
// server default.
qint64 userCount(const QString &organization, qint64 fallback);
// `index` is the position in the organization's list; the person there is identity(index).
SandboxPerson person(const QString &organization, qint64 index);
// Revisions, for history: the word "rev<N>" (N = 1..9) in an organization id is the same
// organization N revisions later. Its list starts 3 × N people later and ends 3 × N people later
// (3 × N leavers, 3 × N joiners, the same count), and about one person in ten differs: a new email
// (@new.example.com), the other status, other roles, or the same roles in the other order
// (LlamaCloud and SCIM; nothing else changes for them). Ids stay those of revision 0.
int revision(const QString &organization);
// The organization id without its "rev<N>" word: what ids and people are derived from.
QString baseOrganization(const QString &organization);
// The identity of the person at `position`: position + 3 × revision.
qint64 identity(const QString &organization, qint64 position);
// hash(baseOrganization(organization)): the seed of the organization's ids.
quint64 organizationSeed(const QString &organization);
// Whether the person at `index` is one of the people several organizations share: every 250th
// person (from index 17) of every kind's main demo organization, and of any organization whose id
// has the word "shared", is person index / 250 of one pool, in three of four such organizations.
// Their address is the same mailbox everywhere, in another case or with a +tag in some.
bool isShared(const QString &organization, qint64 index);
// A stable pseudo-random 64-bit value.
quint64 mix(quint64 x);
quint64 hash(const QString &text);
// A deterministic UUID-shaped id.
QString uuid(quint64 seed);
// A deterministic vendor-style id: prefix + 20 base32 characters.
QString vendorId(const QString &prefix, quint64 seed);

// Appends `text` as a JSON string (quoted and escaped), or `null` when text is null.
void appendJsonString(QByteArray &out, const QString &text);
void appendKey(QByteArray &out, const char *key);
} // namespace SandboxData
