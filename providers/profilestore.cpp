#include "profilestore.h"

#include "httpclient.h"
#include "providerkind.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>

namespace {

QStringList allowedOptions(const QString &kind)
{
    QStringList keys {QStringLiteral("pageSize")};
    if (const ProviderKind *k = ProviderKinds::find(kind)) {
        for (const ProviderOption &o : k->options)
            keys << o.key;
    }
    return keys;
}

ProfileStore::Issue issue(
    int index, const QString &profile, const QString &field, const QString &message)
{
    return ProfileStore::Issue {index, profile, field, message};
}

QJsonObject oauthJson(const OAuthSettings &o)
{
    QJsonObject j {{QStringLiteral("issuer"), o.issuer.toString()},
        {QStringLiteral("clientId"), o.clientId},
        {QStringLiteral("scopes"), QJsonArray::fromStringList(o.scopes)}};
    if (!o.audience.isEmpty())
        j.insert(QStringLiteral("audience"), o.audience);
    if (o.redirectPort > 0)
        j.insert(QStringLiteral("redirectPort"), o.redirectPort);
    return j;
}

// A credential source as the file holds it; empty for none (an inline secret is never written).
QJsonObject sourceJson(const CredentialSource &source)
{
    QJsonObject c;
    switch (source.type) {
    case CredentialSource::Type::Env:
        c.insert(QStringLiteral("env"), source.value);
        break;
    case CredentialSource::Type::File:
        c.insert(QStringLiteral("file"), source.value);
        break;
    case CredentialSource::Type::Keychain:
        c.insert(QStringLiteral("keychain"), true);
        break;
    case CredentialSource::Type::OAuth:
        c.insert(QStringLiteral("oauth"), oauthJson(source.oauth));
        break;
    case CredentialSource::Type::None:
    case CredentialSource::Type::Inline:
        break;
    }
    return c;
}

const QStringList &knownFields()
{
    static const QStringList fields {QStringLiteral("name"), QStringLiteral("kind"),
        QStringLiteral("baseUrl"), QStringLiteral("organization"), QStringLiteral("credential"),
        QStringLiteral("options"), QStringLiteral("caFile"), QStringLiteral("proxy"),
        QStringLiteral("proxyCredential")};
    return fields;
}

int editDistance(const QString &a, const QString &b)
{
    QList<int> row(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = i;
        for (int j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            const bool same = a[i - 1].toLower() == b[j - 1].toLower();
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// "is not known; did you mean "organization"?" when one known name is close enough; for an
// option, `kind` names the kind it is not an option of.
QString unknownText(const QString &key, const QStringList &known, const QString &kind = {})
{
    QString best;
    int bestDistance = std::max<int>(2, int(key.size()) / 3) + 1;
    for (const QString &k : known) {
        const int d = editDistance(key, k);
        if (d < bestDistance) {
            best = k;
            bestDistance = d;
        }
    }
    const QString list = known.join(QStringLiteral(", "));
    if (kind.isEmpty())
        return best.isEmpty() ? ProfileStore::tr("is not known (known: %1)").arg(list)
                              : ProfileStore::tr("is not known; did you mean \"%1\"?").arg(best);
    return best.isEmpty()
        ? ProfileStore::tr("is not an option of kind \"%1\" (known: %2)").arg(kind, list)
        : ProfileStore::tr("is not an option of kind \"%1\"; did you mean \"%2\"?").arg(kind, best);
}
} // namespace

QString ProfileStore::Issue::text() const
{
    QString who;
    if (index < 0 && profile.isEmpty())
        who = ProfileStore::tr("profiles file");
    else if (!profile.isEmpty())
        who = ProfileStore::tr("profile \"%1\"").arg(profile);
    else
        who = ProfileStore::tr("profile #%1").arg(index + 1);
    if (field.isEmpty())
        return who + QStringLiteral(": ") + message;
    return ProfileStore::tr("%1: field \"%2\": %3").arg(who, field, message);
}

QString ProfileStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
        + QStringLiteral("/profiles.json");
}

QString ProfileStore::resolvePath(const QString &commandLineConfig)
{
    if (!commandLineConfig.isEmpty())
        return commandLineConfig;
    const QString env = qEnvironmentVariable("ROSTER_CONFIG");
    return env.isEmpty() ? defaultPath() : env;
}

QStringList ProfileStore::kinds()
{
    return ProviderKinds::ids();
}

int ProfileStore::maxPageSize(const QString &kind)
{
    const ProviderKind *k = ProviderKinds::find(kind);
    return k ? k->maxPageSize : 100;
}

const Profile *ProfileStore::find(const QString &name) const
{
    for (const Profile &p : m_profiles) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

QString ProfileStore::errorText() const
{
    QStringList lines;
    for (const Issue &i : m_issues)
        lines << i.text();
    return lines.join(QLatin1Char('\n'));
}

bool ProfileStore::load(const QString &path)
{
    m_profiles.clear();
    m_issues.clear();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_issues << issue(-1, {}, {},
            ProfileStore::tr("cannot read %1: %2")
                .arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    return loadFromJson(file.readAll());
}

QList<ProfileStore::Issue> ProfileStore::validate(const Profile &p, int index)
{
    QList<Issue> issues;
    const QString who = p.name;
    if (p.name.trimmed().isEmpty())
        issues << issue(
            index, who, QStringLiteral("name"), ProfileStore::tr("is missing or empty"));
    if (p.kind.isEmpty())
        issues << issue(index, who, QStringLiteral("kind"), ProfileStore::tr("is missing"));
    else if (!kinds().contains(p.kind))
        issues << issue(index, who, QStringLiteral("kind"),
            ProfileStore::tr("unknown kind \"%1\" (expected one of: %2)")
                .arg(p.kind, kinds().join(QStringLiteral(", "))));
    if (p.baseUrl.isEmpty()) {
        issues << issue(index, who, QStringLiteral("baseUrl"), ProfileStore::tr("is missing"));
    } else if (!p.baseUrl.isValid() || p.baseUrl.host().isEmpty()
        || (p.baseUrl.scheme() != QLatin1String("http")
            && p.baseUrl.scheme() != QLatin1String("https"))) {
        issues << issue(index, who, QStringLiteral("baseUrl"),
            ProfileStore::tr("\"%1\" is not an http:// or https:// URL with a host")
                .arg(p.baseUrl.toString()));
    } else if (p.baseUrl.scheme() == QLatin1String("http")
        && !HttpClient::isLoopbackHost(p.baseUrl.host())) {
        issues << issue(index, who, QStringLiteral("baseUrl"),
            ProfileStore::tr(
                "http:// is allowed only for loopback hosts (127.0.0.0/8, ::1, localhost); use "
                "https://"));
    } else if (!p.baseUrl.userInfo().isEmpty() || p.baseUrl.hasQuery() || p.baseUrl.hasFragment()) {
        issues << issue(index, who, QStringLiteral("baseUrl"),
            ProfileStore::tr("must not hold user info, a query or a fragment"));
    }
    const ProviderKind *kind = ProviderKinds::find(p.kind);
    const bool needsOrganization = !kind || kind->hasOrganization;
    if (p.organization.trimmed().isEmpty() && needsOrganization)
        issues << issue(
            index, who, QStringLiteral("organization"), ProfileStore::tr("is missing or empty"));
    else if (p.organization.contains(QLatin1Char('/')))
        issues << issue(
            index, who, QStringLiteral("organization"), ProfileStore::tr("must not contain '/'"));

    switch (p.credential.type) {
    case CredentialSource::Type::None:
        issues << issue(index, who, QStringLiteral("credential"),
            ProfileStore::tr(
                "is missing (expected {\"env\": \"VAR\"}, {\"file\": \"/path\"}, {\"keychain\": "
                "true} or {\"oauth\": {...}})"));
        break;
    case CredentialSource::Type::OAuth:
        issues += validateOAuth(p, index);
        break;
    case CredentialSource::Type::Env:
    case CredentialSource::Type::File:
        if (p.credential.value.isEmpty())
            issues << issue(index, who, QStringLiteral("credential"),
                ProfileStore::tr("names an empty variable or path"));
        break;
    case CredentialSource::Type::Keychain:
    case CredentialSource::Type::Inline:
        break;
    }

    issues += validateConnection(p, index);
    issues += validateOptions(p, index);
    return issues;
}

QList<ProfileStore::Issue> ProfileStore::validateOptions(const Profile &p, int index)
{
    QList<Issue> issues;
    const QString &who = p.name;
    const QStringList allowed = allowedOptions(p.kind);
    for (auto it = p.options.begin(); it != p.options.end(); ++it) {
        const QString field = QStringLiteral("options.") + it.key();
        if (!allowed.contains(it.key())) {
            issues << issue(index, who, field, unknownText(it.key(), allowed, p.kind));
            continue;
        }
        if (it.key() == QLatin1String("pageSize")) {
            const int max = maxPageSize(p.kind);
            const double v = it.value().toDouble(-1);
            if (!it.value().isDouble() || v != double(int(v)) || v < 1 || v > max)
                issues << issue(index, who, field,
                    ProfileStore::tr("must be a whole number from 1 to %1").arg(max));
            continue;
        }
        const QStringList values = ProviderKinds::find(p.kind)->option(it.key())->values;
        if (!it.value().isString() || !values.contains(it.value().toString()))
            issues << issue(index, who, field,
                ProfileStore::tr("must be one of: %1").arg(values.join(QStringLiteral(", "))));
    }
    return issues;
}

QList<ProfileStore::Issue> ProfileStore::validateConnection(const Profile &p, int index)
{
    QList<Issue> issues;
    const QString proxy = p.proxy.trimmed();
    if (!proxy.isEmpty() && proxy != QLatin1String("system") && proxy != QLatin1String("none")) {
        const QUrl url(proxy, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty()
            || (scheme != QLatin1String("http") && scheme != QLatin1String("socks5")
                && scheme != QLatin1String("socks5h")))
            issues << issue(index, p.name, QStringLiteral("proxy"),
                tr("must be \"system\", \"none\" or a URL such as http://proxy.example:3128 or "
                   "socks5://proxy.example:1080"));
        else if (!url.password().isEmpty())
            issues << issue(index, p.name, QStringLiteral("proxy"),
                tr("must not hold a password; give it with \"proxyCredential\""));
        else if (url.hasQuery() || url.hasFragment()
            || (!url.path().isEmpty() && url.path() != QLatin1String("/")))
            issues << issue(
                index, p.name, QStringLiteral("proxy"), tr("must be only scheme://host:port"));
    }
    if ((p.proxyCredential.type == CredentialSource::Type::Env
            || p.proxyCredential.type == CredentialSource::Type::File)
        && p.proxyCredential.value.isEmpty())
        issues << issue(index, p.name, QStringLiteral("proxyCredential"),
            tr("names an empty variable or path"));
    if (p.proxyCredential.type != CredentialSource::Type::None
        && (proxy.isEmpty() || proxy == QLatin1String("system") || proxy == QLatin1String("none")))
        issues << issue(index, p.name, QStringLiteral("proxyCredential"),
            tr("needs a \"proxy\" URL to be used with (a system proxy takes its credentials from "
               "its URL, as curl does)"));
    return issues;
}

QList<ProfileStore::Issue> ProfileStore::validateOAuth(const Profile &p, int index)
{
    QList<Issue> issues;
    const OAuthSettings &o = p.credential.oauth;
    const QString field = QStringLiteral("credential.oauth.");
    const ProviderKind *kind = ProviderKinds::find(p.kind);
    if (kind && !(kind->sendsBearer && kind->sendsBearer(p)))
        issues << issue(index, p.name, QStringLiteral("credential.oauth"),
            tr("kind \"%1\" with these options does not send its secret as a bearer token, so it "
               "cannot sign in with OAuth")
                .arg(p.kind));
    if (!o.issuer.isValid() || o.issuer.host().isEmpty()
        || (o.issuer.scheme() != QLatin1String("https")
            && !(o.issuer.scheme() == QLatin1String("http")
                && HttpClient::isLoopbackHost(o.issuer.host()))))
        issues << issue(index, p.name, field + QStringLiteral("issuer"),
            tr("must be an https:// URL (http:// only for loopback hosts)"));
    else if (!o.issuer.userInfo().isEmpty() || o.issuer.hasQuery() || o.issuer.hasFragment())
        issues << issue(index, p.name, field + QStringLiteral("issuer"),
            tr("must not hold user info, a query or a fragment"));
    if (o.clientId.trimmed().isEmpty())
        issues << issue(
            index, p.name, field + QStringLiteral("clientId"), tr("is missing or empty"));
    if (o.redirectPort < 0 || o.redirectPort > 65535)
        issues << issue(index, p.name, field + QStringLiteral("redirectPort"),
            tr("must be a port from 1 to 65535"));
    return issues;
}

OAuthSettings ProfileStore::readOAuth(
    const QJsonValue &value, int i, const QString &profile, const QString &field)
{
    OAuthSettings o;
    const QString at = field + QStringLiteral(".oauth");
    if (!value.isObject()) {
        m_issues << issue(i, profile, at, tr("must be an object"));
        return o;
    }
    const QJsonObject j = value.toObject();
    static const QStringList known {QStringLiteral("issuer"), QStringLiteral("clientId"),
        QStringLiteral("scopes"), QStringLiteral("audience"), QStringLiteral("redirectPort")};
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (!known.contains(it.key()))
            m_issues << issue(
                i, profile, at + QLatin1Char('.') + it.key(), unknownText(it.key(), known));
    }
    o.issuer = QUrl(j.value(QStringLiteral("issuer")).toString(), QUrl::StrictMode);
    o.clientId = j.value(QStringLiteral("clientId")).toString();
    o.audience = j.value(QStringLiteral("audience")).toString();
    const QJsonValue scopes = j.value(QStringLiteral("scopes"));
    for (const QJsonValue &s : scopes.toArray()) {
        if (!s.isString() || s.toString().isEmpty() || s.toString().contains(QLatin1Char(' ')))
            m_issues << issue(i, profile, at + QStringLiteral(".scopes"),
                tr("must be a list of scope names without spaces"));
        else
            o.scopes << s.toString();
    }
    if (!scopes.isUndefined() && !scopes.isArray())
        m_issues << issue(i, profile, at + QStringLiteral(".scopes"), tr("must be a list"));
    const QJsonValue port = j.value(QStringLiteral("redirectPort"));
    if (!port.isUndefined()) {
        const double v = port.toDouble(-1);
        o.redirectPort
            = port.isDouble() && v == double(int(v)) && v >= 1 && v <= 65535 ? int(v) : -1;
    }
    return o;
}

// A credential source: {"env": "VAR"}, {"file": "/path"}, {"keychain": true} or {"oauth": {...}}.
CredentialSource ProfileStore::readSource(
    const QJsonValue &value, int i, const QString &profile, const QString &field)
{
    if (value.isUndefined())
        return {};
    if (!value.isObject()) {
        m_issues << issue(i, profile, field, ProfileStore::tr("must be an object"));
        return {};
    }
    const QJsonObject c = value.toObject();
    if (c.size() != 1) {
        m_issues << issue(i, profile, field,
            ProfileStore::tr(
                "must hold exactly one of \"env\", \"file\", \"keychain\" or \"oauth\""));
    } else if (c.contains(QStringLiteral("env")) && c.value(QStringLiteral("env")).isString()) {
        return {CredentialSource::Type::Env, c.value(QStringLiteral("env")).toString()};
    } else if (c.contains(QStringLiteral("file")) && c.value(QStringLiteral("file")).isString()) {
        return {CredentialSource::Type::File, c.value(QStringLiteral("file")).toString()};
    } else if (c.value(QStringLiteral("keychain")) == QJsonValue(true)) {
        return {CredentialSource::Type::Keychain, {}};
    } else if (c.contains(QStringLiteral("oauth")) && field == QLatin1String("credential")) {
        CredentialSource source {CredentialSource::Type::OAuth, {}};
        source.oauth = readOAuth(c.value(QStringLiteral("oauth")), i, profile, field);
        return source;
    } else {
        m_issues << issue(i, profile, field,
            ProfileStore::tr(
                "must be {\"env\": \"VAR\"}, {\"file\": \"/path\"} or {\"keychain\": true}"));
    }
    return {};
}

// One profile's fields as the file holds them; what is malformed goes to the issues.
Profile ProfileStore::readProfile(const QJsonObject &o, int i)
{
    Profile p;
    auto stringField = [&](const char *key, QString *out) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return;
        if (!v.isString())
            m_issues << issue(i, o.value(QStringLiteral("name")).toString(), QLatin1String(key),
                ProfileStore::tr("must be a string"));
        else
            *out = v.toString();
    };
    stringField("name", &p.name);
    stringField("kind", &p.kind);
    stringField("organization", &p.organization);
    QString url;
    stringField("baseUrl", &url);
    p.baseUrl = QUrl(url, QUrl::StrictMode);
    if (!url.isEmpty() && !p.baseUrl.isValid()) {
        m_issues << issue(i, p.name, QStringLiteral("baseUrl"),
            ProfileStore::tr("\"%1\" is not a valid URL").arg(url));
        p.baseUrl = QUrl();
    }

    stringField("caFile", &p.caFile);
    stringField("proxy", &p.proxy);
    p.credential = readSource(
        o.value(QStringLiteral("credential")), i, p.name, QStringLiteral("credential"));
    p.proxyCredential = readSource(
        o.value(QStringLiteral("proxyCredential")), i, p.name, QStringLiteral("proxyCredential"));
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!knownFields().contains(it.key()))
            m_issues << issue(i, p.name, it.key(), unknownText(it.key(), knownFields()));
    }
    const QJsonValue options = o.value(QStringLiteral("options"));
    if (options.isObject())
        p.options = options.toObject();
    else if (!options.isUndefined() && !options.isNull())
        m_issues << issue(
            i, p.name, QStringLiteral("options"), ProfileStore::tr("must be an object"));
    return p;
}

bool ProfileStore::loadFromJson(const QByteArray &json)
{
    m_profiles.clear();
    m_issues.clear();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        m_issues << issue(-1, {}, {},
            ProfileStore::tr("not valid JSON at offset %1: %2")
                .arg(parseError.offset)
                .arg(parseError.errorString()));
        return false;
    }
    if (!doc.isObject()) {
        m_issues << issue(-1, {}, {},
            ProfileStore::tr("the top level must be an object with a \"profiles\" array"));
        return false;
    }
    const QJsonValue list = doc.object().value(QStringLiteral("profiles"));
    if (!list.isArray()) {
        m_issues << issue(-1, {}, QStringLiteral("profiles"), ProfileStore::tr("must be an array"));
        return false;
    }
    QList<Profile> profiles;
    QSet<QString> names;
    const QJsonArray array = list.toArray();
    for (int i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject()) {
            m_issues << issue(i, {}, {}, ProfileStore::tr("must be an object"));
            continue;
        }
        const Profile p = readProfile(array.at(i).toObject(), i);
        const qsizetype before = m_issues.size();
        for (const Issue &found : validate(p, i)) {
            // A credential already reported as malformed is not reported again as missing.
            bool dup = false;
            for (qsizetype k = 0; k < before; ++k)
                dup = dup || (m_issues[k].index == i && m_issues[k].field == found.field);
            if (!dup)
                m_issues << found;
        }
        if (!p.name.isEmpty()) {
            if (names.contains(p.name))
                m_issues << issue(i, p.name, QStringLiteral("name"),
                    ProfileStore::tr("is used by an earlier profile; names must be unique"));
            names.insert(p.name);
        }
        profiles << p;
    }
    if (!m_issues.isEmpty())
        return false;
    m_profiles = profiles;
    return true;
}

QJsonObject ProfileStore::toJson(const Profile &p)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), p.name);
    o.insert(QStringLiteral("kind"), p.kind);
    o.insert(QStringLiteral("baseUrl"), p.baseUrl.toString());
    const ProviderKind *kind = ProviderKinds::find(p.kind);
    if (!p.organization.isEmpty() || !kind || kind->hasOrganization)
        o.insert(QStringLiteral("organization"), p.organization);
    o.insert(QStringLiteral("credential"), sourceJson(p.credential));
    if (!p.options.isEmpty())
        o.insert(QStringLiteral("options"), p.options);
    if (!p.caFile.isEmpty())
        o.insert(QStringLiteral("caFile"), p.caFile);
    if (!p.proxy.isEmpty() && p.proxy != QLatin1String("system"))
        o.insert(QStringLiteral("proxy"), p.proxy);
    const QJsonObject pc = sourceJson(p.proxyCredential);
    if (!pc.isEmpty())
        o.insert(QStringLiteral("proxyCredential"), pc);
    return o;
}

QByteArray ProfileStore::toJson() const
{
    QJsonArray array;
    for (const Profile &p : m_profiles) {
        if (p.credential.type != CredentialSource::Type::Inline)
            array.append(toJson(p));
    }
    QJsonObject root;
    root.insert(QStringLiteral("profiles"), array);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool ProfileStore::save(const QString &path, QString *errorText) const
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (errorText)
            *errorText = ProfileStore::tr("cannot write %1: %2")
                             .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    file.write(toJson());
    if (!file.commit()) {
        if (errorText)
            *errorText = ProfileStore::tr("cannot write %1: %2")
                             .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}
