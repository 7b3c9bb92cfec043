#include "peoplefinder.h"

#include "pagewalker.h"
#include "provider.h"

PeopleFinder::PeopleFinder(const PersonMatch &match, QObject *parent)
    : QObject(parent)
    , m_match(match)
{ }

PeopleFinder::~PeopleFinder()
{
    for (Target &t : m_targets) {
        if (t.walker)
            t.walker->abort();
    }
}

int PeopleFinder::addTarget(const QString &name)
{
    Target t;
    t.name = name;
    m_targets.append(t);
    return int(m_targets.size() - 1);
}

void PeopleFinder::setProvider(int target, SharedProvider provider)
{
    Target &t = m_targets[target];
    if (m_cancelled || t.status != Status::Waiting || !provider)
        return;
    t.provider = provider;
    // Ask the server when it may be able to search; a server that turns out not to answers
    // with a Configuration error, and then every user is checked here instead.
    const bool ask = provider->search() != Provider::Search::None;
    walk(target, ask ? provider->searchQuery(m_match.serverText()) : QString());
}

void PeopleFinder::walk(int target, const QString &query)
{
    Target &t = m_targets[target];
    if (t.walker) {
        t.walker->abort();
        t.walker->deleteLater();
    }
    t.status = Status::Searching;
    t.serverSearch = !query.isEmpty();
    t.scanned = 0;
    t.total = -1;
    t.walker = new PageWalker(t.provider, {m_maxParallel, true}, this);
    t.walker->setQuery(query);
    connect(t.walker, &PageWalker::usersReady, this,
        [this, target](const QList<User> &users) { onUsers(target, users); });
    connect(t.walker, &PageWalker::stateChanged, this, [this, target] { onState(target); });
    connect(t.walker, &PageWalker::totalChanged, this, [this, target](qint64 total) {
        m_targets[target].total = total;
        emit progress(target);
    });
    t.walker->start();
    t.walker->runToEnd();
    emit progress(target);
}

// Reports the accounts among `users` that match, none twice; `remember`: the walk that follows
// will see them again.
void PeopleFinder::report(int target, const QList<User> &users, bool remember)
{
    Target &t = m_targets[target];
    QList<Hit> found;
    for (const User &u : users) {
        const PersonMatch::Rule rule = m_match.match(u);
        if (rule == PersonMatch::Rule::None || (!u.id.isEmpty() && t.reported.contains(u.id)))
            continue;
        found.append({target, u, rule});
        if (remember)
            t.reported.insert(u.id);
    }
    t.found += int(found.size());
    if (!found.isEmpty())
        emit hits(found);
}

void PeopleFinder::onUsers(int target, const QList<User> &users)
{
    m_targets[target].scanned += users.size();
    report(target, users, false);
    emit progress(target);
}

void PeopleFinder::onState(int target)
{
    Target &t = m_targets[target];
    if (!t.walker)
        return;
    switch (t.walker->state()) {
    case PageWalker::State::Complete:
        finish(target, Status::Done);
        break;
    case PageWalker::State::Failed:
        if (t.serverSearch && t.walker->error().kind == ProviderError::Kind::Configuration) {
            walk(target, QString()); // the server cannot search after all: check everyone here
            return;
        }
        t.error = t.walker->error();
        finish(target, Status::Failed);
        break;
    default:
        break;
    }
}

void PeopleFinder::fail(int target, const ProviderError &error)
{
    if (m_cancelled || m_targets.at(target).status != Status::Waiting)
        return;
    m_targets[target].error = error;
    finish(target, Status::Failed);
}

void PeopleFinder::finish(int target, Status status)
{
    m_targets[target].status = status;
    emit targetFinished(target);
    if (isFinished())
        emit finished();
}

void PeopleFinder::searchLoaded(int target, const QList<User> &candidates, qint64 scanned)
{
    if (m_cancelled || m_targets.at(target).status != Status::Waiting)
        return;
    m_targets[target].status = Status::Searching;
    onUsers(target, candidates);
    m_targets[target].scanned = scanned;
    m_targets[target].total = scanned;
    finish(target, Status::Done);
}

void PeopleFinder::searchLoadedFirst(int target, const QList<User> &candidates)
{
    if (m_cancelled || m_targets.at(target).status != Status::Waiting)
        return;
    report(target, candidates, true);
}

void PeopleFinder::cancelTarget(int target)
{
    Target &t = m_targets[target];
    if (t.status != Status::Waiting && t.status != Status::Searching)
        return;
    if (t.walker)
        t.walker->abort();
    finish(target, Status::Cancelled);
}

void PeopleFinder::cancel()
{
    m_cancelled = true;
    for (Target &t : m_targets) {
        if (t.walker)
            t.walker->abort();
        if (t.status == Status::Waiting || t.status == Status::Searching)
            t.status = Status::Cancelled;
    }
}

bool PeopleFinder::isFinished() const
{
    return std::none_of(m_targets.begin(), m_targets.end(), [](const Target &t) {
        return t.status == Status::Waiting || t.status == Status::Searching;
    });
}
