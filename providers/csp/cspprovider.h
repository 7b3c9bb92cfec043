#pragma once

#include "../provider.h"

#include <QDateTime>
#include <QPointer>

#include <functional>

class HttpCall;
struct HttpRequest;

struct ProviderKind;
namespace Csp {
const ProviderKind &kind(); // cspkind.cpp: everything Roster knows about this kind
}

// Lists an organization's users from VMware CSP, offset-paged with a total.
// An API token is exchanged for access tokens, which are cached until shortly before expiry.
class CspProvider : public Provider
{
    Q_OBJECT
public:
    CspProvider(const Profile &profile, const QString &secret, QNetworkAccessManager *nam,
        QObject *parent = nullptr);

    QString kind() const override;
    ProviderCapabilities capabilities() const override;
    PageReply *fetchPage(const QString &token) override;
    QString tokenForOffset(qint64 offset, const QString &query = {}) const override;

    using TokenCallback
        = std::function<void(const QString &accessToken, const ProviderError &error)>;
    // Hands out a valid access token, exchanging the API token when needed (one exchange at a
    // time, shared by all waiters). With `stale` set, a token equal to it is not reused.
    void withAccessToken(QObject *context, TokenCallback callback, const QString &stale = {});
    bool exchangesTokens() const { return m_exchange; }
    // How many token exchanges have been made (for tests and diagnostics).
    int exchangeCount() const { return m_exchangeCount; }
    void applyAuth(HttpRequest *request, const QString &accessToken) const;

private:
    void startExchange();

    QString m_secret;
    bool m_exchange;
    bool m_bearer;
    int m_pageSize;
    QString m_accessToken;
    QDateTime m_refreshAt;
    HttpCall *m_exchangeCall = nullptr;
    int m_exchangeCount = 0;
    QList<QPair<QPointer<QObject>, TokenCallback>> m_waiters;
};
