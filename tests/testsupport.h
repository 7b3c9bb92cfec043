#pragma once
// Helpers shared by the tests: sandbox profiles, and walking a provider's pages to the end.

#include "httpclient.h"
#include "pagewalker.h"
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
// Walks `provider`'s organization a page at a time with the product's paging engine (no
// parallel pages, no prefetch, so `pages` counts requests), at most `maxPages` pages.
inline Walk fetchAll(Provider *provider, int maxPages = 100000)
{
    Walk walk;
    PageWalker walker(provider, {1, false});
    QObject::connect(&walker, &PageWalker::usersReady, [&walk](const QList<User> &users) { walk.users.append(users); });
    walker.start();
    for (;;) {
        ++walk.pages;
        if (!QTest::qWaitFor([&walker] { return walker.state() != PageWalker::State::Fetching; }, 30000)) {
            walk.timedOut = true;
            return walk;
        }
        walk.total = walker.total();
        if (walker.state() == PageWalker::State::Failed) {
            walk.error = walker.error();
            return walk;
        }
        if (walker.state() == PageWalker::State::Complete || walk.pages >= maxPages)
            return walk;
        walker.fetchNext();
    }
}

inline ProviderError firstError(Provider *provider)
{
    return fetchAll(provider, 1).error;
}

} // namespace TestSupport
