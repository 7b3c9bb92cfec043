// A disk that is slow to make data durable, for tests: preloaded (LD_PRELOAD) into a process,
// fsync and fdatasync take ROSTER_SLOW_SYNC_MS milliseconds (default 150) and then do what they
// always do. Busy shared disks in CI machines take as long.
#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <dlfcn.h>

namespace {
using SyncFunction = int (*)(int);

void wait()
{
    const char *value = std::getenv("ROSTER_SLOW_SYNC_MS");
    const long ms = value ? std::strtol(value, nullptr, 10) : 150;
    timespec left {ms / 1000, (ms % 1000) * 1000000};
    while (nanosleep(&left, &left) == -1 && errno == EINTR) { }
}

int call(const char *name, int fd)
{
    wait();
    auto real = reinterpret_cast<SyncFunction>(dlsym(RTLD_NEXT, name));
    return real ? real(fd) : 0;
}
} // namespace

extern "C" int fsync(int fd)
{
    return call("fsync", fd);
}

extern "C" int fdatasync(int fd)
{
    return call("fdatasync", fd);
}
