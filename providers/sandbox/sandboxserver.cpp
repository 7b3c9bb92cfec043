#include "sandboxserver.h"

#include "sandboxdata.h"
#include "sandboxkind.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <zlib.h>

namespace {
QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}
QByteArray gzip(const QByteArray &data)
{
    z_stream zs {};
    if (deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&zs, uLong(data.size()))), Qt::Uninitialized);
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    zs.avail_in = uInt(data.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    out.resize(qsizetype(zs.total_out));
    deflateEnd(&zs);
    return rc == Z_STREAM_END ? out : QByteArray();
}

// Chunked transfer coding in uneven chunk sizes, as proxies re-chunk bodies.
QByteArray chunk(const QByteArray &body)
{
    QByteArray out;
    out.reserve(body.size() + body.size() / 500 + 16);
    static constexpr qsizetype sizes[] = {1, 7, 4096, 333, 16384, 2, 1500};
    qsizetype at = 0;
    for (int i = 0; at < body.size(); ++i) {
        const qsizetype n = std::min(sizes[i % std::size(sizes)], body.size() - at);
        out += QByteArray::number(n, 16) + "\r\n" + body.mid(at, n) + "\r\n";
        at += n;
    }
    return out + "0\r\n\r\n";
}
} // namespace

QByteArray SandboxRequest::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QString SandboxRequest::bearer() const
{
    const QByteArray auth = header("Authorization");
    if (auth.startsWith("Bearer "))
        return QString::fromUtf8(auth.mid(7)).trimmed();
    if (auth.startsWith("Basic ")) // user:password
        return QString::fromUtf8(QByteArray::fromBase64(auth.mid(6).trimmed()));
    const QByteArray csp = header("csp-auth-token");
    if (!csp.isEmpty())
        return QString::fromUtf8(csp).trimmed();
    const QList<QByteArray> cookies = header("Cookie").split(';');
    for (const QByteArray &c : cookies) {
        const QByteArray t = c.trimmed();
        if (t.startsWith("session="))
            return QString::fromUtf8(t.mid(8));
    }
    return {};
}

SandboxResponse SandboxResponse::json(int status, QByteArray body)
{
    SandboxResponse r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

SandboxResponse SandboxResponse::jsonArray(
    qint64 count, std::function<void(QByteArray &, qint64)> appendItem)
{
    SandboxResponse r;
    auto next = std::make_shared<qint64>(-1); // -1: the opening bracket is still to come
    r.generate = [count, next, appendItem = std::move(appendItem)](QByteArray *out) {
        const qsizetype start = out->size(); // materialize() keeps appending to one body
        if (out->capacity()
            < start + 80 * 1024) // one allocation per piece; geometric when materialized
            out->reserve(std::max<qsizetype>(start + 80 * 1024, 2 * out->capacity()));
        if (*next < 0) {
            *out += '[';
            *next = 0;
        }
        while (*next < count && out->size() - start < 64 * 1024) {
            if (*next > 0)
                *out += ',';
            appendItem(*out, (*next)++);
        }
        if (*next < count)
            return true;
        *out += ']';
        return false;
    };
    return r;
}

void SandboxResponse::materialize()
{
    if (!generate)
        return;
    body.clear();
    while (generate(&body)) { }
    generate = nullptr;
}

void SandboxResponse::applyBodyInjection(const QString &special)
{
    if (special == QLatin1String("truncated"))
        body.truncate(body.size() / 2);
    else if (special == QLatin1String("truncated-transport"))
        truncateAt = body.size() / 2;
    else if (special == QLatin1String("slow"))
        delayMs = 3000;
}

void SandboxResponse::applyCutOnce(
    const QString &special, SandboxServer &server, const QString &key)
{
    if (special == QLatin1String("truncated-transport-once")
        && server.hit(QStringLiteral("cut-once:") + key) == 1) {
        truncateAt = body.size() / 2;
        closeLater = true; // the cut must come midway, after the client has read the first part
    }
}

bool SandboxResponse::gateway(const SandboxInjection &injection, SandboxResponse *out)
{
    if (injection.special == QLatin1String("proxy")) {
        // nginx's wording for its own 503 page.
        const QByteArray title = QByteArray::number(injection.status) + ' '
            + (injection.status == 503 ? QByteArray("Service Temporarily Unavailable")
                                       : reasonPhrase(injection.status));
        *out = json(injection.status,
            "<html><head><title>" + title + "</title></head><body><center><h1>" + title
                + "</h1></center><hr><center>nginx</center></body></html>");
        out->contentType = "text/html";
        return true;
    }
    if (injection.special == QLatin1String("generic")) {
        QByteArray body = "{\"message\":\"" + reasonPhrase(injection.status) + "\"}";
        *out = json(injection.status, body);
        return true;
    }
    return false;
}

SandboxServer::SandboxServer(QObject *parent)
    : QAbstractHttpServer(parent)
{ }

SandboxServer::~SandboxServer() = default;

void SandboxServer::setTls(const QSslCertificate &certificate, const QSslKey &key)
{
    sslSetup(certificate, key);
    m_tls = true;
}

quint16 SandboxServer::start(quint16 port)
{
    m_port = listen(QHostAddress::LocalHost, port);
    return m_port;
}

void SandboxServer::releaseCuts()
{
    QList<QPointer<QTcpSocket>> held;
    {
        QMutexLocker lock(&m_mutex);
        held.swap(m_heldCuts);
    }
    for (const QPointer<QTcpSocket> &socket : std::as_const(held))
        if (socket)
            QMetaObject::invokeMethod(socket, [socket] {
                if (socket)
                    socket->disconnectFromHost();
            });
}

QUrl SandboxServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2%3")
                    .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
                    .arg(m_port)
                    .arg(path));
}

int SandboxServer::hit(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    return ++m_hits[key];
}

int SandboxServer::hits(const QString &key) const
{
    QMutexLocker lock(&m_mutex);
    return m_hits.value(key);
}

void SandboxServer::resetHits()
{
    QMutexLocker lock(&m_mutex);
    m_hits.clear();
}

QString SandboxServer::issueCspToken(qint64 lifetimeMs)
{
    QMutexLocker lock(&m_mutex);
    const QString token = QStringLiteral("csp-at-%1-%2")
                              .arg(++m_serial)
                              .arg(QDateTime::currentMSecsSinceEpoch() % 100000);
    m_cspTokens.insert(token, QDateTime::currentMSecsSinceEpoch() + lifetimeMs);
    return token;
}

SandboxServer::TokenState SandboxServer::cspTokenState(const QString &token) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_cspTokens.constFind(token);
    if (it == m_cspTokens.cend())
        return TokenState::Unknown;
    return QDateTime::currentMSecsSinceEpoch() < *it ? TokenState::Valid : TokenState::Expired;
}

QList<SandboxRequest> SandboxServer::recentRequests() const
{
    QMutexLocker lock(&m_mutex);
    return m_recent;
}

void SandboxServer::clearRecentRequests()
{
    QMutexLocker lock(&m_mutex);
    m_recent.clear();
}

bool SandboxServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QElapsedTimer arrived;
    arrived.start();
    SandboxRequest r;
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        r.method = "GET";
        break;
    case QHttpServerRequest::Method::Post:
        r.method = "POST";
        break;
    case QHttpServerRequest::Method::Put:
        r.method = "PUT";
        break;
    case QHttpServerRequest::Method::Delete:
        r.method = "DELETE";
        break;
    default:
        r.method = "OTHER";
        break;
    }
    r.url = request.url();
    r.path = request.url().path();
    r.query = request.query();
    r.headers = request.headers();
    r.body = request.body();
    ++m_requestCount;
    {
        QMutexLocker lock(&m_mutex);
        m_recent.append(r);
        if (m_recent.size() > 500)
            m_recent.removeFirst();
    }
    SandboxResponse response;
    const SandboxBehaviours behaviours = SandboxBehaviours::fromPath(r.path);
    const SandboxQuota::Decision quota = behaviours.quota
        ? m_quota.take(QDateTime::currentMSecsSinceEpoch())
        : behaviours.bucket ? m_bucket.take(QDateTime::currentMSecsSinceEpoch())
                            : SandboxQuota::Decision {};
    if (quota.allowed)
        response = dispatch(r);
    else
        response = SandboxResponse::json(429, R"({"message":"rate limit exceeded"})");
    for (const auto &h : quota.headers)
        response.addHeader(h.first, h.second);
    applyBehaviours(r, &response);
    // The latency is the time to the response, so the time spent generating it counts toward it.
    const int latency = response.delayMs >= 0 ? response.delayMs : int(m_latencyMs);
    // Rounded up, so the sandbox is never faster than its stated latency.
    const qint64 spentMs = (arrived.nsecsElapsed() + 999999) / 1000000;
    const int delay = std::max(0, latency - int(spentMs));
    emit served(r.path, response.status);
    if (delay <= 0) {
        write(socket, response);
        ++m_answerCount;
    } else {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(delay, Qt::PreciseTimer, this, [this, guard, response] {
            if (guard)
                write(guard, response);
            ++m_answerCount; // also when the client went away: the answer is over either way
        });
    }
    return true;
}

void SandboxServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    write(socket, SandboxResponse::json(404, R"({"message":"no such sandbox route"})"));
}

void SandboxServer::applyBehaviours(const SandboxRequest &request, SandboxResponse *response)
{
    const SandboxBehaviours b = SandboxBehaviours::fromPath(request.path);
    if (!b.any())
        return;
    if (b.cookies) {
        // What load balancers and WAFs set; a client that lets its cookie jar speak sends these
        // instead of the profile's own session cookie.
        response->addHeader(
            "Set-Cookie", "AWSALB=lb" + QByteArray::number(m_requestCount) + "; Path=/; HttpOnly");
        response->addHeader(
            "Set-Cookie", "session=lb-sticky-" + QByteArray::number(m_requestCount) + "; Path=/");
    }
    if (b.pretty || b.gzip || b.stall)
        response->materialize(); // these work on the whole body
    if (b.pretty && response->contentType == "application/json") {
        // QJsonDocument writes object keys sorted: "pagination" now comes before "users".
        const QJsonDocument doc = QJsonDocument::fromJson(response->body);
        if (!doc.isNull())
            response->body = doc.toJson(QJsonDocument::Indented);
    }
    if (b.gzip && request.header("Accept-Encoding").contains("gzip")) {
        response->body = gzip(response->body);
        response->addHeader("Content-Encoding", "gzip");
    }
    response->chunked = b.chunked;
    if (b.stall && hit(QStringLiteral("stall:") + request.url.toString()) == 1)
        response->stallAt = response->body.size() / 2;
}

void SandboxServer::writeGenerated(
    QTcpSocket *socket, QByteArray head, const SandboxResponse &response)
{
    // Generated while it is sent: the next pieces are made whenever the socket's buffer runs low,
    // so a million members never exist as one body, and the first bytes leave at once.
    QPointer<QTcpSocket> guard(socket);
    auto generate = response.generate;
    auto connection = std::make_shared<QMetaObject::Connection>();
    auto pump = [guard, generate, connection] {
        while (guard && guard->bytesToWrite() < 512 * 1024) {
            if (guard->state() != QAbstractSocket::ConnectedState) {
                QObject::disconnect(*connection); // the client went away: stop generating
                return;
            }
            QByteArray piece;
            const bool more = generate(&piece);
            if (!piece.isEmpty())
                guard->write(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
            if (!more) {
                guard->write("0\r\n\r\n");
                QObject::disconnect(*connection);
                return;
            }
        }
    };
    *connection = connect(socket, &QTcpSocket::bytesWritten, socket, pump);
    QByteArray first;
    const bool more = generate(&first);
    socket->write(head + QByteArray::number(first.size(), 16) + "\r\n" + first + "\r\n"
        + (more ? QByteArray() : QByteArray("0\r\n\r\n")));
    if (!more)
        QObject::disconnect(*connection);
}

SandboxResponse SandboxServer::dispatch(const SandboxRequest &request)
{
    SandboxResponse response;
    if (m_oauth.handle(url(), request, &response))
        return response;
    for (const SandboxKind *k : SandboxKinds::all()) {
        if (k->handle(*this, request, &response))
            return response;
    }
    return SandboxResponse::json(404, R"({"message":"no such sandbox route"})");
}

void SandboxServer::write(QTcpSocket *socket, const SandboxResponse &response)
{
    if (socket->state() != QAbstractSocket::ConnectedState)
        return;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
        + reasonPhrase(response.status) + "\r\n";
    head += "Content-Type: " + response.contentType + "\r\n";
    if (response.chunked || response.generate)
        head += "Transfer-Encoding: chunked\r\n";
    else
        head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    bool hasRequestId = false;
    for (const auto &h : response.headers) {
        head += h.first + ": " + h.second + "\r\n";
        hasRequestId = hasRequestId || h.first.compare("X-Request-ID", Qt::CaseInsensitive) == 0;
    }
    if (!hasRequestId)
        head += "X-Request-ID: sbx-" + QByteArray::number(quint64(m_requestCount), 16) + "\r\n";
    head += "Connection: keep-alive\r\n\r\n";
    // One write with Nagle off: a separate header segment would wait for the client's delayed ACK.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (response.generate) {
        writeGenerated(socket, head, response);
        return;
    }
    if (response.truncateAt >= 0) {
        socket->write(head + response.body.left(response.truncateAt));
        socket->flush();
        if (!response.closeLater) {
            socket->disconnectFromHost();
            return;
        }
        if (m_holdCuts) {
            QMutexLocker lock(&m_mutex);
            m_heldCuts.append(socket);
            return;
        }
        // Close once the part is out and a moment has passed, so the client has read it: the cut
        // is always "midway", never before the first byte.
        QPointer<QTcpSocket> guard(socket);
        auto close = [guard] {
            if (guard)
                QTimer::singleShot(100, guard, [guard] { guard->disconnectFromHost(); });
        };
        if (socket->bytesToWrite() == 0)
            close();
        else
            connect(socket, &QTcpSocket::bytesWritten, socket, [socket, close] {
                if (socket->bytesToWrite() == 0) {
                    socket->disconnect(socket, &QTcpSocket::bytesWritten, nullptr, nullptr);
                    close();
                }
            });
        return;
    }
    if (response.stallAt >= 0) {
        // Half the body, then silence with the connection left open, as a stuck upstream does.
        const QByteArray part = response.body.left(response.stallAt);
        socket->write(
            head + (response.chunked ? QByteArray::number(part.size(), 16) + "\r\n" + part : part));
        return;
    }
    socket->write(head + (response.chunked ? chunk(response.body) : response.body));
}
