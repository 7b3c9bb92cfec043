#pragma once

#include "page.h"
#include "providererror.h"

#include <QObject>

// The asynchronous answer to one page request. Emits finished() once, unless aborted first.
class PageReply : public QObject
{
    Q_OBJECT
public:
    ~PageReply() override;

    QString token() const { return m_token; }
    bool isFinished() const { return m_finished; }
    bool hasError() const { return m_error.isError(); }
    const Page &page() const { return m_page; }
    Page takePage() { return std::move(m_page); }
    const ProviderError &error() const { return m_error; }

    // Asks for users as they are parsed, through usersArrived(), instead of all of them in page()
    // at the end. Only replies that stream (one-array bodies) ever emit it; call it right after
    // fetchPage(), before returning to the event loop.
    void setIncremental(bool on) { m_incremental = on; }
    bool isIncremental() const { return m_incremental; }
    // Whether each user keeps its record as received (User::rawRecord, for the table and the
    // detail pane; the default). An export, a review or a snapshot needs only the columns, and
    // paged bodies then skip serializing each record again. Call it right after fetchPage().
    void setKeepsRawRecords(bool on) { m_keepsRaw = on; }
    bool keepsRawRecords() const { return m_keepsRaw; }

    // Stops the request; no signal is emitted afterwards. Safe at any time.
    void abort();
    bool isAborted() const { return m_aborted; }

signals:
    // The next page's token, read cheaply before the page is parsed, so the next request can
    // travel meanwhile. Only a hint: the parsed page's nextToken is authoritative.
    void nextTokenHint(const QString &token);
    void finished();
    // Incremental replies: the next users, in order, as soon as they are parsed. The users
    // emitted this way are not repeated in page().
    void usersArrived(const QList<User> &users);
    void progress(qint64 received, qint64 total);
    void retrying(int nextAttempt, int delayMs);

protected:
    PageReply(const QString &token, QObject *parent);
    void finishWithPage(Page page);
    void finishWithError(ProviderError error);
    virtual void onAbort() { }

private:
    QString m_token;
    Page m_page;
    ProviderError m_error;
    bool m_finished = false;
    bool m_aborted = false;
    bool m_incremental = false;
    bool m_keepsRaw = true;
};
