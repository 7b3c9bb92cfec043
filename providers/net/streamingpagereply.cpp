#include "streamingpagereply.h"

#include "fastjsonreader.h"
#include "responseparsing.h"

#include <QFutureWatcher>
#include <QJsonDocument>
#include <QtConcurrent/QtConcurrentRun>

namespace {
constexpr qsizetype kSlice = 512 * 1024; // bytes a worker parses at a time
constexpr qsizetype kPauseAbove = 8 * 1024 * 1024; // stop reading when this much waits
constexpr qsizetype kResumeBelow = 2 * 1024 * 1024; // and read again below this
} // namespace

struct StreamingPageReply::State
{
    JsonArrayReader reader;
    RecordReader read = nullptr;
    FastRecordReader fast = nullptr;
    qint64 index = 0;
    simdjson::dom::parser parser;
    std::vector<char> padded; // one element and simdjson's padding

    // The element read by the fast reader; false when JsonReader is to read it.
    bool readFast(const QByteArray &element, QList<User> *users)
    {
        User user;
        if (!fast || !FastJsonReader::readRecord(&parser, &padded, element, fast, &user))
            return false;
        users->append(std::move(user));
        return true;
    }
};

StreamingPageReply::StreamingPageReply(
    RecordReader reader, ErrorParser errorParser, QObject *parent, FastRecordReader fastReader)
    : HttpCallReply(QString(), parent)
    , m_reader(reader)
    , m_errorParser(std::move(errorParser))
    , m_state(std::make_shared<State>())
{
    m_state->read = reader;
    m_state->fast = fastReader;
    m_state->reader.setViews(true); // the elements are read within parseSlice(), its bytes alive
    if (!FastJsonReader::prepare(&m_state->parser))
        m_state->fast = nullptr; // no memory for it: JsonReader reads every element
}

StreamingPageReply::~StreamingPageReply()
{
    onAbort();
}

void StreamingPageReply::start(const HttpClient *client, HttpRequest request)
{
    request.streamBody = true;
    send(client, request);
}

void StreamingPageReply::onAbort()
{
    stopCall();
    if (m_watcher) {
        // The worker keeps its own reference to the state; its batch is never looked at.
        m_watcher->disconnect(this);
        m_watcher->deleteLater();
        m_watcher = nullptr;
    }
    m_pending.clear();
    m_pendingBytes = 0;
}

void StreamingPageReply::onBodyChunk(const QByteArray &chunk)
{
    if (m_head.size() < ProviderError::rawBodyCap)
        m_head += chunk.left(ProviderError::rawBodyCap - m_head.size());
    if (!chunk.isEmpty())
        m_pending.append(chunk);
    m_pendingBytes += chunk.size();
    m_bytesIn += chunk.size();
    // Backpressure: when the parser falls behind, the network waits (the body is never held whole).
    if (call() && m_pendingBytes > kPauseAbove)
        call()->setReadingPaused(true);
    if (!m_watcher)
        parseNext();
}

void StreamingPageReply::parseNext()
{
    if (m_pending.isEmpty() || isAborted())
        return;
    m_watcher = new QFutureWatcher<Batch>(this);
    connect(m_watcher, &QFutureWatcher<Batch>::finished, this, [this] {
        Batch batch = m_watcher->future().takeResult();
        m_watcher->deleteLater();
        m_watcher = nullptr;
        onBatch(std::move(batch));
    });
    // What arrived meanwhile, up to a bounded slice, goes in one batch: the worker never waits for
    // the network, the UI thread only appends bytes, and batches stay small.
    // Whole chunks, as they came (one chunk is shared, never copied), so nothing that waits is
    // ever moved.
    QByteArray slice = m_pending.takeFirst();
    while (!m_pending.isEmpty() && slice.size() + m_pending.first().size() <= kSlice)
        slice += m_pending.takeFirst();
    m_pendingBytes -= slice.size();
    if (call() && m_pendingBytes < kResumeBelow)
        call()->setReadingPaused(false);
    m_watcher->setFuture(
        QtConcurrent::run([state = m_state, bytes = std::move(slice), keep = keepsRawRecords()] {
            const ResponseParsing::RawRecordScope raw(keep);
            return parseSlice(state.get(), bytes);
        }));
}

StreamingPageReply::Batch StreamingPageReply::parseSlice(State *state, const QByteArray &bytes)
{
    Batch batch;
    QList<QByteArray> elements;
    if (!state->reader.feed(bytes, &elements))
        batch.problem
            = tr("The response body is not valid JSON: %1").arg(state->reader.errorString());
    batch.users.reserve(elements.size());
    for (const QByteArray &element : std::as_const(elements)) {
        if (state->readFast(element, &batch.users)) {
            ++state->index;
            continue;
        }
        const QString where = QStringLiteral("[%1]").arg(state->index);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(element, &error);
        QString problem;
        if (error.error != QJsonParseError::NoError)
            problem = tr("The response body is not valid JSON: %1 (%2 at byte %3 of that element)")
                          .arg(where, error.errorString())
                          .arg(error.offset);
        else // the element as received (a copy: it may be a view): no second serialization
            ResponseParsing::readRecord(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(),
                where, state->read, &batch.users, &problem,
                QByteArray(element.constData(), element.size()));
        if (!problem.isEmpty()) {
            batch.problem = problem;
            break;
        }
        ++state->index;
    }
    return batch;
}

void StreamingPageReply::onBatch(Batch batch)
{
    m_usersRead += batch.users.size();
    const bool failed = !batch.problem.isEmpty();
    // The next slice is parsed while this one's users are handed out (written to the CSV,
    // inserted in the table): the worker does not wait for the UI thread.
    if (!failed && !m_pending.isEmpty())
        parseNext();
    if (isIncremental()) {
        if (!batch.users.isEmpty())
            emit usersArrived(batch.users);
    } else {
        m_users.append(std::move(batch.users));
    }
    if (isAborted())
        return; // a receiver of usersArrived() gave up on us
    if (failed) {
        failMalformed(batch.problem);
        return;
    }
    if (m_watcher)
        return;
    if (!m_pending.isEmpty())
        parseNext();
    else
        finishIfDone();
}

void StreamingPageReply::onCallFinished(HttpCall *call)
{
    call->deleteLater();
    m_attempts = call->attempts();
    if (!call->hasResponse()) {
        // Rows already handed out stay with whoever received them (nothing is retried silently);
        // the complete rows among the bytes received are still parsed and handed out first.
        m_callDone = true;
        m_callError = call->error();
        if (m_bytesIn > 0) // (the worker's reader is not to be touched from here)
            m_callError.message = tr("%1 (the connection failed after %2 bytes)")
                                      .arg(m_callError.message)
                                      .arg(m_bytesIn);
        if (!m_watcher)
            m_pending.isEmpty() ? finishIfDone() : parseNext();
        return;
    }
    HttpResponse response = call->takeResponse();
    m_url = response.url.toString(QUrl::RemoveUserInfo);
    if (response.status < 200 || response.status >= 300) {
        finishWithError(ResponseParsing::parse(
            response, [](const QByteArray &) { return ParseResult(); }, m_errorParser)
                            .error);
        return;
    }
    m_callDone = true;
    finishIfDone();
}

void StreamingPageReply::finishIfDone()
{
    if (!m_callDone || m_watcher || !m_pending.isEmpty() || isFinished())
        return;
    if (m_callError.isError()) {
        finishWithError(m_callError);
        return;
    }
    if (!m_state->reader.finish()) {
        failMalformed(m_head.trimmed().isEmpty()
                ? tr("The response body is empty.")
                : tr("The response body is truncated: %1").arg(m_state->reader.errorString()));
        return;
    }
    Page page;
    page.users = std::move(m_users);
    page.total = m_usersRead;
    finishWithPage(std::move(page));
}

void StreamingPageReply::failMalformed(const QString &message)
{
    stopCall();
    m_pending.clear();
    m_pendingBytes = 0;
    ProviderError error = ResponseParsing::malformed(message, m_head);
    error.url = m_url;
    error.attempts = m_attempts;
    finishWithError(std::move(error));
}
