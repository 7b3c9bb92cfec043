#pragma once

#include "exportjob.h"
#include "providererror.h"

#include <QObject>
#include <QPointer>

class ProfileSession;
class ProfileStore;
class QTimer;
class UserFilterProxyModel;
class UserTableModel;

// What the window says about the profile it shows, without widgets: the status bar (state,
// count, progress), the empty table's text, the note above the table, which search the field
// runs (on the server or over the loaded rows) and when, the error to show, and the export
// flow. MainWindow only lays this out; tests read it directly.
class SessionViewModel : public QObject
{
    Q_OBJECT
public:
    struct Status
    {
        QString state; // the status bar's message
        QString count; // "300 loaded of 1,000", "1,000 user(s)"
        QString empty; // what an empty table says
        QString note; // above the table: search results, the local filter, sorting
        bool failed = false;
        bool loading = false;
        bool progressVisible = false;
        int progressMaximum = 0; // 0: busy, without a known end
        int progressValue = 0;
        bool canReload = false;
        bool canExportAll = false;
    };

    SessionViewModel(ProfileStore *store, QObject *parent = nullptr);
    ~SessionViewModel() override;

    // Shows `session` (nullptr: none). Its model's signals are followed until the next call.
    void show(ProfileSession *session);
    ProfileSession *session() const;
    UserTableModel *model() const;
    // The rows the table shows: the session's model through the local filter.
    UserFilterProxyModel *proxy() const { return m_proxy; }

    // `sortedColumn`: the table is sorted (which only sorts the rows loaded so far).
    Status status(bool sortedColumn = false) const;
    // The error the error pane shows: the credential's, else the last page's; none when fine.
    ProviderError error() const;
    // Retrying the page makes sense (not for a credential that could not be read).
    bool canRetry() const;

    // The search field: on the server where the provider's server can search, else a filter
    // over the loaded rows.
    bool searchesOnServer() const;
    QString searchLabel() const;
    QString searchPlaceholder() const;
    QString searchToolTip() const;
    // What the field shows for this session (its server search, or the local filter).
    QString searchFieldText() const;
    // Typed: the local filter follows at once; a server search starts once typing pauses.
    void editSearch(const QString &text);
    // Return: a server search for `text` starts now.
    void submitSearch(const QString &text);

    // Export: what the dialog offers, then the job. `selected`: rows in the source model.
    bool canExport(bool all, const QList<int> &selected, QString *refusal) const;
    qint64 exportCount(bool all, const QList<int> &selected) const;
    ExportJob *startExport(bool all, const QList<int> &selected, ExportJob::Options options,
        const QString &path, QObject *parent);
    static QString exportProgressText(qint64 done, qint64 total, double rowsPerSecond);
    static QString exportResultText(const ExportJob &job, const QString &path);

signals:
    void statusChanged();
    // The page or the credential failed: the error pane should show it.
    void failed();
    // The provider asked to wait: `text` says for how long.
    void waiting(const QString &text);
    // Which search the field runs changed (the provider learnt whether its server can search).
    void searchModeChanged();
    // A server search replaced the rows: the detail pane's user may be gone.
    void rowsReplaced();

private:
    void runServerSearch();
    QString stateText(const Status &s) const;
    QString countText(const Status &s) const;
    QString emptyText(const Status &s) const;
    QString noteText(bool sortedColumn) const;
    void progress(Status &s) const;

    ProfileStore *m_store;
    QPointer<ProfileSession> m_session;
    UserFilterProxyModel *m_proxy;
    QTimer *m_searchTimer;
    QString m_pendingSearch;
    QString m_searchProblem; // why the text typed cannot be sent to the server

    QList<QMetaObject::Connection> m_connections;
};
