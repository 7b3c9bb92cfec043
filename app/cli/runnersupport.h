#pragma once

#include "runners.h"

#include <QUrl>

class ProfileStore;
class QIODevice;
class SandboxHost;

// What the runners share (runners.cpp, profilesrunners.cpp).
namespace Cli::Support {
// Numbers as the command line prints them: grouped in the user's locale.
QString grouped(qint64 n);
// The profiles a command works with: the demo's, or those of the profiles file.
bool loadProfiles(
    const Command &command, const QUrl &sandboxUrl, ProfileStore *store, Reporter &reporter);
// The profiles a command reads: the demo's, on a sandbox started here, or the profiles file's.
// Ok, or the exit status to stop with.
int openProfiles(const Command &command, const QString &name, SandboxHost *sandbox,
    ProfileStore *store, Reporter &reporter);
// Where a command's CSV goes: for "-" standard output (false, said, when it cannot be written),
// else *device stays null and the job writes the file, atomically.
bool outputDevice(const Command &command, Reporter &reporter, const char *name, QIODevice **device);
} // namespace Cli::Support
