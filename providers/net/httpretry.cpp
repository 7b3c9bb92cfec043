// What a server says about when to ask again: retryable statuses, Retry-After and the reset of a
// rate limit (HttpClient's statics, kept apart from the request machinery in httpclient.cpp).
#include "httpclient.h"

#include <QLocale>

bool HttpClient::isRetryableStatus(int status)
{
    return status == 429 || status == 502 || status == 503 || status == 504;
}

qint64 HttpClient::parseRetryAfterMs(const QByteArray &value, const QDateTime &now)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = v.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? -1 : seconds * 1000;
    // RFC 9110 IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT".
    QDateTime when = QDateTime::fromString(QString::fromLatin1(v), Qt::RFC2822Date);
    if (!when.isValid()) {
        QString text = QString::fromLatin1(v);
        text.remove(QLatin1String(" GMT"));
        when = QLocale::c().toDateTime(text, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
        if (!when.isValid())
            return -1;
        when.setTimeSpec(Qt::UTC);
    }
    return std::max<qint64>(0, now.msecsTo(when));
}

qint64 HttpClient::parseRateLimitResetMs(const QByteArray &value, const QDateTime &now)
{
    bool ok = false;
    const qint64 v = value.trimmed().toLongLong(&ok);
    if (!ok || v < 0)
        return -1;
    if (v > 1000000000)
        return std::max<qint64>(0, v * 1000 - now.toMSecsSinceEpoch());
    return v * 1000;
}

qint64 HttpClient::requestedDelayMs(
    const HttpResponse &response, const RetryHint &hint, const QDateTime &now)
{
    qint64 delay = parseRetryAfterMs(response.header("Retry-After"), now);
    if (delay < 0 && hint)
        delay = hint(response);
    if (delay < 0 && response.status == 429)
        delay = parseRateLimitResetMs(response.header("X-RateLimit-Reset"), now);
    return delay;
}
