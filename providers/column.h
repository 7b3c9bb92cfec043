#pragma once

#include <QList>
#include <QString>

// The table's and the CSV's columns: spec/providers.md "Unified user columns".
// The unified column keys of spec/providers.md, in their documented order.
enum class Column {
    Id,
    UserId,
    Email,
    GivenName,
    FamilyName,
    DisplayName,
    Phone,
    Status,
    Roles,
    Username,
    IdpId,
    InvitedBy,
    CreatedAt,
    UpdatedAt,
    Groups, // SCIM groups (display names); empty for the other kinds
};

namespace Columns {
constexpr int count = 15;
QString key(Column column);
// Parses a column key; returns false when the key is unknown.
bool fromKey(const QString &key, Column *column);
QList<Column> all();
// The columns an export writes when none are chosen.
QList<Column> defaults();
// Parses "email,id,..."; on an unknown key fills *badKey and returns an empty list.
QList<Column> parseList(const QString &keys, QString *badKey);
} // namespace Columns
