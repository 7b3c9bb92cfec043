#include "historyfind.h"

#include "snapshotstore.h"

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
    for (int target = 0; target < profileNames.size(); ++target) {
        const SnapshotStore::ProfileEntry *entry = nullptr;
        for (const SnapshotStore::Snapshot &s : *all) {
            for (const SnapshotStore::ProfileEntry &p : s.profiles) {
                if (!entry && p.complete && p.name == profileNames.at(target)) {
                    entry = &p;
                    answer.asOf[target] = s.takenAt;
                }
            }
        }
        if (!entry)
            continue;
        const std::optional<QList<QStringList>> found = store.find(entry->rowId, match);
        if (!found) {
            answer.error = store.error();
            answer.hits.clear();
            return answer;
        }
        for (const QStringList &values : *found) {
            PeopleFinder::Hit hit;
            hit.target = target;
            hit.user = SnapshotStore::user(values);
            hit.rule = match.match(hit.user);
            answer.hits << hit;
        }
    }
    return answer;
}
