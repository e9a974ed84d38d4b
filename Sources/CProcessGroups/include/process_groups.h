#ifndef CPROCESSGROUPS_H
#define CPROCESSGROUPS_H

#include <spawn.h>
#include <sys/types.h>

/// Installs, once (thread-safe), handlers for SIGINT, SIGTERM and SIGHUP that end every registered
/// child process group (SIGTERM, then SIGKILL after the grace period), remove every registered
/// temporary file, write one "error: interrupted by SIGxxx" line on stderr and exit with 128 + the
/// signal number; SIGPIPE is ignored (a write to a dead child fails with EPIPE); an atexit hook
/// ends the registered groups on every exit() path; crash signals (SIGSEGV, SIGBUS, SIGILL, SIGFPE,
/// SIGABRT, SIGTRAP) end the groups, then go to the handler that was there before (the Swift
/// runtime's backtracer) or the default action.
void cpg_install(void);

/// Registers a process group (by its leader's pid) to be ended on a signal or exit. 0, or -1 when
/// every slot is taken.
int cpg_register_group(pid_t pgid);
void cpg_unregister_group(pid_t pgid);

/// Registers a temporary file to be removed on a signal. Returns a slot (>= 0) or -1 when the path
/// is too long or every slot is taken.
int cpg_register_path(const char *path);
void cpg_unregister_path(int slot);

/// Ends every registered group and removes every registered temporary file now (for another
/// signal handler that is about to _exit). Async-signal-safe.
void cpg_cleanup_now(void);

/// Marks a thread that is starting a child and will register its group (the termination handler
/// waits for such threads, up to 2 s, before ending the groups). The thread blocks SIGINT, SIGTERM
/// and SIGHUP in between, so the handler never runs on it while it is marked.
void cpg_spawn_begin(void);
void cpg_spawn_end(void);

/// Text appended to the line the termination handler writes on stderr ("error: interrupted by
/// SIGINT; <note>"); empty for none. At most 255 bytes are kept.
void cpg_set_interruption_note(const char *text);

/// Tells the watchdog process (forked at the first positive notice) that group `notice` (> 1) is
/// to be ended if this process disappears without cleaning up (SIGKILL), or that group -`notice`
/// no longer is. Called by cpg_register_group / cpg_unregister_group.
void cpg_watchdog_tell(pid_t notice);

/// Adds "close every descriptor from `lowest` up" to a posix_spawn file-actions object (glibc
/// 2.34+: posix_spawn_file_actions_addclosefrom_np): descriptors this process inherited without
/// close-on-exec do not reach the child. 0, or an errno value (ENOSYS where unsupported).
int cpg_spawn_close_from(posix_spawn_file_actions_t *actions, int lowest);

/// Grace period used by the signal handler and the atexit hook (milliseconds).
void cpg_set_grace_ms(int grace_ms);

#endif
