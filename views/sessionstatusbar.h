#pragma once

#include "sessionviewmodel.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QStatusBar;
class QToolButton;

// The window's status bar for the profile shown: what is happening (or went wrong), a progress
// bar while users arrive, a button to the error, and how many users are loaded.
class SessionStatusBar : public QObject
{
    Q_OBJECT
public:
    // Adds its widgets to `bar`.
    explicit SessionStatusBar(QStatusBar *bar);

    void show(const SessionViewModel::Status &status);
    // A passing word (the provider asked to wait) until the next show().
    void say(const QString &text);

signals:
    void errorRequested();

private:
    QLabel *m_state;
    QLabel *m_count;
    QProgressBar *m_progress;
    QToolButton *m_errorButton;
};
