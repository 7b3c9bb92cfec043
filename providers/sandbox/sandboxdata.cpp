#include "sandboxdata.h"

#include "sandboxkind.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSet>

#include <array>

namespace {
struct NamePair
{
    const char *given; // nullptr: null
    const char *family;
};

constexpr std::array kGiven = {"Alex", "Sam", "Maria", "José", "Zoë", "Søren", "Aiko", "Wei",
    "Priya", "Olga", "Fatima", "Jean-Luc", "Chloé", "Mateus", "Ngozi", "Ólafur", "Björk", "Dmitri",
    "Hana", "Lars", "Amara", "Kenji"};
constexpr std::array kFamily = {"Taylor", "García", "Müller", "Nguyen", "Kowalski", "O'Connor",
    "Smith", "Ivanova", "Rossi", "Haddad", "Dubois", "Tanaka", "Kim", "Okafor", "Jónsdóttir",
    "van der Berg", "Núñez", "Schmidt", "Lindqvist"};

// Values that break naive displays and spreadsheets: every one of them must survive a round trip.
const std::array<NamePair, 20> kStress = {{
    {"太郎", "山田"},
    {"Алексей", "Иванов"},
    {"محمد", "الأحمد"},
    {"Ελένη", "Παπαδοπούλου"},
    {"अनन्या", "शर्मा"},
    {"Emoji 😀", "Rocket 🚀"},
    {"=HYPERLINK(\"http://x.invalid\",\"click\")", "Formula"},
    {"+Plus", "-Minus"},
    {"@mention", "At"},
    {" Leading", "Trailing "},
    {"Comma, Jr.", "Quote \"The\" Name"},
    {"Multi\nLine", "Carriage\r\nReturn"},
    {"\tTab", "Start"},
    {nullptr, nullptr},
    {"Only", nullptr},
    {nullptr, "Family"},
    {"Maximiliana Theodora Alexandrina Konstantina",
        "Wolfeschlegelsteinhausenbergerdorff-Featherstonehaugh"},
    {"-2+3", "Minus Formula"},
    {"+61 412 345 678", "Numberish"},
    {"", ""},
}};

QString text(const char *s)
{
    return s ? QString::fromUtf8(s) : QString();
}

QString asciiSlug(const QString &s, qint64 index)
{
    QString out;
    for (QChar c : s) {
        if (c.unicode() < 128 && c.isLetterOrNumber())
            out += c.toLower();
    }
    return out.isEmpty() ? QStringLiteral("user%1").arg(index) : out;
}
// The organizations whose people overlap: every kind's main demo, and any id with the word
// "shared" (tests, benchmarks).
bool sharesPeople(const QString &organization)
{
    static const QSet<QString> demos = [] {
        QSet<QString> orgs;
        for (const SandboxKind *k : SandboxKinds::all()) {
            for (const SandboxDemoProfile &d : k->demos) {
                if (d.group == SandboxDemoProfile::Main)
                    orgs.insert(d.organization);
            }
        }
        return orgs;
    }();
    return demos.contains(organization) || organization.contains(QLatin1String("shared"));
}

// Person `k` of the shared pool, as this organization spells their address: the same name and
// mailbox everywhere, in another case or with a +tag in some organizations.
void applyShared(SandboxPerson *p, const QString &organization, qint64 k)
{
    const quint64 seed = SandboxData::mix(0x5ea4edULL ^ quint64(k));
    p->givenName = QString::fromUtf8(kGiven[seed % kGiven.size()]);
    p->familyName = QString::fromUtf8(kFamily[(seed >> 8) % kFamily.size()]);
    const QString local = asciiSlug(p->givenName, k) + QLatin1Char('.')
        + asciiSlug(p->familyName, k) + QStringLiteral(".p%1").arg(k);
    p->username = local;
    const quint64 variant = SandboxData::hash(organization) % 4;
    QString mailbox = local;
    QString domain = QStringLiteral("example.com");
    if (variant == 1 || variant == 3) {
        mailbox[0] = mailbox[0].toUpper();
        domain = QStringLiteral("Example.COM");
    }
    if (variant >= 2)
        mailbox += variant == 2 ? QStringLiteral("+work") : QStringLiteral("+ops");
    p->email = mailbox + QLatin1Char('@') + domain;
}
} // namespace

bool SandboxData::isShared(const QString &organization, qint64 index)
{
    return index % 250 == 17 && sharesPeople(organization)
        && (mix(hash(organization)) ^ quint64(index / 250)) % 4 != 0;
}

quint64 SandboxData::mix(quint64 x)
{
    // splitmix64
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

quint64 SandboxData::hash(const QString &value)
{
    quint64 h = 1469598103934665603ULL; // FNV-1a
    for (QChar c : value) {
        h ^= c.unicode();
        h *= 1099511628211ULL;
    }
    return h;
}

QString SandboxData::uuid(quint64 seed)
{
    const quint64 a = mix(seed);
    const quint64 b = mix(a);
    const QString hex
        = QStringLiteral("%1%2").arg(a, 16, 16, QLatin1Char('0')).arg(b, 16, 16, QLatin1Char('0'));
    return hex.left(8) + QLatin1Char('-') + hex.mid(8, 4) + QStringLiteral("-4") + hex.mid(13, 3)
        + QStringLiteral("-a") + hex.mid(17, 3) + QLatin1Char('-') + hex.mid(20, 12);
}

QString SandboxData::vendorId(const QString &prefix, quint64 seed)
{
    static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    QString id = prefix;
    quint64 v = mix(seed);
    quint64 w = mix(v);
    for (int i = 0; i < 20; ++i) {
        id += QLatin1Char(alphabet[v & 31]);
        v = (v >> 5) | (w << 59);
        w >>= 5;
    }
    return id;
}

qint64 SandboxData::userCount(const QString &organization, qint64 fallback)
{
    static const QRegularExpression suffix(QStringLiteral("-n(\\d{1,7})$"));
    const QRegularExpressionMatch m = suffix.match(organization);
    return m.hasMatch() ? m.captured(1).toLongLong() : fallback;
}

int SandboxData::revision(const QString &organization)
{
    if (!organization.contains(QLatin1String("rev")))
        return 0; // the common case, without a regular expression per person
    static const QRegularExpression word(QStringLiteral("(?:^|-)rev([1-9])(?=-|$)"));
    const QRegularExpressionMatch m = word.match(organization);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

QString SandboxData::baseOrganization(const QString &organization)
{
    if (revision(organization) == 0)
        return organization;
    static const QRegularExpression word(QStringLiteral("(^rev[1-9]-|-rev[1-9](?=-|$))"));
    return QString(organization).remove(word);
}

qint64 SandboxData::identity(const QString &organization, qint64 position)
{
    return position + 3 * revision(organization);
}

quint64 SandboxData::organizationSeed(const QString &organization)
{
    return hash(baseOrganization(organization));
}

namespace {
// What revision `revision` changes about one person: about one in ten, by kind of change.
void applyRevision(SandboxPerson *p, int revision, quint64 seed)
{
    if (revision == 0)
        return;
    const quint64 r = SandboxData::mix(seed ^ (0x5EED00ULL + quint64(revision)));
    switch (r % 40) {
    case 0:
        p->email.replace(QLatin1String("@example.com"), QLatin1String("@new.example.com"));
        break;
    case 1:
        p->active = !p->active;
        p->pending = !p->pending;
        break;
    case 2:
        p->bits ^= 0x400310ULL; // LlamaCloud's first role, SCIM's role set, CSP's services
        break;
    case 3:
        p->rolesReversed = true;
        break;
    default:
        break;
    }
}
} // namespace

SandboxPerson SandboxData::person(const QString &org, qint64 position)
{
    const int rev = revision(org);
    const QString organization = rev ? baseOrganization(org) : org;
    const qint64 index = position + 3 * rev;
    const quint64 seed = hash(organization) ^ mix(quint64(index));
    const quint64 h = mix(seed);
    SandboxPerson p;
    p.index = index;
    p.bits = mix(h);
    if (h % 7 == 0) {
        const NamePair &pair = kStress[(h >> 8) % kStress.size()];
        p.givenName = text(pair.given);
        p.familyName = text(pair.family);
    } else {
        p.givenName = QString::fromUtf8(kGiven[(h >> 8) % kGiven.size()]);
        p.familyName = QString::fromUtf8(kFamily[(h >> 16) % kFamily.size()]);
    }
    const QString local
        = asciiSlug(p.givenName, index) + QLatin1Char('.') + asciiSlug(p.familyName, index);
    p.email = QStringLiteral("%1.%2%3@example.com")
                  .arg(local)
                  .arg(index)
                  .arg((h >> 24) % 9 == 0 ? QStringLiteral("+roster") : QString());
    if ((h >> 28) % 5 != 0)
        p.phone = QStringLiteral("+614%1").arg((h >> 32) % 100000000, 8, 10, QLatin1Char('0'));
    p.username = QStringLiteral("%1%2").arg(local.left(24)).arg(index);
    if ((h >> 36) % 4 != 0)
        p.idpId = QStringLiteral("idp|%1").arg(mix(h ^ 0x1d) % 1000000000000ULL);
    const QDateTime base(QDate(2021, 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime created = base.addSecs(qint64((h >> 20) % (3LL * 365 * 86400)));
    p.createdAt = created.toString(Qt::ISODateWithMs);
    p.updatedAt = created.addSecs(qint64((h >> 12) % (200LL * 86400))).toString(Qt::ISODateWithMs);
    p.pending = (h >> 40) % 9 == 0;
    p.active = (h >> 44) % 11 != 0;
    const int inviter = int((h >> 48) % 4);
    if (inviter >= 1)
        p.inviterId = vendorId(QStringLiteral("user_"), seed ^ 0x77);
    if (inviter >= 2)
        p.inviterEmail = QStringLiteral("admin%1@example.com").arg((h >> 52) % 10);
    if (isShared(organization, index))
        applyShared(&p, organization, index / 250);
    applyRevision(&p, rev, seed);
    return p;
}

void SandboxData::appendJsonString(QByteArray &out, const QString &value)
{
    if (value.isNull()) {
        out += "null";
        return;
    }
    out += '"';
    const QByteArray utf8 = value.toUtf8();
    for (char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                qsnprintf(buf, sizeof buf, "\\u%04x", int(c));
                out += buf;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void SandboxData::appendKey(QByteArray &out, const char *key)
{
    out += '"';
    out += key;
    out += "\":";
}

namespace {
const QStringList &behaviourWords()
{
    static const QStringList words {QStringLiteral("cookies"), QStringLiteral("pretty"),
        QStringLiteral("gzip"), QStringLiteral("chunked"), QStringLiteral("stall"),
        QStringLiteral("capped"), QStringLiteral("uneven"), QStringLiteral("heavy"),
        QStringLiteral("quota"), QStringLiteral("bucket")};
    return words;
}
} // namespace

SandboxBehaviours SandboxBehaviours::fromPath(const QString &path)
{
    SandboxBehaviours b;
    for (const QString &segment : path.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        const QStringList words = segment.split(QLatin1Char('-'));
        b.cookies = b.cookies || words.contains(QLatin1String("cookies"));
        b.pretty = b.pretty || words.contains(QLatin1String("pretty"));
        b.gzip = b.gzip || words.contains(QLatin1String("gzip"));
        b.chunked = b.chunked || words.contains(QLatin1String("chunked"));
        b.stall = b.stall || words.contains(QLatin1String("stall"));
        b.capped = b.capped || words.contains(QLatin1String("capped"));
        b.uneven = b.uneven || words.contains(QLatin1String("uneven"));
        b.heavy = b.heavy || words.contains(QLatin1String("heavy"));
        b.quota = b.quota || words.contains(QLatin1String("quota"));
        b.bucket = b.bucket || words.contains(QLatin1String("bucket"));
    }
    return b;
}

SandboxInjection SandboxData::injection(const QString &organization)
{
    static const QRegularExpression pattern(
        QStringLiteral("^error-(\\d{3})(-proxy|-generic)?(-once|-later-once|-later)?$"));
    SandboxInjection injection;
    // A "-n<count>" suffix only sets the size, and behaviour words only how the server answers;
    // look at what is left.
    static const QRegularExpression sizeSuffix(QStringLiteral("-n\\d{1,7}$"));
    QString base = organization;
    base.remove(sizeSuffix);
    QStringList words = base.split(QLatin1Char('-'));
    if (words.size() > 1) {
        words.removeIf([](const QString &w) { return behaviourWords().contains(w); });
        base = words.join(QLatin1Char('-'));
    }
    const QRegularExpressionMatch m = pattern.match(base);
    if (m.hasMatch()) {
        injection.status = m.captured(1).toInt();
        injection.once = m.captured(3) == QLatin1String("-once");
        injection.later = m.captured(3) == QLatin1String("-later");
        injection.laterOnce = m.captured(3) == QLatin1String("-later-once");
        if (m.capturedLength(2) > 0)
            injection.special = m.captured(2).mid(1);
        return injection;
    }
    static const QStringList specials = {QStringLiteral("malformed"), QStringLiteral("wrong-types"),
        QStringLiteral("truncated"), QStringLiteral("truncated-transport"), QStringLiteral("loop"),
        QStringLiteral("empty-claims-more"), QStringLiteral("foreign-link"), QStringLiteral("slow"),
        QStringLiteral("growing"), QStringLiteral("truncated-transport-once"),
        QStringLiteral("overcount"), QStringLiteral("null-cursor")};
    if (specials.contains(base))
        injection.special = base;
    return injection;
}

bool SandboxData::shouldFail(const SandboxInjection &injection, bool firstPage, int hitCount)
{
    if (injection.status == 0)
        return false;
    if (injection.later)
        return !firstPage;
    if (injection.once)
        return firstPage && hitCount == 1;
    if (injection.laterOnce)
        return !firstPage && hitCount == 1;
    return true;
}
