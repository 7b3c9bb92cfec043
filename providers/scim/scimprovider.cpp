#include "scimprovider.h"

#include "../providerkind.h"
#include "httppagereply.h"
#include "responseparsing.h"
#include "scimfilter.h"

#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>

namespace {
const QByteArray kAccept = "application/scim+json, application/json";

// One page of /Users: waits for ServiceProviderConfig, then asks for `count` users from the
// token's startIndex, with its filter.
class ScimPageReply : public HttpPageReply
{
public:
    ScimPageReply(const QString &token, qint64 start, const QString &filter, ScimProvider *provider)
        : HttpPageReply(
            token,
            [start, filter](const HttpResponse &response) {
                ParseResult r = ResponseParsing::parse(
                    response,
                    [start](const QByteArray &body) { return ScimParser::parsePage(body, start); },
                    ScimParser::parseError);
                if (r.ok() && r.page.hasMore())
                    r.page.nextToken
                        = ScimProvider::makeToken(r.page.nextToken.toLongLong(), filter);
                return r;
            },
            provider)
        , m_start(start)
        , m_filter(filter)
        , m_provider(provider)
    { }

    void begin()
    {
        if (isAborted())
            return;
        if (m_filter.isEmpty() || m_provider->search() == Provider::Search::Server) {
            send();
            return;
        }
        const ScimParser::ServiceConfig &config = m_provider->config();
        ProviderError error = ProviderError::make(ProviderError::Kind::Configuration,
            config.known
                ? ScimProvider::tr("This SCIM server does not filter on the server "
                                   "(its ServiceProviderConfig says filter.supported is false).")
                : ScimProvider::tr("This SCIM server did not say that it filters on the server: "
                                   "%1.")
                      .arg(config.problem));
        finishWithError(error);
    }

private:
    void send()
    {
        QUrl url = m_provider->url(QStringLiteral("/Users"));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("startIndex"), QString::number(m_start));
        query.addQueryItem(QStringLiteral("count"), QString::number(m_provider->count()));
        QString text = query.toString(QUrl::FullyEncoded);
        if (!m_filter.isEmpty())
            text += QStringLiteral("&filter=")
                + QString::fromLatin1(QUrl::toPercentEncoding(m_filter));
        url.setQuery(text, QUrl::StrictMode);
        HttpRequest request;
        request.url = url;
        request.headers.append({"Accept", kAccept});
        start(m_provider->http(), request);
    }

    qint64 m_start;
    QString m_filter;
    ScimProvider *m_provider;
};
} // namespace

ScimProvider::ScimProvider(
    const Profile &profile, const QString &secret, QNetworkAccessManager *nam, QObject *parent)
    : Provider(profile, nam, parent)
{
    const bool basic
        = Scim::kind().optionValue(profile, QStringLiteral("auth")) == QLatin1String("basic");
    m_authorization = basic ? QByteArray("Basic " + secret.toUtf8().toBase64())
                            : QByteArray("Bearer " + secret.toUtf8());
    http()->setDecorator([header = m_authorization](
                             QNetworkRequest &r) { r.setRawHeader("Authorization", header); });
}

QString ScimProvider::kind() const
{
    return Scim::kind().id;
}

int ScimProvider::count() const
{
    const int cap = m_config.maxResults > 0 ? m_config.maxResults : 100;
    return std::min(Scim::kind().pageSize(profile(), cap), cap);
}

ProviderCapabilities ScimProvider::capabilities() const
{
    return {ProviderCapabilities::Paging::Offset, Scim::kind().maxPageSize, count()};
}

QString ScimProvider::makeToken(qint64 startIndex, const QString &filter)
{
    QString token = QStringLiteral("startIndex=%1").arg(startIndex);
    if (!filter.isEmpty())
        token += QStringLiteral("&filter=") + QString::fromLatin1(QUrl::toPercentEncoding(filter));
    return token;
}

void ScimProvider::readToken(const QString &token, qint64 *startIndex, QString *filter)
{
    const QUrlQuery query(token);
    bool ok = false;
    const qint64 start = query.queryItemValue(QStringLiteral("startIndex")).toLongLong(&ok);
    *startIndex = ok && start >= 1 ? start : 1;
    *filter = query.queryItemValue(QStringLiteral("filter"), QUrl::FullyDecoded);
}

QString ScimProvider::tokenForOffset(qint64 offset, const QString &query) const
{
    return makeToken(offset + 1, query);
}

Provider::Search ScimProvider::search() const
{
    if (!m_configRead)
        return Search::Unknown;
    return m_config.known && m_config.filter ? Search::Server : Search::None;
}

QString ScimProvider::searchQuery(const QString &text) const
{
    return ScimFilter::fromSearchText(text);
}

PageReply *ScimProvider::fetchPage(const QString &token)
{
    qint64 start = 1;
    QString filter;
    readToken(token, &start, &filter);
    auto *reply = new ScimPageReply(token, start, filter, this);
    withConfig(reply, [reply] { reply->begin(); });
    return reply;
}

void ScimProvider::withConfig(QObject *context, std::function<void()> callback)
{
    if (m_configRead) {
        QTimer::singleShot(0, context, std::move(callback));
        return;
    }
    m_waiters.append(qMakePair(QPointer<QObject>(context), std::move(callback)));
    if (!m_configCall)
        readConfig();
}

void ScimProvider::readConfig()
{
    HttpRequest request;
    request.url = endpoint(QStringLiteral("/ServiceProviderConfig"));
    request.headers.append({"Accept", kAccept});
    ++m_configRequests;
    m_configCall = http()->send(request, this);
    connect(m_configCall, &HttpCall::finished, this, [this] {
        HttpCall *call = std::exchange(m_configCall, nullptr);
        call->deleteLater();
        // Absent or failing means "unknown": no server search, 100 a page. The users request
        // that follows reports any real problem (a refused token, an unreachable server).
        if (call->hasResponse())
            m_config
                = ScimParser::parseServiceConfig(call->response().status, call->response().body);
        else
            m_config.problem = call->error().message;
        m_configRead = true;
        emit searchChanged();
        const auto waiters = std::exchange(m_waiters, {});
        for (const auto &waiter : waiters) {
            if (waiter.first)
                waiter.second();
        }
    });
}
