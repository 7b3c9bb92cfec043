#include "snapshotrows.h"

#include "personmatch.h"
#include "snapshotstore.h"
#include "sqlitestatement.h"
#include "user.h"

#include <array>
#include <charconv>

namespace {
// SnapshotStore::setText() of the items joined by ';', without joining and splitting them again
// when no item is empty or holds a ';'.
QString setOf(QStringList items)
{
    for (const QString &item : std::as_const(items)) {
        if (item.isEmpty() || item.contains(QLatin1Char(';')))
            return SnapshotStore::setText(items.join(QLatin1Char(';')));
    }
    items.sort();
    items.removeDuplicates();
    return items.join(QLatin1Char(';'));
}

QString storedValue(const User &u, Column c)
{
    switch (c) {
    case Column::Roles: {
        QStringList names;
        names.reserve(u.roles.size());
        for (const Role &role : u.roles)
            names << role.qualifiedName();
        return setOf(std::move(names));
    }
    case Column::Groups:
        return setOf(u.groups);
    default:
        return u.value(c);
    }
}
} // namespace

void StoredAccountBinder::bind(SqliteStatement &statement, int first, const User &u)
{
    std::array<QString, kValues> values;
    values[0] = u.id;
    values[1] = u.email.toLower();
    std::size_t i = 2;
    for (Column c : SnapshotStore::fields())
        values[i++] = storedValue(u, c);
    values[i] = PersonMatch::nameKey(u);
    Q_ASSERT(i + 1 == values.size());
    qsizetype need = 0;
    for (const QString &v : values)
        need += m_encoder.requiredSpace(v.size());
    if (m_utf8.size() < need)
        m_utf8.resize(need);
    char *out = m_utf8.data();
    for (std::size_t k = 0; k < values.size(); ++k) {
        char *start = out;
        out = m_encoder.appendToBuffer(out, values[k]);
        statement.bindUtf8(first + int(k), QByteArrayView(start, out - start));
    }
}

void appendCanonicalValue(QByteArray &row, QByteArrayView value)
{
    std::array<char, 24> digits {};
    const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), value.size()).ptr;
    row.append(digits.data(), end - digits.data()).append(':').append(value);
}
