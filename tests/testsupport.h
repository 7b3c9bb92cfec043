#pragma once
// Helpers shared by the tests: sandbox profiles, and walking a provider's pages to the end.

#include "httpclient.h"
#include "pagingguard.h"
#include "provider.h"
#include "sandbox/sandboxdemo.h"
#include "sandbox/sandboxserver.h"

#include <QSignalSpy>
#include <QTest>

namespace TestSupport {

inline Profile sandboxProfile(const SandboxServer &server, const QString &kind, const QString &org,
                              const QString &token = SandboxServer::demoToken())
{
    Profile p = SandboxDemo::profile(QStringLiteral("test %1 %2").arg(kind, org), kind, server.url(), org);
    p.credential.value = token;
    return p;
}

// Short backoff and Retry-After cap so failure paths finish quickly.
inline void fastRetries(Provider *provider, int retryAfterCapMs = 60000)
{
    HttpOptions options = provider->http()->options();
    options.backoffBaseMs = 10;
    options.retryAfterCapMs = retryAfterCapMs;
    provider->http()->setOptions(options);
}

struct Walk
{
    QList<User> users;
    ProviderError error;
    qint64 total = -1;
    int pages = 0;
    bool timedOut = false;
};

// Waits for one reply; false on timeout.
inline bool waitFor(PageReply *reply, int timeoutMs = 30000)
{
    if (reply->isFinished())
        return true;
    QSignalSpy spy(reply, &PageReply::finished);
    return spy.wait(timeoutMs);
}

// Fetches every page, following next tokens, stopping at the first error or a token loop.
inline Walk fetchAll(Provider *provider, int maxPages = 100000)
{
    Walk walk;
    PagingGuard guard;
    QString token;
    for (int i = 0; i < maxPages; ++i) {
        guard.markUsed(token);
        PageReply *reply = provider->fetchPage(token);
        if (!waitFor(reply)) {
            walk.timedOut = true;
            reply->abort();
            reply->deleteLater();
            return walk;
        }
        ++walk.pages;
        if (reply->hasError()) {
            walk.error = reply->error();
            reply->deleteLater();
            return walk;
        }
        Page page = reply->takePage();
        reply->deleteLater();
        walk.users.append(page.users);
        if (page.total >= 0)
            walk.total = page.total;
        const ProviderError loop = guard.check(page);
        if (loop.isError()) {
            walk.error = loop;
            return walk;
        }
        if (!page.hasMore())
            return walk;
        token = page.nextToken;
    }
    return walk;
}

inline ProviderError firstError(Provider *provider)
{
    return fetchAll(provider, 1).error;
}

} // namespace TestSupport
