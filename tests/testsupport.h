#pragma once
// Helpers shared by the tests: sandbox profiles, and walking a provider's pages to the end.

#include "httpclient.h"
#include "pagewalker.h"
#include "provider.h"
#include "sandbox/sandboxdemo.h"
#include "sandbox/sandboxserver.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

namespace TestSupport {

inline Profile sandboxProfile(const SandboxServer &server, const QString &kind, const QString &org,
    const QString &token = SandboxServer::demoToken())
{
    Profile p = SandboxDemo::profile(
        QStringLiteral("test %1 %2").arg(kind, org), kind, server.url(), org);
    p.credential.value = token;
    return p;
}

// A widget or object found by its object name, as a user's tools see the window (tests never
// reach in through getters of the product's own).
template<typename T> T *child(const QObject *parent, const char *name)
{
    T *found = parent ? parent->findChild<T *>(QString::fromLatin1(name)) : nullptr;
    if (!found)
        qWarning("no %s called \"%s\"", T::staticMetaObject.className(), name);
    return found;
}

// A profile known by its name only (what a job over several profiles shows).
inline Profile named(const QString &name)
{
    Profile p;
    p.name = name;
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
    QObject::connect(&walker, &PageWalker::usersReady,
        [&walk](const QList<User> &users) { walk.users.append(users); });
    walker.start();
    for (;;) {
        ++walk.pages;
        if (!QTest::qWaitFor(
                [&walker] { return walker.state() != PageWalker::State::Fetching; }, 30000)) {
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

// Waits, without a fixed sleep, until `server` has answered every request it received, then for
// one more request of its own to come back through `nam`: whatever an earlier answer could still
// cause on this side has happened by then (or never will).
inline bool drain(SandboxServer &server, QNetworkAccessManager &nam, int timeoutMs = 15000)
{
    if (!QTest::qWaitFor(
            [&server] { return server.answerCount() >= server.requestCount(); }, timeoutMs))
        return false;
    QNetworkReply *sentinel = nam.get(QNetworkRequest(server.url(QStringLiteral("/sentinel"))));
    const bool back = QTest::qWaitFor([sentinel] { return sentinel->isFinished(); }, timeoutMs);
    sentinel->deleteLater();
    return back;
}

// Lets pending layout and paint work run before a widget is measured or grabbed.
inline void settleWidgets()
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
}

inline ProviderError firstError(Provider *provider)
{
    return fetchAll(provider, 1).error;
}

} // namespace TestSupport
