#include "profileswitcher.h"

#include "profilestore.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QToolBar>

ProfileSwitcher::ProfileSwitcher(ProfileStore *store, QToolBar *bar, QMenu *menu, QWidget *window)
    : QObject(window)
    , m_store(store)
    , m_combo(new QComboBox(bar))
    , m_menu(menu)
    , m_window(window)
{
    auto *label = new QLabel(tr("&Profile:"), bar);
    m_combo->setObjectName(QStringLiteral("profileCombo"));
    m_combo->setAccessibleName(tr("Profile"));
    m_combo->setMinimumContentsLength(24);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    label->setBuddy(m_combo);
    bar->addWidget(label);
    bar->addWidget(m_combo);
    connect(m_combo, &QComboBox::activated, this,
        [this](int index) { emit chosen(m_combo->itemData(index).toString()); });
}

void ProfileSwitcher::reload()
{
    for (QAction *a : std::as_const(m_actions)) {
        m_menu->removeAction(a);
        m_window->removeAction(a);
        a->deleteLater();
    }
    m_actions.clear();
    m_combo->clear();
    const QList<Profile> &profiles = m_store->profiles();
    for (int i = 0; i < profiles.size(); ++i) {
        const Profile &p = profiles[i];
        m_combo->addItem(p.name, p.name);
        m_combo->setItemData(i,
            QStringLiteral("%1\n%2\n%3\n%4")
                .arg(p.name, p.kind, p.baseUrl.toString(), p.organization)
                .trimmed(),
            Qt::ToolTipRole);
        auto *a = new QAction(p.name, this);
        if (i < 9)
            a->setShortcut(QKeySequence(QStringLiteral("Ctrl+%1").arg(i + 1)));
        connect(a, &QAction::triggered, this, [this, name = p.name] { emit chosen(name); });
        m_menu->addAction(a);
        m_window->addAction(a); // shortcuts work while the menu is closed
        m_actions << a;
    }
    m_combo->setEnabled(!profiles.isEmpty());
    // Wide enough for every name in full, within reason: a longer one is elided, and its tooltip
    // and the Profiles menu show it whole.
    qsizetype longest = 0;
    for (int i = 0; i < m_combo->count(); ++i)
        longest = std::max(longest, m_combo->itemText(i).size());
    m_combo->setMinimumContentsLength(int(std::clamp<qsizetype>(longest + 2, 16, 40)));
    // At most that wide, whatever the names: the tool bar must not overflow at 900 px.
    m_combo->setMaximumWidth(m_combo->minimumSizeHint().width());
}

void ProfileSwitcher::setCurrent(const QString &name)
{
    const int index = m_combo->findData(name);
    if (index >= 0)
        m_combo->setCurrentIndex(index);
    // The full name, however narrow the box; a screen reader hears it too.
    m_combo->setToolTip(name);
    m_combo->setAccessibleDescription(
        index >= 0 ? m_combo->itemData(index, Qt::ToolTipRole).toString() : QString());
}
