#pragma once

#include "oauthsession.h"
#include "providererror.h"

#include <QObject>
#include <QTimer>

#include <memory>

// One sign-in of a profile (the browser's or the device flow), from start to the tokens kept.
// finished() comes exactly once, unless the flow is deleted first; cancel() ends it with a
// Cancelled error.
class SignInFlow : public QObject
{
    Q_OBJECT
public:
    ~SignInFlow() override = default;

    virtual void start() = 0;
    void cancel();
    // How long the user has to finish signing in (default 10 minutes).
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    const Profile &profile() const { return m_session->profile(); }

signals:
    // A line worth showing while it waits ("Waiting for the browser...").
    void status(const QString &text);
    void finished(const ProviderError &error, const QString &account);

protected:
    SignInFlow(std::shared_ptr<OAuthSession> session, QObject *parent);
    // Starts the deadline; when it passes, the flow fails with `message`.
    void startDeadline(const QString &message);
    // Keeps the answer's tokens, then finishes.
    void keepTokens(const OAuthAnswer &answer);
    void finish(const ProviderError &error, const QString &account = {});
    ProviderError failure(const QString &message) const;
    virtual void stop() { }
    bool isDone() const { return m_done; }

    std::shared_ptr<OAuthSession> m_session;

private:
    int m_timeoutMs = 10 * 60 * 1000;
    QTimer m_deadline;
    bool m_done = false;
};
