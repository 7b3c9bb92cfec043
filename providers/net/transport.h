#pragma once

#include "providererror.h"

#include <QCoreApplication>
#include <QList>
#include <QNetworkProxy>
#include <QSslCertificate>
#include <QSslError>
#include <QUrl>

#include <optional>

struct Profile;

// How one profile's requests reach its server: the CAs it trusts besides the system store and the
// proxy it goes through (spec/cli-and-profiles.md: caFile, proxy, proxyCredential).
struct Transport
{
    Q_DECLARE_TR_FUNCTIONS(Transport)

public:
    enum class ProxyMode { System, None, Explicit };

    // SSL_CERT_FILE and SSL_CERT_DIR first (every profile), then the profile's caFile.
    QList<QSslCertificate> extraCas;
    ProxyMode proxyMode = ProxyMode::System;
    QNetworkProxy proxy; // ProxyMode::Explicit
    // A caFile or proxy that cannot be used: every request of the profile fails with it.
    ProviderError error;

    // `proxySecret` is the proxyCredential's secret: "user:password", or the password alone
    // when the proxy URL names the user.
    static Transport forProfile(const Profile &profile, const QString &proxySecret = {});
};

namespace Tls {
// The CAs that SSL_CERT_FILE (a PEM bundle) and SSL_CERT_DIR (folders, ':'-separated) name, as
// OpenSSL reads them; what cannot be read is said in `problem`.
QList<QSslCertificate> environmentCas(QString *problem = nullptr);
// A PEM bundle; empty with `problem` set when it cannot be read or holds no certificate.
QList<QSslCertificate> readBundle(const QString &path, QString *problem);
// The system store (loaded once) plus `extra`.
QList<QSslCertificate> trustedWith(const QList<QSslCertificate> &extra);
// "CN=..., issued by CN=..., valid 2026-01-01 to 2027-01-01, SHA-256 AB:CD:..."
QString describe(const QSslCertificate &certificate);
// The permanent error of a failed handshake: host, reason, the presented chain, what to do.
ProviderError handshakeError(
    const QUrl &url, const QList<QSslError> &errors, const QList<QSslCertificate> &chain);
} // namespace Tls

namespace ProxyRules {
struct Parsed
{
    QNetworkProxy proxy;
    QString problem; // empty when `proxy` can be used
};
// A proxy URL as curl reads it: http:// (the default scheme), socks5://, socks5h://; the port
// defaults to 1080; user and password from the URL, percent-decoded.
Parsed parse(const QString &text);
// curl's no_proxy: '*' for every host, else names (a suffix on a label boundary, a leading dot
// allowed), addresses and CIDR ranges, comma-separated.
bool bypasses(const QString &noProxy, const QString &host);
// What the environment says for `url` as curl reads it: no_proxy/NO_PROXY, then http_proxy (only
// lower-case) or https_proxy/HTTPS_PROXY, then all_proxy/ALL_PROXY. Nothing when it says nothing.
std::optional<Parsed> fromEnvironment(const QUrl &url, QString *variable = nullptr);
// "http://proxy.example:3128" without any credential, for messages.
QString text(const QNetworkProxy &proxy);
// Installs, once per process, the factory that every network manager without a proxy of its own
// asks: the environment as above, else the desktop's settings.
void installSystemFactory();
} // namespace ProxyRules
