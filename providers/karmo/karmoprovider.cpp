#include "karmoprovider.h"

#include "../providerkind.h"
#include "httppagereply.h"
#include "karmoparser.h"
#include "responseparsing.h"

#include <QNetworkRequest>

KarmoProvider::KarmoProvider(
    const Profile &profile, const QString &secret, QNetworkAccessManager *nam, QObject *parent)
    : Provider(profile, nam, parent)
    , m_pageSize(Karmo::kind().pageSize(profile, Karmo::kind().maxPageSize))
{
    const QByteArray header = "Bearer " + secret.toUtf8();
    http()->setDecorator([header](QNetworkRequest &r) { r.setRawHeader("Authorization", header); });
    // A 503 carrying a Karmo error body means "not configured": retrying will not help.
    http()->setRetryVeto([](const HttpResponse &r) {
        return !(r.status == 503 && KarmoParser::isKarmoErrorBody(r.body));
    });
}

ProviderCapabilities KarmoProvider::capabilities() const
{
    return {ProviderCapabilities::Paging::Cursor, Karmo::kind().maxPageSize, m_pageSize};
}

PageReply *KarmoProvider::fetchPage(const QString &token)
{
    QUrl url = endpoint(QStringLiteral("/organizations/%1/users").arg(profile().organization));
    QString query = QStringLiteral("limit=%1").arg(m_pageSize);
    if (!token.isEmpty())
        query += QStringLiteral("&after=") + QString::fromLatin1(QUrl::toPercentEncoding(token));
    url.setQuery(query, QUrl::StrictMode);

    auto *reply = new HttpPageReply(
        token,
        [](const HttpResponse &response) {
            return ResponseParsing::parse(
                response, KarmoParser::parsePage, KarmoParser::parseError);
        },
        this);
    HttpRequest request;
    request.url = url;
    reply->setNextTokenPeeker(&KarmoParser::peekNextCursor);
    reply->start(http(), request);
    return reply;
}

QString KarmoProvider::kind() const
{
    return Karmo::kind().id;
}
