#pragma once

#include <QCoreApplication>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

// A throwaway CA and a certificate for 127.0.0.1 and localhost signed by it, so the sandbox can
// serve HTTPS the way a private deployment does: trusted only by whoever is given the CA
// (a profile's caFile, SSL_CERT_FILE, curl --cacert). Made with the openssl command.
struct SandboxTls
{
    Q_DECLARE_TR_FUNCTIONS(SandboxTls)

public:
    QSslCertificate certificate;
    QSslKey key;
    QString caFile; // the CA's PEM, written into the folder given to create()
    QString error; // why there is none (no openssl, a folder that cannot be written)

    bool isValid() const { return error.isEmpty() && !certificate.isNull() && !key.isNull(); }
    // Writes roster-sandbox-ca.pem (and the keys, readable by the owner only) into `dir`.
    static SandboxTls create(const QString &dir);
};
