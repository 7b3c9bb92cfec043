#include "signinflow.h"

SignInFlow::SignInFlow(std::shared_ptr<OAuthSession> session, QObject *parent)
    : QObject(parent)
    , m_session(std::move(session))
{
    m_deadline.setSingleShot(true);
}

void SignInFlow::cancel()
{
    finish(ProviderError::make(ProviderError::Kind::Cancelled, tr("The sign-in was cancelled.")));
}

void SignInFlow::startDeadline(const QString &message)
{
    disconnect(&m_deadline, nullptr, this, nullptr);
    connect(&m_deadline, &QTimer::timeout, this, [this, message] { finish(failure(message)); });
    m_deadline.start(m_timeoutMs);
}

ProviderError SignInFlow::failure(const QString &message) const
{
    return ProviderError::make(
        ProviderError::Kind::Authentication, tr("Profile \"%1\": %2").arg(profile().name, message));
}

void SignInFlow::keepTokens(const OAuthAnswer &answer)
{
    const QString account = OAuthClient::accountOf(answer.text(QStringLiteral("id_token")));
    m_session->signedIn(answer, this, [this, account](const ProviderError &error) {
        finish(error, error.isError() ? QString() : account);
    });
}

void SignInFlow::finish(const ProviderError &error, const QString &account)
{
    if (std::exchange(m_done, true))
        return;
    m_deadline.stop();
    stop();
    emit finished(error, account);
}
