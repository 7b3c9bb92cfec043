#pragma once

#include "user.h"

#include <QByteArray>

// A user as the table keeps it: every column's text and the raw record packed into one UTF-8
// block (each field prefixed with its varint length). About a third of a User's footprint, so a
// million loaded users fit in a few hundred megabytes; the full User (roles and all) is decoded
// from the raw record when one is needed.
class CompactUser
{
public:
    CompactUser() = default;
    explicit CompactUser(const User &user);

    QString value(Column column) const;
    QByteArray rawRecord() const;
    // Every column's text joined with '\n', for a fast case-insensitive search.
    QString searchText() const;
    qsizetype byteSize() const { return m_data.size(); }

private:
    // Finds field `index` (0..Columns::count, the last being the raw record).
    bool field(int index, const char **begin, qsizetype *size) const;
    QByteArray m_data;
};
