#include "snapshotdiff.h"

#include "csvoutput.h"

#include <QMap>

#include <algorithm>

namespace {
// values(): account_id, person, then SnapshotStore::fields().
constexpr int kAccountId = 0;
constexpr int kPerson = 1;
constexpr int kFirstField = 2;
} // namespace

SnapshotDiff::SnapshotDiff(SnapshotStore &store, qint64 from, qint64 to, QStringList profiles)
    : m_store(store)
    , m_from(from)
    , m_to(to)
    , m_profiles(std::move(profiles))
{ }

QStringList SnapshotDiff::header()
{
    return {QStringLiteral("change"), QStringLiteral("person"), QStringLiteral("profile"),
        QStringLiteral("kind"), QStringLiteral("account_id"), QStringLiteral("field"),
        QStringLiteral("before"), QStringLiteral("after")};
}

QString SnapshotDiff::changeKey(Change change)
{
    switch (change) {
    case Change::Joined:
        return QStringLiteral("joined");
    case Change::Left:
        return QStringLiteral("left");
    case Change::Changed:
        break;
    }
    return QStringLiteral("changed");
}

QStringList SnapshotDiff::csvRow(const Row &row)
{
    return {changeKey(row.change), row.person, row.profile, row.kind, row.accountId, row.field,
        row.before, row.after};
}

bool SnapshotDiff::write(
    CsvOutput &output, const QList<Row> &rows, const std::function<bool(const Row &)> &keep)
{
    bool ok = output.open(header());
    for (qsizetype i = 0; ok && i < rows.size(); ++i) {
        if (!keep || keep(rows.at(i)))
            ok = output.writeRow(csvRow(rows.at(i)));
    }
    return ok && output.commit();
}

bool SnapshotDiff::run()
{
    m_rows.clear();
    m_counts.clear();
    m_leftOut.clear();
    const std::optional<SnapshotStore::Snapshot> from = m_store.snapshot(m_from);
    const std::optional<SnapshotStore::Snapshot> to = from ? m_store.snapshot(m_to) : std::nullopt;
    if (!to) {
        m_error = m_store.error();
        return false;
    }
    // Profiles by name, in name order: each with its entry in either snapshot.
    QMap<QString,
        std::pair<const SnapshotStore::ProfileEntry *, const SnapshotStore::ProfileEntry *>>
        byName;
    for (const SnapshotStore::ProfileEntry &p : from->profiles)
        byName[p.name].first = &p;
    for (const SnapshotStore::ProfileEntry &p : to->profiles)
        byName[p.name].second = &p;
    for (auto it = byName.cbegin(); it != byName.cend(); ++it) {
        if (!m_profiles.isEmpty() && !m_profiles.contains(it.key()))
            continue;
        const auto [before, after] = it.value();
        if (!before || !after) {
            m_leftOut << tr("%1 (only in snapshot %2)").arg(it.key()).arg(before ? m_from : m_to);
        } else if (!before->complete || !after->complete) {
            m_leftOut << tr("%1 (incomplete in snapshot %2)")
                             .arg(it.key())
                             .arg(!before->complete ? m_from : m_to);
        } else if (!compare(*before, *after)) {
            return false;
        }
    }
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row &a, const Row &b) {
        if (a.profile != b.profile)
            return a.profile < b.profile;
        if (a.change != b.change)
            return a.change < b.change;
        if (a.person != b.person)
            return a.person < b.person;
        return a.field < b.field;
    });
    return true;
}

// Both profiles' accounts by id, side by side, in one pass.
bool SnapshotDiff::compare(
    const SnapshotStore::ProfileEntry &before, const SnapshotStore::ProfileEntry &after)
{
    ProfileCounts counts;
    counts.profile = after.name;
    const std::unique_ptr<SnapshotStore::Accounts> old = m_store.accounts(before.rowId);
    const std::unique_ptr<SnapshotStore::Accounts> now = m_store.accounts(after.rowId);
    bool hasOld = old->next();
    bool hasNow = now->next();
    while (hasOld || hasNow) {
        // Ids compare by their bytes (unsigned, then length), as SQLite's BINARY collation orders
        // them, so the merge walks both sides in the same order.
        const int order = !hasOld ? 1
            : !hasNow             ? -1
                                  : old->text(kAccountId).compare(now->text(kAccountId));
        if (order < 0) {
            addAccount(Change::Left, after, *old, &counts);
            hasOld = old->next();
        } else if (order > 0) {
            addAccount(Change::Joined, after, *now, &counts);
            hasNow = now->next();
        } else {
            addChanges(after, *old, *now, &counts);
            hasOld = old->next();
            hasNow = now->next();
        }
    }
    const QString error = !old->error().isEmpty() ? old->error() : now->error();
    if (!error.isEmpty()) {
        m_error = tr("History store %1: cannot read it: %2").arg(m_store.path(), error);
        return false;
    }
    m_counts << counts;
    return true;
}

void SnapshotDiff::addAccount(Change change, const SnapshotStore::ProfileEntry &profile,
    const SnapshotStore::Accounts &account, ProfileCounts *counts)
{
    Row row;
    row.change = change;
    row.person = QString::fromUtf8(account.text(kPerson));
    row.profile = profile.name;
    row.kind = profile.kind;
    row.accountId = QString::fromUtf8(account.text(kAccountId));
    m_rows << row;
    ++(change == Change::Joined ? counts->joined : counts->left);
}

void SnapshotDiff::addChanges(const SnapshotStore::ProfileEntry &profile,
    const SnapshotStore::Accounts &before, const SnapshotStore::Accounts &after,
    ProfileCounts *counts)
{
    const QList<Column> &fields = SnapshotStore::fields();
    bool any = false;
    for (int i = 0; i < fields.size(); ++i) {
        // Compared as stored: most accounts are unchanged, and are never converted.
        const QByteArrayView was = before.text(kFirstField + i);
        const QByteArrayView is = after.text(kFirstField + i);
        if (was == is)
            continue;
        Row row;
        row.person = QString::fromUtf8(after.text(kPerson));
        row.profile = profile.name;
        row.kind = profile.kind;
        row.accountId = QString::fromUtf8(after.text(kAccountId));
        row.field = Columns::key(fields.at(i));
        row.before = QString::fromUtf8(was);
        row.after = QString::fromUtf8(is);
        m_rows << row;
        any = true;
    }
    counts->changed += any;
}
