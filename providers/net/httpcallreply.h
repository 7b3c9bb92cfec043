#pragma once

#include "httpclient.h"
#include "pagereply.h"

// What both HTTP page replies share (a page parsed whole, a one-array body streamed): the one
// HttpCall the reply owns, its progress and retries forwarded, and stopping it on abort. The
// subclass reads the finished call (handed over, to delete) and, for a streamed body, its chunks.
class HttpCallReply : public PageReply
{
    Q_OBJECT
public:
    ~HttpCallReply() override;

protected:
    HttpCallReply(const QString &token, QObject *parent);
    // Sends `request`, replacing (and stopping) any call in flight.
    void send(const HttpClient *client, const HttpRequest &request);
    // The call finished; it is the subclass's now (deleteLater it).
    virtual void onCallFinished(HttpCall *call) = 0;
    virtual void onBodyChunk(const QByteArray &) { }
    // The call in flight, if any.
    HttpCall *call() const { return m_call; }
    void stopCall();
    void onAbort() override { stopCall(); }

private:
    HttpCall *m_call = nullptr;
};
