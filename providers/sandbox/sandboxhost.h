#pragma once

#include <QUrl>

class QThread;
class SandboxServer;
struct SandboxTls;

// Runs a SandboxServer on a thread of its own, so serving large bodies never stalls the caller.
class SandboxHost
{
public:
    SandboxHost();
    ~SandboxHost();
    SandboxHost(const SandboxHost &) = delete;
    SandboxHost &operator=(const SandboxHost &) = delete;

    // Starts listening on 127.0.0.1; false when the port cannot be bound.
    // With `tls`, it serves HTTPS with that certificate.
    bool start(quint16 port = 0, qint64 usersPerOrganization = 25000, int latencyMs = 60,
        const SandboxTls *tls = nullptr);
    void stop();
    quint16 port() const { return m_port; }
    QUrl url(const QString &path = {}) const;
    // Settings that are safe to change from any thread.
    void setLatencyMs(int ms);
    SandboxServer *server() const { return m_server; }

private:
    QThread *m_thread = nullptr;
    SandboxServer *m_server = nullptr;
    quint16 m_port = 0;
    bool m_tls = false;
};
