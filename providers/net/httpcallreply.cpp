#include "httpcallreply.h"

HttpCallReply::HttpCallReply(const QString &token, QObject *parent)
    : PageReply(token, parent)
{ }

HttpCallReply::~HttpCallReply()
{
    stopCall();
}

void HttpCallReply::send(const HttpClient *client, const HttpRequest &request)
{
    stopCall();
    m_call = client->send(request, this);
    connect(m_call, &HttpCall::finished, this,
        [this] { onCallFinished(std::exchange(m_call, nullptr)); });
    connect(m_call, &HttpCall::bodyChunk, this, &HttpCallReply::onBodyChunk);
    connect(m_call, &HttpCall::downloadProgress, this, &PageReply::progress);
    connect(m_call, &HttpCall::retrying, this, &PageReply::retrying);
}

void HttpCallReply::stopCall()
{
    if (HttpCall *call = std::exchange(m_call, nullptr)) {
        call->abort();
        call->disconnect(this);
        call->deleteLater();
    }
}
