#include "accessreview.h"

#include "pagewalker.h"
#include "providerkind.h"
#include "snapshotstore.h"
#include "snapshotwriter.h"
#include "viewtext.h"

AccessReview::AccessReview(Options options, QObject *parent)
    : ProfilesJob(parent)
    , m_options(std::move(options))
    , m_output(m_options.columns, m_options.csv)
{ }

AccessReview::~AccessReview()
{
    if (m_walker)
        m_walker->abort();
}

QStringList AccessReview::header(const QList<Column> &columns)
{
    QStringList keys {QStringLiteral("person"), QStringLiteral("profile"), QStringLiteral("kind")};
    for (Column c : columns)
        keys << Columns::key(c);
    return keys;
}

bool AccessReview::isDormantWithRoles(const User &user, const QString &kind)
{
    if (user.roles.isEmpty() && user.value(Column::Roles).isEmpty())
        return false;
    if (user.pending)
        return true;
    static const ProviderKind common {};
    const ProviderKind *k = ProviderKinds::find(kind);
    const QStringList &dormant = (k ? k : &common)->dormantStatuses;
    return !user.status.isEmpty() && dormant.contains(user.status, Qt::CaseInsensitive);
}

void AccessReview::setProvider(int index, SharedProvider provider)
{
    entry(index).provider = std::move(provider);
    if (isRunning() && index == m_current && !m_walker)
        next();
}

void AccessReview::fail(int index, const ProviderError &error)
{
    Entry &e = entry(index);
    e.providerFailed = true;
    e.error = error;
    if (isRunning() && index == m_current && !m_walker)
        next();
}

void AccessReview::start()
{
    if (!begin())
        return;
    if (m_options.writeCsv && !m_output.open(header(m_options.columns))) {
        done(m_output.error());
        return;
    }
    m_snapshot = 0;
    if (m_store) {
        // Its own connection on its own thread: storing a page overlaps reading the next.
        m_writer = std::make_unique<SnapshotWriter>(m_store->path());
        m_snapshot = m_writer->createSnapshot(
            QDateTime::currentDateTimeUtc(), QCoreApplication::applicationVersion());
        if (!m_snapshot) {
            done(ProviderError::make(ProviderError::Kind::LocalFile, m_writer->error()));
            return;
        }
    }
    m_current = -1;
    next();
}

// Moves on to the next profile that is not finished, when its provider is there.
void AccessReview::next()
{
    while (isRunning()) {
        if (m_current < 0 || status(m_current) != Status::Waiting)
            ++m_current;
        if (m_current >= profileCount()) {
            done({});
            return;
        }
        Entry &e = entry(m_current);
        if (m_writer && !m_profileBegun) {
            m_writer->beginProfile(m_snapshot, m_current, e.profile);
            m_profileBegun = true;
        }
        if (e.providerFailed) {
            profileFailed(m_current, e.error);
            continue;
        }
        if (!e.provider)
            return; // its credential is still being read: setProvider() resumes
        e.status = Status::Running;
        m_walker = new PageWalker(e.provider, {m_options.maxParallelPages, true, false}, this);
        connect(m_walker, &PageWalker::usersReady, this, &AccessReview::onUsers);
        connect(m_walker, &PageWalker::stateChanged, this, &AccessReview::onState);
        connect(m_walker, &PageWalker::retrying, this, &Job::retrying);
        connect(m_walker, &PageWalker::totalChanged, this, [this](qint64 total) {
            entry(m_current).total = total;
            emit progress(m_current);
        });
        emit progress(m_current);
        m_walker->start();
        m_walker->runToEnd();
        return;
    }
}

void AccessReview::count(const User &user, int index)
{
    ++m_summary.accounts;
    if (user.email.isEmpty()) {
        ++m_summary.withoutEmail;
    } else {
        const QString person = user.email.toLower();
        const quint64 key = quint64(qHash(person, 0x51ed270b27ULL));
        auto it = m_people.find(key);
        if (it == m_people.end()) {
            m_people.insert(key, (1u << 16) | quint32(index));
        } else if ((*it & 0xffff) != quint32(index)) {
            *it = ((*it >> 16) + 1) << 16 | quint32(index);
        }
    }
    if (isDormantWithRoles(user, profile(index).kind))
        ++m_summary.dormantWithRoles;
}

void AccessReview::onUsers(const QList<User> &users)
{
    Entry &e = entry(m_current);
    for (const User &u : users) {
        if (m_options.writeCsv) {
            QStringList row {u.email.toLower(), e.profile.name, e.profile.kind};
            for (Column c : m_options.columns)
                row << u.value(c);
            if (!m_output.writeRow(row))
                break;
        }
        count(u, m_current);
    }
    e.read += users.size();
    if (m_options.writeCsv && !m_output.flush()) {
        done(m_output.error());
        return;
    }
    if (m_writer) {
        m_writer->addAccounts(users);
        if (m_writer->failed()) {
            done(ProviderError::make(ProviderError::Kind::LocalFile, m_writer->error()));
            return;
        }
    }
    emit progress(m_current);
}

void AccessReview::onState()
{
    if (!m_walker)
        return;
    const PageWalker::State state = m_walker->state();
    if (state != PageWalker::State::Complete && state != PageWalker::State::Failed)
        return;
    const ProviderError error = m_walker->error();
    m_walker->deleteLater();
    m_walker = nullptr;
    if (state == PageWalker::State::Failed) {
        profileFailed(m_current, error);
    } else {
        if (!storeProfileEnd(m_current, true, {}))
            return;
        endProfile(m_current, Status::Done);
    }
    next();
}

// The profile's end in the store: complete, or incomplete saying why. False (the review failed)
// when the store cannot be written.
bool AccessReview::storeProfileEnd(int index, bool complete, const QString &error)
{
    if (!m_writer)
        return true;
    m_profileBegun = false;
    m_writer->finishProfile(total(index), complete, error);
    if (!m_writer->failed())
        return true;
    done(ProviderError::make(ProviderError::Kind::LocalFile, m_writer->error()));
    return false;
}

void AccessReview::profileFailed(int index, const ProviderError &error)
{
    if (!m_options.skipFailed) {
        endProfile(index, Status::Failed, error);
        done(error);
        return;
    }
    // Its rows may be in the file already: they stay, and the summary says it is incomplete.
    if (!storeProfileEnd(index, false, error.summary()))
        return;
    const Entry &e = entry(index);
    m_summary.leftOut << (e.read > 0 ? tr("%1 (failed after %L2 rows, which are in the file)")
                                           .arg(e.profile.name)
                                           .arg(e.read)
                                     : e.profile.name);
    endProfile(index, Status::Skipped, error);
}

void AccessReview::cancel()
{
    if (isRunning())
        done(cancelled(tr("The review was cancelled.")));
}

void AccessReview::done(ProviderError error)
{
    if (!isRunning())
        return;
    if (m_walker) {
        m_walker->abort();
        m_walker->deleteLater();
        m_walker = nullptr;
    }
    // The snapshot is all in the store before the file is renamed into place.
    if (!error.isError() && m_writer && !m_writer->flush())
        error = ProviderError::make(ProviderError::Kind::LocalFile, m_writer->error());
    if (!error.isError() && m_options.writeCsv && !m_output.commit())
        error = m_output.error();
    if (error.isError()) {
        m_output.cancel(); // an existing file stays as it was
        if (m_writer && m_snapshot)
            m_writer->remove(std::exchange(m_snapshot, 0)); // a failed read is no snapshot
    }
    m_writer.reset();
    m_profileBegun = false;
    m_summary.people = m_people.size();
    m_summary.inSeveralProfiles = std::count_if(
        m_people.cbegin(), m_people.cend(), [](quint32 v) { return (v >> 16) > 1; });
    end(error);
}

QStringList AccessReview::summaryLines(const QString &destination) const
{
    const Summary &s = m_summary;
    QStringList lines {
        tr("Wrote %1 accounts of %2 people from %n profile(s) to %3.", nullptr,
            int(profileCount() - s.leftOut.size()))
            .arg(grouped(s.accounts), grouped(s.people), destination),
        tr("%1 people have accounts in more than one profile; %2 accounts have no email; %3 "
           "inactive or pending accounts still hold roles.")
            .arg(
                grouped(s.inSeveralProfiles), grouped(s.withoutEmail), grouped(s.dormantWithRoles)),
    };
    if (!s.leftOut.isEmpty())
        lines << tr("Incomplete: left out %1.").arg(s.leftOut.join(QStringLiteral("; ")));
    return lines;
}
