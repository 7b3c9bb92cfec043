#pragma once

#include "personmatch.h"
#include "provider.h"
#include "providererror.h"
#include "user.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

class PageWalker;

// Looks for one person in several profiles at once (`roster find`, Edit › Find in all profiles).
// Each profile is searched by its own paging engine, all at the same time: a provider whose
// server can search (SCIM) is asked for the person, and the answer is checked with the same
// rules; the others are walked to the end, every user checked as it arrives. A profile that
// fails stops only itself. cancel() stops everything; nothing is emitted afterwards.
class PeopleFinder : public QObject
{
    Q_OBJECT
public:
    enum class Status { Waiting, Searching, Done, Failed, Cancelled };
    Q_ENUM(Status)

    struct Hit
    {
        int target = -1; // the profile's index
        User user;
        PersonMatch::Rule rule = PersonMatch::Rule::None;
    };

    explicit PeopleFinder(const PersonMatch &match, QObject *parent = nullptr);
    ~PeopleFinder() override;

    // A profile to search; its provider (shared: kept alive while the profile is searched) may
    // come later (a credential being read): setProvider() then, or fail() when it never will.
    int addTarget(const QString &name);
    void setProvider(int target, SharedProvider provider);
    void fail(int target, const ProviderError &error);
    // A profile whose users are all loaded already (the window's table): `candidates` (the
    // caller may have picked them from `scanned` rows with the same rules) are checked at once,
    // with no request.
    void searchLoaded(int target, const QList<User> &candidates, qint64 scanned);
    // Some of a profile's users are loaded already (the window's table, part way): they are
    // checked at once, for early answers, and the walk that follows (setProvider()) reports no
    // account twice. The walk still reads everyone: the organization may have changed since.
    void searchLoadedFirst(int target, const QList<User> &candidates);
    void cancel();
    // Pages fetched at once per offset-paged profile (default 8: a search wants answers soon).
    void setMaxParallelPages(int n) { m_maxParallel = std::max(1, n); }
    // Stops one profile's search; the others go on.
    void cancelTarget(int target);

    const PersonMatch &match() const { return m_match; }
    int targetCount() const { return int(m_targets.size()); }
    QString name(int target) const { return m_targets.at(target).name; }
    Status status(int target) const { return m_targets.at(target).status; }
    const ProviderError &error(int target) const { return m_targets.at(target).error; }
    qint64 scanned(int target) const { return m_targets.at(target).scanned; }
    qint64 total(int target) const { return m_targets.at(target).total; }
    int found(int target) const { return m_targets.at(target).found; }
    // Whether the provider's server searched (rather than every user being checked here).
    bool searchedOnServer(int target) const { return m_targets.at(target).serverSearch; }
    bool isFinished() const;

signals:
    void hits(const QList<PeopleFinder::Hit> &hits);
    void progress(int target);
    void targetFinished(int target);
    void finished();

private:
    struct Target
    {
        QString name;
        SharedProvider provider;
        PageWalker *walker = nullptr;
        Status status = Status::Waiting;
        ProviderError error;
        qint64 scanned = 0;
        qint64 total = -1;
        int found = 0;
        bool serverSearch = false;
        QSet<QString> reported; // ids of the accounts already reported (searchLoadedFirst)
    };

    void walk(int target, const QString &query);
    void report(int target, const QList<User> &users, bool remember);
    void onUsers(int target, const QList<User> &users);
    void onState(int target);
    void finish(int target, Status status);

    PersonMatch m_match;
    QList<Target> m_targets;
    bool m_cancelled = false;
    int m_maxParallel = 8;
};
