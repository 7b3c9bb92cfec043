#include "historyfind.h"

#include "snapshotstore.h"

#include <QtConcurrent/QtConcurrentMap>

namespace {
// One profile's search in its snapshot, on a connection of its own.
struct ProfileSearch
{
    int target = 0;
    qint64 profileRow = 0;
    std::optional<QList<QStringList>> found;
    QString error;
};

void search(const QString &storePath, const PersonMatch &match, ProfileSearch &s)
{
    SnapshotStore store(storePath);
    s.found = store.open() ? store.find(s.profileRow, match) : std::nullopt;
    if (!s.found)
        s.error = store.error();
}
} // namespace

HistoryAnswer findInHistory(
    const QString &storePath, const QStringList &profileNames, const PersonMatch &match)
{
    HistoryAnswer answer;
    answer.asOf = QList<QDateTime>(profileNames.size());
    SnapshotStore store(storePath);
    if (!store.open()) {
        answer.error = store.error();
        return answer;
    }
    const std::optional<QList<SnapshotStore::Snapshot>> all = store.snapshots(); // newest first
    if (!all) {
        answer.error = store.error();
        return answer;
    }
    QList<ProfileSearch> searches;
    for (int target = 0; target < profileNames.size(); ++target) {
        for (const SnapshotStore::Snapshot &s : *all) {
            const auto p = std::find_if(
                s.profiles.cbegin(), s.profiles.cend(), [&](const SnapshotStore::ProfileEntry &e) {
                    return e.complete && e.name == profileNames.at(target);
                });
            if (p != s.profiles.cend()) {
                answer.asOf[target] = s.takenAt;
                searches.append({target, p->rowId, std::nullopt, {}});
                break;
            }
        }
    }
    // The profiles side by side (each a scan of its accounts), on the global pool's threads.
    QtConcurrent::blockingMap(searches, [&](ProfileSearch &s) { search(storePath, match, s); });
    for (const ProfileSearch &s : std::as_const(searches)) {
        if (!s.found) {
            answer.error = s.error;
            answer.hits.clear();
            return answer;
        }
        for (const QStringList &values : *s.found) {
            PeopleFinder::Hit hit;
            hit.target = s.target;
            hit.user = SnapshotStore::user(values);
            hit.rule = match.match(hit.user);
            answer.hits << hit;
        }
    }
    return answer;
}
