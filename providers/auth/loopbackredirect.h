#pragma once

#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QUrlQuery>

class QTcpSocket;

// The redirect a browser sign-in lands on (RFC 8252 7.3): a listener on 127.0.0.1 only, for the
// one request to its path. Other requests (a favicon) get a 404; the page the browser shows is
// written once the flow knows how the sign-in went.
class LoopbackRedirect : public QObject
{
    Q_OBJECT
public:
    explicit LoopbackRedirect(QObject *parent = nullptr);

    // Listens on 127.0.0.1:port (0: any free port); false when it cannot.
    bool listen(quint16 port);
    QString errorString() const { return m_server.errorString(); }
    // http://127.0.0.1:PORT/callback, also once it stopped listening
    QUrl redirectUri() const { return m_uri; }
    // The page the browser shows for the request that arrived, then the listener closes.
    void respond(bool signedIn, const QString &title, const QString &text);
    // Stops listening; a request that arrived still gets its page from respond().
    void close();

signals:
    void arrived(const QUrlQuery &query);

private:
    void onConnection();
    void onReadable(QTcpSocket *socket);
    static void writePage(QTcpSocket *socket, int status, const QByteArray &html);

    QTcpServer m_server;
    QUrl m_uri;
    QPointer<QTcpSocket> m_answering; // the request that arrived, waiting for its page
    bool m_arrived = false;
};
