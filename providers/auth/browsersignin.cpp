#include "browsersignin.h"

#include <QProcess>
#include <QStandardPaths>
#include <QUrlQuery>

BrowserSignIn::BrowserSignIn(std::shared_ptr<OAuthSession> session, QObject *parent)
    : SignInFlow(std::move(session), parent)
{
    connect(&m_redirect, &LoopbackRedirect::arrived, this, &BrowserSignIn::onArrived);
    connect(this, &SignInFlow::finished, this,
        [this](const ProviderError &error) { answerBrowser(error); });
}

bool BrowserSignIn::openBrowser(const QUrl &url)
{
    const QString target = QString::fromUtf8(url.toEncoded());
    const QString browsers = qEnvironmentVariable("BROWSER");
    for (const QString &command : browsers.split(QLatin1Char(':'), Qt::SkipEmptyParts)) {
        QStringList words = QProcess::splitCommand(command);
        if (words.isEmpty())
            continue;
        bool placed = false;
        for (QString &w : words) {
            if (w.contains(QLatin1String("%s"))) {
                w.replace(QLatin1String("%s"), target);
                placed = true;
            }
        }
        if (!placed)
            words << target;
        const QString program = words.takeFirst();
        if (QProcess::startDetached(program, words))
            return true;
    }
    const QString xdgOpen = QStandardPaths::findExecutable(QStringLiteral("xdg-open"));
    return !xdgOpen.isEmpty() && QProcess::startDetached(xdgOpen, {target});
}

void BrowserSignIn::start()
{
    const int port = profile().credential.oauth.redirectPort;
    if (!m_redirect.listen(quint16(std::max(0, port)))) {
        finish(failure(tr("cannot listen for the sign-in's redirect on 127.0.0.1:%1: %2")
                           .arg(port)
                           .arg(m_redirect.errorString())));
        return;
    }
    emit status(tr("Reading the sign-in settings of %1...")
                    .arg(profile().credential.oauth.issuer.toString()));
    m_session->client()->discover(
        this, [this](const OAuthEndpoints &endpoints, const ProviderError &error) {
            if (error.isError())
                finish(error);
            else if (endpoints.authorization.isEmpty())
                finish(failure(tr("the issuer names no usable authorization_endpoint; try signing "
                                  "in on another device (--device)")));
            else
                authorize(endpoints);
        });
}

void BrowserSignIn::authorize(const OAuthEndpoints &endpoints)
{
    m_endpoints = endpoints;
    m_verifier = OAuthClient::randomToken(32); // 43 characters, as RFC 7636 4.1 asks at least
    m_state = OAuthClient::randomToken(16);
    QUrl url = endpoints.authorization;
    QUrlQuery query(url);
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("redirect_uri"), m_redirect.redirectUri().toString());
    query.addQueryItem(QStringLiteral("state"), QString::fromLatin1(m_state));
    query.addQueryItem(QStringLiteral("code_challenge"),
        QString::fromLatin1(OAuthClient::challengeOf(m_verifier)));
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    for (const auto &field : m_session->client()->clientFields()) {
        query.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(field.first)),
            QString::fromLatin1(QUrl::toPercentEncoding(field.second)));
    }
    url.setQuery(query);
    startDeadline(tr("the sign-in was not finished in the browser in time"));
    const bool opened = m_opensBrowser && openBrowser(url);
    emit status(opened ? tr("Waiting for the sign-in in the browser...")
                       : tr("Open the sign-in page in a browser to continue..."));
    emit authorizationUrl(url, opened);
}

void BrowserSignIn::onArrived(const QUrlQuery &query)
{
    const QString state = query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
    if (state != QString::fromLatin1(m_state)) {
        // Not the answer to this sign-in's request (RFC 6749 10.12): nothing from it is used.
        finish(failure(tr("the browser came back with a state that this sign-in did not send; "
                          "nothing was signed in")));
        return;
    }
    const QString error = query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded);
    if (!error.isEmpty()) {
        const QString description
            = query.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded)
                  .left(500);
        finish(failure(description.isEmpty()
                ? tr("the authorization server refused: %1").arg(error)
                : tr("the authorization server refused: %1 (%2)").arg(error, description)));
        return;
    }
    const QString code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    if (code.isEmpty()) {
        finish(failure(tr("the browser came back without an authorization code")));
        return;
    }
    emit status(tr("Signed in in the browser; getting the tokens..."));
    const OAuthClient::Form form {
        {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
        {QStringLiteral("code"), code},
        {QStringLiteral("redirect_uri"), m_redirect.redirectUri().toString()},
        {QStringLiteral("code_verifier"), QString::fromLatin1(m_verifier)},
        {QStringLiteral("client_id"), profile().credential.oauth.clientId}};
    m_session->client()->post(m_endpoints.token, form, this, [this](const OAuthAnswer &answer) {
        if (!answer.ok())
            finish(failure(
                tr("the code could not be exchanged for tokens: %1").arg(answer.refusal())));
        else
            keepTokens(answer);
    });
}

void BrowserSignIn::answerBrowser(const ProviderError &error)
{
    if (!error.isError())
        m_redirect.respond(true, tr("Signed in to Roster"),
            tr("Profile \"%1\" is signed in. You can close this tab.").arg(profile().name));
    else
        m_redirect.respond(false, tr("Roster could not sign in"),
            tr("%1 You can close this tab.").arg(error.message));
}
