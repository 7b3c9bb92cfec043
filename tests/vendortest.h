#pragma once
// What the vendor tests share: a sandbox on 127.0.0.1, a network manager, and a provider of the
// vendor's own class for one of the sandbox's organizations, with short retries.

#include "testsupport.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>

template<typename VendorProvider> class VendorTest : public QObject
{
protected:
    SandboxServer m_server;
    QNetworkAccessManager m_nam;

    // `options`: the profile's; `retryAfterCapMs`: how long a Retry-After may make a test wait.
    VendorProvider *make(const QString &kind, const QString &org, const QString &secret,
        const QJsonObject &options = {}, int retryAfterCapMs = 50)
    {
        Profile p = TestSupport::sandboxProfile(m_server, kind, org, secret);
        for (auto it = options.begin(); it != options.end(); ++it)
            p.options.insert(it.key(), it.value());
        auto *provider = new VendorProvider(p, secret, &m_nam, this);
        TestSupport::fastRetries(provider, retryAfterCapMs);
        return provider;
    }
};
