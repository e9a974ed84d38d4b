#ifndef CPROCESSGROUPS_H
#define CPROCESSGROUPS_H

#include <sys/types.h>

/// Installs, once (thread-safe), handlers for SIGINT, SIGTERM and SIGHUP that end every registered
/// child process group (SIGTERM, then SIGKILL after the grace period), remove every registered
/// temporary file and exit with 128 + the signal number; SIGPIPE is ignored (a write to a dead
/// child fails with EPIPE); an atexit hook ends the registered groups on every exit() path; crash
/// signals (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP) end the groups, then go to the handler
/// that was there before (the Swift runtime's backtracer) or the default action.
void cpg_install(void);

/// Registers a process group (by its leader's pid) to be ended on a signal or exit. 0, or -1 when
/// every slot is taken.
int cpg_register_group(pid_t pgid);
void cpg_unregister_group(pid_t pgid);

/// Sends SIGTERM to the group, waits up to grace_ms for it to disappear, then sends SIGKILL (and
/// waits up to 1 s more). Does not reap: the child's owner (Foundation's Process) does.
void cpg_end_group(pid_t pgid, int grace_ms);

/// Registers a temporary file to be removed on a signal. Returns a slot (>= 0) or -1 when the path
/// is too long or every slot is taken.
int cpg_register_path(const char *path);
void cpg_unregister_path(int slot);

/// Ends every registered group and removes every registered temporary file now (for another
/// signal handler that is about to _exit). Async-signal-safe.
void cpg_cleanup_now(void);

/// Grace period used by the signal handler and the atexit hook (milliseconds).
void cpg_set_grace_ms(int grace_ms);

#endif
