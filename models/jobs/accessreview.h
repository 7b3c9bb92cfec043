#pragma once

#include "csvoutput.h"
#include "profilesjob.h"
#include "user.h"

#include <QHash>

#include <memory>

class PageWalker;
class SnapshotStore;
class SnapshotWriter;

// The quarterly access review: every user of every chosen profile in one CSV (`roster review`,
// File › Access review…). Columns: person (the lower-cased primary email, the key a spreadsheet
// pivots on), profile, kind, then the unified columns. Profiles are walked one after another and
// rows are written as they arrive, so memory stays flat however many users there are; only a
// 64-bit key per person is kept, for the summary. The file appears whole or not at all: a failed
// profile fails the review and leaves an existing file as it was, unless skipFailed, when the
// profiles left out are named in the summary. With a SnapshotStore the same read is also kept as
// a dated snapshot (`roster snapshot`, `roster review --save`): a profile that failed is stored
// as incomplete, and a review that fails or is cancelled keeps no snapshot.
class AccessReview : public ProfilesJob
{
    Q_OBJECT
public:
    struct Options
    {
        QList<Column> columns = Columns::defaults();
        CsvWriter::Options csv;
        bool skipFailed = false;
        int maxParallelPages = 4;
        bool writeCsv = true; // false: a snapshot only
    };

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

    void setProvider(int index, SharedProvider provider) override;
    void fail(int index, const ProviderError &error) override;

    void setOutputPath(const QString &path) { m_output.setPath(path); }
    void setOutputDevice(QIODevice *device) { m_output.setDevice(device); }
    // Keeps the read in `store` (opened; it must outlive the review) as a new snapshot.
    void setStore(SnapshotStore *store) { m_store = store; }
    // The snapshot written, once the review succeeded; 0 otherwise.
    qint64 snapshotId() const { return isRunning() ? 0 : m_snapshot; }
    void start() override;
    // Stops; an existing file is left as it was. finished(false) follows.
    void cancel() override;

    static QStringList header(const QList<Column> &columns);
    // An inactive or pending account (by the statuses `kind` declares) that still holds roles.
    static bool isDormantWithRoles(const User &user, const QString &kind = {});

    // Rows written from profile `index` (its users read).
    qint64 rows(int index) const { return usersRead(index); }
    const Summary &summary() const { return m_summary; }
    qint64 rowsWritten() const { return m_output.rowsWritten(); }
    // The summary's wording, the same in the window and on the command line: what was written
    // to `destination`, the counts, and (when profiles were left out) "Incomplete: …".
    QStringList summaryLines(const QString &destination) const;

private:
    void next();
    void onUsers(const QList<User> &users);
    void onState();
    void profileFailed(int index, const ProviderError &error);
    void done(ProviderError error);
    void count(const User &user, int index);
    bool storeProfileEnd(int index, bool complete, const QString &error);

    Options m_options;
    CsvOutput m_output;
    PageWalker *m_walker = nullptr;
    int m_current = -1;
    Summary m_summary;
    SnapshotStore *m_store = nullptr;
    qint64 m_snapshot = 0;
    std::unique_ptr<SnapshotWriter> m_writer; // while a snapshot is written
    bool m_profileBegun = false; // the current profile's entry is in the writer's queue
    // Per person key: the last profile seen (low 16 bits) and in how many profiles (high 16).
    QHash<quint64, quint32> m_people;
};
