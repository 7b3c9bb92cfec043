#pragma once

#include "personmatch.h"
#include "profilesjob.h"
#include "user.h"

#include <QList>
#include <QSet>

class PageWalker;
class UserTableModel;

// Looks for one person in several profiles at once (`roster find`, Edit › Find in all profiles).
// Each profile is searched by its own paging engine, all at the same time: a provider whose
// server can search (SCIM) is asked for the person, and the answer is checked with the same
// rules; the others are walked to the end, every user checked as it arrives. A profile that
// fails stops only itself. Rows the window has loaded already answer at once (searchLoaded()).
// The job finishes when every profile has ended; it fails only when cancelled.
class PeopleFinder : public ProfilesJob
{
    Q_OBJECT
public:
    struct Hit
    {
        int target = -1; // the profile's index
        User user;
        PersonMatch::Rule rule = PersonMatch::Rule::None;
    };

    explicit PeopleFinder(const PersonMatch &match, QObject *parent = nullptr);
    ~PeopleFinder() override;

    // Starts every profile whose provider is there; the others start when it comes.
    void start() override;
    void setProvider(int target, SharedProvider provider) override;
    void fail(int target, const ProviderError &error) override;
    // Profile `target`'s rows loaded in the window already: checked at once, with no request.
    // Loaded completely, that is the whole answer for the profile; part way, the walk that
    // follows (setProvider()) still reads everyone, for the organization may have changed
    // since, and reports no account twice. Returns false when the model had nothing to offer.
    bool searchLoaded(int target, const UserTableModel &model);
    void cancel() override;
    // Stops one profile's search; the others go on.
    void cancelTarget(int target);
    // Pages fetched at once per offset-paged profile (default 8: a search wants answers soon).
    void setMaxParallelPages(int n) { m_maxParallel = std::max(1, n); }

    const PersonMatch &match() const { return m_match; }
    int found(int target) const { return target < m_extra.size() ? m_extra[target].found : 0; }
    // Whether the provider's server searched (rather than every user being checked here).
    bool searchedOnServer(int target) const
    {
        return target < m_extra.size() && m_extra[target].serverSearch;
    }

signals:
    void hits(const QList<PeopleFinder::Hit> &hits);

private:
    struct Search
    {
        PageWalker *walker = nullptr;
        int found = 0;
        bool serverSearch = false;
        QSet<QString> reported; // ids of the accounts already reported (loaded rows)
    };

    Search &extra(int target);
    void walk(int target, const QString &query);
    void report(int target, const QList<User> &users, bool remember);
    void onUsers(int target, const QList<User> &users);
    void onState(int target);
    void finishTarget(int target, Status status, const ProviderError &error = {});
    void stopWalker(int target);

    PersonMatch m_match;
    QList<Search> m_extra; // per profile, beside ProfilesJob's entries
    int m_maxParallel = 8;
};
