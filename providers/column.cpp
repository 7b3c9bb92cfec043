#include "column.h"

#include <QStringList>

#include <array>

namespace {
constexpr std::array<const char *, Columns::count> kKeys = {
    "id",
    "user_id",
    "email",
    "given_name",
    "family_name",
    "display_name",
    "phone",
    "status",
    "roles",
    "username",
    "idp_id",
    "invited_by",
    "created_at",
    "updated_at",
    "groups",
};
} // namespace

QString Columns::key(Column column)
{
    return QString::fromLatin1(kKeys.at(static_cast<size_t>(column)));
}

bool Columns::fromKey(const QString &key, Column *column)
{
    for (size_t i = 0; i < kKeys.size(); ++i) {
        if (key == QLatin1String(kKeys[i])) {
            *column = static_cast<Column>(i);
            return true;
        }
    }
    return false;
}

QList<Column> Columns::all()
{
    QList<Column> columns;
    for (int i = 0; i < count; ++i)
        columns.append(static_cast<Column>(i));
    return columns;
}

QList<Column> Columns::defaults()
{
    return {Column::Id, Column::UserId, Column::Email, Column::GivenName, Column::FamilyName,
        Column::DisplayName, Column::Phone, Column::Status, Column::Roles};
}

QList<Column> Columns::parseList(const QString &keys, QString *badKey)
{
    QList<Column> columns;
    const QStringList parts = keys.split(QLatin1Char(','));
    for (const QString &part : parts) {
        Column column;
        if (!fromKey(part.trimmed(), &column)) {
            if (badKey)
                *badKey = part.trimmed();
            return {};
        }
        columns.append(column);
    }
    return columns;
}
