#include "accessreview.h"

#include "pagewalker.h"
#include "provider.h"

#include <QSaveFile>

AccessReview::AccessReview(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{ }

AccessReview::~AccessReview()
{
    if (m_walker)
        m_walker->abort();
    if (m_file)
        m_file->cancelWriting();
}

QStringList AccessReview::header(const QList<Column> &columns)
{
    QStringList keys {QStringLiteral("person"), QStringLiteral("profile"), QStringLiteral("kind")};
    for (Column c : columns)
        keys << Columns::key(c);
    return keys;
}

bool AccessReview::isDormantWithRoles(const User &user)
{
    if (user.roles.isEmpty() && user.value(Column::Roles).isEmpty())
        return false;
    const QString status = user.status.toLower();
    return user.pending || status == QLatin1String("inactive") || status == QLatin1String("pending")
        || status == QLatin1String("suspended") || status == QLatin1String("deactivated")
        || status == QLatin1String("disabled") || status == QLatin1String("invited");
}

int AccessReview::addProfile(const Profile &profile)
{
    Entry e;
    e.profile = profile;
    m_profiles.append(e);
    return int(m_profiles.size() - 1);
}

void AccessReview::setProvider(int index, SharedProvider provider)
{
    m_profiles[index].provider = std::move(provider);
    if (m_running && index == m_current && !m_walker)
        next();
}

void AccessReview::fail(int index, const ProviderError &error)
{
    Entry &e = m_profiles[index];
    e.providerFailed = true;
    e.error = error;
    if (m_running && index == m_current && !m_walker)
        next();
}

bool AccessReview::openOutput()
{
    if (!m_device) {
        m_file = std::make_unique<QSaveFile>(m_path);
        if (!m_file->open(QIODevice::WriteOnly)) {
            m_error = ProviderError::make(ProviderError::Kind::LocalFile,
                tr("Cannot write %1: %2").arg(m_path, m_file->errorString()));
            return false;
        }
        m_device = m_file.get();
    }
    m_writer = std::make_unique<CsvWriter>(m_device, m_options.columns, m_options.csv);
    return m_writer->writeRow(header(m_options.columns));
}

void AccessReview::start()
{
    m_running = true;
    if (!openOutput()) {
        done(false);
        return;
    }
    m_current = -1;
    next();
}

// Moves on to the next profile that is not finished, when its provider is there.
void AccessReview::next()
{
    while (m_running) {
        if (m_current < 0 || m_profiles.at(m_current).status != Status::Waiting)
            ++m_current;
        if (m_current >= m_profiles.size()) {
            done(true);
            return;
        }
        Entry &e = m_profiles[m_current];
        if (e.providerFailed) {
            profileFailed(m_current, e.error);
            continue;
        }
        if (!e.provider)
            return; // its credential is still being read: setProvider() resumes
        e.status = Status::Running;
        m_walker = new PageWalker(e.provider, {m_options.maxParallelPages, true}, this);
        connect(m_walker, &PageWalker::usersReady, this, &AccessReview::onUsers);
        connect(m_walker, &PageWalker::stateChanged, this, &AccessReview::onState);
        connect(m_walker, &PageWalker::totalChanged, this, [this](qint64 total) {
            m_profiles[m_current].total = total;
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
    if (isDormantWithRoles(user))
        ++m_summary.dormantWithRoles;
}

void AccessReview::onUsers(const QList<User> &users)
{
    Entry &e = m_profiles[m_current];
    for (const User &u : users) {
        QStringList row {u.email.toLower(), e.profile.name, e.profile.kind};
        for (Column c : m_options.columns)
            row << u.value(c);
        m_writer->writeRow(row);
        count(u, m_current);
    }
    e.rows += users.size();
    if (!m_writer->flush()) {
        m_error = ProviderError::make(ProviderError::Kind::LocalFile, m_writer->errorString());
        done(false);
        return;
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
        next();
        return;
    }
    m_profiles[m_current].status = Status::Done;
    emit profileFinished(m_current);
    next();
}

void AccessReview::profileFailed(int index, const ProviderError &error)
{
    Entry &e = m_profiles[index];
    e.error = error;
    if (!m_options.skipFailed) {
        e.status = Status::Failed;
        m_error = error;
        emit profileFinished(index);
        done(false);
        return;
    }
    // Its rows may be in the file already: they stay, and the summary says it is incomplete.
    e.status = Status::Skipped;
    m_summary.leftOut << (e.rows > 0 ? tr("%1 (failed after %L2 rows, which are in the file)")
                                           .arg(e.profile.name)
                                           .arg(e.rows)
                                     : e.profile.name);
    emit profileFinished(index);
}

void AccessReview::cancel()
{
    if (!m_running)
        return;
    m_error = ProviderError::make(ProviderError::Kind::Cancelled, tr("The review was cancelled."));
    done(false);
}

void AccessReview::done(bool ok)
{
    if (!m_running)
        return;
    m_running = false;
    if (m_walker) {
        m_walker->abort();
        m_walker->deleteLater();
        m_walker = nullptr;
    }
    if (ok && m_writer && !m_writer->flush()) {
        m_error = ProviderError::make(ProviderError::Kind::LocalFile, m_writer->errorString());
        ok = false;
    }
    if (m_file) {
        if (ok && !m_file->commit()) {
            m_error = ProviderError::make(ProviderError::Kind::LocalFile,
                tr("Cannot write %1: %2").arg(m_path, m_file->errorString()));
            ok = false;
        } else if (!ok) {
            m_file->cancelWriting();
        }
    }
    m_summary.people = m_people.size();
    m_summary.inSeveralProfiles = std::count_if(
        m_people.cbegin(), m_people.cend(), [](quint32 v) { return (v >> 16) > 1; });
    emit finished(ok);
}
