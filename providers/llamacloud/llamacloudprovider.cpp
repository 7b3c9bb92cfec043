#include "llamacloudprovider.h"

#include "../providerkind.h"
#include "httppagereply.h"
#include "llamacloudparser.h"
#include "streamingpagereply.h"

#include <QNetworkRequest>

LlamaCloudProvider::LlamaCloudProvider(
    const Profile &profile, const QString &secret, QNetworkAccessManager *nam, QObject *parent)
    : Provider(profile, nam, parent)
{
    const bool bearer = LlamaCloud::kind().optionValue(profile, QStringLiteral("auth"))
        == QLatin1String("bearer");
    const QByteArray value
        = (bearer ? QByteArray("Bearer ") : QByteArray("session=")) + secret.toUtf8();
    const QByteArray header = bearer ? QByteArray("Authorization") : QByteArray("Cookie");
    http()->setDecorator([header, value](QNetworkRequest &r) { r.setRawHeader(header, value); });
}

ProviderCapabilities LlamaCloudProvider::capabilities() const
{
    const int batch = profile().pageSize() > 0 ? profile().pageSize() : 150;
    return {ProviderCapabilities::Paging::Single, 0, batch};
}

PageReply *LlamaCloudProvider::fetchPage(const QString &token)
{
    Q_UNUSED(token); // one array: there is only the first page
    // The array is read as it arrives, so rows can be shown before the last member is in.
    auto *reply = new StreamingPageReply(&LlamaCloudParser::readMember,
        &LlamaCloudParser::parseError, this, &LlamaCloudParser::readMemberFast);
    HttpRequest request;
    request.url
        = endpoint(QStringLiteral("/api/v1/organizations/%1/users").arg(profile().organization));
    reply->start(http(), request);
    return reply;
}

QString LlamaCloudProvider::kind() const
{
    return LlamaCloud::kind().id;
}
