#include "sandboxtls.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

namespace {

// Runs openssl with `args` in `dir`; the error text when it fails.
QString openssl(const QString &dir, const QStringList &args)
{
    const QString program = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (program.isEmpty())
        return SandboxTls::tr("the openssl command is not installed (Debian package openssl)");
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(program, args);
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return SandboxTls::tr("openssl %1 failed: %2")
            .arg(args.value(0), QString::fromLocal8Bit(p.readAllStandardError()).trimmed());
    return {};
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

SandboxTls SandboxTls::create(const QString &dir)
{
    SandboxTls tls;
    if (!QDir().mkpath(dir)) {
        tls.error = tr("cannot create %1").arg(QDir::toNativeSeparators(dir));
        return tls;
    }
    QFile ext(QDir(dir).filePath(QStringLiteral("leaf.ext")));
    if (!ext.open(QIODevice::WriteOnly)) {
        tls.error
            = tr("cannot write in %1: %2").arg(QDir::toNativeSeparators(dir), ext.errorString());
        return tls;
    }
    ext.write("basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"
              "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
    ext.close();
    const QList<QStringList> steps {
        {QStringLiteral("ecparam"), QStringLiteral("-name"), QStringLiteral("prime256v1"),
            QStringLiteral("-genkey"), QStringLiteral("-noout"), QStringLiteral("-out"),
            QStringLiteral("ca.key")},
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-new"),
            QStringLiteral("-key"), QStringLiteral("ca.key"), QStringLiteral("-subj"),
            QStringLiteral("/CN=Roster sandbox throwaway CA"), QStringLiteral("-days"),
            QStringLiteral("30"), QStringLiteral("-addext"),
            QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
            QStringLiteral("keyUsage=critical,keyCertSign,cRLSign"), QStringLiteral("-out"),
            QStringLiteral("roster-sandbox-ca.pem")},
        {QStringLiteral("ecparam"), QStringLiteral("-name"), QStringLiteral("prime256v1"),
            QStringLiteral("-genkey"), QStringLiteral("-noout"), QStringLiteral("-out"),
            QStringLiteral("leaf.key")},
        {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-key"),
            QStringLiteral("leaf.key"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
            QStringLiteral("-out"), QStringLiteral("leaf.csr")},
        {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
            QStringLiteral("leaf.csr"), QStringLiteral("-CA"),
            QStringLiteral("roster-sandbox-ca.pem"), QStringLiteral("-CAkey"),
            QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"), QStringLiteral("-days"),
            QStringLiteral("30"), QStringLiteral("-extfile"), QStringLiteral("leaf.ext"),
            QStringLiteral("-out"), QStringLiteral("leaf.pem")},
    };
    for (const QStringList &step : steps) {
        tls.error = openssl(dir, step);
        if (!tls.error.isEmpty())
            return tls;
    }
    const QDir d(dir);
    QFile::setPermissions(
        d.filePath(QStringLiteral("ca.key")), QFile::ReadOwner | QFile::WriteOwner);
    QFile::setPermissions(
        d.filePath(QStringLiteral("leaf.key")), QFile::ReadOwner | QFile::WriteOwner);
    tls.certificate = QSslCertificate(readAll(d.filePath(QStringLiteral("leaf.pem"))));
    tls.key = QSslKey(readAll(d.filePath(QStringLiteral("leaf.key"))), QSsl::Ec);
    tls.caFile = d.filePath(QStringLiteral("roster-sandbox-ca.pem"));
    if (tls.certificate.isNull() || tls.key.isNull())
        tls.error = tr("openssl wrote a certificate or key that cannot be read");
    return tls;
}
