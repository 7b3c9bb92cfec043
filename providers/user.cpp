#include "user.h"

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
};
} // namespace

QString Role::qualifiedName() const
{
    return serviceId.isEmpty() ? name : serviceId + QLatin1Char('/') + name;
}

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

QString User::joinNames(const QString &first, const QString &last)
{
    if (first.isEmpty())
        return last;
    if (last.isEmpty())
        return first;
    return first + QLatin1Char(' ') + last;
}

QString User::rolesText() const
{
    QString text;
    // Organization roles come first, then service roles, as the spec orders them.
    for (int pass = 0; pass < 2; ++pass) {
        for (const Role &role : roles) {
            if (role.isServiceRole() != (pass == 1))
                continue;
            if (!text.isEmpty())
                text += QLatin1Char(';');
            text += role.qualifiedName();
        }
    }
    return text;
}

QString User::value(Column column) const
{
    switch (column) {
    case Column::Id:
        return id;
    case Column::UserId:
        return userId;
    case Column::Email:
        return email;
    case Column::GivenName:
        return givenName;
    case Column::FamilyName:
        return familyName;
    case Column::DisplayName:
        return displayName;
    case Column::Phone:
        return phone;
    case Column::Status:
        return status;
    case Column::Roles:
        return rolesText();
    case Column::Username:
        return username;
    case Column::IdpId:
        return idpId;
    case Column::InvitedBy:
        return invitedBy();
    case Column::CreatedAt:
        return createdAt;
    case Column::UpdatedAt:
        return updatedAt;
    }
    return {};
}
