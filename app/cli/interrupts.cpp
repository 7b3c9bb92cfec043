#include "interrupts.h"

#include <QSocketNotifier>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace Cli {

namespace {

int g_pipe[2] = {-1, -1};
std::atomic<int> g_caught {0};
constexpr int kSignals[] = {SIGINT, SIGTERM};

extern "C" void onSignal(int signal)
{
    // Only what is async-signal-safe: remember it, and wake the event loop.
    const int saved = errno;
    g_caught.store(signal);
    const char byte = char(signal);
    [[maybe_unused]] const ssize_t n = ::write(g_pipe[1], &byte, 1);
    errno = saved;
}

} // namespace

Interrupts::Interrupts(QObject *parent)
    : QObject(parent)
{
    if (g_pipe[0] < 0 && ::pipe2(g_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return; // without a pipe the default handlers stay: the process simply ends
    m_notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char bytes[16];
        ssize_t n = 0;
        while ((n = ::read(g_pipe[0], bytes, sizeof bytes)) > 0) {
            for (ssize_t i = 0; i < n; ++i)
                emit interrupted(int(bytes[i]));
        }
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int s : kSignals)
        sigaction(s, &action, nullptr);
}

Interrupts::~Interrupts()
{
    if (!m_notifier)
        return;
    for (int s : kSignals)
        std::signal(s, SIG_DFL);
}

int Interrupts::caught()
{
    return g_caught.load();
}

void Interrupts::reraise()
{
    const int signal = g_caught.load();
    if (signal == 0)
        return;
    std::fflush(stdout);
    std::fflush(stderr);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

} // namespace Cli
