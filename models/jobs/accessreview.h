#pragma once

#include "csvoutput.h"
#include "profilesjob.h"
#include "user.h"

#include <QHash>

class PageWalker;

// The quarterly access review: every user of every chosen profile in one CSV (`roster review`,
// File › Access review…). Columns: person (the lower-cased primary email, the key a spreadsheet
// pivots on), profile, kind, then the unified columns. Profiles are walked one after another and
// rows are written as they arrive, so memory stays flat however many users there are; only a
// 64-bit key per person is kept, for the summary. The file appears whole or not at all: a failed
// profile fails the review and leaves an existing file as it was, unless skipFailed, when the
// profiles left out are named in the summary.
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

    Options m_options;
    CsvOutput m_output;
    PageWalker *m_walker = nullptr;
    int m_current = -1;
    Summary m_summary;
    // Per person key: the last profile seen (low 16 bits) and in how many profiles (high 16).
    QHash<quint64, quint32> m_people;
};
