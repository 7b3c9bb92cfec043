#pragma once

#include "providererror.h"
#include "user.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSet>

class PageReply;
class Provider;

// Fetches the pages of an offset-paged organization (CSP) several at a time and hands their
// users out in order, for the table and the export alike. The stride comes from what the server
// actually returns, not from what was asked: a page shorter than asked leaves a gap that is
// fetched at once, a longer or overlapping one never gives a row twice, an empty page before the
// total is an error (never a hang), and a total that changes on the way is followed.
// The pager owns its replies (held through QPointer); a provider or reply deleted under it (its
// profile closed) fails the walk as Cancelled.
class OffsetPager : public QObject
{
    Q_OBJECT
public:
    // `query`: a server search (Provider::searchQuery), or empty for the whole organization.
    OffsetPager(
        Provider *provider, int maxParallel, const QString &query = {}, QObject *parent = nullptr);
    ~OffsetPager() override;

    // Starts at item `from` (0-based; rows before it are already had), `stride` items a page
    // (the size of a page the server returned), until `total`.
    void start(qint64 from, qint64 stride, qint64 total);
    void abort();
    // Whether users keep their raw records (PageReply::setKeepsRawRecords; default true).
    void setKeepsRawRecords(bool keep) { m_keepsRaw = keep; }

    bool isRunning() const { return m_running; }
    // The first item not yet handed out: where to resume after a failure.
    qint64 position() const { return m_next; }
    qint64 total() const { return m_total; }

signals:
    void usersReady(const QList<User> &users);
    void totalChanged(qint64 total);
    void retrying(int nextAttempt, int delayMs);
    void finished();
    void failed(const ProviderError &error);

private:
    void request(qint64 offset);
    void onPage(PageReply *reply, qint64 offset);
    void deliver();
    void fill();
    void fail(const ProviderError &error);
    void lost();

    QPointer<Provider> m_provider;
    int m_maxParallel;
    QString m_query;
    bool m_running = false;
    bool m_keepsRaw = true;
    qint64 m_next = 0; // first item not yet handed out
    qint64 m_requestAt = 0; // next offset to ask for
    qint64 m_stride = 1;
    qint64 m_total = 0;
    QMap<qint64, QPointer<PageReply>> m_inFlight; // by offset
    quint64 m_epoch = 0; // bumped by abort()
    QMap<qint64, QList<User>> m_done; // by offset, waiting for the items before them
};
