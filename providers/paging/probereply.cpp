#include "probereply.h"

ProbeReply::ProbeReply(PageReply *inner, bool oneArray, QObject *parent)
    : PageReply(inner->token(), parent)
    , m_inner(inner)
{
    if (oneArray) {
        inner->setIncremental(true);
        connect(inner, &PageReply::usersArrived, this, &ProbeReply::onFirstUsers);
    }
    connect(inner, &PageReply::finished, this, &ProbeReply::onInnerFinished);
    connect(inner, &PageReply::retrying, this, &PageReply::retrying);
}

ProbeReply::~ProbeReply()
{
    onAbort();
}

void ProbeReply::onAbort()
{
    if (PageReply *inner = m_inner.data()) {
        m_inner = nullptr;
        inner->abort();
        inner->disconnect(this);
        inner->deleteLater();
    }
}

void ProbeReply::onFirstUsers(const QList<User> &users)
{
    if (users.isEmpty())
        return;
    onAbort(); // enough: the rest of the array is not downloaded
    Page page;
    page.users = users;
    page.nextToken = QStringLiteral("more"); // users remain unread
    finishWithPage(std::move(page));
}

void ProbeReply::onInnerFinished()
{
    PageReply *inner = m_inner.data();
    if (!inner)
        return;
    m_inner = nullptr;
    inner->deleteLater();
    if (inner->hasError())
        finishWithError(inner->error());
    else
        finishWithPage(inner->takePage());
}
