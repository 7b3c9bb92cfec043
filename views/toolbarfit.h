#pragma once

#include <QObject>

class QToolBar;

// A tool bar that gives way before it overflows: text beside its icons while the window is wide
// enough for them, icons only (text kept as tooltips and accessible names) once it is not.
class ToolBarFit : public QObject
{
    Q_OBJECT
public:
    // Watches `bar`'s window; owned by the bar.
    static void install(QToolBar *bar);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit ToolBarFit(QToolBar *bar);
    void fit();
    QToolBar *m_bar;
};
