#include "pagereply.h"

PageReply::PageReply(const QString &token, QObject *parent)
    : QObject(parent)
    , m_token(token)
{ }

PageReply::~PageReply() = default;

void PageReply::abort()
{
    if (m_aborted)
        return;
    m_aborted = true;
    onAbort();
}

void PageReply::finishWithPage(Page page)
{
    if (m_aborted || m_finished)
        return;
    m_page = std::move(page);
    m_finished = true;
    emit finished();
}

void PageReply::finishWithError(ProviderError error)
{
    if (m_aborted || m_finished)
        return;
    m_error = std::move(error);
    m_finished = true;
    emit finished();
}
