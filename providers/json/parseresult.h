#pragma once

#include "page.h"
#include "providererror.h"

// What a pure parser makes of one response: a page, or an error.
struct ParseResult
{
    Page page;
    ProviderError error;

    bool ok() const { return !error.isError(); }
    static ParseResult fail(ProviderError e)
    {
        ParseResult r;
        r.error = std::move(e);
        return r;
    }
};
