#include "peoplefinder.h"

#include "pagewalker.h"
#include "usertablemodel.h"

PeopleFinder::PeopleFinder(const PersonMatch &match, QObject *parent)
    : ProfilesJob(parent)
    , m_match(match)
{ }

PeopleFinder::~PeopleFinder()
{
    for (int i = 0; i < int(m_extra.size()); ++i)
        stopWalker(i);
}

void PeopleFinder::start()
{
    if (!begin())
        return;
    for (int i = 0; i < profileCount(); ++i) {
        Entry &e = entry(i);
        if (e.providerFailed)
            finishTarget(i, Status::Failed, e.error);
        else if (e.provider && e.status == Status::Waiting)
            setProvider(i, e.provider);
    }
    if (isRunning() && allProfilesEnded())
        end(); // nothing to search, or everything answered from loaded rows
}

PeopleFinder::Search &PeopleFinder::extra(int target)
{
    if (m_extra.size() < profileCount())
        m_extra.resize(profileCount());
    return m_extra[target];
}

void PeopleFinder::setProvider(int target, SharedProvider provider)
{
    Entry &e = entry(target);
    if (isFinished() || e.status != Status::Waiting || !provider)
        return;
    e.provider = std::move(provider);
    if (!isRunning())
        return; // start() goes on from here
    // Ask the server when it may be able to search; a server that turns out not to answers
    // with a Configuration error, and then every user is checked here instead.
    const bool ask = e.provider->search() != Provider::Search::None;
    walk(target, ask ? e.provider->searchQuery(m_match.serverText()) : QString());
}

void PeopleFinder::fail(int target, const ProviderError &error)
{
    Entry &e = entry(target);
    if (isFinished() || e.status != Status::Waiting)
        return;
    e.providerFailed = true;
    e.error = error;
    if (isRunning())
        finishTarget(target, Status::Failed, error);
}

void PeopleFinder::stopWalker(int target)
{
    if (PageWalker *w = std::exchange(extra(target).walker, nullptr)) {
        w->abort();
        w->disconnect(this);
        w->deleteLater();
    }
}

void PeopleFinder::walk(int target, const QString &query)
{
    stopWalker(target);
    Entry &e = entry(target);
    Search &s = extra(target);
    e.status = Status::Running;
    s.serverSearch = !query.isEmpty();
    e.read = 0;
    e.total = -1;
    s.walker = new PageWalker(e.provider, {m_maxParallel, true}, this);
    s.walker->setQuery(query);
    connect(s.walker, &PageWalker::usersReady, this,
        [this, target](const QList<User> &users) { onUsers(target, users); });
    connect(s.walker, &PageWalker::stateChanged, this, [this, target] { onState(target); });
    connect(s.walker, &PageWalker::retrying, this, &Job::retrying);
    connect(s.walker, &PageWalker::totalChanged, this, [this, target](qint64 total) {
        entry(target).total = total;
        emit progress(target);
    });
    s.walker->start();
    s.walker->runToEnd();
    emit progress(target);
}

// Reports the accounts among `users` that match, none twice; `remember`: the walk that follows
// will see them again.
void PeopleFinder::report(int target, const QList<User> &users, bool remember)
{
    Search &s = extra(target);
    QList<Hit> found;
    for (const User &u : users) {
        const PersonMatch::Rule rule = m_match.match(u);
        if (rule == PersonMatch::Rule::None || (!u.id.isEmpty() && s.reported.contains(u.id)))
            continue;
        found.append({target, u, rule});
        if (remember)
            s.reported.insert(u.id);
    }
    s.found += int(found.size());
    if (!found.isEmpty())
        emit hits(found);
}

void PeopleFinder::onUsers(int target, const QList<User> &users)
{
    entry(target).read += users.size();
    report(target, users, false);
    emit progress(target);
}

void PeopleFinder::onState(int target)
{
    PageWalker *w = extra(target).walker;
    if (!w)
        return;
    switch (w->state()) {
    case PageWalker::State::Complete:
        finishTarget(target, Status::Done);
        break;
    case PageWalker::State::Failed:
        if (extra(target).serverSearch && w->error().kind == ProviderError::Kind::Configuration) {
            walk(target, QString()); // the server cannot search after all: check everyone here
            return;
        }
        finishTarget(target, Status::Failed, w->error());
        break;
    default:
        break;
    }
}

void PeopleFinder::finishTarget(int target, Status status, const ProviderError &error)
{
    stopWalker(target);
    endProfile(target, status, error);
    if (isRunning() && allProfilesEnded())
        end();
}

bool PeopleFinder::searchLoaded(int target, const UserTableModel &model)
{
    if (isFinished() || entry(target).status != Status::Waiting || model.isSearching()
        || model.rowCount() == 0)
        return false;
    // The cheap columns first; the whole user is decoded only for a row that matches.
    QList<User> candidates;
    for (int row = 0; row < model.rowCount(); ++row) {
        User light;
        light.email = model.value(row, Column::Email);
        light.givenName = model.value(row, Column::GivenName);
        light.familyName = model.value(row, Column::FamilyName);
        light.displayName = model.value(row, Column::DisplayName);
        if (m_match.match(light) != PersonMatch::Rule::None)
            candidates.append(model.user(row));
    }
    if (model.state() != UserTableModel::State::Complete) {
        report(target, candidates, true); // part way: the walk that follows reads everyone
        return true;
    }
    entry(target).status = Status::Running;
    onUsers(target, candidates);
    entry(target).read = model.rowCount();
    entry(target).total = model.rowCount();
    finishTarget(target, Status::Done);
    return true;
}

void PeopleFinder::cancelTarget(int target)
{
    const Status s = status(target);
    if (s != Status::Waiting && s != Status::Running)
        return;
    finishTarget(target, Status::Cancelled);
}

void PeopleFinder::cancel()
{
    if (isFinished())
        return;
    for (int i = 0; i < profileCount(); ++i) {
        stopWalker(i);
        if (status(i) == Status::Waiting || status(i) == Status::Running)
            entry(i).status = Status::Cancelled;
    }
    end(cancelled(tr("The search was cancelled.")));
}
