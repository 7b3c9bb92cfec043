#include "profilesjob.h"

#include "sessionproviders.h"

ProfilesJob::ProfilesJob(QObject *parent)
    : Job(parent)
{ }

int ProfilesJob::addProfile(const Profile &profile)
{
    Entry e;
    e.profile = profile;
    m_entries.append(e);
    return int(m_entries.size() - 1);
}

void ProfilesJob::requestProviders(const SessionProviders &providers)
{
    for (int i = 0; i < profileCount(); ++i) {
        providers.request(
            profile(i), this, [this, i](SharedProvider provider, const ProviderError &error) {
                if (provider)
                    setProvider(i, std::move(provider));
                else
                    fail(i, error);
            });
    }
}

bool ProfilesJob::allProfilesEnded() const
{
    return std::none_of(m_entries.begin(), m_entries.end(),
        [](const Entry &e) { return e.status == Status::Waiting || e.status == Status::Running; });
}

void ProfilesJob::endProfile(int index, Status status, const ProviderError &error)
{
    Entry &e = m_entries[index];
    e.status = status;
    e.error = error;
    e.provider.reset(); // read: whoever else holds it keeps it
    emit profileFinished(index);
}
