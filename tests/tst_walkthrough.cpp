// A walk through every dialog and pane of the window, as a new user would meet them, on the demo
// profiles, in the language of ROSTER_WALK_LOCALE (CTest runs it in English and in German). It
// fails when a visible label shows a literal "&" (a mnemonic without a buddy, or whose buddy
// cannot take focus), when a proposed path lies in a folder that does not exist, or when a list,
// combo box or label cuts one of the demo's own profile names short, or when widgets that one
// layout places overlap or are squeezed below their minimum height (a layout that lost track of
// its rows). Screenshots of every step go
// to walkthrough/<locale>/ beside the test binary.
#include "aboutdialog.h"
#include "credentialstore.h"
#include "errorpane.h"
#include "exportdialog.h"
#include "finddialog.h"
#include "mainwindow.h"
#include "profiledialog.h"
#include "profilestore.h"
#include "sandbox/sandboxdemo.h"
#include "sandbox/sandboxhost.h"
#include "testsupport.h"
#include "translations.h"
#include "userdetailpane.h"
#include "userfilterproxymodel.h"
#include "usertablemodel.h"
#include "usertableview.h"
#include "windowtest.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QListView>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSettings>
#include <QStyleFactory>
#include <QStyleOptionComboBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

class TestWalkthrough : public WindowTest
{
    Q_OBJECT

    QTemporaryDir m_home;
    SandboxHost m_sandbox;
    QNetworkAccessManager m_nam;
    CredentialStore m_credentials;
    ProfileStore m_store;

    QStringList m_names;
    QString m_locale;

    static bool hasMnemonic(const QString &text)
    {
        QString t = text;
        t.remove(QStringLiteral("&&"));
        static const QRegularExpression mnemonic(QStringLiteral("&[^\\s&]"));
        return mnemonic.match(t).hasMatch();
    }

    static bool laysOut(const QLayout *layout, const QWidget *w)
    {
        for (int i = 0; layout && i < layout->count(); ++i) {
            QLayoutItem *item = layout->itemAt(i);
            if (item->widget() == w || laysOut(item->layout(), w))
                return true;
        }
        return false;
    }

    static QString describe(const QWidget *w)
    {
        const auto *label = qobject_cast<const QLabel *>(w);
        return QStringLiteral("%1 \"%2\"")
            .arg(QString::fromLatin1(w->metaObject()->className()),
                label ? label->text() : w->objectName());
    }

    // Visible widgets that one layout places and that cover each other or do not fit.
    static QStringList misplaced(QWidget *top)
    {
        QStringList out;
        for (QWidget *parent : top->findChildren<QWidget *>()) {
            if (!parent->isVisibleTo(top) || !parent->layout())
                continue;
            QList<QWidget *> placed;
            for (QObject *o : parent->children()) {
                auto *w = qobject_cast<QWidget *>(o);
                if (w && !w->isWindow() && w->isVisibleTo(top) && laysOut(parent->layout(), w))
                    placed << w;
            }
            for (qsizetype i = 0; i < placed.size(); ++i) {
                const int needed
                    = std::max(placed[i]->minimumSizeHint().height(), placed[i]->minimumHeight());
                if (placed[i]->height() < needed)
                    out << QStringLiteral("%1 is squeezed to %2 px high (needs %3) in %4")
                               .arg(describe(placed[i]))
                               .arg(placed[i]->height())
                               .arg(needed)
                               .arg(describe(parent));
                for (qsizetype j = i + 1; j < placed.size(); ++j) {
                    if (placed[i]->geometry().intersects(placed[j]->geometry()))
                        out << QStringLiteral("%1 overlaps %2 in %3")
                                   .arg(describe(placed[i]), describe(placed[j]), describe(parent));
                }
            }
        }
        return out;
    }

    // Every problem a person would see in `top` as it is shown now, one line each.
    QStringList problems(QWidget *top) const
    {
        QStringList out = misplaced(top);
        for (QLabel *label : top->findChildren<QLabel *>()) {
            if (!label->isVisibleTo(top) || label->textFormat() == Qt::RichText
                || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()))
                || label->textInteractionFlags().testFlag(
                    Qt::TextSelectableByMouse)) // a value, not a caption
                continue;
            if (hasMnemonic(label->text())) {
                QWidget *buddy = label->buddy();
                QWidget *target = buddy;
                while (target && target->focusProxy())
                    target = target->focusProxy();
                if (!buddy)
                    out << QStringLiteral("label \"%1\" shows a literal & (no buddy)")
                               .arg(label->text());
                else if (target->focusPolicy() == Qt::NoFocus)
                    out << QStringLiteral("label \"%1\": its buddy cannot take focus")
                               .arg(label->text());
            }
            for (const QString &name : m_names) {
                if (label->text().contains(name) && !label->wordWrap()
                    && label->width() < label->fontMetrics().horizontalAdvance(label->text()))
                    out << QStringLiteral("label cuts \"%1\" short").arg(name);
            }
        }
        for (QListView *list : top->findChildren<QListView *>()) {
            if (!list->isVisibleTo(top) || !list->model())
                continue;
            for (int r = 0; r < list->model()->rowCount(); ++r) {
                const QModelIndex index = list->model()->index(r, list->modelColumn());
                const QString text = index.data().toString();
                if (m_names.contains(text)
                    && list->sizeHintForIndex(index).width() > list->viewport()->width())
                    out << QStringLiteral("list \"%1\" elides \"%2\" (%3 px wanted, %4 px shown)")
                               .arg(list->objectName(), text)
                               .arg(list->sizeHintForIndex(index).width())
                               .arg(list->viewport()->width());
            }
        }
        for (QComboBox *combo : top->findChildren<QComboBox *>()) {
            if (!combo->isVisibleTo(top))
                continue;
            // The profile switcher has a maximum width (the tool bar must not overflow): a long
            // name may be elided there, but its tooltip, the combo's own, names it whole.
            if (combo->objectName() == QLatin1String("profileCombo")) {
                for (int i = 0; i < combo->count(); ++i) {
                    if (!combo->itemData(i, Qt::ToolTipRole)
                             .toString()
                             .startsWith(combo->itemText(i)))
                        out << QStringLiteral("profile \"%1\" has no tooltip with its full name")
                                   .arg(combo->itemText(i));
                }
                if (combo->toolTip() != combo->currentText())
                    out << QStringLiteral("the profile switcher's tooltip is not the current name");
                continue;
            }
            QStyleOptionComboBox option;
            option.initFrom(combo);
            option.editable = combo->isEditable();
            const QRect field = combo->style()->subControlRect(
                QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, combo);
            for (int i = 0; i < combo->count(); ++i) {
                const QString text = combo->itemText(i);
                const bool demoName = std::any_of(m_names.cbegin(), m_names.cend(),
                    [&](const QString &n) { return text.contains(n); });
                const int iconWidth
                    = combo->itemIcon(i).isNull() ? 0 : combo->iconSize().width() + 4;
                if (demoName
                    && combo->fontMetrics().horizontalAdvance(text) + iconWidth > field.width())
                    out << QStringLiteral("combo box elides \"%1\" (%2 px shown)")
                               .arg(text)
                               .arg(field.width());
            }
        }
        for (QLineEdit *edit : top->findChildren<QLineEdit *>(QStringLiteral("path"))) {
            const QFileInfo file(edit->text());
            if (edit->isVisibleTo(top) && !QFileInfo(file.absolutePath()).isDir())
                out << QStringLiteral("the proposed path %1 lies in a folder that does not exist")
                           .arg(edit->text());
        }
        return out;
    }

    void look(QWidget *w, const QString &name)
    {
        TestSupport::settleWidgets(); // layouts settle before measuring
        const QString dir = QDir(QCoreApplication::applicationDirPath())
                                .filePath(QStringLiteral("walkthrough/") + m_locale);
        QDir().mkpath(dir);
        QVERIFY(w->grab().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
        const QStringList found = problems(w);
        QVERIFY2(found.isEmpty(),
            qPrintable(name + QStringLiteral(": ") + found.join(QStringLiteral("; "))));
    }

    bool waitSettled()
    {
        return QTest::qWaitFor(
            [this] {
                UserTableModel *m = m_window->currentModel();
                return m && m->provider() && !m->isLoading();
            },
            20000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // A fresh account: a home folder with no Documents in it, and no settings yet.
        qputenv("HOME", m_home.path().toLocal8Bit());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral(".config")).toLocal8Bit());
        qunsetenv("XDG_DOCUMENTS_DIR");
        m_locale = qEnvironmentVariable("ROSTER_WALK_LOCALE", QStringLiteral("en_US"));
        const QLocale locale(m_locale);
        QLocale::setDefault(locale);
        const bool translated = Translations::install(QCoreApplication::instance(), locale);
        // The same walk on a dark Fusion palette (and, from CTest, at QT_SCALE_FACTOR=2).
        if (qEnvironmentVariable("ROSTER_WALK_PALETTE") == QLatin1String("dark")) {
            QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
            QApplication::setPalette(TestSupport::darkPalette());
            m_locale += QStringLiteral("-dark");
        }
        if (qEnvironmentVariableIntValue("QT_SCALE_FACTOR") > 1)
            m_locale += QStringLiteral("-x") + qEnvironmentVariable("QT_SCALE_FACTOR");
        QCOMPARE(translated, locale.language() == QLocale::German);

        QVERIFY(m_sandbox.start(0, 2000, 5));
        m_store.setProfiles(SandboxDemo::profiles(m_sandbox.url()));
        for (const Profile &p : m_store.profiles())
            m_names << p.name;
        MainWindow::Context context;
        context.store = &m_store;
        context.credentials = &m_credentials;
        context.nam = &m_nam;
        context.demo = true;
        m_window = std::make_unique<MainWindow>(context);
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(waitSettled());
    }

    void cleanupTestCase() { m_window.reset(); }

    void theWindowWithAUserOpen()
    {
        QVERIFY(m_window->activateProfile(m_names.first()));
        QVERIFY(waitSettled());
        look(m_window.get(), QStringLiteral("01-window"));
        table()->selectRow(3);
        QTRY_VERIFY(detailPane()->isVisible());
        look(m_window.get(), QStringLiteral("02-detail-pane"));
    }

    void everyDemoProfileInTheWindow()
    {
        // Each demo profile in turn, the error ones included: the error pane, its headline and
        // details are part of the walk.
        for (int i = 0; i < m_names.size(); ++i) {
            QVERIFY(m_window->activateProfile(m_names[i]));
            QVERIFY2(waitSettled(), qPrintable(m_names[i]));
            look(m_window.get(), QStringLiteral("03-profile-%1").arg(i, 2, 10, QLatin1Char('0')));
        }
        QVERIFY(m_window->isErrorShown());
    }

    // The main way to find a user is never out of sight: at the default width and down to the
    // minimum, the search field and its label are whole and inside the window, and the tool bar
    // does not overflow behind its » button.
    void theSearchStaysInViewDownTo900Pixels()
    {
        QVERIFY(m_window->activateProfile(m_names.first()));
        QVERIFY(waitSettled());
        for (const int width : {1280, 1024, 900}) {
            m_window->resize(width, 700);
            TestSupport::settleWidgets();
            QCOMPARE(m_window->width(), width);
            auto *field = TestSupport::child<QLineEdit>(m_window.get(), "searchField");
            auto *label = TestSupport::child<QLabel>(m_window.get(), "searchModeLabel");
            const QString at = QStringLiteral("at %1 px").arg(width);
            QVERIFY2(field->isVisible() && label->isVisible(), qPrintable(at));
            const QRect inWindow(field->mapTo(m_window.get(), QPoint()), field->size());
            QVERIFY2(m_window->rect().contains(inWindow), qPrintable(at));
            QVERIFY2(field->width() >= 200, qPrintable(at));
            QVERIFY2(label->width() >= label->sizeHint().width(), qPrintable(at));
            for (QToolBar *bar : m_window->findChildren<QToolBar *>()) {
                const auto *more
                    = bar->findChild<QWidget *>(QStringLiteral("qt_toolbar_ext_button"));
                QVERIFY2(!more || !more->isVisible(),
                    qPrintable(at + QStringLiteral(": tool bar overflows")));
            }
            look(m_window.get(), QStringLiteral("07-width-%1").arg(width));
        }
        m_window->resize(1280, 800);
    }

    // A dialog that opens with a prefilled field selects it, so typing replaces it.
    void findOpensWithThePrefilledTextSelected()
    {
        QVERIFY(m_window->activateProfile(m_names.first()));
        QVERIFY(waitSettled());
        table()->selectionModel()->setCurrentIndex(table()->model()->index(2, 0),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        FindDialog *dialog = m_window->openFind();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto *text = TestSupport::child<QLineEdit>(dialog, "findText");
        QVERIFY(!text->text().isEmpty());
        QCOMPARE(text->selectedText(), text->text());
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(text));
        dialog->close();
    }

    void theProfilesDialog()
    {
        ProfileDialog dialog(&m_store, &m_credentials, &m_nam, true, m_window.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        look(&dialog, QStringLiteral("04-profiles"));
        for (const QString &name : std::as_const(m_names)) {
            dialog.selectProfile(name);
            look(&dialog, QStringLiteral("05-profile-") + QString::number(m_names.indexOf(name)));
        }
        dialog.addProfile();
        look(&dialog, QStringLiteral("06-new-profile"));
        dialog.reject();
    }

    void theExportDialogProposesAFolderThatExists()
    {
        QVERIFY(!QFileInfo::exists(m_home.filePath(QStringLiteral("Documents"))));
        QSettings().remove(QStringLiteral("export/lastDir"));
        {
            ExportDialog dialog(ExportDialog::Scope::All, m_names.first(), 25000,
                Columns::defaults(), m_window.get());
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QCOMPARE(QFileInfo(dialog.path()).absolutePath(), QDir(m_home.path()).absolutePath());
            look(&dialog, QStringLiteral("07-export-all"));
            // The folder chosen last time is proposed next time.
            QVERIFY(QDir(m_home.path()).mkpath(QStringLiteral("exports")));
            dialog.setPath(m_home.filePath(QStringLiteral("exports/people.csv")));
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        {
            ExportDialog dialog(ExportDialog::Scope::Selected, m_names.first(), 3,
                Columns::defaults(), m_window.get());
            dialog.show();
            QCOMPARE(QFileInfo(dialog.path()).absolutePath(),
                QDir(m_home.filePath(QStringLiteral("exports"))).absolutePath());
            look(&dialog, QStringLiteral("08-export-selected"));
        }
        // Once Documents exists, and the last folder is gone, Documents is proposed.
        QVERIFY(QDir(m_home.filePath(QStringLiteral("exports"))).removeRecursively());
        QVERIFY(QDir(m_home.path()).mkpath(QStringLiteral("Documents")));
        ExportDialog dialog(
            ExportDialog::Scope::All, m_names.first(), -1, Columns::defaults(), m_window.get());
        QCOMPARE(QFileInfo(dialog.path()).absolutePath(),
            QDir(m_home.filePath(QStringLiteral("Documents"))).absolutePath());
    }

    void theAboutDialog()
    {
        AboutDialog dialog(m_window.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        look(&dialog, QStringLiteral("09-about"));
    }

    void theCheckItselfCatchesALiteralAmpersand()
    {
        // The check must be able to fail: a caption with a mnemonic and no buddy is reported.
        QWidget w;
        auto *label = new QLabel(QStringLiteral("&File:"), &w);
        w.show();
        QVERIFY(problems(&w).join(QString()).contains(QStringLiteral("literal &")));
        auto *edit = new QLineEdit(&w);
        label->setBuddy(edit);
        QVERIFY(problems(&w).isEmpty());
    }
};

QTEST_MAIN(TestWalkthrough)
#include "tst_walkthrough.moc"
