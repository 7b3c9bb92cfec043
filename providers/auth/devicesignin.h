#pragma once

#include "signinflow.h"

// Signing in on another device (RFC 8628): the user opens the verification URL anywhere and
// enters the code, while this polls the token endpoint at the server's interval.
class DeviceSignIn : public SignInFlow
{
    Q_OBJECT
public:
    DeviceSignIn(std::shared_ptr<OAuthSession> session, QObject *parent = nullptr);

    void start() override;
    // How much longer to wait after a slow_down (RFC 8628 3.5: 5 seconds).
    void setSlowDownStepMs(int ms) { m_slowDownStepMs = ms; }
    int intervalMs() const { return m_intervalMs; }

signals:
    // What to show: where to go, the code to enter there, and (when the server gives it) the
    // address with the code filled in.
    void userCode(const QUrl &verificationUri, const QString &code, const QUrl &complete);

private:
    void requestCode(const OAuthEndpoints &endpoints);
    void poll();
    void onAnswer(const OAuthAnswer &answer);
    void stop() override { m_poll.stop(); }

    OAuthEndpoints m_endpoints;
    QString m_deviceCode;
    int m_intervalMs = 5000;
    int m_slowDownStepMs = 5000;
    QTimer m_poll;
};
