#pragma once

#include "job.h"
#include "profile.h"
#include "provider.h"

#include <QList>

struct SessionProviders;

// A job over several profiles (find, access review): each profile's provider may come later
// (its credential being read) or never, and each profile has its own status, progress and
// error. requestProviders() gets every provider itself, in the window (from the open sessions)
// and on the command line alike.
class ProfilesJob : public Job
{
    Q_OBJECT
public:
    enum class Status {
        Waiting, // for its provider, or for its turn
        Running,
        Done,
        Failed, // profileError() says why
        Cancelled,
        Skipped, // failed, and left out as asked (the review's skipFailed)
    };
    Q_ENUM(Status)

    // The profiles, in order; returns the index the other calls take.
    int addProfile(const Profile &profile);
    // Profile `index`'s provider (shared: kept alive while the profile is read) ...
    virtual void setProvider(int index, SharedProvider provider) = 0;
    // ... or why there is none.
    virtual void fail(int index, const ProviderError &error) = 0;
    // Asks `providers` for every profile's provider and hands each over as it comes; callbacks
    // stop with the job.
    void requestProviders(const SessionProviders &providers);

    int profileCount() const { return int(m_entries.size()); }
    const Profile &profile(int index) const { return m_entries.at(index).profile; }
    Status status(int index) const { return m_entries.at(index).status; }
    const ProviderError &profileError(int index) const { return m_entries.at(index).error; }
    // Users read from the profile so far, and the total its provider announced (-1: never said).
    qint64 usersRead(int index) const { return m_entries.at(index).read; }
    qint64 total(int index) const { return m_entries.at(index).total; }
    // No profile is waiting or running.
    bool allProfilesEnded() const;

signals:
    void progress(int index);
    void profileFinished(int index);

protected:
    explicit ProfilesJob(QObject *parent = nullptr);

    struct Entry
    {
        Profile profile;
        SharedProvider provider;
        Status status = Status::Waiting;
        ProviderError error;
        qint64 read = 0;
        qint64 total = -1;
        bool providerFailed = false; // fail() said it never comes
    };
    Entry &entry(int index) { return m_entries[index]; }
    // Ends profile `index` with `status` (and its error), and says so.
    void endProfile(int index, Status status, const ProviderError &error = {});

private:
    QList<Entry> m_entries;
};
