#pragma once

#include "pagereply.h"

#include <QPointer>

// Provider::probe()'s answer: the first page of a paged API, or, for an API that answers with
// the whole organization in one array, the first members as soon as they are parsed, after
// which the download is stopped. So "Test connection" is one small request whatever the size of
// the organization. The page's nextToken is a marker ("more") when users remain unread.
class ProbeReply : public PageReply
{
    Q_OBJECT
public:
    // Takes over `inner` (the first page's reply); `oneArray`: stop at the first members.
    ProbeReply(PageReply *inner, bool oneArray, QObject *parent);
    ~ProbeReply() override;

protected:
    void onAbort() override;

private:
    void onFirstUsers(const QList<User> &users);
    void onInnerFinished();

    QPointer<PageReply> m_inner;
};
