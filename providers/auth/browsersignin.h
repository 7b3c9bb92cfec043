#pragma once

#include "loopbackredirect.h"
#include "signinflow.h"

// Signing in in the browser: the authorization code flow with PKCE (S256, RFC 7636) and a
// loopback redirect (RFC 8252), `state` checked.
class BrowserSignIn : public SignInFlow
{
    Q_OBJECT
public:
    BrowserSignIn(std::shared_ptr<OAuthSession> session, QObject *parent = nullptr);

    void start() override;
    // Whether start() opens the browser itself (default); the URL is announced either way.
    void setOpensBrowser(bool opens) { m_opensBrowser = opens; }
    // Opens a URL as xdg-open would: each command of $BROWSER (':'-separated, "%s" for the URL)
    // until one starts, else xdg-open. False when none could be started.
    static bool openBrowser(const QUrl &url);

signals:
    // Where the user signs in; `opened` says whether a browser was started for it.
    void authorizationUrl(const QUrl &url, bool opened);

private:
    void authorize(const OAuthEndpoints &endpoints);
    void onArrived(const QUrlQuery &query);
    void stop() override { m_redirect.close(); }
    void answerBrowser(const ProviderError &error);

    LoopbackRedirect m_redirect;
    OAuthEndpoints m_endpoints;
    QByteArray m_verifier;
    QByteArray m_state;
    bool m_opensBrowser = true;
};
