#include "column.h"

#include "user.h"

#include <QCoreApplication>
#include <QStringList>

#include <array>

namespace {

QStringList splitList(const QString &value)
{
    return value.isEmpty() ? QStringList() : value.split(QLatin1Char(';'));
}

// Columns restored from their text alone keep what a table row holds; roles need the record.
constexpr std::array<Columns::Info, Columns::count> kColumns = {{
    {"id", QT_TRANSLATE_NOOP("UserTableModel", "ID"), [](const User &u) { return u.id; },
        [](User &u, const QString &v) { u.id = v; }, 0},
    {"user_id", QT_TRANSLATE_NOOP("UserTableModel", "User ID"),
        [](const User &u) { return u.userId; }, [](User &u, const QString &v) { u.userId = v; }, 0},
    {"email", QT_TRANSLATE_NOOP("UserTableModel", "Email"), [](const User &u) { return u.email; },
        [](User &u, const QString &v) { u.email = v; }, 0},
    {"given_name", QT_TRANSLATE_NOOP("UserTableModel", "Given name"),
        [](const User &u) { return u.givenName; },
        [](User &u, const QString &v) { u.givenName = v; }, 0},
    {"family_name", QT_TRANSLATE_NOOP("UserTableModel", "Family name"),
        [](const User &u) { return u.familyName; },
        [](User &u, const QString &v) { u.familyName = v; }, 0},
    {"display_name", QT_TRANSLATE_NOOP("UserTableModel", "Display name"),
        [](const User &u) { return u.displayName; },
        [](User &u, const QString &v) { u.displayName = v; }, 0},
    {"phone", QT_TRANSLATE_NOOP("UserTableModel", "Phone"), [](const User &u) { return u.phone; },
        [](User &u, const QString &v) { u.phone = v; }, 0},
    {"status", QT_TRANSLATE_NOOP("UserTableModel", "Status"),
        [](const User &u) { return u.status; }, [](User &u, const QString &v) { u.status = v; }, 0},
    {"roles", QT_TRANSLATE_NOOP("UserTableModel", "Roles"),
        [](const User &u) { return u.rolesText(); }, [](User &, const QString &) {}, 0},
    {"username", QT_TRANSLATE_NOOP("UserTableModel", "Username"),
        [](const User &u) { return u.username; }, [](User &u, const QString &v) { u.username = v; },
        0},
    {"idp_id", QT_TRANSLATE_NOOP("UserTableModel", "IdP ID"), [](const User &u) { return u.idpId; },
        [](User &u, const QString &v) { u.idpId = v; }, 0},
    {"invited_by", QT_TRANSLATE_NOOP("UserTableModel", "Invited by"),
        [](const User &u) { return u.invitedBy(); },
        [](User &u, const QString &v) { u.invitedByEmail = v; }, 0},
    {"created_at", QT_TRANSLATE_NOOP("UserTableModel", "Created"),
        [](const User &u) { return u.createdAt; },
        [](User &u, const QString &v) { u.createdAt = v; }, 0},
    {"updated_at", QT_TRANSLATE_NOOP("UserTableModel", "Updated"),
        [](const User &u) { return u.updatedAt; },
        [](User &u, const QString &v) { u.updatedAt = v; }, 0},
    {"groups", QT_TRANSLATE_NOOP("UserTableModel", "Groups"),
        [](const User &u) { return u.groups.join(QLatin1Char(';')); },
        [](User &u, const QString &v) { u.groups = splitList(v); }, 14},
}};

} // namespace

const Columns::Info &Columns::info(Column column)
{
    return kColumns.at(static_cast<size_t>(column));
}

QString Columns::key(Column column)
{
    return QString::fromLatin1(info(column).key);
}

QString Columns::title(Column column)
{
    return QCoreApplication::translate("UserTableModel", info(column).title);
}

bool Columns::fromKey(const QString &key, Column *column)
{
    for (size_t i = 0; i < kColumns.size(); ++i) {
        if (key == QLatin1String(kColumns[i].key)) {
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
