#pragma once

#include "csvwriter.h"
#include "profile.h"
#include "provider.h"
#include "providererror.h"
#include "user.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>

class PageWalker;
class QSaveFile;

// The quarterly access review: every user of every chosen profile in one CSV (`roster review`,
// File › Access review…). Columns: person (the lower-cased primary email, the key a spreadsheet
// pivots on), profile, kind, then the unified columns. Profiles are walked one after another and
// rows are written as they arrive, so memory stays flat however many users there are; only a
// 64-bit key per person is kept, for the summary. The file appears whole or not at all: a failed
// profile fails the review and leaves an existing file as it was, unless skipFailed, when the
// profiles left out are named in the summary.
class AccessReview : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QList<Column> columns = Columns::defaults();
        CsvWriter::Options csv;
        bool skipFailed = false;
        int maxParallelPages = 4;
    };
    enum class Status { Waiting, Running, Done, Failed, Skipped };
    Q_ENUM(Status)

    struct Summary
    {
        qint64 people = 0; // distinct non-empty person keys
        qint64 accounts = 0;
        qint64 inSeveralProfiles = 0; // people with accounts in more than one profile
        qint64 withoutEmail = 0;
        qint64 dormantWithRoles = 0; // inactive or pending accounts still holding roles
        QStringList leftOut; // profiles skipped because they failed
    };

    explicit AccessReview(Options options, QObject *parent = nullptr);
    ~AccessReview() override;

    // The profiles, in the order the file lists them; each provider (shared: kept alive until
    // its profile is read) may come later, once its credential is read, or never (fail()).
    int addProfile(const Profile &profile);
    void setProvider(int index, SharedProvider provider);
    void fail(int index, const ProviderError &error);

    void setOutputPath(const QString &path) { m_path = path; }
    void setOutputDevice(QIODevice *device) { m_device = device; }
    void start();
    // Stops; an existing file is left as it was. finished(false) follows.
    void cancel();

    static QStringList header(const QList<Column> &columns);
    static bool isDormantWithRoles(const User &user);

    int profileCount() const { return int(m_profiles.size()); }
    const Profile &profile(int index) const { return m_profiles.at(index).profile; }
    Status status(int index) const { return m_profiles.at(index).status; }
    qint64 rows(int index) const { return m_profiles.at(index).rows; }
    qint64 total(int index) const { return m_profiles.at(index).total; }
    const ProviderError &profileError(int index) const { return m_profiles.at(index).error; }
    // Why the review failed (a profile, or the file).
    const ProviderError &error() const { return m_error; }
    const Summary &summary() const { return m_summary; }
    qint64 rowsWritten() const { return m_writer ? m_writer->rowsWritten() - 1 : 0; }
    bool isRunning() const { return m_running; }

signals:
    void progress(int index);
    void profileFinished(int index);
    void finished(bool ok);

private:
    struct Entry
    {
        Profile profile;
        SharedProvider provider;
        Status status = Status::Waiting;
        ProviderError error;
        qint64 rows = 0;
        qint64 total = -1;
        bool providerFailed = false;
    };

    bool openOutput();
    void next();
    void onUsers(const QList<User> &users);
    void onState();
    void profileFailed(int index, const ProviderError &error);
    void done(bool ok);
    void count(const User &user, int index);

    Options m_options;
    QList<Entry> m_profiles;
    QString m_path;
    QIODevice *m_device = nullptr;
    std::unique_ptr<QSaveFile> m_file;
    std::unique_ptr<CsvWriter> m_writer;
    PageWalker *m_walker = nullptr;
    int m_current = -1;
    bool m_running = false;
    ProviderError m_error;
    Summary m_summary;
    // Per person key: the last profile seen (low 16 bits) and in how many profiles (high 16).
    QHash<quint64, quint32> m_people;
};
