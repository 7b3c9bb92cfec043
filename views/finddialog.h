#pragma once

#include "historyfind.h"
#include "peoplefinder.h"
#include "sessionproviders.h"

#include <QDateTime>
#include <QDialog>
#include <QHash>

#include <functional>

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
// detail pane. With a history store, each profile with a complete snapshot answers first from its
// latest one, each account marked with that snapshot's age ("as of 2 days ago"); the live search
// then confirms it, and marks what it adds ("new since") or no longer finds.
// The results table's last column: where a row comes from.
constexpr int kFindSourceColumn = 9;

class FindDialog : public QDialog
{
    Q_OBJECT
public:
    FindDialog(ProfileStore *store, SessionProviders providers, QWidget *parent = nullptr);
    ~FindDialog() override;

    void setText(const QString &text);
    // The history store a search first answers from (nothing is created when the file is not
    // there); empty, the default: live only.
    void setHistoryPath(const QString &path) { m_historyPath = path; }
    void find();

    // For tests.
    bool isSearching() const { return m_readingHistory || (m_finder && !m_finder->isFinished()); }
    // The profile rows whose check box is set.
    void setProfileChecked(const QString &name, bool checked);
    // Where result row `row` comes from: "Live", "As of …", "New since …", "No longer found …".
    QString sourceText(int row) const;

signals:
    // The history store was searched (on a worker thread) and its accounts are in the results,
    // before any live answer that came meanwhile is applied.
    void answeredFromHistory();

private:
    enum class Source { Live, History, Confirmed, New, Gone };

    void buildUi();
    void answerFromHistory();
    void applyHistory(const HistoryAnswer &answer);
    // Runs `apply` now, or once the history answer is in, in the order live answers came.
    void live(std::function<void()> apply);
    int appendRow(const PeopleFinder::Hit &hit, Source source);
    void setCells(int row, const PeopleFinder::Hit &hit);
    void setSource(int row, Source source);
    void markGone(int target);
    static QString age(const QDateTime &utc);
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
    QList<Source> m_sources; // by result row
    QString m_historyPath;
    QList<QDateTime> m_asOf; // by target: the time of the snapshot that answered first, or null
    QHash<QString, int> m_unconfirmed; // "target\nid" -> result row answered from a snapshot
    bool m_readingHistory = false;
    QList<std::function<void()>> m_pendingLive; // live answers that came while it was read
};
