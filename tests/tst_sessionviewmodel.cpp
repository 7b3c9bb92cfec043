// What the window says about the profile it shows, without a widget: the status bar's state and
// count, the empty table's text, which search the field runs and when (a SCIM server's search,
// a refused half-filter, the local filter), the error to show, and the export flow.
#include "credentialstore.h"
#include "exportjob.h"
#include "profilesessions.h"
#include "profilestore.h"
#include "sessionviewmodel.h"
#include "testsupport.h"
#include "userfilterproxymodel.h"
#include "usertablemodel.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QNetworkAccessManager>

using namespace TestSupport;
using namespace Qt::StringLiterals;

class TestSessionViewModel : public QObject
{
    Q_OBJECT

    SandboxServer m_server;
    QNetworkAccessManager m_nam;
    CredentialStore m_credentials;
    ProfileStore m_store;

    Profile profile(const QString &name, const QString &kind, const QString &org)
    {
        Profile p = sandboxProfile(m_server, kind, org);
        p.name = name;
        return p;
    }

    static bool settled(const SessionViewModel &view)
    {
        return QTest::qWaitFor(
            [&view] {
                return view.model() && view.session()->provider() && !view.status().loading;
            },
            15000);
    }

private slots:
    void initTestCase()
    {
        m_server.setLatencyMs(2);
        QVERIFY(m_server.start() != 0);
        m_store.setProfiles({profile(u"karmo"_s, u"karmo"_s, u"acme-n250"_s),
            profile(u"scim"_s, u"scim"_s, u"vm-scim-n300"_s),
            profile(u"broken"_s, u"llamacloud"_s, u"error-422"_s)});
    }

    void nothingShown()
    {
        SessionViewModel view(&m_store);
        const SessionViewModel::Status s = view.status();
        QCOMPARE(s.state, u"No profile selected."_s);
        QVERIFY(s.count.isEmpty());
        QVERIFY(!s.canExportAll && !s.canReload && !s.failed);
        QVERIFY(!view.searchesOnServer());
        QCOMPARE(view.searchLabel(), u"Fi&lter loaded rows:"_s);
    }

    void aPagedOrganizationLoadsAndSaysSo()
    {
        ProfileSessions sessions(&m_store, &m_credentials, &m_nam);
        SessionViewModel view(&m_store);
        QAbstractItemModelTester tester(view.proxy());
        QSignalSpy changed(&view, &SessionViewModel::statusChanged);
        view.show(sessions.open(u"karmo"_s));
        QVERIFY(settled(view));
        QVERIFY(changed.count() > 0);
        SessionViewModel::Status s = view.status();
        QCOMPARE(s.state, u"Scroll down to load more."_s);
        QCOMPARE(s.count, u"100 loaded, more available"_s);
        QVERIFY(s.canExportAll && s.canReload && !s.failed);
        QVERIFY(s.note.isEmpty());
        QCOMPARE(view.status(true).note, u"sorted: loaded rows only"_s);

        view.model()->loadAll();
        QVERIFY(QTest::qWaitFor(
            [&view] { return view.model()->state() == UserTableModel::State::Complete; }, 15000));
        s = view.status();
        QCOMPARE(s.state, u"All users of karmo are loaded."_s);
        QCOMPARE(s.count, u"250 user(s)"_s);

        // The local filter: what matches, and an empty table that says why.
        view.editSearch(u"zzz-nobody"_s);
        s = view.status();
        QCOMPARE(s.note, u"0 of 250 loaded match"_s);
        QCOMPARE(s.empty, u"No user matches “zzz-nobody”."_s);
        view.editSearch(QString());
        QVERIFY(view.status().empty.isEmpty());
    }

    void aFailedPageIsTheErrorToShow()
    {
        ProfileSessions sessions(&m_store, &m_credentials, &m_nam);
        SessionViewModel view(&m_store);
        QSignalSpy failed(&view, &SessionViewModel::failed);
        view.show(sessions.open(u"broken"_s));
        QVERIFY(failed.wait(15000));
        const SessionViewModel::Status s = view.status();
        QVERIFY(s.failed);
        QVERIFY2(s.state.startsWith(u"Loading failed: HTTP 422"_s), qPrintable(s.state));
        QCOMPARE(s.empty, u"Could not load users.\nThe error is shown on the right."_s);
        QCOMPARE(view.error().httpStatus, 422);
        QVERIFY(view.canRetry());
    }

    // SCIM: the field searches the server once typing pauses or on Return; a half-filter is
    // refused with a note and the rows stay.
    void aScimServerIsSearched()
    {
        ProfileSessions sessions(&m_store, &m_credentials, &m_nam);
        SessionViewModel view(&m_store);
        view.show(sessions.open(u"scim"_s));
        QVERIFY(settled(view));
        QVERIFY(QTest::qWaitFor([&view] { return view.searchesOnServer(); }, 10000));
        QCOMPARE(view.searchLabel(), u"Search on &server:"_s);

        view.submitSearch(u"active eq false"_s);
        QVERIFY(view.model()->isSearching());
        QVERIFY(settled(view));
        QVERIFY2(view.status().note.startsWith(u"found on the server for “active eq false”"_s),
            qPrintable(view.status().note));

        view.submitSearch(u"userName zz 1"_s);
        QCOMPARE(view.model()->searchText(), u"active eq false"_s); // not sent
        QVERIFY(view.status().note.contains(u"\"zz\" is not a filter operator"_s));

        view.editSearch(QString()); // everyone again, once typing pauses
        QVERIFY(QTest::qWaitFor([&view] { return !view.model()->isSearching(); }, 5000));
        QVERIFY(!view.status().note.contains(u"operator"_s));
    }

    void theExportFlow()
    {
        ProfileSessions sessions(&m_store, &m_credentials, &m_nam);
        SessionViewModel view(&m_store);
        view.show(sessions.open(u"karmo"_s));
        QVERIFY(settled(view));
        QString refusal;
        QVERIFY(!view.canExport(false, {}, &refusal));
        QCOMPARE(refusal, u"Select the rows to export first (Ctrl+A selects every loaded row)."_s);
        QVERIFY(view.canExport(true, {}, nullptr));
        QCOMPARE(view.exportCount(false, {1, 2, 3}), 3);

        QBuffer out;
        QVERIFY(out.open(QIODevice::WriteOnly));
        ExportJob::Options options;
        options.columns = {Column::Id};
        std::unique_ptr<ExportJob> job(
            view.startExport(false, {0, 2}, options, QString(), nullptr));
        QVERIFY(job);
        job->setOutputDevice(&out);
        QSignalSpy finished(job.get(), &ExportJob::finished);
        job->start();
        QVERIFY(finished.wait(5000));
        QCOMPARE(out.data(),
            "id\r\n" + view.model()->user(0).id.toUtf8() + "\r\n"
                + view.model()->user(2).id.toUtf8() + "\r\n");
        QCOMPARE(SessionViewModel::exportResultText(*job, u"/tmp/x.csv"_s),
            u"Wrote 2 row(s) to /tmp/x.csv."_s);
        QCOMPARE(SessionViewModel::exportProgressText(50, 200, 25),
            u"50 of 200 rows · 25 rows/s · about 7 second(s) left"_s);
        QCOMPARE(Job::waitText(2, 1500),
            u"The provider asked to wait; trying again in 1.5 s (attempt 2)."_s);
    }

    // The session closed under the view (evicted, or its profile edited): nothing is shown.
    void aClosedSessionIsLetGo()
    {
        ProfileSessions sessions(&m_store, &m_credentials, &m_nam);
        SessionViewModel view(&m_store);
        view.show(sessions.open(u"karmo"_s));
        QVERIFY(settled(view));
        sessions.close(u"karmo"_s);
        QVERIFY(!view.session());
        QCOMPARE(view.proxy()->rowCount(), 0);
        QCOMPARE(view.status().state, u"No profile selected."_s);
    }
};

QTEST_GUILESS_MAIN(TestSessionViewModel)
#include "tst_sessionviewmodel.moc"
