#include "toolbarfit.h"

#include <QEvent>
#include <QLayout>
#include <QToolBar>

ToolBarFit::ToolBarFit(QToolBar *bar)
    : QObject(bar)
    , m_bar(bar)
{ }

void ToolBarFit::install(QToolBar *bar)
{
    auto *fit = new ToolBarFit(bar);
    // Its » button, should it ever show, is named for screen readers (Qt leaves it unnamed).
    if (auto *more = bar->findChild<QWidget *>(QStringLiteral("qt_toolbar_ext_button")))
        more->setAccessibleName(tr("More tools"));
    if (QWidget *window = bar->window())
        window->installEventFilter(fit);
    bar->installEventFilter(fit);
}

bool ToolBarFit::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize || event->type() == QEvent::Show
        || event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange)
        fit();
    return QObject::eventFilter(watched, event);
}

void ToolBarFit::fit()
{
    const int room = m_bar->window()->width();
    if (room <= 0)
        return;
    // Not with signals blocked: the buttons follow the bar's style through its signal.
    m_bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    if (m_bar->layout())
        m_bar->layout()->invalidate();
    if (m_bar->sizeHint().width() > room)
        m_bar->setToolButtonStyle(Qt::ToolButtonIconOnly);
}
