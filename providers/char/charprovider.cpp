#include "charprovider.h"

#include "../providerkind.h"
#include "httppagereply.h"
#include "streamingpagereply.h"

#include <QNetworkRequest>

CharProvider::CharProvider(
    const Profile &profile, const QString &secret, QNetworkAccessManager *nam, QObject *parent)
    : Provider(profile, nam, parent)
{
    const QByteArray header = "Bearer " + secret.toUtf8();
    http()->setDecorator([header](QNetworkRequest &r) { r.setRawHeader("Authorization", header); });
    // Char's 429 says how long to wait in its body (`retry_after`), often with no Retry-After.
    http()->setRetryHint([](const HttpResponse &r) -> qint64 {
        const int seconds = CharParser::parseError(r.status, r.body, r.headers).retryAfterSeconds;
        return seconds >= 0 ? qint64(seconds) * 1000 : -1;
    });
}

ProviderCapabilities CharProvider::capabilities() const
{
    const int batch = profile().pageSize() > 0 ? profile().pageSize() : 150;
    return {ProviderCapabilities::Paging::Single, 0, batch};
}

PageReply *CharProvider::fetchPage(const QString &token)
{
    Q_UNUSED(token); // one array: there is only the first page
    auto *reply = new StreamingPageReply(
        &CharParser::readUser, &CharParser::parseError, this, &CharParser::readUserFast);
    HttpRequest request;
    request.url = endpoint(QStringLiteral("/api/directories/%1/users").arg(profile().organization));
    reply->start(http(), request);
    return reply;
}

HttpCall *CharProvider::requestDirectories(QObject *parent)
{
    HttpRequest request;
    request.url = endpoint(QStringLiteral("/api/directories"));
    return http()->send(request, parent);
}

QString CharProvider::kind() const
{
    return Char::kind().id;
}
