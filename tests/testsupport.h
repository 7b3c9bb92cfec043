#pragma once
// Helpers shared by the tests: sandbox profiles, and walking a provider's pages to the end.

#include "httpclient.h"
#include "pagewalker.h"
#include "provider.h"
#include "providerfactory.h"
#include "sandbox/sandboxdemo.h"
#include "sandbox/sandboxserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPalette>
#include <QSignalSpy>
#include <QTest>
#include <QWidget>

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

// A provider for `p` (its own credential) that retries at once, shared as sessions share theirs.
inline SharedProvider fastProvider(
    const Profile &p, QNetworkAccessManager *nam, int retryAfterCapMs = 60000)
{
    SharedProvider provider = ProviderFactory::createShared(p, p.credential.value, nam);
    fastRetries(provider.get(), retryAfterCapMs);
    return provider;
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

// What a walk in a test may take before it is stopped as runaway: far more than any test's
// organization, far less than a broken guard would walk (it would otherwise grow until ctest's
// timeout, gigabytes later).
constexpr int kWalkPageCap = 1000;
constexpr qsizetype kWalkUserCap = 200000;
constexpr int kWalkSeconds = 15;

// An error a walk in a test stops with when it passes a cap: a guard of the product is broken.
inline ProviderError runaway(const QString &what)
{
    qWarning("test walk stopped: %s", qPrintable(what));
    return ProviderError::make(ProviderError::Kind::Mismatch,
        QStringLiteral("test walk stopped as runaway (%1): is a guard of the engine broken?")
            .arg(what));
}

// Fetches every page, following next tokens, stopping at the first error or a token loop.
// Walks `provider`'s organization a page at a time with the product's paging engine (no
// parallel pages, no prefetch, so `pages` counts requests), at most `maxPages` pages when asked;
// past the caps above it stops with a runaway error.
inline Walk fetchAll(Provider *provider, int maxPages = -1)
{
    Walk walk;
    PageWalker walker(provider, {1, false});
    QObject::connect(&walker, &PageWalker::usersReady,
        [&walk](const QList<User> &users) { walk.users.append(users); });
    QElapsedTimer clock;
    clock.start();
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
        if (walker.state() == PageWalker::State::Complete || walk.pages == maxPages)
            return walk;
        if (walk.pages >= kWalkPageCap || walk.users.size() >= kWalkUserCap
            || clock.elapsed() > kWalkSeconds * 1000) {
            walk.error = runaway(QStringLiteral("%1 pages, %2 users, %3 ms")
                                     .arg(walk.pages)
                                     .arg(walk.users.size())
                                     .arg(clock.elapsed()));
            return walk;
        }
        walker.fetchNext();
    }
}

// Walks every page to the end (several at a time once the total is known) with the product's
// engine, within the same caps as fetchAll.
inline Walk walkToEnd(Provider *provider, const QString &query = {}, int parallel = 4)
{
    Walk walk;
    PageWalker walker(provider, {parallel, true});
    QObject::connect(&walker, &PageWalker::usersReady, [&walk, &walker](const QList<User> &users) {
        walk.users.append(users);
        if (walk.users.size() >= kWalkUserCap) {
            walker.abort();
            walk.error = runaway(QStringLiteral("%1 users").arg(walk.users.size()));
        }
    });
    walker.setQuery(query);
    walker.start();
    walker.runToEnd();
    walk.timedOut = !QTest::qWaitFor(
        [&walker, &walk] {
            return walk.error.isError() || walker.state() == PageWalker::State::Complete
                || walker.state() == PageWalker::State::Failed;
        },
        kWalkSeconds * 1000);
    if (!walk.error.isError())
        walk.error = walker.error();
    walk.total = walker.total();
    return walk;
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

// With ROSTER_SCREENSHOT_DIR set, saves a grab of `w` there as `name` (a test failure when it
// cannot); without it, nothing.
inline void saveScreenshot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("ROSTER_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    settleWidgets();
    QVERIFY(w->grab().save(QDir(dir).filePath(name)));
}

// What a browser does with a sign-in page: follows its redirects (to the loopback one, for the
// browser flow); the last answer's HTTP status.
inline int playBrowser(QNetworkAccessManager &nam, const QUrl &url)
{
    QNetworkRequest request(url);
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = nam.get(request);
    (void)QTest::qWaitFor([reply] { return reply->isFinished(); }, 15000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

inline ProviderError firstError(Provider *provider)
{
    return fetchAll(provider, 1).error;
}

// A dark Fusion palette, as dark desktop themes give Qt applications.
inline QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::WindowText, Qt::white);
    p.setColor(QPalette::Base, QColor(0x2a, 0x2a, 0x2a));
    p.setColor(QPalette::AlternateBase, QColor(0x42, 0x42, 0x42));
    p.setColor(QPalette::Text, Qt::white);
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x2a, 0x2a, 0x2a));
    p.setColor(QPalette::ToolTipText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x9a, 0x9a, 0x9a));
    return p;
}

} // namespace TestSupport
