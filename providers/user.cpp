#include "user.h"

QString Role::qualifiedName() const
{
    return serviceId.isEmpty() ? name : serviceId + QLatin1Char('/') + name;
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
    return Columns::info(column).value(*this);
}
