#pragma once

#include "peoplefinder.h"
#include "sessionproviders.h"

#include <QDialog>

class ErrorPane;
class ProfileStore;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableWidget;
class QTreeWidget;
class QTreeWidgetItem;
class UserDetailPane;

// Edit › Find in all profiles… (Ctrl+Shift+F): where does this person have an account? Every
// chosen profile is searched at once (rows the window has loaded answer at once, and a profile
// loaded completely needs no request; servers that can search are asked; the others are walked
// to the end), each with its progress and its
// own Cancel. Accounts appear as each profile answers; a profile that fails shows its error, in
// full on click, and never hides the others' results. Selecting an account shows the usual
// detail pane.
class FindDialog : public QDialog
{
    Q_OBJECT
public:
    FindDialog(ProfileStore *store, SessionProviders providers, QWidget *parent = nullptr);
    ~FindDialog() override;

    void setText(const QString &text);
    void find();

    // For tests.
    bool isSearching() const { return m_finder && !m_finder->isFinished(); }
    // The profile rows whose check box is set.
    void setProfileChecked(const QString &name, bool checked);

private:
    void buildUi();
    QWidget *buildResults(QWidget *parent);
    void start(int target, const Profile &profile);
    void addHits(const QList<PeopleFinder::Hit> &hits);
    void updateTarget(int target);
    void targetDone(int target);
    void updateSummary();
    void showResult();
    void showProfile(QTreeWidgetItem *item);
    void stop();

    ProfileStore *m_store;
    SessionProviders m_providers;
    QLineEdit *m_text = nullptr;
    QCheckBox *m_exact = nullptr;
    QPushButton *m_find = nullptr;
    QPushButton *m_stop = nullptr;
    QTreeWidget *m_profiles = nullptr;
    QTableWidget *m_results = nullptr;
    QLabel *m_summary = nullptr;
    QStackedWidget *m_side = nullptr;
    QLabel *m_placeholder = nullptr;
    UserDetailPane *m_detail = nullptr;
    ErrorPane *m_error = nullptr;

    QObject *m_run = nullptr; // parents one search's finder and providers
    PeopleFinder *m_finder = nullptr;
    QList<Profile> m_searched; // by target
    QList<QTreeWidgetItem *> m_items; // by target
    QList<PeopleFinder::Hit> m_hits; // by result row
};
