// The window, offscreen, against the sandbox: selecting a row shows roles and permissions, an
// injected 422 shows loc/msg/type, switching profiles changes the rows (and back is instant),
// the filter narrows the loaded rows, copy, shortcuts, retry, the profiles and export dialogs.
// With ROSTER_SCREENSHOT_DIR set, it also saves screenshots there.
#include "credentialstore.h"
#include "errorpane.h"
#include "exportdialog.h"
#include "exportprogressdialog.h"
#include "finddialog.h"
#include "historydialog.h"
#include "karmo/karmoroutes.h"
#include "mainwindow.h"
#include "profiledialog.h"
#include "profilestore.h"
#include "providerfactory.h"
#include "reviewdialog.h"
#include "sandbox/sandboxdata.h"
#include "sandbox/sandboxdemo.h"
#include "sandbox/sandboxhost.h"
#include "sandbox/sandboxserver.h"
#include "sandbox/sandboxtls.h"
#include "testsupport.h"
#include "userdetailpane.h"
#include "userfilterproxymodel.h"
#include "usertablemodel.h"
#include "usertableview.h"
#include "windowtest.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

class TestMainWindow : public WindowTest
{
    Q_OBJECT

    QTemporaryDir m_dir;
    SandboxHost m_sandbox;
    QNetworkAccessManager m_nam;
    CredentialStore m_credentials;
    ProfileStore m_store;

    Profile profile(const QString &name, const QString &kind, const QString &org)
    {
        Profile p = SandboxDemo::profile(name, kind, m_sandbox.url(), org);
        return p;
    }

    bool waitSettled(int timeoutMs = 20000)
    {
        return QTest::qWaitFor(
            [this] {
                UserTableModel *m = m_window->currentModel();
                return m && m->provider() && !m->isLoading();
            },
            timeoutMs);
    }

    int findRow(const std::function<bool(const User &)> &pred)
    {
        UserTableModel *m = m_window->currentModel();
        for (int r = 0; r < m->rowCount(); ++r) {
            if (pred(m->user(r)))
                return r;
        }
        return -1;
    }

    // Through the selection model: the view's own selectRow() follows the keyboard modifiers
    // the application believes held, which an earlier Ctrl+… click may leave behind.
    void selectSourceRow(int sourceRow)
    {
        const QModelIndex proxyIndex
            = proxy()->mapFromSource(m_window->currentModel()->index(sourceRow, 0));
        QItemSelectionModel *selection = table()->selectionModel();
        selection->setCurrentIndex(proxyIndex, QItemSelectionModel::NoUpdate);
        selection->select(
            proxyIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toLocal8Bit());
        qputenv("ROSTER_STORE", m_dir.filePath(QStringLiteral("history.sqlite")).toLocal8Bit());
        QVERIFY(m_sandbox.start(0, 25000, 5));
        m_store.setProfiles({
            profile(QStringLiteral("Acme (LlamaCloud)"), QStringLiteral("llamacloud"),
                QStringLiteral("3fa85f64-n400")),
            profile(QStringLiteral("Acme (Karmo)"), QStringLiteral("karmo"),
                QStringLiteral("acme-n300")),
            profile(
                QStringLiteral("Acme (CSP)"), QStringLiteral("csp"), QStringLiteral("acme-n450")),
            profile(
                QStringLiteral("Acme (Char)"), QStringLiteral("char"), QStringLiteral("dir-n80")),
            profile(QStringLiteral("LlamaCloud 422"), QStringLiteral("llamacloud"),
                QStringLiteral("error-422")),
            profile(QStringLiteral("Karmo flaky"), QStringLiteral("karmo"),
                QStringLiteral("error-500-later-once-n250")),
            profile(QStringLiteral("Acme (SCIM)"), QStringLiteral("scim"),
                QStringLiteral("scim-acme-n600")),
        });
        MainWindow::Context context;
        context.store = &m_store;
        context.credentials = &m_credentials;
        context.nam = &m_nam;
        context.demo = true;
        m_window = std::make_unique<MainWindow>(context);
        m_window->resize(1400, 860);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(waitSettled());
    }

    void cleanupTestCase() { m_window.reset(); }

    void opensOnTheFirstProfile()
    {
        QCOMPARE(m_window->currentProfileName(), QStringLiteral("Acme (LlamaCloud)"));
        QVERIFY(m_window->currentModel()->rowCount() > 0);
        // LlamaCloud fills no given/family name: those columns start hidden.
        QVERIFY(table()->horizontalHeader()->isSectionHidden(int(Column::GivenName)));
        QVERIFY(!table()->horizontalHeader()->isSectionHidden(int(Column::Roles)));
    }

    void selectingARowShowsRolesAndPermissions()
    {
        QVERIFY(m_window->activateProfile(QStringLiteral("Acme (LlamaCloud)")));
        QVERIFY(waitSettled());
        const int row = findRow([](const User &u) {
            if (u.roles.size() < 2 || u.invitedByEmail.isEmpty())
                return false;
            for (const Role &r : u.roles)
                for (const Permission &p : r.permissions)
                    if (!p.granted)
                        return true;
            return false;
        });
        QVERIFY(row >= 0);
        selectSourceRow(row);
        const User &u = m_window->currentModel()->user(row);
        QTreeWidget *roles = TestSupport::child<QTreeWidget>(detailPane(), "rolesTree");
        QVERIFY(roles->isVisibleTo(m_window.get()));
        const QList<QTreeWidgetItem *> roleItems
            = roles->findItems(u.roles.first().name, Qt::MatchExactly | Qt::MatchRecursive);
        QVERIFY(!roleItems.isEmpty());
        int denied = 0, granted = 0;
        for (QTreeWidgetItemIterator it(roles); *it; ++it) {
            const QVariant g = (*it)->data(0, Qt::UserRole);
            if (g.isValid())
                (g.toBool() ? granted : denied)++;
        }
        QVERIFY(denied > 0);
        QVERIFY(granted > 0);
        QVERIFY(detailPane()->identityText().contains(u.email));
        QVERIFY(detailPane()->rawRecordText().contains(u.id));
        TestSupport::saveScreenshot(m_window.get(), QStringLiteral("user-with-roles.png"));
    }

    void injected422ShowsLocMsgType()
    {
        QVERIFY(m_window->activateProfile(QStringLiteral("LlamaCloud 422")));
        QVERIFY(waitSettled());
        QCOMPARE(m_window->currentModel()->state(), UserTableModel::State::Failed);
        QVERIFY(m_window->isErrorShown());
        QCOMPARE(errorPane()->headline(), QStringLiteral("HTTP 422 UNPROCESSABLE_ENTITY"));
        QTableWidget *fields = TestSupport::child<QTableWidget>(errorPane(), "fieldErrors");
        QCOMPARE(fields->rowCount(), 2);
        QCOMPARE(fields->item(0, 0)->text(), QStringLiteral("path.organization_id"));
        QCOMPARE(fields->item(0, 1)->text(), QStringLiteral("value is not a valid uuid"));
        QCOMPARE(fields->item(0, 2)->text(), QStringLiteral("type_error.uuid"));
        QVERIFY(errorPane()->detailsText().contains(QStringLiteral("Request ID: sbx-")));
        QVERIFY(!table()->emptyText().isEmpty());
        TestSupport::saveScreenshot(m_window.get(), QStringLiteral("error.png"));
    }

    void switchingProfilesChangesRowsAndBackIsInstant()
    {
        QVERIFY(m_window->activateProfile(QStringLiteral("Acme (Karmo)")));
        QVERIFY(waitSettled());
        UserTableModel *karmo = m_window->currentModel();
        QCOMPARE(karmo->user(0).id, KarmoRoutes::userId(QStringLiteral("acme-n300"), 0));
        const int karmoRows = karmo->rowCount();
        QVERIFY(m_window->activateProfile(QStringLiteral("Acme (Char)")));
        QVERIFY(waitSettled());
        QVERIFY(m_window->currentModel() != karmo);
        QCOMPARE(proxy()->rowCount(), m_window->currentModel()->rowCount());
        QVERIFY(m_window->currentModel()->user(0).id != karmo->user(0).id);
        const int before = m_sandbox.server()->requestCount();
        QVERIFY(m_window->activateProfile(QStringLiteral("Acme (Karmo)")));
        QCOMPARE(m_window->currentModel(), karmo); // kept, not reloaded
        QCOMPARE(proxy()->rowCount(), karmoRows);
        QCOMPARE(m_sandbox.server()->requestCount(), before);
        QCOMPARE(profileCombo()->currentData().toString(), QStringLiteral("Acme (Karmo)"));
    }

    void shortcutsSwitchProfiles()
    {
        m_window->activateWindow();
        QTest::keyClick(m_window.get(), Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(m_window->currentProfileName(), QStringLiteral("Acme (CSP)"));
        QVERIFY(waitSettled());
        QVERIFY(countLabel()->text().contains(QStringLiteral("of 450"))
            || countLabel()->text().contains(QStringLiteral("450")));
        QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(m_window->currentProfileName(), QStringLiteral("Acme (Karmo)"));
    }

    void filterNarrowsLoadedRows()
    {
        QVERIFY(m_window->activateProfile(QStringLiteral("Acme (Karmo)")));
        QVERIFY(waitSettled());
        UserTableModel *m = m_window->currentModel();
        const int loaded = m->rowCount();
        const QString email = m->user(7).email;
        filterEdit()->setText(email);
        QCOMPARE(proxy()->rowCount(), 1);
        QVERIFY(filterNote()->isVisibleTo(m_window.get()));
        QCOMPARE(filterNote()->text(),
            QStringLiteral("1 of %1 loaded match").arg(QLocale().toString(loaded)));
        filterEdit()->setText(QStringLiteral("zzz-nobody-zzz"));
        QCOMPARE(proxy()->rowCount(), 0);
        QVERIFY(table()->emptyText().contains(QStringLiteral("zzz-nobody-zzz")));
        filterEdit()->clear();
        QCOMPARE(proxy()->rowCount(), loaded);
        QVERIFY(!filterNote()->isVisibleTo(m_window.get()));
    }

    // SCIM searches on its server: the label says so, Return runs the search, the table pages
    // through the results, the detail pane shows groups and employment, and clearing the field
    // brings everyone back. A kind that cannot keeps the local filter, labelled as such.
    void scimSearchesOnTheServer()
    {
        const QString tenant = QStringLiteral("scim-acme-n600");
        QVERIFY(m_window->activateProfile(QStringLiteral("Acme (SCIM)")));
        QVERIFY(waitSettled());
        QVERIFY(QTest::qWaitFor(
            [this] { return searchModeLabel()->text() == QStringLiteral("Search on &server:"); },
            10000));
        UserTableModel *m = m_window->currentModel();
        QCOMPARE(m->totalCount(), 600);
        QVERIFY(filterEdit()->toolTip().contains(QStringLiteral("server")));
        int inactive = 0;
        for (qint64 i = 0; i < 600; ++i)
            inactive += !SandboxData::person(tenant, i).active;
        QVERIFY(inactive > 0);

        filterEdit()->setFocus();
        QTest::keyClicks(filterEdit(), QStringLiteral("active eq false"));
        QTest::keyClick(filterEdit(), Qt::Key_Return);
        QVERIFY(m->isSearching());
        QVERIFY(waitSettled());
        m->loadAll();
        QVERIFY(
            QTest::qWaitFor([m] { return m->state() == UserTableModel::State::Complete; }, 20000));
        QCOMPARE(m->totalCount(), inactive);
        QCOMPARE(m->rowCount(), inactive);
        QCOMPARE(proxy()->rowCount(), inactive); // no local filter on top
        for (int r = 0; r < m->rowCount(); ++r)
            QCOMPARE(m->value(r, Column::Status), QStringLiteral("inactive"));
        QVERIFY2(filterNote()->text().contains(QStringLiteral("found on the server")),
            qPrintable(filterNote()->text()));

        const int row
            = findRow([](const User &u) { return u.groups.size() >= 2 && u.details.size() >= 4; });
        QVERIFY(row >= 0);
        selectSourceRow(row);
        const User u = m->user(row);
        QVERIFY(detailPane()->groupsText().contains(u.groups.at(1)));
        QVERIFY2(detailPane()->employmentText().contains(QStringLiteral("Employee number:")),
            qPrintable(detailPane()->employmentText()));
        QVERIFY(detailPane()->employmentText().contains(QStringLiteral("Manager:")));
        QVERIFY(!m->user(row).groups.isEmpty());
        TestSupport::saveScreenshot(m_window.get(), QStringLiteral("scim-search.png"));

        filterEdit()->selectAll();
        QTest::keyClicks(filterEdit(), QStringLiteral("zzz-nobody"));
        QTest::keyClick(filterEdit(), Qt::Key_Return);
        QVERIFY(
            QTest::qWaitFor([m] { return m->state() == UserTableModel::State::Complete; }, 20000));
        QCOMPARE(m->rowCount(), 0);
        QVERIFY2(table()->emptyText().contains(QStringLiteral("The server found no user")),
            qPrintable(table()->emptyText()));

        // An attribute followed by something that is not an operator is not sent as words (which
        // would find nobody): the note says what to write, and the rows stay as they were.
        filterEdit()->selectAll();
        QTest::keyClicks(filterEdit(), QStringLiteral("userName zz 1"));
        QTest::keyClick(filterEdit(), Qt::Key_Return);
        QVERIFY2(filterNote()->text().contains(QStringLiteral("\"zz\" is not a filter operator")),
            qPrintable(filterNote()->text()));
        QVERIFY(filterNote()->text().contains(QStringLiteral("eq, ne, co, sw, ew")));
        QCOMPARE(m->searchText(), QStringLiteral("zzz-nobody"));

        filterEdit()->clear(); // runs once typing pauses
        QVERIFY(QTest::qWaitFor([m] { return !m->isSearching(); }, 5000));
        QVERIFY(!filterNote()->text().contains(QStringLiteral("operator")));
        QVERIFY(waitSettled());
        QCOMPARE(m->totalCount(), 600);

        QVERIFY(m_window->activateProfile(QStringLiteral("Acme (Karmo)")));
        QCOMPARE(searchModeLabel()->text(), QStringLiteral("Fi&lter loaded rows:"));
        QVERIFY(filterEdit()->text().isEmpty());
    }

    // Edit › Find in all profiles (Ctrl+Shift+F): the person's account, a failing profile's error
    // on click, the detail pane for the account found.
    void findInAllProfiles()
    {
        QVERIFY(m_window->activateProfile(QStringLiteral("Acme (Karmo)")));
        QVERIFY(waitSettled());
        m_window->activateWindow();
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(m_window->findChild<FindDialog *>() != nullptr);
        FindDialog *dialog = m_window->openFind();
        QCOMPARE(m_window->findChild<FindDialog *>(), dialog); // raised, not opened twice
        dialog->setProfileChecked(QStringLiteral("Karmo flaky"), false);
        const SandboxPerson p = SandboxData::person(QStringLiteral("acme-n300"), 5);
        const QString local
            = p.email.section(QLatin1Char('@'), 0, 0).section(QLatin1Char('+'), 0, 0);
        dialog->setText(local.toUpper() + QStringLiteral("+offboarding@example.com"));
        dialog->find();
        QVERIFY(QTest::qWaitFor([dialog] { return !dialog->isSearching(); }, 30000));
        QTableWidget *results = TestSupport::child<QTableWidget>(dialog, "resultsTable");
        QCOMPARE(results->rowCount(), 1);
        QCOMPARE(results->item(0, 0)->text(), QStringLiteral("Acme (Karmo)"));
        QCOMPARE(results->item(0, 2)->text(), p.email);
        QCOMPARE(results->item(0, 8)->text(), QStringLiteral("email without +tag"));
        QVERIFY2(TestSupport::child<QLabel>(dialog, "summaryLabel")
                     ->text()
                     .contains(QStringLiteral("1 account(s) found")),
            qPrintable(TestSupport::child<QLabel>(dialog, "summaryLabel")->text()));
        QVERIFY(TestSupport::child<QLabel>(dialog, "summaryLabel")
                    ->text()
                    .contains(QStringLiteral("1 profile(s) failed")));
        results->selectRow(0);
        QVERIFY(TestSupport::child<UserDetailPane>(dialog, "findDetailPane")->isVisibleTo(dialog));
        QVERIFY(TestSupport::child<UserDetailPane>(dialog, "findDetailPane")
                    ->identityText()
                    .contains(p.email));
        TestSupport::saveScreenshot(dialog, QStringLiteral("find.png"));

        QTreeWidgetItem *failed = nullptr;
        for (int i = 0;
             i < TestSupport::child<QTreeWidget>(dialog, "profileTree")->topLevelItemCount(); ++i) {
            if (TestSupport::child<QTreeWidget>(dialog, "profileTree")->topLevelItem(i)->text(0)
                == QStringLiteral("LlamaCloud 422"))
                failed = TestSupport::child<QTreeWidget>(dialog, "profileTree")->topLevelItem(i);
        }
        QVERIFY(failed);
        QVERIFY(failed->text(2).startsWith(QStringLiteral("Failed: HTTP 422")));
        TestSupport::child<QTreeWidget>(dialog, "profileTree")->setCurrentItem(failed);
        QVERIFY(TestSupport::child<ErrorPane>(dialog, "findErrorPane")->isVisibleTo(dialog));
        QCOMPARE(TestSupport::child<ErrorPane>(dialog, "findErrorPane")->headline(),
            QStringLiteral("HTTP 422 UNPROCESSABLE_ENTITY"));
        dialog->close();
    }

    // Find starts from the selected user's address, selected, so typing another replaces it.
    void findStartsFromTheSelectedUserSelected()
    {
        QTRY_VERIFY(!m_window->findChild<FindDialog *>()); // the last one was closed
        QVERIFY(m_window->activateProfile(QStringLiteral("Acme (Karmo)")));
        QVERIFY(waitSettled());
        selectSourceRow(4);
        const QString email = m_window->currentModel()->user(4).email;
        QPointer<FindDialog> dialog = m_window->openFind();
        auto *field = TestSupport::child<QLineEdit>(dialog, "findText");
        QCOMPARE(field->text(), email);
        QCOMPARE(field->selectedText(), email);
        QTest::keyClicks(field, QStringLiteral("olga@example.com"));
        QCOMPARE(field->text(), QStringLiteral("olga@example.com"));
        dialog->close();
        QTRY_VERIFY(!dialog);
    }

    // Once a use-after-free: a find borrows the window's sessions, the profiles are switched
    // through (Ctrl+1 … Ctrl+7, so the least recently used sessions are closed under it) while
    // it runs, then the dialog is closed. Run under asan too.
    void findOutlivesTheSessionsItBorrowed()
    {
        for (const Profile &p : m_store.profiles())
            QVERIFY(m_window->activateProfile(p.name));
        m_sandbox.setLatencyMs(3000); // Karmo's three pages take 9 s: still searching below, even
        // under asan on a loaded machine
        QPointer<FindDialog> dialog = m_window->openFind();
        dialog->setProfileChecked(QStringLiteral("Karmo flaky"), false); // its one 500 is for later
        dialog->setText(QStringLiteral("nobody.at.all@example.com"));
        dialog->find();
        QVERIFY(dialog->isSearching());
        m_window->activateWindow();
        for (int round = 0; round < 2; ++round) {
            for (int i = 1; i <= int(m_store.profiles().size()); ++i) {
                QTest::keyClick(m_window.get(), Qt::Key(Qt::Key_0 + i), Qt::ControlModifier);
                QCoreApplication::processEvents();
            }
        }
        QVERIFY(dialog->isSearching());
        dialog->close(); // deleted on close, with its finder
        QTRY_VERIFY(!dialog);
        m_sandbox.setLatencyMs(5);
        // The window goes on as before.
        QVERIFY(m_window->activateProfile(QStringLiteral("Acme (Karmo)")));
        QVERIFY(waitSettled());
        QVERIFY(m_window->currentModel()->rowCount() > 0);
    }

    // File › Access review: the file and the summary; a failing profile keeps the old file.
    void accessReview()
    {
        ReviewDialog *dialog = m_window->openReview();
        const QString path = m_dir.filePath(QStringLiteral("review.csv"));
        dialog->setOutputPath(path);
        dialog->setProfileChecked(QStringLiteral("LlamaCloud 422"), false);
        dialog->setProfileChecked(QStringLiteral("Karmo flaky"), false);
        dialog->startReview();
        QVERIFY(QTest::qWaitFor([dialog] { return !dialog->isRunning(); }, 60000));
        QVERIFY2(TestSupport::child<QLabel>(dialog, "summaryLabel")
                     ->text()
                     .startsWith(QStringLiteral("Wrote 1,830 accounts")),
            qPrintable(TestSupport::child<QLabel>(dialog, "summaryLabel")->text()));
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QVERIFY(written.readLine().startsWith("person,profile,kind,id,"));
        written.close();
        TestSupport::saveScreenshot(dialog, QStringLiteral("review.png"));

        dialog->setProfileChecked(QStringLiteral("LlamaCloud 422"), true);
        const QByteArray before = [&path] {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        dialog->startReview();
        QVERIFY(QTest::qWaitFor([dialog] { return !dialog->isRunning(); }, 60000));
        QVERIFY2(TestSupport::child<QLabel>(dialog, "summaryLabel")
                     ->text()
                     .contains(QStringLiteral("was not written")),
            qPrintable(TestSupport::child<QLabel>(dialog, "summaryLabel")->text()));
        QFile again(path);
        QVERIFY(again.open(QIODevice::ReadOnly));
        QCOMPARE(again.readAll(), before);
        dialog->close();
    }

    // File › History… opens the history of the store ROSTER_STORE names, raised when open.
    void historyFromTheFileMenu()
    {
        QAction *history = nullptr;
        for (QAction *menu : m_window->menuBar()->actions()) {
            for (QAction *a : menu->menu() ? menu->menu()->actions() : QList<QAction *> {}) {
                if (a->text() == QStringLiteral("&History…"))
                    history = a;
            }
        }
        QVERIFY(history);
        history->trigger();
        HistoryDialog *dialog = m_window->findChild<HistoryDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(TestSupport::child<QLabel>(dialog, "historyStatus")
                    ->text()
                    .contains(QStringLiteral("No snapshot yet")));
        QCOMPARE(m_window->openHistory(), dialog); // raised, not opened twice
        QVERIFY(QFileInfo::exists(m_dir.filePath(QStringLiteral("history.sqlite"))));
        dialog->close();
        QTRY_VERIFY(!m_window->findChild<HistoryDialog *>());
    }

    void copyAsTabSeparated()
    {
        QVERIFY(m_window->activateProfile(QStringLiteral("Acme (Karmo)")));
        QVERIFY(waitSettled());
        table()->clearSelection();
        table()->selectionModel()->select(
            proxy()->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        table()->selectionModel()->select(
            proxy()->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const QString text = table()->selectedRowsAsText();
        const QStringList lines = text.split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[0].startsWith(m_window->currentModel()->user(0).id + QLatin1Char('\t')));
        QVERIFY(lines[0].contains(m_window->currentModel()->user(0).email));
    }

    void errorThenRetryInTheWindow()
    {
        QVERIFY(m_window->activateProfile(QStringLiteral("Karmo flaky")));
        QVERIFY(waitSettled());
        UserTableModel *m = m_window->currentModel();
        QCOMPARE(m->rowCount(), 100);
        m->fetchMore({});
        QVERIFY(waitSettled());
        QCOMPARE(m->state(), UserTableModel::State::Failed);
        QVERIFY(m_window->isErrorShown());
        QPushButton *retry = errorPane()->findChild<QPushButton *>();
        QVERIFY(retry);
        QTest::mouseClick(retry, Qt::LeftButton);
        QVERIFY(waitSettled());
        QVERIFY(m->rowCount() >= 200);
        QVERIFY(!m_window->isErrorShown());
    }

    void ctrlEndLoadsEverything()
    {
        QVERIFY(m_window->activateProfile(QStringLiteral("Acme (CSP)")));
        QVERIFY(waitSettled());
        table()->setFocus();
        QTest::keyClick(table(), Qt::Key_End, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentModel()->rowCount(), 450, 15000);
        QCOMPARE(m_window->currentModel()->state(), UserTableModel::State::Complete);
    }

    void sessionsAreBounded()
    {
        m_window->setSessionLimit(2);
        QVERIFY(m_window->activateProfile(QStringLiteral("Acme (Char)")));
        QVERIFY(m_window->activateProfile(QStringLiteral("Acme (CSP)")));
        QVERIFY(m_window->activateProfile(QStringLiteral("Acme (Karmo)")));
        QCOMPARE(m_window->sessionCount(), 2);
        m_window->setSessionLimit(6);
    }

    void profileDialogScimNeedsNoOrganization()
    {
        ProfileDialog dialog(&m_store, &m_credentials, &m_nam, false, m_window.get());
        dialog.show();
        dialog.addProfile();
        TestSupport::child<QComboBox>(&dialog, "kindCombo")
            ->setCurrentIndex(TestSupport::child<QComboBox>(&dialog, "kindCombo")
                                  ->findData(QStringLiteral("scim")));
        TestSupport::child<QLineEdit>(&dialog, "nameField")
            ->setText(QStringLiteral("Sandbox SCIM"));
        TestSupport::child<QLineEdit>(&dialog, "baseUrlField")
            ->setText(m_sandbox.url(QStringLiteral("/scim/dialog-n5/v2")).toString());
        TestSupport::settleWidgets();
        QVERIFY(!TestSupport::child<QLineEdit>(&dialog, "organizationField")->isVisibleTo(&dialog));
        QVERIFY2(dialog.fieldMessage(QStringLiteral("organization")).isEmpty(),
            qPrintable(dialog.fieldMessage(QStringLiteral("organization"))));
        TestSupport::saveScreenshot(&dialog, QStringLiteral("profiles-dialog-scim.png"));
        TestSupport::child<QComboBox>(&dialog, "kindCombo")
            ->setCurrentIndex(TestSupport::child<QComboBox>(&dialog, "kindCombo")
                                  ->findData(QStringLiteral("karmo")));
        QVERIFY(TestSupport::child<QLineEdit>(&dialog, "organizationField")->isVisibleTo(&dialog));
    }

    void profileDialogValidatesAndTests()
    {
        qputenv("ROSTER_GUI_TEST_TOKEN", "tok");
        ProfileDialog dialog(&m_store, &m_credentials, &m_nam, false, m_window.get());
        dialog.show();
        dialog.addProfile();
        TestSupport::child<QLineEdit>(&dialog, "nameField")->setText(QStringLiteral("Remote"));
        TestSupport::child<QLineEdit>(&dialog, "baseUrlField")
            ->setText(QStringLiteral("http://auth.example.com"));
        QVERIFY2(
            dialog.fieldMessage(QStringLiteral("baseUrl")).contains(QStringLiteral("loopback")),
            qPrintable(dialog.fieldMessage(QStringLiteral("baseUrl"))));
        QVERIFY(dialog.fieldMessage(QStringLiteral("organization"))
                    .contains(QStringLiteral("missing")));
        TestSupport::child<QLineEdit>(&dialog, "nameField")
            ->setText(QStringLiteral("Acme (Karmo)"));
        QVERIFY(dialog.fieldMessage(QStringLiteral("name"))
                    .contains(QStringLiteral("another profile")));
        TestSupport::child<QLineEdit>(&dialog, "nameField")
            ->setText(QStringLiteral("Sandbox Karmo"));
        TestSupport::child<QLineEdit>(&dialog, "baseUrlField")
            ->setText(m_sandbox.url(QStringLiteral("/karmo")).toString());
        TestSupport::child<QLineEdit>(&dialog, "organizationField")
            ->setText(QStringLiteral("test-n42"));
        QComboBox *source = TestSupport::child<QComboBox>(&dialog, "credentialSource");
        source->setCurrentIndex(source->findData(int(CredentialSource::Type::Env)));
        TestSupport::child<QLineEdit>(&dialog, "credentialValue")
            ->setText(QStringLiteral("ROSTER_GUI_TEST_TOKEN"));
        QVERIFY2(dialog.fieldMessage(QStringLiteral("baseUrl")).isEmpty(),
            qPrintable(dialog.fieldMessage(QStringLiteral("baseUrl"))));
        QVERIFY2(dialog.fieldMessage(QStringLiteral("credential")).isEmpty(),
            qPrintable(dialog.fieldMessage(QStringLiteral("credential"))));
        QTest::mouseClick(TestSupport::child<QPushButton>(&dialog, "testButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(TestSupport::child<QLabel>(&dialog, "testResult")
                                     ->text()
                                     .startsWith(QStringLiteral("✔")),
            15000);
        QVERIFY(TestSupport::child<QLabel>(&dialog, "testResult")
                    ->text()
                    .contains(QStringLiteral("42")));
        TestSupport::saveScreenshot(&dialog, QStringLiteral("profiles-dialog.png"));
        const QList<Profile> edited = dialog.profiles();
        QCOMPARE(edited.last().name, QStringLiteral("Sandbox Karmo"));
        QCOMPARE(edited.last().credential.type, CredentialSource::Type::Env);
        dialog.reject();
    }

    // A private deployment's HTTPS: Test connection says which certificate was refused and what
    // would fix it; with the CA as caFile it connects and shows the chain it was given.
    void profileDialogTestsTlsAndShowsTheChain()
    {
        QTemporaryDir dir;
        const SandboxTls tls = SandboxTls::create(dir.filePath(QStringLiteral("tls")));
        QVERIFY2(tls.isValid(), qPrintable(tls.error));
        SandboxHost host;
        QVERIFY(host.start(0, 25000, 0, &tls));
        qputenv("ROSTER_GUI_TEST_TOKEN", "tok");
        ProfileDialog dialog(&m_store, &m_credentials, &m_nam, false, m_window.get());
        dialog.show();
        dialog.addProfile();
        TestSupport::child<QLineEdit>(&dialog, "nameField")->setText(QStringLiteral("Private CA"));
        TestSupport::child<QLineEdit>(&dialog, "baseUrlField")
            ->setText(host.url(QStringLiteral("/karmo")).toString());
        TestSupport::child<QLineEdit>(&dialog, "organizationField")
            ->setText(QStringLiteral("test-n42"));
        QComboBox *source = TestSupport::child<QComboBox>(&dialog, "credentialSource");
        source->setCurrentIndex(source->findData(int(CredentialSource::Type::Env)));
        TestSupport::child<QLineEdit>(&dialog, "credentialValue")
            ->setText(QStringLiteral("ROSTER_GUI_TEST_TOKEN"));
        auto *proxy = TestSupport::child<QLineEdit>(&dialog, "proxyField");
        proxy->setText(QStringLiteral("ftp://proxy.example:21"));
        QVERIFY(dialog.fieldMessage(QStringLiteral("proxy")).contains(QStringLiteral("socks5://")));
        proxy->setText(QStringLiteral("none"));
        QVERIFY(dialog.fieldMessage(QStringLiteral("proxy")).isEmpty());
        auto *result = TestSupport::child<QLabel>(&dialog, "testResult");
        QTest::mouseClick(TestSupport::child<QPushButton>(&dialog, "testButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("✘")), 15000);
        QVERIFY2(result->text().contains(QStringLiteral("Roster sandbox throwaway CA")),
            qPrintable(result->text()));
        QVERIFY(result->text().contains(QStringLiteral("caFile")));
        TestSupport::saveScreenshot(&dialog, QStringLiteral("profiles-dialog-tls-refused.png"));
        TestSupport::child<QLineEdit>(&dialog, "caFileField")->setText(tls.caFile);
        QVERIFY(dialog.fieldMessage(QStringLiteral("caFile")).isEmpty());
        QTest::mouseClick(TestSupport::child<QPushButton>(&dialog, "testButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("✔")), 15000);
        QVERIFY2(result->text().contains(QStringLiteral("Certificate 1: CN=localhost, issued by "
                                                        "CN=Roster sandbox throwaway CA")),
            qPrintable(result->text()));
        TestSupport::saveScreenshot(&dialog, QStringLiteral("profiles-dialog-tls.png"));
        const Profile saved = dialog.profiles().last();
        QCOMPARE(saved.caFile, tls.caFile);
        QCOMPARE(saved.proxy, QStringLiteral("none"));
        dialog.reject();
    }

    void exportDialogDuringASearchSaysSo()
    {
        ExportDialog dialog(ExportDialog::Scope::All, QStringLiteral("Acme (SCIM)"), 600,
            Columns::defaults(), m_window.get());
        QVERIFY(dialog.summaryText().contains(QStringLiteral("600 users")));
        dialog.setSearch(QStringLiteral("Acme (SCIM)"), QStringLiteral("active eq false"), 58);
        QCOMPARE(dialog.summaryText(),
            QStringLiteral("The 58 users the server found in Acme (SCIM) for “active eq false” are "
                           "fetched straight into the file."));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Export the users found"));
    }

    // An "Export all" to a file that is cancelled keeps the rows read so far and offers Resume,
    // which continues it to the same file as an export that never stopped (issue #26).
    void aStoppedExportAllOffersResume()
    {
        const Profile p = profile(
            QStringLiteral("Acme (Karmo)"), QStringLiteral("karmo"), QStringLiteral("win-n2000"));
        std::unique_ptr<Provider> provider(
            ProviderFactory::create(p, SandboxServer::demoToken(), &m_nam));
        ExportJob::Options options;
        options.columns = {Column::Id, Column::Email};
        const QString path = m_dir.filePath(QStringLiteral("window-resume.csv"));
        m_sandbox.setLatencyMs(30);
        auto fast = qScopeGuard([this] { m_sandbox.setLatencyMs(5); });
        auto *job = new ExportJob(provider.get(), options);
        job->setOutputPath(path);
        auto *progress = new ExportProgressDialog(job, p.name, path, m_window.get());
        connect(job, &ExportJob::progress, progress, [progress](qint64 rows) {
            if (rows >= 300) // the dialog's own Cancel button, as the user presses it
                progress->findChild<QPushButton *>()->click();
        });
        QSignalSpy resumed(progress, &ExportProgressDialog::resumeRequested);
        QString text;
        QStringList buttons;
        QTimer clicker;
        connect(&clicker, &QTimer::timeout, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            clicker.stop();
            text = box->text() + QLatin1Char(' ') + box->informativeText();
            for (QAbstractButton *b : box->buttons())
                buttons << b->text();
            TestSupport::saveScreenshot(box, QStringLiteral("export-resume.png"));
            for (QAbstractButton *b : box->buttons()) {
                if (b->text() == QLatin1String("&Resume"))
                    b->click();
            }
            box->reject(); // any other box: the test fails on what it said, rather than hang
        });
        clicker.start(20);
        job->start();
        QVERIFY(resumed.wait(30000));
        QVERIFY2(text.contains(QStringLiteral("Export cancelled after")), qPrintable(text));
        QVERIFY2(text.contains(QDir::toNativeSeparators(path + QStringLiteral(".partial"))),
            qPrintable(text));
        buttons.sort();
        QCOMPARE(buttons,
            (QStringList {QStringLiteral("&Discard rows"), QStringLiteral("&Keep for later"),
                QStringLiteral("&Resume")}));
        const auto again = resumed.first().at(0).value<ExportJob::Options>();
        QVERIFY(again.resume);
        QCOMPARE(resumed.first().at(1).toString(), path);
        QVERIFY(!QFile::exists(path));

        ExportJob resumedJob(provider.get(), again);
        resumedJob.setOutputPath(path);
        QSignalSpy finished(&resumedJob, &ExportJob::finished);
        resumedJob.start();
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.first().first().toBool(), qPrintable(resumedJob.error().summary()));
        QVERIFY(resumedJob.rowsResumedFrom() >= 300);
        ExportJob whole(provider.get(), options);
        const QString wholePath = m_dir.filePath(QStringLiteral("window-whole.csv"));
        whole.setOutputPath(wholePath);
        QSignalSpy wholeFinished(&whole, &ExportJob::finished);
        whole.start();
        QVERIFY(wholeFinished.wait(30000));
        QFile a(path), b(wholePath);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(a.readAll(), b.readAll());
    }

    void exportDialogDefaultsToVisibleColumns()
    {
        const QList<Column> visible {Column::Email, Column::Id, Column::Phone};
        ExportDialog dialog(ExportDialog::Scope::Selected, QStringLiteral("Acme (Karmo)"), 3,
            visible, m_window.get());
        QCOMPARE(dialog.columns(), visible);
        QVERIFY(dialog.path().endsWith(QStringLiteral("acme-karmo-users.csv")));
        QVERIFY(dialog.formulaGuard());
        dialog.columnList()->item(0)->setCheckState(Qt::Unchecked);
        QCOMPARE(dialog.columns(), (QList<Column> {Column::Id, Column::Phone}));
        TestSupport::saveScreenshot(&dialog, QStringLiteral("export-dialog.png"));
    }

    void longAndNonLatinNamesDisplay()
    {
        QVERIFY(m_window->activateProfile(QStringLiteral("Acme (CSP)")));
        QVERIFY(waitSettled());
        const int row = findRow([](const User &u) {
            return u.givenName == QStringLiteral("太郎")
                || u.givenName.startsWith(QStringLiteral("Maximiliana"));
        });
        QVERIFY(row >= 0);
        selectSourceRow(row);
        QVERIFY(
            detailPane()->identityText().contains(m_window->currentModel()->user(row).givenName));
        TestSupport::saveScreenshot(m_window.get(), QStringLiteral("csp-user.png"));
    }

    void windowStateIsRemembered()
    {
        m_window->close();
        QSettings settings;
        QVERIFY(!settings.value(QStringLiteral("window/geometry")).toByteArray().isEmpty());
        QVERIFY(!settings.value(QStringLiteral("columns/csp")).toByteArray().isEmpty());
        QCOMPARE(settings.value(QStringLiteral("demo/lastProfile")).toString(),
            QStringLiteral("Acme (CSP)"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
