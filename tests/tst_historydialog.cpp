// File › History… (issue #25) against the sandbox: an empty history says how to start; "Take
// snapshot now" shows each profile's progress and keeps a failing profile as incomplete; after
// the organizations change (the sandbox's rev1), the newest snapshot is compared with the one
// before it: per-profile counts, the incomplete profile named, filters by profile and change,
// the stored account in the detail pane, and Export writes exactly what `roster diff` writes.
// Cancel keeps no snapshot; Delete removes one. With ROSTER_SCREENSHOT_DIR set, screenshots.
#include "credentialstore.h"
#include "finddialog.h"
#include "historydialog.h"
#include "historydiffmodel.h"
#include "profilestore.h"
#include "sandbox/sandboxdata.h"
#include "sandbox/sandboxhost.h"
#include "testsupport.h"
#include "userdetailpane.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace TestSupport;

class TestHistoryDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    SandboxHost m_sandbox;
    QNetworkAccessManager m_nam;
    CredentialStore m_credentials;
    ProfileStore m_store;
    QString m_storePath;

    Profile profile(const QString &name, const QString &kind, const QString &org)
    {
        Profile p = SandboxDemo::profile(name, kind, m_sandbox.url(), org);
        p.credential.value = SandboxServer::demoToken();
        return p;
    }

    QList<Profile> profiles(const QString &revision)
    {
        const auto org = [&revision](QString o) {
            return revision.isEmpty()
                ? o
                : o.replace(QLatin1String("-n"), revision + QStringLiteral("-n"));
        };
        return {profile(QStringLiteral("Acme (Karmo)"), QStringLiteral("karmo"),
                    org(QStringLiteral("hd-n200"))),
            profile(QStringLiteral("Acme (LlamaCloud)"), QStringLiteral("llamacloud"),
                org(QStringLiteral("3fa85f64-hd-n150"))),
            profile(QStringLiteral("Acme (SCIM)"), QStringLiteral("scim"),
                org(QStringLiteral("hd-n120"))),
            profile(QStringLiteral("Flaky CSP"), QStringLiteral("csp"),
                revision.isEmpty() ? QStringLiteral("error-403") : QStringLiteral("hd-n90"))};
    }

    std::unique_ptr<HistoryDialog> dialog()
    {
        auto d = std::make_unique<HistoryDialog>(
            &m_store, SessionProviders {nullptr, &m_credentials, &m_nam}, m_storePath);
        d->show();
        return d;
    }

    static bool taken(HistoryDialog *d)
    {
        return QTest::qWaitFor([d] { return !d->isTakingSnapshot(); }, 60000);
    }

    static bool compared(HistoryDialog *d)
    {
        return QTest::qWaitFor([d] { return !d->isComparing(); }, 30000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toLocal8Bit());
        m_storePath = m_dir.filePath(QStringLiteral("history.sqlite"));
        QVERIFY(m_sandbox.start(0, 25000, 2));
    }

    void anEmptyHistorySaysHowToStart()
    {
        m_store.setProfiles(profiles({}));
        auto d = dialog();
        QCOMPARE(child<QTreeWidget>(d.get(), "snapshotList")->topLevelItemCount(), 0);
        QVERIFY(child<QLabel>(d.get(), "historyStatus")
                    ->text()
                    .contains(QStringLiteral("No snapshot yet")));
        QVERIFY(!child<QPushButton>(d.get(), "exportDiffButton")->isEnabled());
        QVERIFY(child<QPushButton>(d.get(), "takeSnapshotButton")->isEnabled());
        QVERIFY(!child<QPushButton>(d.get(), "cancelSnapshotButton")->isEnabled());
        TestSupport::saveScreenshot(d.get(), QStringLiteral("history-empty.png"));
    }

    void twoSnapshotsShowWhatChanged()
    {
        m_store.setProfiles(profiles({}));
        auto d = dialog();
        auto *list = child<QTreeWidget>(d.get(), "snapshotList");
        auto *progress = child<QTreeWidget>(d.get(), "snapshotProgress");
        d->takeSnapshot();
        QVERIFY(d->isTakingSnapshot());
        QVERIFY(progress->isVisible());
        QVERIFY(child<QPushButton>(d.get(), "cancelSnapshotButton")->isEnabled());
        QVERIFY(taken(d.get()));
        QCOMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(3), QStringLiteral("470"));
        QCOMPARE(list->topLevelItem(0)->text(4), QStringLiteral("No"));
        QVERIFY2(list->topLevelItem(0)->text(2).contains(QStringLiteral("Flaky CSP (incomplete)")),
            qPrintable(list->topLevelItem(0)->text(2)));
        QCOMPARE(progress->topLevelItem(0)->text(2), QStringLiteral("200 users"));
        QVERIFY(progress->topLevelItem(3)->text(2).startsWith(QStringLiteral("Incomplete: ")));
        QVERIFY(child<QLabel>(d.get(), "compareLabel")
                    ->text()
                    .contains(QStringLiteral("first snapshot")));

        // The organizations change; the new snapshot is compared with the one before it.
        m_store.setProfiles(profiles(QStringLiteral("-rev1")));
        d->takeSnapshot();
        QVERIFY(taken(d.get()));
        QCOMPARE(list->topLevelItemCount(), 2);
        QCOMPARE(child<QLabel>(d.get(), "historyStatus")->text(),
            QStringLiteral("Snapshot 2 taken: 560 accounts."));
        QCOMPARE(list->selectedItems().size(), 1);
        QCOMPARE(list->selectedItems().first()->text(0), QStringLiteral("2"));
        QVERIFY(compared(d.get()));
        const QString summary = child<QLabel>(d.get(), "compareLabel")->text();
        QVERIFY2(summary.contains(QStringLiteral("Acme (Karmo): 3 joined, 3 left")),
            qPrintable(summary));
        QVERIFY2(
            summary.contains(QStringLiteral("Acme (SCIM): 3 joined, 3 left")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("Left out: Flaky CSP (incomplete in snapshot 1)")),
            qPrintable(summary));

        HistoryDiffModel *model = d->diffModel();
        const int all = model->rowCount();
        QCOMPARE(all, int(model->allRows().size()));
        QVERIFY(all > 18);
        auto *changes = child<QComboBox>(d.get(), "changeFilter");
        auto *profilesFilter = child<QComboBox>(d.get(), "profileFilter");
        QCOMPARE(profilesFilter->count(), 4); // every profile, and the three compared
        changes->setCurrentIndex(changes->findData(int(SnapshotDiff::Change::Left)));
        QCOMPARE(model->rowCount(), 9);
        profilesFilter->setCurrentIndex(profilesFilter->findData(QStringLiteral("Acme (Karmo)")));
        QCOMPARE(model->rowCount(), 3);
        for (int r = 0; r < model->rowCount(); ++r) {
            QCOMPARE(model->rowAt(r)->profile, QStringLiteral("Acme (Karmo)"));
            QCOMPARE(model->rowAt(r)->change, SnapshotDiff::Change::Left);
        }
        // The first row is selected; the detail pane shows the account as the earlier snapshot
        // holds it (it left).
        const SnapshotDiff::Row *left = model->rowAt(0);
        QVERIFY(!left->person.isEmpty());
        QVERIFY2(child<UserDetailPane>(d.get(), "historyDetail")
                     ->identityText()
                     .contains(left->person, Qt::CaseInsensitive),
            qPrintable(child<UserDetailPane>(d.get(), "historyDetail")->identityText()));

        changes->setCurrentIndex(changes->findData(int(SnapshotDiff::Change::Changed)));
        profilesFilter->setCurrentIndex(0);
        QVERIFY(model->rowCount() > 0);
        QSet<QString> fields;
        for (int r = 0; r < model->rowCount(); ++r) {
            QCOMPARE(model->rowAt(r)->change, SnapshotDiff::Change::Changed);
            QVERIFY(model->rowAt(r)->before != model->rowAt(r)->after);
            fields << model->rowAt(r)->field;
        }
        QVERIFY2(fields.contains(QStringLiteral("email")),
            qPrintable(QStringList(fields.values()).join(u',')));
        TestSupport::saveScreenshot(d.get(), QStringLiteral("history.png"));

        // Export with every row shown: byte for byte what `roster diff` writes.
        changes->setCurrentIndex(0);
        QCOMPARE(model->rowCount(), all);
        const QString path = m_dir.filePath(QStringLiteral("changes.csv"));
        QVERIFY2(d->exportTo(path), qPrintable(child<QLabel>(d.get(), "historyStatus")->text()));
        QProcess roster;
        roster.start(QStringLiteral(ROSTER_BINARY),
            {QStringLiteral("diff"), QStringLiteral("1"), QStringLiteral("2"),
                QStringLiteral("--store"), m_storePath, QStringLiteral("--skip-incomplete"),
                QStringLiteral("--output"), QStringLiteral("-")});
        QVERIFY(roster.waitForFinished(60000));
        QCOMPARE(roster.exitCode(), 0);
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray bytes = written.readAll();
        QVERIFY(bytes.startsWith("change,person,profile,kind,account_id,field,before,after"));
        QCOMPARE(bytes, roster.readAllStandardOutput());

        // A folder that is not there: a message, and nothing written.
        QVERIFY(!d->exportTo(m_dir.filePath(QStringLiteral("no/such/folder/changes.csv"))));
        QVERIFY(child<QLabel>(d.get(), "historyStatus")
                    ->text()
                    .contains(QStringLiteral("were not written")));
    }

    void twoSelectedSnapshotsCompareOlderWithNewer()
    {
        auto d = dialog();
        auto *list = child<QTreeWidget>(d.get(), "snapshotList");
        QVERIFY(list->topLevelItemCount() >= 2);
        list->clearSelection();
        list->topLevelItem(0)->setSelected(true);
        list->topLevelItem(1)->setSelected(true);
        QVERIFY(compared(d.get()));
        QCOMPARE(d->diffModel()->from(), 1);
        QCOMPARE(d->diffModel()->to(), 2);
        list->topLevelItem(0)->setSelected(false);
        QCOMPARE(d->diffModel()->rowCount(), 0); // the first snapshot alone: nothing before it
    }

    // Find answers first from each profile's latest complete snapshot (here the rev1 one), marked
    // with its age, then the live read (rev2) confirms it, adds what is new and marks what is gone.
    void findAnswersFirstFromTheLatestSnapshot()
    {
        m_store.setProfiles(profiles(QStringLiteral("-rev2")));
        const QString was = QStringLiteral("hd-rev1-n200");
        const QString now = QStringLiteral("hd-rev2-n200");
        int stable = -1; // an identity in both, with the same address, seen by nobody else
        for (int i = 20; i < 190 && stable < 0; ++i) {
            if (SandboxData::person(was, i + 3).email == SandboxData::person(now, i).email
                && !SandboxData::isShared(QStringLiteral("hd-n200"), i + 6))
                stable = i;
        }
        QVERIFY(stable >= 0);
        const struct
        {
            QString email;
            QString before; // the source right after find(): answered from the snapshot or not
            QString after; // once the live read is complete
        } cases[] = {
            {SandboxData::person(was, 0).email, QStringLiteral("As of just now"),
                QStringLiteral("No longer found (as of just now)")},
            {SandboxData::person(now, 199).email, QString(),
                QStringLiteral("Live, new since just now")},
            {SandboxData::person(now, stable).email, QStringLiteral("As of just now"),
                QStringLiteral("Live")},
        };
        for (const auto &c : cases) {
            FindDialog find(&m_store, {nullptr, &m_credentials, &m_nam});
            find.setHistoryPath(m_storePath);
            find.setText(c.email);
            auto *results = child<QTableWidget>(&find, "resultsTable");
            // The history answer (read on a worker thread) is in before any live one.
            int rowsFromHistory = -1;
            QString account, source;
            connect(&find, &FindDialog::answeredFromHistory, this, [&] {
                rowsFromHistory = results->rowCount();
                account = rowsFromHistory > 0 ? results->item(0, 0)->text() : QString();
                source = find.sourceText(0);
            });
            find.find();
            QVERIFY(find.isSearching());
            QVERIFY(QTest::qWaitFor([&find] { return !find.isSearching(); }, 30000));
            if (c.before.isEmpty()) {
                QCOMPARE(rowsFromHistory, 0);
            } else {
                QCOMPARE(rowsFromHistory, 1);
                QCOMPARE(account, QStringLiteral("Acme (Karmo)"));
                QVERIFY2(source.startsWith(c.before), qPrintable(source));
            }
            QCOMPARE(results->rowCount(), 1);
            QCOMPARE(results->item(0, 2)->text(), c.email);
            QCOMPARE(find.sourceText(0), c.after);
            const QString summary = child<QLabel>(&find, "summaryLabel")->text();
            if (c.after.startsWith(QStringLiteral("No longer"))) {
                QVERIFY2(summary.startsWith(QStringLiteral("0 account(s) found"))
                        && summary.contains(QStringLiteral("1 no longer found")),
                    qPrintable(summary));
                TestSupport::saveScreenshot(&find, QStringLiteral("find-history.png"));
            } else {
                QVERIFY2(
                    summary.startsWith(QStringLiteral("1 account(s) found")), qPrintable(summary));
            }
        }
    }

    void cancelKeepsNoSnapshotAndDeleteRemovesOne()
    {
        auto d = dialog();
        auto *list = child<QTreeWidget>(d.get(), "snapshotList");
        const int before = list->topLevelItemCount();
        m_sandbox.setLatencyMs(400);
        d->takeSnapshot();
        QVERIFY(d->isTakingSnapshot());
        child<QPushButton>(d.get(), "cancelSnapshotButton")->click();
        QVERIFY(taken(d.get()));
        m_sandbox.setLatencyMs(2);
        QCOMPARE(list->topLevelItemCount(), before);
        QVERIFY2(
            child<QLabel>(d.get(), "historyStatus")->text().contains(QStringLiteral("Cancelled")),
            qPrintable(child<QLabel>(d.get(), "historyStatus")->text()));

        list->clearSelection();
        list->topLevelItem(0)->setSelected(true);
        const QString id = list->topLevelItem(0)->text(0);
        QTimer::singleShot(0, [] {
            QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            box->button(QMessageBox::Yes)->click();
        });
        child<QPushButton>(d.get(), "deleteSnapshotButton")->click();
        QCOMPARE(list->topLevelItemCount(), before - 1);
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            QVERIFY(list->topLevelItem(i)->text(0) != id);
    }
};

QTEST_MAIN(TestHistoryDialog)
#include "tst_historydialog.moc"
