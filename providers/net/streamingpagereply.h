#pragma once

#include "httpcallreply.h"
#include "jsonarrayreader.h"

#include <QJsonObject>

#include <functional>
#include <memory>

template<typename T> class QFutureWatcher;
class FastJsonReader;

// The whole organization in one JSON array (LlamaCloud, Char), read as it arrives: the body is
// handed over chunk by chunk, split into elements by a JsonArrayReader and each element decoded
// by the vendor's per-record reader on a worker thread, one batch at a time and in order. With
// setIncremental(true) the users come out through usersArrived() while the rest is still on the
// wire; otherwise they all come in page() at the end. The body is never held whole.
class StreamingPageReply : public HttpCallReply
{
    Q_OBJECT
public:
    using RecordReader
        = User (*)(const QJsonObject &object, const QString &where, QString *problem);
    // The same reader over simdjson, tried first for every element (see FastJsonReader).
    using FastRecordReader = User (*)(const FastJsonReader &reader);
    using ErrorParser = std::function<ProviderError(
        int status, const QByteArray &body, const HeaderList &headers)>;

    StreamingPageReply(RecordReader reader, ErrorParser errorParser, QObject *parent,
        FastRecordReader fastReader = nullptr);
    ~StreamingPageReply() override;

    void start(const HttpClient *client, HttpRequest request);
    // Users read so far (emitted or kept for page()).
    qint64 usersRead() const { return m_usersRead; }

protected:
    void onAbort() override;

private:
    struct Batch
    {
        QList<User> users;
        QString problem;
    };
    struct State; // the reader and the record decoder, used by one worker at a time
    static Batch parseSlice(State *state, const QByteArray &bytes);

    void onBodyChunk(const QByteArray &chunk) override;
    void onCallFinished(HttpCall *call) override;
    void parseNext();
    void onBatch(Batch batch);
    void finishIfDone();
    void failMalformed(const QString &message);

    RecordReader m_reader;
    ErrorParser m_errorParser;
    std::shared_ptr<State> m_state;
    QFutureWatcher<Batch> *m_watcher = nullptr;
    QList<QByteArray> m_pending; // received chunks, not yet handed to the worker
    qsizetype m_pendingBytes = 0;
    QByteArray m_head; // the body's first bytes, for the error view
    QList<User> m_users; // kept for page() when not incremental
    qint64 m_usersRead = 0;
    qint64 m_bytesIn = 0; // body bytes received
    bool m_callDone = false;
    ProviderError m_callError; // the transport failed; reported once the parsed rows are out
    int m_attempts = 0;
    QString m_url;
};
