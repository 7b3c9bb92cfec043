#pragma once

#include <QStringList>

// Reads the command line and runs the window, an export, the profile list or the sandbox.
namespace Application {
int run(int argc, char *argv[]);
}
