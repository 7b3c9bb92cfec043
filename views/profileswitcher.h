#pragma once

#include <QObject>

class ProfileStore;
class QAction;
class QComboBox;
class QMenu;
class QToolBar;
class QWidget;

// Choosing the profile shown: a combo box in the tool bar (each item's tooltip names the kind,
// base URL and organization) and the Profiles menu, whose first nine entries have Ctrl+1 … Ctrl+9
// (working while the menu is closed).
class ProfileSwitcher : public QObject
{
    Q_OBJECT
public:
    // Adds the label and the combo box to `bar`, the profiles to `menu`; `window` takes the
    // shortcuts.
    ProfileSwitcher(ProfileStore *store, QToolBar *bar, QMenu *menu, QWidget *window);

    // After the profiles were edited.
    void reload();
    // Shows `name` as the current one (without emitting chosen()).
    void setCurrent(const QString &name);

signals:
    void chosen(const QString &name);

private:
    ProfileStore *m_store;
    QComboBox *m_combo;
    QMenu *m_menu;
    QWidget *m_window;
    QList<QAction *> m_actions;
};
