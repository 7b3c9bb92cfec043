#pragma once

#include "../provider.h"
#include "scimparser.h"

#include <QPointer>

#include <functional>

class HttpCall;

struct ProviderKind;
namespace Scim {
const ProviderKind &kind(); // scimkind.cpp: everything Roster knows about this kind
}

// Lists the Users of any SCIM 2.0 service provider (RFC 7644), offset-paged by 1-based
// startIndex with totalResults, so pages travel in parallel. GET /ServiceProviderConfig is read
// once, before the first page, to learn the largest page and whether the server filters: when it
// does, search() is Server and the table and the export can ask only for matching users.
class ScimProvider : public Provider
{
    Q_OBJECT
public:
    ScimProvider(const Profile &profile, const QString &secret, QNetworkAccessManager *nam,
        QObject *parent = nullptr);

    QString kind() const override;
    ProviderCapabilities capabilities() const override;
    PageReply *fetchPage(const QString &token) override;
    QString tokenForOffset(qint64 offset, const QString &query = {}) const override;
    Search search() const override;
    QString searchQuery(const QString &text) const override;

    // Runs `callback` (unless `context` is gone) once ServiceProviderConfig has been read or
    // found unreadable; it is requested once, shared by every waiter.
    void withConfig(QObject *context, std::function<void()> callback);
    bool configRead() const { return m_configRead; }
    const ScimParser::ServiceConfig &config() const { return m_config; }
    // What each page request asks for: the profile's page size within the server's maxResults
    // (100 when the server does not say).
    int count() const;
    // The base URL with `path` appended.
    QUrl url(const QString &path) const { return endpoint(path); }
    // How many times ServiceProviderConfig was requested (for tests and diagnostics).
    int configRequests() const { return m_configRequests; }

    // A page token: the 1-based startIndex, and the filter when there is one.
    static QString makeToken(qint64 startIndex, const QString &filter);
    static void readToken(const QString &token, qint64 *startIndex, QString *filter);

private:
    void readConfig();

    QByteArray m_authorization;
    ScimParser::ServiceConfig m_config;
    bool m_configRead = false;
    HttpCall *m_configCall = nullptr;
    int m_configRequests = 0;
    QList<QPair<QPointer<QObject>, std::function<void()>>> m_waiters;
};
