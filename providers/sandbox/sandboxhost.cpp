#include "sandboxhost.h"

#include "sandboxserver.h"
#include "sandboxtls.h"

#include <QThread>

SandboxHost::SandboxHost() = default;

SandboxHost::~SandboxHost()
{
    stop();
}

bool SandboxHost::start(
    quint16 port, qint64 usersPerOrganization, int latencyMs, const SandboxTls *tls)
{
    stop();
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("sandbox"));
    m_thread->start();
    QObject context;
    context.moveToThread(m_thread);
    QMetaObject::invokeMethod(
        &context,
        [&] {
            m_server = new SandboxServer;
            m_server->setUsersPerOrganization(usersPerOrganization);
            m_server->setLatencyMs(latencyMs);
            if (tls)
                m_server->setTls(tls->certificate, tls->key);
            m_port = m_server->start(port);
        },
        Qt::BlockingQueuedConnection);
    QMetaObject::invokeMethod(
        &context, [&] { context.moveToThread(nullptr); }, Qt::BlockingQueuedConnection);
    if (m_port == 0) {
        stop();
        return false;
    }
    m_tls = tls != nullptr;
    return true;
}

void SandboxHost::stop()
{
    if (!m_thread)
        return;
    if (m_server) {
        SandboxServer *server = m_server;
        QMetaObject::invokeMethod(
            server, [server] { delete server; }, Qt::BlockingQueuedConnection);
        m_server = nullptr;
    }
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_port = 0;
}

QUrl SandboxHost::url(const QString &path) const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2%3")
                    .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
                    .arg(m_port)
                    .arg(path));
}

void SandboxHost::setLatencyMs(int ms)
{
    if (m_server)
        m_server->setLatencyMs(ms);
}
