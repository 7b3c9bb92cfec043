#include "transport.h"

#include "profile.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QHostAddress>
#include <QMutex>
#include <QNetworkProxyFactory>
#include <QSet>
#include <QSslConfiguration>

#include <mutex>

namespace {

QString isoDate(const QDateTime &when)
{
    return when.toUTC().toString(QStringLiteral("yyyy-MM-dd"));
}

QString names(const QSslCertificate &c, QSslCertificate::SubjectInfo what, bool issuer)
{
    const QStringList values = issuer ? c.issuerInfo(what) : c.subjectInfo(what);
    return values.join(QStringLiteral(", "));
}

QString distinguished(const QSslCertificate &c, bool issuer)
{
    QStringList parts;
    const QString cn = names(c, QSslCertificate::CommonName, issuer);
    if (!cn.isEmpty())
        parts << QStringLiteral("CN=") + cn;
    const QString o = names(c, QSslCertificate::Organization, issuer);
    if (!o.isEmpty())
        parts << QStringLiteral("O=") + o;
    return parts.isEmpty() ? Transport::tr("(no name)") : parts.join(QStringLiteral(", "));
}

QString hostNames(const QSslCertificate &c)
{
    QStringList out;
    const auto alternates = c.subjectAlternativeNames();
    for (auto it = alternates.begin(); it != alternates.end(); ++it)
        out << it.value();
    if (out.isEmpty())
        out = c.subjectInfo(QSslCertificate::CommonName);
    return out.join(QStringLiteral(", "));
}

// What would fix the first error, in the words an administrator acts on.
QString remedy(const QUrl &url, const QSslError &error)
{
    switch (error.error()) {
    case QSslError::CertificateNotYetValid:
        return Transport::tr(
            "Check this computer's clock and time zone: the certificate is not valid yet.");
    case QSslError::CertificateExpired:
        return Transport::tr(
            "The server's certificate has expired: its administrators must renew it (check this "
            "computer's clock too).");
    case QSslError::HostNameMismatch:
        return Transport::tr(
            "The certificate is for %1, not %2: use one of those names in the profile's baseUrl, "
            "or ask for a certificate that names %2.")
            .arg(hostNames(error.certificate()), url.host());
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
        return Transport::tr(
            "If this server's certificates come from your organization's own CA, trust that CA: "
            "give the profile \"caFile\": \"/path/to/ca.pem\", set SSL_CERT_FILE or SSL_CERT_DIR, "
            "or add it to the system store (update-ca-certificates). If the server sends no "
            "intermediate certificate, its administrators must configure the full chain.");
    default:
        return Transport::tr(
            "Trust the issuing CA with the profile's caFile, SSL_CERT_FILE or the system store, "
            "or ask the server's administrators to fix its certificate.");
    }
}

QString userPart(const QString &text)
{
    return QUrl::fromPercentEncoding(text.toUtf8());
}

class SystemProxyFactory : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        if (const auto env = ProxyRules::fromEnvironment(query.url()))
            return {env->problem.isEmpty() ? env->proxy : QNetworkProxy(QNetworkProxy::NoProxy)};
        return systemProxyForQuery(query);
    }
};
} // namespace

Transport Transport::forProfile(const Profile &profile, const QString &proxySecret)
{
    Transport t;
    QString problem;
    // Trust matters only where a connection is encrypted: a machine whose SSL_CERT_DIR names the
    // system folder holds hundreds of certificates, a third of a second to parse, for nothing when
    // the server (and its sign-in) speak plain HTTP.
    const auto plain = [](const QUrl &url) {
        return url.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) == 0;
    };
    if (!plain(profile.baseUrl)
        || (!profile.credential.oauth.issuer.isEmpty() && !plain(profile.credential.oauth.issuer)))
        t.extraCas = Tls::environmentCas(&problem);
    if (!problem.isEmpty()) {
        t.error = ProviderError::make(ProviderError::Kind::Configuration, problem);
        return t;
    }
    if (!profile.caFile.isEmpty()) {
        const QList<QSslCertificate> own = Tls::readBundle(profile.caFile, &problem);
        if (!problem.isEmpty()) {
            t.error = ProviderError::make(ProviderError::Kind::Configuration,
                tr("Profile \"%1\": caFile: %2").arg(profile.name, problem));
            return t;
        }
        t.extraCas += own;
    }
    const QString proxy = profile.proxy.trimmed();
    if (proxy.isEmpty() || proxy == QLatin1String("system")) {
        if (const auto env = ProxyRules::fromEnvironment(profile.baseUrl, &problem)) {
            if (!env->problem.isEmpty())
                t.error = ProviderError::make(
                    ProviderError::Kind::Configuration, tr("%1: %2").arg(problem, env->problem));
        }
        return t;
    }
    if (proxy == QLatin1String("none")) {
        t.proxyMode = ProxyMode::None;
        t.proxy = QNetworkProxy(QNetworkProxy::NoProxy);
        return t;
    }
    ProxyRules::Parsed parsed = ProxyRules::parse(proxy);
    if (!parsed.problem.isEmpty()) {
        t.error = ProviderError::make(ProviderError::Kind::Configuration,
            tr("Profile \"%1\": proxy: %2").arg(profile.name, parsed.problem));
        return t;
    }
    if (!proxySecret.isEmpty()) {
        const qsizetype colon = proxySecret.indexOf(QLatin1Char(':'));
        if (colon < 0) {
            parsed.proxy.setPassword(proxySecret);
        } else {
            parsed.proxy.setUser(proxySecret.left(colon));
            parsed.proxy.setPassword(proxySecret.mid(colon + 1));
        }
    }
    t.proxyMode = ProxyMode::Explicit;
    t.proxy = parsed.proxy;
    return t;
}

namespace {
// The certificates in a file, parsed once per process while the file stays as it was (its size
// and time): every profile of a run reads the same SSL_CERT_FILE and SSL_CERT_DIR, and a system
// folder holds hundreds of them. `der`: a file holding no PEM is read as one DER certificate.
QList<QSslCertificate> certificatesIn(QFile &file, qint64 maxSize, bool der)
{
    struct Parsed
    {
        qint64 size = -1;
        QDateTime modified;
        QList<QSslCertificate> certificates;
    };
    static QMutex mutex;
    static QHash<QString, Parsed> parsed;
    const QFileInfo info(file);
    const QString key = info.absoluteFilePath() + (der ? QStringLiteral("\nder") : QString());
    {
        QMutexLocker lock(&mutex);
        const auto it = parsed.constFind(key);
        if (it != parsed.cend() && it->size == info.size() && it->modified == info.lastModified())
            return it->certificates;
    }
    const QByteArray data = file.read(maxSize);
    QList<QSslCertificate> out = QSslCertificate::fromData(data, QSsl::Pem);
    if (out.isEmpty() && der)
        out = QSslCertificate::fromData(data, QSsl::Der);
    QMutexLocker lock(&mutex);
    parsed.insert(key, {info.size(), info.lastModified(), out});
    return out;
}
} // namespace

QList<QSslCertificate> Tls::readBundle(const QString &path, QString *problem)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = Transport::tr("cannot read %1: %2")
                       .arg(QDir::toNativeSeparators(path), file.errorString());
        return {};
    }
    const QList<QSslCertificate> out = certificatesIn(file, 16 << 20, true);
    if (out.isEmpty())
        *problem = Transport::tr("%1 holds no PEM certificate").arg(QDir::toNativeSeparators(path));
    return out;
}

QList<QSslCertificate> Tls::environmentCas(QString *problem)
{
    QList<QSslCertificate> out;
    QString said;
    QSet<QString> read; // canonical paths
    const QString file = qEnvironmentVariable("SSL_CERT_FILE");
    if (!file.isEmpty()) {
        read.insert(QFileInfo(file).canonicalFilePath());
        QString why;
        out += readBundle(file, &why);
        if (!why.isEmpty())
            said = QStringLiteral("SSL_CERT_FILE: ") + why;
    }
    const QString dirs = qEnvironmentVariable("SSL_CERT_DIR");
    for (const QString &dir : dirs.split(QLatin1Char(':'), Qt::SkipEmptyParts)) {
        if (!QFileInfo(dir).isDir()) {
            if (said.isEmpty())
                said = Transport::tr("SSL_CERT_DIR: %1 is not a folder")
                           .arg(QDir::toNativeSeparators(dir));
            continue;
        }
        // As OpenSSL's hashed folders hold them (name.0), and as people copy them (.pem, .crt).
        // Each file once: a hashed folder links name.0 to name.pem, and may hold SSL_CERT_FILE.
        const QFileInfoList entries = QDir(dir).entryInfoList(QDir::Files | QDir::Readable);
        for (const QFileInfo &entry : entries) {
            QFile f(entry.absoluteFilePath());
            if (entry.size() < (1 << 20) && !read.contains(entry.canonicalFilePath())
                && f.open(QIODevice::ReadOnly)) {
                read.insert(entry.canonicalFilePath());
                out += certificatesIn(f, 1 << 20, false);
            }
        }
    }
    if (problem)
        *problem = said;
    return out;
}

QList<QSslCertificate> Tls::trustedWith(const QList<QSslCertificate> &extra)
{
    static QMutex mutex;
    static std::optional<QList<QSslCertificate>> system;
    QMutexLocker lock(&mutex);
    if (!system)
        system = QSslConfiguration::systemCaCertificates();
    return *system + extra;
}

QString Tls::describe(const QSslCertificate &c)
{
    const QByteArray sha = c.digest(QCryptographicHash::Sha256).toHex(':').toUpper();
    return Transport::tr("%1, issued by %2, valid %3 to %4, SHA-256 %5")
        .arg(distinguished(c, false), distinguished(c, true), isoDate(c.effectiveDate()),
            isoDate(c.expiryDate()), QString::fromLatin1(sha));
}

ProviderError Tls::handshakeError(
    const QUrl &url, const QList<QSslError> &errors, const QList<QSslCertificate> &chain)
{
    QStringList reasons;
    for (const QSslError &e : errors) {
        if (!reasons.contains(e.errorString()))
            reasons << e.errorString();
    }
    const QString host
        = url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
    ProviderError error = ProviderError::make(ProviderError::Kind::Tls,
        reasons.isEmpty() ? Transport::tr("The TLS handshake with %1 failed.").arg(host)
                          : Transport::tr("The certificate of %1 is not accepted: %2.")
                                .arg(host, reasons.join(QStringLiteral("; "))));
    for (int i = 0; i < chain.size(); ++i)
        error.meta << qMakePair(
            Transport::tr("Presented certificate %1").arg(i + 1), describe(chain.at(i)));
    if (chain.isEmpty() && !errors.isEmpty() && !errors.first().certificate().isNull())
        error.meta << qMakePair(
            Transport::tr("Presented certificate"), describe(errors.first().certificate()));
    if (!errors.isEmpty())
        error.meta << qMakePair(Transport::tr("What to do"), remedy(url, errors.first()));
    error.url = url.toString(QUrl::RemoveUserInfo);
    error.attempts = 1;
    return error;
}

ProxyRules::Parsed ProxyRules::parse(const QString &text)
{
    Parsed out;
    QString t = text.trimmed();
    if (!t.contains(QLatin1String("://")))
        t.prepend(QLatin1String("http://"));
    const QUrl url(t, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    QNetworkProxy::ProxyType type = QNetworkProxy::HttpProxy;
    if (scheme == QLatin1String("socks5") || scheme == QLatin1String("socks5h"))
        type = QNetworkProxy::Socks5Proxy;
    else if (scheme != QLatin1String("http"))
        out.problem = Transport::tr(
            "\"%1\" is not a proxy Roster can use (http://host:port, socks5://host:port)")
                          .arg(scheme + QStringLiteral("://"));
    if (out.problem.isEmpty() && (!url.isValid() || url.host().isEmpty()))
        out.problem = Transport::tr("not a proxy URL with a host");
    if (!out.problem.isEmpty())
        return out;
    out.proxy = QNetworkProxy(type, url.host(), quint16(url.port(1080)));
    if (type == QNetworkProxy::Socks5Proxy && scheme == QLatin1String("socks5"))
        out.proxy.setCapabilities(
            out.proxy.capabilities() & ~QNetworkProxy::HostNameLookupCapability);
    if (!url.userName().isEmpty()) {
        out.proxy.setUser(userPart(url.userName(QUrl::FullyEncoded)));
        out.proxy.setPassword(userPart(url.password(QUrl::FullyEncoded)));
    }
    return out;
}

bool ProxyRules::bypasses(const QString &noProxy, const QString &hostIn)
{
    const QString host = hostIn.toLower();
    const QHostAddress address(host);
    for (QString entry : noProxy.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        entry = entry.trimmed().toLower();
        if (entry.isEmpty())
            continue;
        if (entry == QLatin1String("*"))
            return true;
        if (!address.isNull()) {
            const auto subnet = QHostAddress::parseSubnet(entry);
            if (!subnet.first.isNull() && address.isInSubnet(subnet))
                return true;
            if (QHostAddress(entry) == address)
                return true;
            continue;
        }
        if (entry.startsWith(QLatin1Char('.')))
            entry.remove(0, 1);
        if (host == entry || host.endsWith(QLatin1Char('.') + entry))
            return true;
    }
    return false;
}

std::optional<ProxyRules::Parsed> ProxyRules::fromEnvironment(const QUrl &url, QString *variable)
{
    auto env = [](const char *name) { return qEnvironmentVariable(name); };
    QString noProxy = env("no_proxy");
    if (noProxy.isEmpty())
        noProxy = env("NO_PROXY");
    if (!noProxy.isEmpty() && bypasses(noProxy, url.host()))
        return Parsed {QNetworkProxy(QNetworkProxy::NoProxy), {}};
    // As curl: an upper-case HTTP_PROXY is ignored, since CGI puts a request's Proxy header there.
    const bool https = url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0;
    const QList<const char *> names = https
        ? QList<const char *> {"https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"}
        : QList<const char *> {"http_proxy", "all_proxy", "ALL_PROXY"};
    for (const char *name : names) {
        const QString value = env(name).trimmed();
        if (value.isEmpty())
            continue;
        if (variable)
            *variable = QLatin1String(name);
        return parse(value);
    }
    return std::nullopt;
}

QString ProxyRules::text(const QNetworkProxy &proxy)
{
    switch (proxy.type()) {
    case QNetworkProxy::NoProxy:
        return Transport::tr("no proxy");
    case QNetworkProxy::Socks5Proxy:
        return QStringLiteral("socks5://%1:%2").arg(proxy.hostName()).arg(proxy.port());
    default:
        return QStringLiteral("http://%1:%2").arg(proxy.hostName()).arg(proxy.port());
    }
}

void ProxyRules::installSystemFactory()
{
    static std::once_flag once;
    std::call_once(
        once, [] { QNetworkProxyFactory::setApplicationProxyFactory(new SystemProxyFactory); });
}
