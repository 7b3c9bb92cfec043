#pragma once

#include "user.h"

// One page of users; nextToken is empty on the last page, total is -1 when unknown.
struct Page
{
    QList<User> users;
    QString nextToken;
    qint64 total = -1;

    bool hasMore() const { return !nextToken.isEmpty(); }
};
