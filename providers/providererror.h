#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// A field-level error: where (a JSON pointer or a dotted loc path), what, and its type.
struct FieldError
{
    QString location;
    QString detail;
    QString type;
};

// Everything known about a failed request, kept as a value so any layer can show it.
struct ProviderError
{
    Q_DECLARE_TR_FUNCTIONS(ProviderError)

public:
    enum class Kind {
        None,
        Http, // the provider answered with an error status
        Network, // connection refused, reset, DNS...
        Tls, // the server's certificate was not accepted: permanent, never retried
        Proxy, // the proxy refused the credentials or the connection
        Timeout, // no data within the transfer timeout
        TooLarge, // the response exceeded the size cap
        Malformed, // the body could not be understood
        Loop, // a page token came back that was already used
        ForeignOrigin, // a redirect or link pointed to another origin
        Authentication, // credentials missing, expired or revoked
        Configuration, // the profile itself is wrong
        Cancelled,
        Mismatch, // the row count differs from the total the provider announced
        LocalFile, // the output could not be written (no such folder, full disk...)
        Resume, // an export cannot continue from its checkpoint (another export's, or changed)
    };

    static constexpr qsizetype rawBodyCap = 64 * 1024;

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString name; // e.g. UNPROCESSABLE_ENTITY, FORBIDDEN
    QString code; // the vendor's own code: 40100001, 540.120-340.800, ACCESS_DENIED
    QString message;
    QList<QPair<QString, QString>> meta;
    QList<FieldError> fieldErrors;
    QString requestId;
    int retryAfterSeconds = -1;
    int attempts = 0;
    QString transportError;
    QString url;
    QByteArray rawBody;

    bool isError() const { return kind != Kind::None; }
    void setRawBody(const QByteArray &body);
    bool rawBodyTruncated = false;
    // The profile has to be signed in (again) before this can work: not signed in, or its sign-in
    // expired or was revoked. The window offers "Sign in again".
    bool signInNeeded = false;

    QString kindText() const;
    // One line for a status bar: "HTTP 403 FORBIDDEN (ACCESS_DENIED): message".
    QString summary() const;
    // Every part, one per line, as the command line prints it.
    QStringList detailLines() const;

    static ProviderError make(Kind kind, const QString &message);
    // The conventional upper-case name of an HTTP status (422 -> UNPROCESSABLE_ENTITY).
    static QString statusName(int status);
};
