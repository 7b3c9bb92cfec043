#pragma once

#include "exportjob.h"
#include "profile.h"
#include "providererror.h"

#include <QMainWindow>
#include <QPointer>

class CredentialStore;
class ErrorPane;
class ProfileSessions;
class ProfileStore;
class ProfileSession;
class ProfileSwitcher;
class SessionStatusBar;
class SessionViewModel;
class FindDialog;
class HistoryDialog;
class QHBoxLayout;
class QLabel;
class QMenu;
class ReviewDialog;
class QToolBar;
class QLineEdit;
class QNetworkAccessManager;
class QSplitter;
class QStackedWidget;
class UserDetailPane;
class UserFilterProxyModel;
class UserTableModel;
class UserTableView;

// One window for every configured provider: a profile switcher, the lazily loaded user table,
// the detail and error panes, export.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    struct Context
    {
        ProfileStore *store = nullptr;
        QString profilesPath; // where the store is saved; empty for demo profiles (never saved)
        CredentialStore *credentials = nullptr;
        QNetworkAccessManager *nam = nullptr;
        bool demo = false;
    };

    explicit MainWindow(const Context &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows a profile's users; an already loaded profile comes back instantly.
    bool activateProfile(const QString &name);
    QString currentProfileName() const { return m_current; }
    // How many profiles keep their loaded rows when another is shown (least recently used go).
    void setSessionLimit(int limit);
    int sessionCount() const;

    // Edit › Find in all profiles… and File › Access review…: opened (or raised) without blocking
    // the window.
    FindDialog *openFind();
    ReviewDialog *openReview();
    // File › History…: the snapshots in `storePath` (default: SnapshotStore::defaultPath()).
    HistoryDialog *openHistory();
    UserTableModel *currentModel() const;
    bool isErrorShown() const;
    void exportUsers(bool all);
    void runExport(
        bool all, const QList<int> &rows, const ExportJob::Options &options, const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildUi();
    void buildActions();
    void updateStatus();
    void updateDetail();
    void showError();
    void editProfiles();
    void reloadCurrent();
    void retryCurrent();
    // Profiles › Sign In…, Sign In on Another Device… and the error pane's "Sign In Again…": signs
    // the shown profile in, then asks again for what failed.
    void signInCurrent(bool device);
    void signOutCurrent();
    void buildSignInActions(QMenu *profiles);
    void loadAllCurrent();
    ProfileSession *current() const;
    void updateSearchMode();
    void buildSearchField(QWidget *parent, QHBoxLayout *row);
    QList<int> selectedSourceRows() const;

    Context m_context;
    ProfileSessions *m_sessions = nullptr; // the opened profiles; this window only shows them
    SessionViewModel *m_view = nullptr; // what the window says about the one shown
    QString m_current;
    QString m_currentKind;

    ProfileSwitcher *m_switcher = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_searchMode = nullptr; // says which search the field runs: local or on the server
    QLabel *m_filterNote = nullptr;
    UserTableView *m_table = nullptr;
    UserFilterProxyModel *m_proxy = nullptr;
    QSplitter *m_splitter = nullptr;
    QStackedWidget *m_side = nullptr;
    UserDetailPane *m_detail = nullptr;
    ErrorPane *m_error = nullptr;
    SessionStatusBar *m_status = nullptr;
    QAction *m_exportSelected = nullptr;
    QAction *m_exportAll = nullptr;
    QAction *m_reload = nullptr;
    QList<QAction *> m_signInActions; // enabled for a profile that signs in with OAuth
    QPointer<FindDialog> m_findDialog;
    QPointer<ReviewDialog> m_reviewDialog;
    QPointer<HistoryDialog> m_historyDialog;
};
