#pragma once

#include <QObject>

class QSocketNotifier;

namespace Cli {

// SIGINT (Ctrl+C) and SIGTERM while a command runs, turned into a Qt signal through a self-pipe
// read by a QSocketNotifier, so the command stops cleanly: its job cancelled, an export's
// checkpoint current, temporary files removed. While one exists the handlers are installed; its
// destructor puts the default ones back. Afterwards, reraise() ends the process by the same
// signal, so the shell (and a script's `trap`) sees why it ended, as with any well-behaved tool.
class Interrupts : public QObject
{
    Q_OBJECT
public:
    explicit Interrupts(QObject *parent = nullptr);
    ~Interrupts() override;
    Interrupts(const Interrupts &) = delete;
    Interrupts &operator=(const Interrupts &) = delete;

    // The signal caught while a command ran (0: none), for reraise().
    static int caught();
    // After the command cleaned up: when a signal was caught, dies by it; else returns.
    static void reraise();

signals:
    void interrupted(int signal);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Cli
