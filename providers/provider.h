#pragma once

#include "pagereply.h"
#include "profile.h"

#include <QObject>

#include <memory>

class HttpClient;
class QNetworkAccessManager;

struct ProviderCapabilities
{
    enum class Paging {
        Cursor, // opaque next cursor (Karmo)
        Offset, // item offsets with a total, so pages can be fetched in parallel (CSP)
        Single, // the whole organization in one response (LlamaCloud, Char)
    };
    Paging paging = Paging::Cursor;
    int maxPageSize = 100;
    int pageSize = 100;
};

// Knows one vendor's wire format; nothing about widgets.
class Provider : public QObject
{
    Q_OBJECT
public:
    ~Provider() override;

    virtual QString kind() const = 0;
    virtual ProviderCapabilities capabilities() const = 0;
    // Starts fetching the page behind `token` (empty: the first page). The reply is parented
    // to the provider; the caller deletes it (deleteLater) once it has read the result.
    virtual PageReply *fetchPage(const QString &token) = 0;
    // One small request that shows the profile works ("Test connection"): the first page, or for
    // a one-array API the first members, after which the download stops. Owned like fetchPage's.
    PageReply *probe();
    // For Offset paging: the token of the page that starts at a 0-based item offset, of the users
    // matching `query` (see searchQuery()) or of everyone when it is empty.
    virtual QString tokenForOffset(qint64 offset, const QString &query = {}) const;
    // The first page's token: empty for the whole organization.
    virtual QString firstToken(const QString &query) const;

    // Search on the server (SCIM filter). Kinds that cannot say Search::None; a kind that learns
    // it from its server says Unknown until then, and emits searchChanged() when it knows.
    enum class Search { None, Unknown, Server };
    virtual Search search() const { return Search::None; }
    // The server query for what someone typed (a word, or the kind's own expression syntax);
    // empty when the text asks for nothing. Hand it to PageWalker::setQuery().
    virtual QString searchQuery(const QString &text) const;

signals:
    void searchChanged();

public:
    const Profile &profile() const { return m_profile; }
    HttpClient *http() const { return m_http; }

protected:
    Provider(const Profile &profile, QNetworkAccessManager *nam, QObject *parent);
    // The base URL with `path` appended to its path prefix.
    QUrl endpoint(const QString &path) const;

private:
    Profile m_profile;
    HttpClient *m_http;
};

// A provider shared by whoever reads through it (a session, a find, a review): it lives while
// any of them holds it, so none can lose it under a page in flight. Made by
// ProviderFactory::createShared; released with deleteLater, never inside one of its own signals.
using SharedProvider = std::shared_ptr<Provider>;
