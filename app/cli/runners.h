#pragma once

#include "commandline.h"

class QIODevice;

namespace Cli {

// Where a command's words go: the terminal in `roster`, a buffer in the tests.
class Reporter
{
public:
    virtual ~Reporter() = default;
    // A line for standard output (the profiles list, the sandbox's address).
    virtual void out(const QString &line) = 0;
    // A line for standard error (messages, errors, notices).
    virtual void err(const QString &line) = 0;
    // Whether a progress line that rewrites itself makes sense (standard error is a terminal).
    virtual bool showsProgress() const = 0;
    // Replaces the progress line; an empty text clears it.
    virtual void progress(const QString &text) = 0;
    // Standard output as a device, for `--output -`; nullptr when it cannot be written.
    virtual QIODevice *standardOutput() = 0;
};

// The terminal: standard output and error.
class TerminalReporter : public Reporter
{
public:
    TerminalReporter();
    ~TerminalReporter() override;
    void out(const QString &line) override;
    void err(const QString &line) override;
    bool showsProgress() const override;
    void progress(const QString &text) override;
    QIODevice *standardOutput() override;

private:
    struct Private;
    Private *d;
};

// Each returns the exit code (Exit).
int runExport(const Command &command, Reporter &reporter);
int runProfiles(const Command &command, Reporter &reporter);
// One person's accounts across profiles, as CSV: 0 when every profile was searched (found or
// not), 1 when any failed (the others' rows are still written), 2 for usage.
int runFind(const Command &command, Reporter &reporter);
// Every user of every chosen profile in one CSV: 0 written, 1 a profile (without --skip-failed),
// the network or the file failed (an existing file is left as it was), 2 for usage.
int runReview(const Command &command, Reporter &reporter);
// Every user of every chosen profile into a new snapshot in the history store, its id printed:
// 0 stored complete, 1 stored with a profile incomplete, or not stored (the store failed).
int runSnapshot(const Command &command, Reporter &reporter);
// Lists, verifies (1 when rows were changed) or deletes the history store's snapshots.
int runSnapshots(const Command &command, Reporter &reporter);
// What changed between two snapshots, as CSV: 0, 1 when a profile was left out because it was
// incomplete (unless --skip-incomplete) or the output failed, 2 for usage (no such snapshot).
int runDiff(const Command &command, Reporter &reporter);
// Signs a profile in (the browser, or the device flow): 0 signed in, 1 refused by the server (or
// cancelled), 2 for usage (no such profile, or one that does not sign in).
int runLogin(const Command &command, Reporter &reporter);
// Forgets a signed-in profile's tokens: 0, 1 when the keychain fails, 2 for usage.
int runLogout(const Command &command, Reporter &reporter);
// Serves until the application quits.
int runSandbox(const Command &command, Reporter &reporter);

} // namespace Cli
