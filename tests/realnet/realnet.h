#pragma once
// Real components for the network tests, started on 127.0.0.1 by the tests and stopped by them:
// a throwaway PKI (openssl), nginx terminating TLS (HTTP/2, gzip) in front of the sandbox, and
// squid as the corporate proxy (CONNECT, basic auth, a host name only it can resolve).

#include <QDir>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

namespace RealNet {

inline quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

// Until something accepts connections on the port (a server just started), or `ms` pass.
inline bool waitForPort(quint16 port, int ms)
{
    return QTest::qWaitFor(
        [port] {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, port);
            return s.waitForConnected(200);
        },
        ms);
}

inline QString findTool(const QString &name)
{
    return QStandardPaths::findExecutable(
        name, {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin"), QStringLiteral("/sbin")});
}

inline void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(data);
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
}

// A folder the servers' unprivileged workers (www-data, proxy) can read and write.
inline void openUp(const QString &dir)
{
    QFile::setPermissions(dir, QFileDevice::Permissions(0x7777));
}

// Terminates a server started by a test, killing it if it does not go within 5 s.
inline void stopProcess(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(5000))
        process.kill();
    process.waitForFinished(2000);
}

// tests/realnet/make-pki.sh: root, intermediate and another CA, and one leaf per case.
struct Pki
{
    QString dir;
    QString error;
    bool make(const QString &where, const QString &extraNames)
    {
        dir = where;
        QProcess p;
        p.start(QStringLiteral("bash"),
            {QStringLiteral(ROSTER_SOURCE_DIR "/tests/realnet/make-pki.sh"), where, extraNames});
        p.waitForFinished(60000);
        error = QString::fromLocal8Bit(p.readAllStandardError());
        return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }
    QString path(const QString &name) const { return dir + QLatin1Char('/') + name; }
};

class Nginx
{
public:
    // One TLS server per case name, each serving that case's certificate (a PEM of the leaf, or
    // leaf and intermediate) in front of `upstream`.
    struct Site
    {
        QString certificate; // PEM file served
        QString key;
        quint16 port = 0;
    };

    ~Nginx() { stop(); }

    bool start(const QString &dir, quint16 upstream, QMap<QString, Site> sites)
    {
        m_dir = dir;
        openUp(dir);
        QByteArray servers;
        for (auto it = sites.begin(); it != sites.end(); ++it) {
            it->port = freePort();
            servers += QStringLiteral("server { listen 127.0.0.1:%1 ssl http2; ssl_certificate %2; "
                                      "ssl_certificate_key %3; location / { proxy_pass "
                                      "http://127.0.0.1:%4; proxy_buffering off; "
                                      "proxy_set_header Host $http_host; } }\n")
                           .arg(it->port)
                           .arg(it->certificate, it->key)
                           .arg(upstream)
                           .toUtf8();
        }
        m_sites = sites;
        const QByteArray conf
            = QStringLiteral(
                  "worker_processes 1;\nerror_log %1/error.log warn;\npid %1/nginx.pid;\n"
                  "events { worker_connections 256; }\nhttp {\n"
                  "log_format t '$server_port $server_protocol $request_method $status "
                  "$gzip_ratio';\n"
                  "access_log %1/access.log t;\n"
                  "client_body_temp_path %1/body; proxy_temp_path %1/proxy; fastcgi_temp_path "
                  "%1/f;\n"
                  "uwsgi_temp_path %1/u; scgi_temp_path %1/s;\n"
                  "gzip on; gzip_types application/json; gzip_min_length 64; gzip_proxied any;\n")
                  .arg(dir)
                  .toUtf8()
            + servers + "}\n";
        writeFile(dir + QStringLiteral("/nginx.conf"), conf);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(findTool(QStringLiteral("nginx")),
            {QStringLiteral("-c"), dir + QStringLiteral("/nginx.conf"), QStringLiteral("-p"), dir,
                QStringLiteral("-g"), QStringLiteral("daemon off;")});
        if (!m_process.waitForStarted(10000))
            return false;
        for (const Site &s : std::as_const(m_sites)) {
            if (!waitForPort(s.port, 10000))
                return false;
        }
        return true;
    }
    void stop() { stopProcess(m_process); }
    quint16 port(const QString &site) const { return m_sites.value(site).port; }
    // The access log's lines for one site: "PORT PROTOCOL METHOD STATUS GZIP_RATIO".
    QStringList log(const QString &site) const
    {
        QFile f(m_dir + QStringLiteral("/access.log"));
        QStringList out;
        if (!f.open(QIODevice::ReadOnly))
            return out;
        const QString prefix = QString::number(port(site)) + QLatin1Char(' ');
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.startsWith(prefix.toLatin1()))
                out << QString::fromLatin1(line);
        }
        return out;
    }
    QString output() { return QString::fromLocal8Bit(m_process.readAll()); }

private:
    QString m_dir;
    QProcess m_process;
    QMap<QString, Site> m_sites;
};

class Squid
{
public:
    ~Squid() { stop(); }
    // Basic auth as `user`:`password`; `hosts` ("127.0.0.1 name") resolve only here.
    bool start(
        const QString &dir, const QString &user, const QString &password, const QByteArray &hosts)
    {
        openUp(dir);
        m_port = freePort();
        QProcess hash;
        hash.start(QStringLiteral("openssl"),
            {QStringLiteral("passwd"), QStringLiteral("-apr1"), password});
        hash.waitForFinished(10000);
        writeFile(
            dir + QStringLiteral("/passwd"), user.toUtf8() + ':' + hash.readAllStandardOutput());
        writeFile(dir + QStringLiteral("/hosts"), hosts);
        const QString helper = QStringLiteral("/usr/lib/squid/basic_ncsa_auth");
        const QByteArray conf = QStringLiteral(
            "http_port 127.0.0.1:%1\npid_filename none\ncache deny all\ncache_mem 8 MB\n"
            "access_log none\ncache_log %2/cache.log\ncache_store_log none\n"
            "coredump_dir %2\nhosts_file %2/hosts\ndns_nameservers 127.0.0.1\n"
            "shutdown_lifetime 0 seconds\n"
            "auth_param basic program %3 %2/passwd\nauth_param basic realm roster-test\n"
            "acl authed proxy_auth REQUIRED\nhttp_access allow authed\nhttp_access deny all\n")
                                    .arg(m_port)
                                    .arg(dir, helper)
                                    .toUtf8();
        writeFile(dir + QStringLiteral("/squid.conf"), conf);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(findTool(QStringLiteral("squid")),
            {QStringLiteral("-N"), QStringLiteral("-n"),
                QStringLiteral("rostertest%1").arg(QCoreApplication::applicationPid()),
                QStringLiteral("-f"), dir + QStringLiteral("/squid.conf")});
        return m_process.waitForStarted(10000) && waitForPort(m_port, 20000);
    }
    void stop() { stopProcess(m_process); }
    quint16 port() const { return m_port; }
    QString output() { return QString::fromLocal8Bit(m_process.readAll()); }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace RealNet
