#pragma once

#include "accessreview.h"
#include "sessionproviders.h"

#include <QDialog>

class ProfileStore;
class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;

// File › Access review…: every user of every checked profile into one CSV, profile after profile,
// with each profile's progress, Cancel, and at the end a summary: people, accounts, people in more
// than one profile, accounts without an email, inactive or pending accounts still holding roles,
// and any profile left out (never silently).
class ReviewDialog : public QDialog
{
    Q_OBJECT
public:
    ReviewDialog(ProfileStore *store, SessionProviders providers, QWidget *parent = nullptr);
    ~ReviewDialog() override;

    void setOutputPath(const QString &path);
    void startReview();

    // For tests.
    bool isRunning() const { return m_review && m_review->isRunning(); }
    void setProfileChecked(const QString &name, bool checked);

    // Profile `index`'s progress as its row shows it: "120 of 300 users (40%)", or "120 users so
    // far" while the total is unknown. Also the history's snapshot rows (a snapshot is a review).
    static QString progressText(const AccessReview &review, int index);

private:
    void browse();
    void onProgress(int index);
    void onProfileFinished(int index);
    void onFinished(bool ok);
    void updateButtons();

    ProfileStore *m_store;
    SessionProviders m_providers;
    QTreeWidget *m_profiles = nullptr;
    QLineEdit *m_path = nullptr;
    QCheckBox *m_skipFailed = nullptr;
    QCheckBox *m_bom = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_cancel = nullptr;
    QObject *m_run = nullptr; // parents one review and its providers
    AccessReview *m_review = nullptr;
    QList<int> m_rowOf; // review index -> tree row
};
