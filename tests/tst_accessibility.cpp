// What a screen reader and a keyboard user get, read from the QAccessibleInterface tree that Qt's
// AT-SPI bridge hands to Orca (names, roles, states and descriptions are passed through as they
// are): every actionable control and item view of the window and of every dialog has a name,
// labels with mnemonics are buddies of a field itself, empty labels never take focus, dialogs say
// whether they are modal, rows are announced by the person, Tab reaches every control, Escape
// closes; and the colours that carry meaning keep WCAG AA contrast on light and dark palettes.
#include "aboutdialog.h"
#include "credentialstore.h"
#include "exportdialog.h"
#include "finddialog.h"
#include "historydialog.h"
#include "mainwindow.h"
#include "profiledialog.h"
#include "profilestore.h"
#include "reviewdialog.h"
#include "sandbox/sandboxdemo.h"
#include "sandbox/sandboxhost.h"
#include "signindialog.h"
#include "statuscolors.h"
#include "testsupport.h"
#include "translations.h"
#include "usertablemodel.h"
#include "usertableview.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>

namespace {

bool actionable(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::PushButton:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::EditableText:
    case QAccessible::SpinBox:
    case QAccessible::Slider:
    case QAccessible::ButtonMenu:
    case QAccessible::ButtonDropDown:
    case QAccessible::Table:
    case QAccessible::Tree:
    case QAccessible::List:
    case QAccessible::PageTab:
        return true;
    default:
        return false;
    }
}

bool isItemView(QAccessible::Role role)
{
    return role == QAccessible::Table || role == QAccessible::Tree || role == QAccessible::List;
}

QString describe(QAccessibleInterface *iface)
{
    QObject *o = iface->object();
    return QStringLiteral("%1 %2 \"%3\"")
        .arg(QString::number(int(iface->role()), 16),
            o ? QLatin1String(o->metaObject()->className()) : QStringLiteral("-"),
            o ? o->objectName() : QString());
}

// Every visible interface that a user can act on or focus and that has no name.
void collectUnnamed(QAccessibleInterface *iface, QStringList *out, int depth = 0)
{
    if (!iface || depth > 40)
        return;
    const QAccessible::State state = iface->state();
    if (state.invisible)
        return;
    const QAccessible::Role role = iface->role();
    const bool needsName = actionable(role)
        || (state.focusable && !state.disabled && role != QAccessible::Window
            && role != QAccessible::Dialog && role != QAccessible::Cell
            && role != QAccessible::ColumnHeader && role != QAccessible::RowHeader
            && role != QAccessible::ListItem && role != QAccessible::TreeItem);
    if (needsName && iface->text(QAccessible::Name).trimmed().isEmpty())
        *out << describe(iface);
    if (isItemView(role))
        return; // its cells are the model's; the rows are checked on their own
    for (int i = 0; i < iface->childCount(); ++i)
        collectUnnamed(iface->child(i), out, depth + 1);
}

QStringList unnamed(QWidget *top)
{
    QStringList out;
    collectUnnamed(QAccessible::queryAccessibleInterface(top), &out);
    return out;
}

// Labels: one with a mnemonic names a field itself; an empty one never takes focus.
QStringList labelProblems(QWidget *top)
{
    QStringList out;
    for (QLabel *label : top->findChildren<QLabel *>()) {
        if (!label->isVisibleTo(top))
            continue;
        if (label->text().isEmpty() && label->focusPolicy() != Qt::NoFocus)
            out << QStringLiteral("an empty label %1 takes focus").arg(label->objectName());
        const QString text = label->text();
        const bool mnemonic = text.contains(QRegularExpression(QStringLiteral("&[^& ]")));
        if (!mnemonic)
            continue;
        QWidget *buddy = label->buddy();
        if (!buddy)
            out << QStringLiteral("label \"%1\" has no buddy").arg(text);
        else if (QAccessibleInterface *b = QAccessible::queryAccessibleInterface(buddy);
                 !b || !actionable(b->role()))
            out << QStringLiteral("label \"%1\" is the buddy of a %2, not of a field")
                       .arg(text, QLatin1String(buddy->metaObject()->className()));
    }
    return out;
}

// Tab from the first control: every visible control that takes Tab focus is reached.
QStringList unreachable(QWidget *dialog)
{
    QList<QWidget *> want;
    for (QWidget *w : dialog->findChildren<QWidget *>()) {
        if (w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus)
            && !w->focusProxy() && w->window() == dialog)
            want << w;
    }
    QSet<QWidget *> seen;
    for (int i = 0; i < want.size() * 2 + 4; ++i) {
        if (QWidget *f = QApplication::focusWidget())
            seen.insert(f);
        QTest::keyClick(
            QApplication::focusWidget() ? QApplication::focusWidget() : dialog, Qt::Key_Tab);
    }
    QStringList out;
    for (QWidget *w : std::as_const(want)) {
        if (!seen.contains(w))
            out << QStringLiteral("%1 \"%2\"")
                       .arg(QLatin1String(w->metaObject()->className()), w->objectName());
    }
    return out;
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

    SandboxHost m_sandbox;
    ProfileStore m_store;
    CredentialStore m_credentials;
    QNetworkAccessManager m_nam;
    std::unique_ptr<MainWindow> m_window;

    void checkDialog(QDialog *dialog, const QString &what)
    {
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        TestSupport::settleWidgets();
        const QStringList names = unnamed(dialog);
        QVERIFY2(names.isEmpty(),
            qPrintable(what + QStringLiteral(": unnamed: ") + names.join(QStringLiteral("; "))));
        const QStringList labels = labelProblems(dialog);
        QVERIFY2(labels.isEmpty(),
            qPrintable(what + QStringLiteral(": ") + labels.join(QStringLiteral("; "))));
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(dialog);
        QCOMPARE(iface->role(), QAccessible::Dialog);
        QVERIFY(!iface->text(QAccessible::Name).isEmpty());
        QCOMPARE(bool(iface->state().modal), dialog->isModal());
        dialog->activateWindow();
        // A prefilled field that has the focus when the dialog opens is selected: typing replaces
        // it.
        QTRY_VERIFY(QApplication::focusWidget());
        if (auto *edit = qobject_cast<QLineEdit *>(QApplication::focusWidget());
            edit && !edit->text().isEmpty())
            QVERIFY2(edit->selectedText() == edit->text(),
                qPrintable(what + QStringLiteral(": ") + edit->objectName()
                    + QStringLiteral(" opens unselected")));
        const QStringList missed = unreachable(dialog);
        QVERIFY2(missed.isEmpty(),
            qPrintable(
                what + QStringLiteral(": Tab never reaches ") + missed.join(QStringLiteral(", "))));
        QTest::keyClick(
            QApplication::focusWidget() ? QApplication::focusWidget() : dialog, Qt::Key_Escape);
        QTRY_VERIFY2(
            !dialog->isVisible(), qPrintable(what + QStringLiteral(": Escape does not close it")));
    }

private slots:
    void initTestCase()
    {
        // In German too (ROSTER_A11Y_LOCALE=de_DE): the names are translated texts.
        const QLocale locale(qEnvironmentVariable("ROSTER_A11Y_LOCALE", QStringLiteral("en_US")));
        QLocale::setDefault(locale);
        QCOMPARE(Translations::install(QCoreApplication::instance(), locale),
            locale.language() == QLocale::German);
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QVERIFY(m_sandbox.start(0, 500, 0));
        m_store.setProfiles(SandboxDemo::profiles(m_sandbox.url()));
        MainWindow::Context context;
        context.store = &m_store;
        context.credentials = &m_credentials;
        context.nam = &m_nam;
        context.demo = true;
        m_window = std::make_unique<MainWindow>(context);
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->currentModel() && m_window->currentModel()->rowCount() > 0, 20000);
    }

    void cleanupTestCase() { m_window.reset(); }

    void theWindowNamesEveryControl()
    {
        auto *table = TestSupport::child<UserTableView>(m_window.get(), "userTable");
        table->selectionModel()->setCurrentIndex(table->model()->index(1, 0),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        TestSupport::settleWidgets();
        const QStringList names = unnamed(m_window.get());
        QVERIFY2(names.isEmpty(), qPrintable(names.join(QStringLiteral("; "))));
        const QStringList labels = labelProblems(m_window.get());
        QVERIFY2(labels.isEmpty(), qPrintable(labels.join(QStringLiteral("; "))));
    }

    void rowsAreAnnouncedByThePerson()
    {
        auto *table = TestSupport::child<UserTableView>(m_window.get(), "userTable");
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(table);
        QAccessibleTableInterface *t = iface->tableInterface();
        QVERIFY(t);
        const QModelIndex first = table->model()->index(0, 0);
        const QString email = first.siblingAtColumn(int(Column::Email)).data().toString();
        QVERIFY(!email.isEmpty());
        QVERIFY2(t->rowDescription(0).contains(email), qPrintable(t->rowDescription(0)));
        QAccessibleInterface *cell = t->cellAt(0, 0);
        QVERIFY(cell);
        QVERIFY2(cell->text(QAccessible::Description).contains(email),
            qPrintable(cell->text(QAccessible::Description)));
    }

    void everyMenuActionHasAKey()
    {
        // Menus open with Alt and a letter; within one, the arrow keys reach every entry, and
        // each command has its letter too (a profile's entry is its name, with Ctrl+1 … Ctrl+9).
        QStringList profiles;
        for (const Profile &p : m_store.profiles())
            profiles << p.name;
        for (QAction *menu : m_window->menuBar()->actions()) {
            QVERIFY2(menu->text().contains(QLatin1Char('&')), qPrintable(menu->text()));
            for (QAction *a : menu->menu()->actions()) {
                if (a->isSeparator() || a->text().isEmpty() || profiles.contains(a->text()))
                    continue;
                QVERIFY2(a->text().contains(QLatin1Char('&')) || !a->shortcut().isEmpty(),
                    qPrintable(a->text()));
            }
        }
    }

    void theFindDialog()
    {
        FindDialog *dialog = m_window->openFind();
        checkDialog(dialog, QStringLiteral("Find"));
    }

    void theExportDialog()
    {
        ExportDialog dialog(ExportDialog::Scope::All, QStringLiteral("Acme"), 600,
            Columns::defaults(), m_window.get());
        dialog.setModal(true);
        checkDialog(&dialog, QStringLiteral("Export"));
    }

    void theProfilesDialog()
    {
        ProfileDialog dialog(&m_store, &m_credentials, &m_nam, true, m_window.get());
        dialog.setModal(true);
        checkDialog(&dialog, QStringLiteral("Profiles"));
    }

    void theProfilesDialogSigningIn()
    {
        ProfileDialog dialog(&m_store, &m_credentials, &m_nam, true, m_window.get());
        dialog.setModal(true);
        auto *source = TestSupport::child<QComboBox>(&dialog, "credentialSource");
        source->setCurrentIndex(source->findData(int(CredentialSource::Type::OAuth)));
        QVERIFY(TestSupport::child<QLineEdit>(&dialog, "oauthIssuer")->isVisibleTo(&dialog));
        checkDialog(&dialog, QStringLiteral("Profiles, signing in"));
    }

    void theSignInDialog_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("browser") << int(SignInDialog::Mode::Browser);
        QTest::newRow("device") << int(SignInDialog::Mode::Device);
    }

    void theSignInDialog()
    {
        QFETCH(int, mode);
        Profile p = m_store.profiles().first();
        p.credential = {CredentialSource::Type::OAuth};
        p.credential.oauth.issuer = QUrl(QStringLiteral("http://127.0.0.1:9/oauth"));
        p.credential.oauth.clientId = QStringLiteral("roster");
        SignInDialog dialog(p, SignInDialog::Mode(mode), m_window.get());
        dialog.setModal(true);
        checkDialog(&dialog, QStringLiteral("Sign in"));
    }

    void theReviewDialog()
    {
        ReviewDialog dialog(&m_store, {nullptr, &m_credentials, &m_nam}, m_window.get());
        dialog.setModal(true);
        checkDialog(&dialog, QStringLiteral("Access review"));
    }

    void theHistoryDialog()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        HistoryDialog dialog(&m_store, {nullptr, &m_credentials, &m_nam},
            dir.filePath(QStringLiteral("history.sqlite")), m_window.get());
        dialog.setModal(true);
        checkDialog(&dialog, QStringLiteral("History"));
    }

    void theAboutDialog()
    {
        AboutDialog dialog(m_window.get());
        dialog.setModal(true);
        checkDialog(&dialog, QStringLiteral("About"));
    }

    void coloursKeepTheirContrast_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::newRow("light Fusion")
            << QStyleFactory::create(QStringLiteral("Fusion"))->standardPalette();
        QTest::newRow("dark Fusion") << TestSupport::darkPalette();
    }

    void coloursKeepTheirContrast()
    {
        QFETCH(QPalette, palette);
        for (const QPalette::ColorRole background : {QPalette::Base, QPalette::Window}) {
            const QColor bg = palette.color(background);
            for (const auto &[name, colour] :
                {std::pair {"granted", StatusColors::granted(palette)},
                    std::pair {"denied", StatusColors::denied(palette)},
                    std::pair {"error", StatusColors::error(palette)}}) {
                const double ratio = StatusColors::contrast(colour, bg);
                QVERIFY2(ratio >= 4.5,
                    qPrintable(QStringLiteral("%1 %2 on %3: %4:1")
                                   .arg(QLatin1String(name), colour.name(), bg.name())
                                   .arg(ratio, 0, 'f', 2)));
            }
        }
        // The formula itself: black on white is 21:1, a colour on itself 1:1.
        QCOMPARE(StatusColors::contrast(Qt::black, Qt::white), 21.0);
        QCOMPARE(StatusColors::contrast(Qt::red, Qt::red), 1.0);
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
