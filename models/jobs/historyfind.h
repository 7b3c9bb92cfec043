#pragma once

#include "peoplefinder.h"
#include "personmatch.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// A search answered from history alone (`roster find --from-history`, and the window's Find
// before its live answer): each profile's latest complete snapshot, its accounts narrowed down
// in SQL (SnapshotStore::find()). It opens a store of its own, so it may run on any thread.
struct HistoryAnswer
{
    // Per profile (as given): its snapshot's time (UTC), invalid when no complete one holds it.
    QList<QDateTime> asOf;
    // By profile, then account id; Hit::target is the profile's index.
    QList<PeopleFinder::Hit> hits;
    QString error; // the store could not be read: nothing was searched
};

HistoryAnswer findInHistory(
    const QString &storePath, const QStringList &profileNames, const PersonMatch &match);
