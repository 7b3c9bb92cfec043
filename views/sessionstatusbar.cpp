#include "sessionstatusbar.h"

#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>
#include <QStyle>
#include <QToolButton>

SessionStatusBar::SessionStatusBar(QStatusBar *bar)
    : QObject(bar)
    , m_state(new QLabel(bar))
    , m_count(new QLabel(bar))
    , m_progress(new QProgressBar(bar))
    , m_errorButton(new QToolButton(bar))
{
    m_state->setObjectName(QStringLiteral("stateLabel"));
    m_count->setObjectName(QStringLiteral("countLabel"));
    m_progress->setObjectName(QStringLiteral("loadProgress"));
    m_progress->setMaximumWidth(180);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_errorButton->setObjectName(QStringLiteral("errorButton"));
    m_errorButton->setIcon(bar->style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_errorButton->setText(tr("Error"));
    m_errorButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_errorButton->setAutoRaise(true);
    m_errorButton->setToolTip(tr("Show what went wrong"));
    m_errorButton->hide();
    connect(m_errorButton, &QToolButton::clicked, this, &SessionStatusBar::errorRequested);
    bar->addWidget(m_state, 1);
    bar->addPermanentWidget(m_errorButton);
    bar->addPermanentWidget(m_progress);
    bar->addPermanentWidget(m_count);
}

void SessionStatusBar::show(const SessionViewModel::Status &s)
{
    m_errorButton->setVisible(s.failed);
    m_count->setText(s.count);
    m_state->setText(s.state);
    m_progress->setVisible(s.progressVisible);
    m_progress->setRange(0, s.progressMaximum);
    m_progress->setValue(s.progressValue);
}

void SessionStatusBar::say(const QString &text)
{
    m_state->setText(text);
}
