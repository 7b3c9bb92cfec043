#include "providererror.h"

#include <QCoreApplication>

void ProviderError::setRawBody(const QByteArray &body)
{
    rawBodyTruncated = body.size() > rawBodyCap;
    rawBody = rawBodyTruncated ? body.left(rawBodyCap) : body;
}

ProviderError ProviderError::make(Kind kind, const QString &message)
{
    ProviderError error;
    error.kind = kind;
    error.message = message;
    return error;
}

QString ProviderError::kindText() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Http:
        return ProviderError::tr("Provider error");
    case Kind::Network:
        return ProviderError::tr("Network error");
    case Kind::Tls:
        return ProviderError::tr("Certificate not accepted");
    case Kind::Proxy:
        return ProviderError::tr("Proxy error");
    case Kind::Timeout:
        return ProviderError::tr("Timed out");
    case Kind::TooLarge:
        return ProviderError::tr("Response too large");
    case Kind::Malformed:
        return ProviderError::tr("Malformed response");
    case Kind::Loop:
        return ProviderError::tr("Paging loop");
    case Kind::ForeignOrigin:
        return ProviderError::tr("Refused redirect");
    case Kind::Authentication:
        return ProviderError::tr("Authentication failed");
    case Kind::Configuration:
        return ProviderError::tr("Configuration error");
    case Kind::Cancelled:
        return ProviderError::tr("Cancelled");
    case Kind::Mismatch:
        return ProviderError::tr("Row count mismatch");
    case Kind::LocalFile:
        return ProviderError::tr("Local file error");
    case Kind::Resume:
        return ProviderError::tr("Cannot resume");
    }
    return {};
}

QString ProviderError::summary() const
{
    QString text;
    if (httpStatus > 0) {
        text = QStringLiteral("HTTP %1").arg(httpStatus);
        if (!name.isEmpty())
            text += QLatin1Char(' ') + name;
    } else {
        text = kindText();
    }
    if (!code.isEmpty())
        text += QStringLiteral(" (%1)").arg(code);
    if (!message.isEmpty())
        text += QStringLiteral(": ") + message;
    return text;
}

QStringList ProviderError::detailLines() const
{
    QStringList lines;
    lines << summary();
    if (httpStatus > 0)
        lines << tr("HTTP status: %1 %2").arg(httpStatus).arg(name);
    if (!code.isEmpty())
        lines << tr("Error code: %1").arg(code);
    if (!message.isEmpty())
        lines << tr("Message: %1").arg(message);
    for (const auto &entry : meta)
        lines << tr("Meta: %1 = %2").arg(entry.first, entry.second);
    for (const FieldError &field : fieldErrors) {
        QString line = tr("Field error: %1: %2").arg(field.location, field.detail);
        if (!field.type.isEmpty())
            line += QStringLiteral(" [%1]").arg(field.type);
        lines << line;
    }
    if (!requestId.isEmpty())
        lines << tr("Request id: %1").arg(requestId);
    if (retryAfterSeconds >= 0)
        lines << tr("Retry after: %1 s").arg(retryAfterSeconds);
    if (attempts > 1)
        lines << tr("Attempts: %1").arg(attempts);
    if (!transportError.isEmpty())
        lines << tr("Transport: %1").arg(transportError);
    if (!url.isEmpty())
        lines << tr("URL: %1").arg(url);
    return lines;
}

QString ProviderError::statusName(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("BAD_REQUEST");
    case 401:
        return QStringLiteral("UNAUTHORIZED");
    case 403:
        return QStringLiteral("FORBIDDEN");
    case 404:
        return QStringLiteral("NOT_FOUND");
    case 405:
        return QStringLiteral("METHOD_NOT_ALLOWED");
    case 408:
        return QStringLiteral("REQUEST_TIMEOUT");
    case 409:
        return QStringLiteral("CONFLICT");
    case 410:
        return QStringLiteral("GONE");
    case 413:
        return QStringLiteral("PAYLOAD_TOO_LARGE");
    case 422:
        return QStringLiteral("UNPROCESSABLE_ENTITY");
    case 429:
        return QStringLiteral("TOO_MANY_REQUESTS");
    case 500:
        return QStringLiteral("INTERNAL_SERVER_ERROR");
    case 501:
        return QStringLiteral("NOT_IMPLEMENTED");
    case 502:
        return QStringLiteral("BAD_GATEWAY");
    case 503:
        return QStringLiteral("SERVICE_UNAVAILABLE");
    case 504:
        return QStringLiteral("GATEWAY_TIMEOUT");
    default:
        return status >= 500 ? QStringLiteral("SERVER_ERROR") : QStringLiteral("CLIENT_ERROR");
    }
}
