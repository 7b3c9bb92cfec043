#pragma once
// What the window tests share: the window, and its parts found as a user's tools would find
// them, by object name (the product has no getters for tests).

#include "errorpane.h"
#include "mainwindow.h"
#include "testsupport.h"
#include "userdetailpane.h"
#include "userfilterproxymodel.h"
#include "usertableview.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QObject>

#include <memory>

class WindowTest : public QObject
{
protected:
    std::unique_ptr<MainWindow> m_window;

    template<typename T> T *part(const char *name) const
    {
        return TestSupport::child<T>(m_window.get(), name);
    }
    UserTableView *table() const { return part<UserTableView>("userTable"); }
    UserDetailPane *detailPane() const { return part<UserDetailPane>("detailPane"); }
    ErrorPane *errorPane() const { return part<ErrorPane>("errorPane"); }
    QLineEdit *filterEdit() const { return part<QLineEdit>("searchField"); }
    QLabel *searchModeLabel() const { return part<QLabel>("searchModeLabel"); }
    QComboBox *profileCombo() const { return part<QComboBox>("profileCombo"); }
    QLabel *filterNote() const { return part<QLabel>("filterNote"); }
    QLabel *countLabel() const { return part<QLabel>("countLabel"); }
    UserFilterProxyModel *proxy() const
    {
        return qobject_cast<UserFilterProxyModel *>(table()->model());
    }
};
