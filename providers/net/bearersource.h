#pragma once

#include "providererror.h"

#include <QByteArray>

#include <functional>

class QObject;

// Where a client's bearer token comes from when it is not a fixed secret but one that ages
// (a signed-in profile's access token): every attempt sends the current one, asks for a fresh
// one shortly before it expires, and once more after a 401.
class BearerSource
{
public:
    using Done = std::function<void(const ProviderError &error)>;
    virtual ~BearerSource() = default;

    // The token to send now; empty when there is none yet.
    virtual QByteArray token() const = 0;
    // True when the token is missing or about to expire.
    virtual bool needsRefresh() const = 0;
    // Gets a fresh token and calls back once (never synchronously), unless `context` is gone.
    // `rejected` is the token a server refused: when the current one is already another, that
    // counts as fresh. Concurrent refreshes share one request.
    virtual void refresh(QObject *context, const QByteArray &rejected, Done done) = 0;
};
