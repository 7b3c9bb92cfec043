#pragma once

#include "httpcallreply.h"
#include "parseresult.h"

#include <functional>

template<typename T> class QFutureWatcher;

// A page fetched with one HTTP request and turned into a Page by a pure parser.
// Bodies larger than a threshold (a page of a few dozen users) are parsed on a worker thread,
// so parallel pages parse on several cores and the window stays free.
class HttpPageReply : public HttpCallReply
{
    Q_OBJECT
public:
    using Parser = std::function<ParseResult(const HttpResponse &)>;
    using Peeker = QString (*)(const QByteArray &body);
    static constexpr qsizetype offThreadThreshold = 32 * 1024;

    HttpPageReply(const QString &token, Parser parser, QObject *parent);
    ~HttpPageReply() override;

    void start(const HttpClient *client, const HttpRequest &request);
    void setNextTokenPeeker(Peeker peeker) { m_peeker = peeker; }

protected:
    void onAbort() override;
    // Lets a subclass look at a finished response first (CSP retries one 401); returns true
    // when it took over.
    virtual bool intercept(const HttpResponse &) { return false; }
    void deliver(ParseResult result, int attempts);

private:
    void onCallFinished(HttpCall *call) override;

    Parser m_parser;
    Peeker m_peeker = nullptr;
    QFutureWatcher<ParseResult> *m_watcher = nullptr;
};
