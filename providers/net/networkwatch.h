#pragma once

#include <QNetworkReply>
#include <QObject>

// Whether the machine has a network, for requests that should wait for it to return rather than
// spend their attempts (HttpCall): Qt's QNetworkInformation where a backend loads (NetworkManager,
// or GLib's netlink monitor on Linux), loaded the first time it is asked, never at startup;
// Unknown where none does, and the transport errors alone decide.
// One per process, on the thread that first asks (the main thread: where requests are made).
class NetworkWatch : public QObject
{
    Q_OBJECT
public:
    enum class Reachability { Unknown, Offline, Online };
    Q_ENUM(Reachability)

    static NetworkWatch *instance();
    Reachability reachability();

    // Whether a request that failed with `code` met a network that went away rather than a
    // wrong or broken server: the system says it is offline, or a host that answered before
    // (`hostAnswered`) can no longer be found or routed to.
    bool isAway(QNetworkReply::NetworkError code, bool hostAnswered);

    // For tests, which cannot take the machine off its network: what the system would report
    // (Unknown hands the answer back to the system). Going Online emits online().
    void simulate(Reachability reachability);

signals:
    // The network came back: requests waiting for it go at once.
    void online();

private:
    NetworkWatch() = default;
    void load();

    bool m_loaded = false;
    Reachability m_simulated = Reachability::Unknown;
};
