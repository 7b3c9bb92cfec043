#include "tokenloopguard.h"

#include <QCoreApplication>

ProviderError TokenLoopGuard::check(const Page &page) const
{
    if (page.hasMore() && m_used.contains(page.nextToken)) {
        return ProviderError::make(ProviderError::Kind::Loop,
            TokenLoopGuard::tr(
                "The provider returned a page token that was already used; stopped to avoid an "
                "endless loop."));
    }
    return {};
}
