#include "networkwatch.h"

#include <QCoreApplication>
#include <QNetworkInformation>

NetworkWatch *NetworkWatch::instance()
{
    static NetworkWatch *watch = [] {
        auto *w = new NetworkWatch;
        if (QCoreApplication *app = QCoreApplication::instance())
            QObject::connect(app, &QObject::destroyed, w, &QObject::deleteLater);
        return w;
    }();
    return watch;
}

void NetworkWatch::load()
{
    if (std::exchange(m_loaded, true))
        return;
    if (!QNetworkInformation::loadDefaultBackend() || !QNetworkInformation::instance())
        return;
    connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
        [this](QNetworkInformation::Reachability r) {
            if (m_simulated == Reachability::Unknown
                && r == QNetworkInformation::Reachability::Online)
                emit online();
        });
}

NetworkWatch::Reachability NetworkWatch::reachability()
{
    if (m_simulated != Reachability::Unknown)
        return m_simulated;
    load();
    const QNetworkInformation *info = QNetworkInformation::instance();
    if (!info)
        return Reachability::Unknown;
    switch (info->reachability()) {
    case QNetworkInformation::Reachability::Disconnected:
        return Reachability::Offline;
    case QNetworkInformation::Reachability::Online:
        return Reachability::Online;
    case QNetworkInformation::Reachability::Local:
    case QNetworkInformation::Reachability::Site:
    case QNetworkInformation::Reachability::Unknown:
        break;
    }
    return Reachability::Unknown;
}

void NetworkWatch::simulate(Reachability reachability)
{
    const bool back = m_simulated == Reachability::Offline && reachability != Reachability::Offline;
    m_simulated = reachability;
    if (back)
        emit online();
}

bool NetworkWatch::isAway(QNetworkReply::NetworkError code, bool hostAnswered)
{
    if (code == QNetworkReply::NoError || code == QNetworkReply::OperationCanceledError)
        return false;
    if (reachability() == Reachability::Offline)
        return true;
    if (!hostAnswered)
        return false; // never reached: most likely a wrong address, said at once
    switch (code) {
    case QNetworkReply::HostNotFoundError: // no DNS: off the network, or a VPN that dropped
    case QNetworkReply::UnknownNetworkError: // "Network unreachable", "No route to host"
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyNotFoundError:
        return true;
    default:
        return false;
    }
}
