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
    // A new column: an enumerator above this line and its row in column.cpp's table. The CSV,
    // the table (titles included), CompactUser and the saved column layouts all read that table.
    Count_
};

struct User;

namespace Columns {
constexpr int count = int(Column::Count_);
// One row of the column table.
struct Info
{
    const char *key; // spec/providers.md's unified key
    const char *title; // the table's header, translated in the "UserTableModel" context
    QString (*value)(const User &user); // the cell's text, as the CSV writes it
    void (*restore)(User &user, const QString &value); // back from the text (the table's copy)
    int since; // how many columns Roster had when this one was added (0.1 had 14)
};
const Info &info(Column column);
QString key(Column column);
// The translated title.
QString title(Column column);
// Parses a column key; returns false when the key is unknown.
bool fromKey(const QString &key, Column *column);
QList<Column> all();
// The columns an export writes when none are chosen.
QList<Column> defaults();
// Parses "email,id,..."; on an unknown key fills *badKey and returns an empty list.
QList<Column> parseList(const QString &keys, QString *badKey);
} // namespace Columns
