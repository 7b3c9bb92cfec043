#include "devicesignin.h"

DeviceSignIn::DeviceSignIn(std::shared_ptr<OAuthSession> session, QObject *parent)
    : SignInFlow(std::move(session), parent)
{
    m_poll.setSingleShot(true);
    connect(&m_poll, &QTimer::timeout, this, &DeviceSignIn::poll);
}

void DeviceSignIn::start()
{
    emit status(tr("Reading the sign-in settings of %1...")
                    .arg(profile().credential.oauth.issuer.toString()));
    m_session->client()->discover(
        this, [this](const OAuthEndpoints &endpoints, const ProviderError &error) {
            if (error.isError())
                finish(error);
            else if (endpoints.deviceAuthorization.isEmpty())
                finish(failure(tr("the issuer names no device_authorization_endpoint, so it cannot "
                                  "sign in on another device; sign in in the browser instead")));
            else
                requestCode(endpoints);
        });
}

void DeviceSignIn::requestCode(const OAuthEndpoints &endpoints)
{
    m_endpoints = endpoints;
    m_session->client()->post(endpoints.deviceAuthorization, m_session->client()->clientFields(),
        this, [this](const OAuthAnswer &answer) {
            m_deviceCode = answer.text(QStringLiteral("device_code"));
            const QString code = answer.text(QStringLiteral("user_code"));
            const QUrl uri(answer.text(QStringLiteral("verification_uri")));
            if (!answer.ok() || m_deviceCode.isEmpty() || code.isEmpty() || !uri.isValid()) {
                finish(failure(answer.ok()
                        ? tr("the device authorization answer lacks device_code, user_code or "
                             "verification_uri")
                        : tr("the device sign-in could not start: %1").arg(answer.refusal())));
                return;
            }
            const int interval = answer.body.value(QStringLiteral("interval")).toInt(5);
            m_intervalMs = std::clamp(interval, 1, 60) * 1000;
            const int expires = answer.body.value(QStringLiteral("expires_in")).toInt(600);
            setTimeoutMs(std::clamp(expires, 10, 3600) * 1000 + m_intervalMs);
            startDeadline(tr("the code was not entered before it expired; sign in again"));
            emit userCode(
                uri, code, QUrl(answer.text(QStringLiteral("verification_uri_complete"))));
            emit status(tr("Waiting for the code to be entered at %1...").arg(uri.toString()));
            m_poll.start(m_intervalMs);
        });
}

void DeviceSignIn::poll()
{
    const OAuthClient::Form form {
        {QStringLiteral("grant_type"),
            QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")},
        {QStringLiteral("device_code"), m_deviceCode},
        {QStringLiteral("client_id"), profile().credential.oauth.clientId}};
    m_session->client()->post(
        m_endpoints.token, form, this, [this](const OAuthAnswer &answer) { onAnswer(answer); });
}

void DeviceSignIn::onAnswer(const OAuthAnswer &answer)
{
    if (isDone())
        return;
    if (answer.ok()) {
        keepTokens(answer);
        return;
    }
    if (answer.error == QLatin1String("authorization_pending")) {
        m_poll.start(m_intervalMs);
    } else if (answer.error == QLatin1String("slow_down")) {
        m_intervalMs += m_slowDownStepMs; // for this and every later poll (RFC 8628 3.5)
        m_poll.start(m_intervalMs);
    } else if (answer.error == QLatin1String("expired_token")) {
        finish(failure(tr("the code expired before it was entered; sign in again")));
    } else if (answer.error == QLatin1String("access_denied")) {
        finish(failure(tr("the sign-in was refused on the other device")));
    } else {
        finish(failure(tr("the device sign-in failed: %1").arg(answer.refusal())));
    }
}
