#pragma once

#include "profile.h"
#include "providererror.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

class CredentialStore;
class ErrorPane;
class ExportJob;
class ProfileSessions;
class ProfileStore;
class ProfileSession;
class SessionViewModel;
class Provider;
class QComboBox;
class FindDialog;
class QLabel;
class ReviewDialog;
class QTimer;
class QToolBar;
class QLineEdit;
class QNetworkAccessManager;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QToolButton;
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

    // For tests and screenshots.
    UserTableView *table() const { return m_table; }
    UserDetailPane *detailPane() const { return m_detail; }
    ErrorPane *errorPane() const { return m_error; }
    QLineEdit *filterEdit() const { return m_filter; }
    QLabel *searchModeLabel() const { return m_searchMode; }
    // Edit › Find in all profiles… and File › Access review…: opened (or raised) without blocking
    // the window.
    FindDialog *openFind();
    ReviewDialog *openReview();
    QComboBox *profileCombo() const { return m_profiles; }
    UserTableModel *currentModel() const;
    UserFilterProxyModel *proxy() const { return m_proxy; }
    QLabel *filterNote() const { return m_filterNote; }
    QLabel *countLabel() const { return m_countLabel; }
    bool isErrorShown() const;
    void exportUsers(bool all);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildUi();
    void buildActions();
    void reloadProfileList();
    void updateStatus();
    void updateDetail();
    void showError();
    void editProfiles();
    void reloadCurrent();
    void retryCurrent();
    void loadAllCurrent();
    ProfileSession *current() const;
    void updateSearchMode();
    void buildSearchField(QToolBar *bar);
    QList<int> selectedSourceRows() const;

    Context m_context;
    ProfileSessions *m_sessions = nullptr; // the opened profiles; this window only shows them
    SessionViewModel *m_view = nullptr; // what the window says about the one shown
    QString m_current;
    QString m_currentKind;

    QComboBox *m_profiles = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_searchMode = nullptr; // says which search the field runs: local or on the server
    QLabel *m_filterNote = nullptr;
    UserTableView *m_table = nullptr;
    UserFilterProxyModel *m_proxy = nullptr;
    QSplitter *m_splitter = nullptr;
    QStackedWidget *m_side = nullptr;
    UserDetailPane *m_detail = nullptr;
    ErrorPane *m_error = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_errorButton = nullptr;
    QAction *m_exportSelected = nullptr;
    QAction *m_exportAll = nullptr;
    QAction *m_reload = nullptr;
    QList<QAction *> m_profileActions;
    QPointer<FindDialog> m_findDialog;
    QPointer<ReviewDialog> m_reviewDialog;
};
