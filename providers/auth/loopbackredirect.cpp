#include "loopbackredirect.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace {
constexpr qsizetype kMaxRequestBytes = 16 * 1024;
const char kPath[] = "/callback";
} // namespace

LoopbackRedirect::LoopbackRedirect(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &LoopbackRedirect::onConnection);
}

bool LoopbackRedirect::listen(quint16 port)
{
    if (!m_server.listen(QHostAddress::LocalHost, port))
        return false;
    m_uri.setScheme(QStringLiteral("http"));
    m_uri.setHost(QStringLiteral("127.0.0.1"));
    m_uri.setPort(m_server.serverPort());
    m_uri.setPath(QLatin1String(kPath));
    return true;
}

void LoopbackRedirect::close()
{
    m_server.close(); // a request that arrived still gets its page
}

void LoopbackRedirect::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
    }
}

void LoopbackRedirect::onReadable(QTcpSocket *socket)
{
    if (socket->property("roster.read").toBool())
        return; // its request was read; the rest is not ours
    if (socket->bytesAvailable() > kMaxRequestBytes) {
        writePage(socket, 431, "<p>Request too large.</p>");
        return;
    }
    const QByteArray head = socket->peek(kMaxRequestBytes);
    if (!head.contains("\r\n\r\n") && !head.contains("\n\n"))
        return; // the rest of the headers is on its way
    socket->setProperty("roster.read", true);
    const QList<QByteArray> line = head.left(head.indexOf('\n')).trimmed().split(' ');
    const QUrl target = line.size() >= 2 ? QUrl::fromEncoded(line.at(1)) : QUrl();
    if (line.value(0) != "GET" || target.path() != QLatin1String(kPath) || m_arrived) {
        writePage(socket, 404, "<p>Not found.</p>");
        return;
    }
    m_arrived = true;
    m_answering = socket;
    m_server.close(); // one request only
    emit arrived(QUrlQuery(target));
}

void LoopbackRedirect::respond(bool signedIn, const QString &title, const QString &text)
{
    if (!m_answering)
        return;
    const QString html = QStringLiteral(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title></head>"
        "<body style=\"font-family:sans-serif;margin:3em\"><h1>%2 %1</h1><p>%3</p></body></html>")
                             .arg(title.toHtmlEscaped(),
                                 signedIn ? QStringLiteral("&#10004;") : QStringLiteral("&#10008;"),
                                 text.toHtmlEscaped());
    writePage(m_answering, signedIn ? 200 : 400, html.toUtf8());
    m_answering = nullptr;
}

void LoopbackRedirect::writePage(QTcpSocket *socket, int status, const QByteArray &html)
{
    const QByteArray reason = status == 200 ? "OK" : (status == 404 ? "Not Found" : "Bad Request");
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
        + "\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\n"
          "Connection: close\r\nContent-Length: "
        + QByteArray::number(html.size()) + "\r\n\r\n" + html);
    // The page is written while the socket closes: it outlives this listener (the sign-in may end
    // and be deleted at once), deleting itself once closed, or after 10 s if the browser stalls.
    socket->setParent(nullptr);
    QTimer::singleShot(10000, socket, &QObject::deleteLater);
    socket->disconnectFromHost();
}
