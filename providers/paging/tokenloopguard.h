#pragma once

#include "page.h"
#include "providererror.h"

#include <QCoreApplication>
#include <QSet>

// Remembers the page tokens a walk through an organization has used, so a provider that hands
// back an old token stops the walk with an error instead of spinning forever.
class TokenLoopGuard
{
    Q_DECLARE_TR_FUNCTIONS(TokenLoopGuard)

public:
    void reset() { m_used.clear(); }
    void markUsed(const QString &token) { m_used.insert(token); }
    // An error when `page` leads to a token already used; otherwise none.
    ProviderError check(const Page &page) const;

private:
    QSet<QString> m_used;
};
