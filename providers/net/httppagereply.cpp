#include "httppagereply.h"

#include "responseparsing.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

HttpPageReply::HttpPageReply(const QString &token, Parser parser, QObject *parent)
    : HttpCallReply(token, parent)
    , m_parser(std::move(parser))
{ }

HttpPageReply::~HttpPageReply()
{
    onAbort();
}

void HttpPageReply::start(const HttpClient *client, const HttpRequest &request)
{
    send(client, request);
}

void HttpPageReply::onAbort()
{
    stopCall();
    if (m_watcher) {
        // A running parse cannot be interrupted; its result is simply never looked at.
        m_watcher->disconnect(this);
        m_watcher->deleteLater();
        m_watcher = nullptr;
    }
}

void HttpPageReply::onCallFinished(HttpCall *call)
{
    call->deleteLater();
    if (!call->hasResponse()) {
        finishWithError(call->error());
        return;
    }
    if (intercept(call->response()))
        return;
    HttpResponse response = call->takeResponse();
    const int attempts = response.attempts;
    if (m_peeker && response.status == 200) {
        const QString hint = m_peeker(response.body);
        if (!hint.isEmpty())
            emit nextTokenHint(hint);
    }
    if (response.body.size() < offThreadThreshold) {
        const ResponseParsing::RawRecordScope raw(keepsRawRecords());
        deliver(m_parser(response), attempts);
        return;
    }
    m_watcher = new QFutureWatcher<ParseResult>(this);
    connect(m_watcher, &QFutureWatcher<ParseResult>::finished, this, [this, attempts] {
        // Take, not copy: a copy would leave the page shared with the future, and the first
        // write into it would then duplicate every user.
        ParseResult result = m_watcher->future().takeResult();
        m_watcher->deleteLater();
        m_watcher = nullptr;
        deliver(std::move(result), attempts);
    });
    // The worker becomes the body's only owner, so large buffers are freed off the UI thread.
    m_watcher->setFuture(QtConcurrent::run(
        [parser = m_parser, keep = keepsRawRecords()](HttpResponse r) {
            const ResponseParsing::RawRecordScope raw(keep);
            return parser(r);
        },
        std::move(response)));
}

void HttpPageReply::deliver(ParseResult result, int attempts)
{
    if (result.ok()) {
        finishWithPage(std::move(result.page));
    } else {
        result.error.attempts = std::max(result.error.attempts, attempts);
        finishWithError(std::move(result.error));
    }
}
