#pragma once

#include "accessreview.h"
#include "sessionproviders.h"
#include "snapshotstore.h"

#include <QDialog>

#include <memory>

class HistoryDiffModel;
class ProfileStore;
class QComboBox;
class QLabel;
class QPushButton;
class QSplitter;
class QTableView;
class QTreeWidget;
class UserDetailPane;

// File › History…: the snapshots of the history store (time, profiles, accounts, complete), "Take
// snapshot now" with each profile's progress and Cancel, and for two chosen snapshots (or one and
// the snapshot before it) the joiners, leavers and changed fields, filtered by profile and by
// change, before and after side by side, the account's stored fields in the detail pane, and
// Export to CSV with `roster diff`'s columns.
class HistoryDialog : public QDialog
{
    Q_OBJECT
public:
    HistoryDialog(ProfileStore *profiles, SessionProviders providers, QString storePath,
        QWidget *parent = nullptr);
    ~HistoryDialog() override;

    void takeSnapshot();
    void cancelSnapshot();
    // Shows what changed from snapshot `from` to `to` (ids); false when either is not listed.
    bool compareSnapshots(qint64 from, qint64 to);
    // Writes the rows shown to `path` (as Export does, without asking); false with a message.
    bool exportTo(const QString &path);

    // For tests.
    bool isTakingSnapshot() const { return m_review && m_review->isRunning(); }
    bool isComparing() const;
    HistoryDiffModel *diffModel() const { return m_model; }

protected:
    void done(int result) override;

private:
    void buildSnapshotList(QWidget *parent);
    void buildDiffArea(QWidget *parent);
    void reload(qint64 select = 0);
    void onSelectionChanged();
    void onCompared(bool ok);
    void updateFilter();
    void updateDetail();
    void updateButtons();
    void deleteSelected();
    void exportShown();
    void onProgress(int index);
    void onProfileFinished(int index);
    void onSnapshotFinished(bool ok);
    const SnapshotStore::Snapshot *snapshot(qint64 id) const;
    QString describe(const SnapshotStore::Snapshot &s) const;

    ProfileStore *m_profiles;
    SessionProviders m_providers;
    SnapshotStore m_store;
    bool m_open = false;
    QList<SnapshotStore::Snapshot> m_snapshots; // newest first

    QTreeWidget *m_list = nullptr;
    QTreeWidget *m_progress = nullptr;
    QPushButton *m_take = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_delete = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_compareLabel = nullptr;
    QComboBox *m_profileFilter = nullptr;
    QComboBox *m_changeFilter = nullptr;
    QPushButton *m_export = nullptr;
    QTableView *m_table = nullptr;
    UserDetailPane *m_detail = nullptr;
    QSplitter *m_vertical = nullptr;
    QSplitter *m_horizontal = nullptr;
    HistoryDiffModel *m_model = nullptr;

    QObject *m_run = nullptr; // parents one snapshot's review and its providers
    AccessReview *m_review = nullptr;
};
