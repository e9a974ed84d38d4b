// Signal-time cleanup for child process groups and temporary files. Everything the handlers touch
// is a fixed-size array of atomics: no allocation, no locks, only async-signal-safe calls
// (kill, waitpid, nanosleep, unlink, _exit, sigaction, raise).
#define _GNU_SOURCE
#include "process_groups.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define CPG_GROUPS 64
#define CPG_PATHS 32
#define CPG_PATH_MAX 4096

static pid_t groups[CPG_GROUPS];               // 0 = free
static int path_state[CPG_PATHS];              // 0 free, 1 being written, 2 ready
static char paths[CPG_PATHS][CPG_PATH_MAX];
static int grace_ms_setting = 1000;
static int ending = 0;                         // set once a termination signal is being handled
static int spawning = 0;                       // threads between starting a child and registering it
static char note[256];                         // appended to the "interrupted" line (may be empty)

static const int termination_signals[] = { SIGINT, SIGTERM, SIGHUP };
static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
#define CRASH_COUNT (sizeof(crash_signals) / sizeof(crash_signals[0]))
static struct sigaction previous_crash[CRASH_COUNT];

static void sleep_ms(int ms) {
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
    while (nanosleep(&ts, &ts) == -1 && errno == EINTR) {}
}

static int group_gone(pid_t pgid, int reap) {
    // Zombies still count as members for kill(2): while exiting, reap our own children in the group;
    // otherwise the owner of the child (Foundation's Process) reaps it.
    if (reap) { while (waitpid(-pgid, NULL, WNOHANG) > 0) {} }
    return kill(-pgid, 0) == -1 && errno == ESRCH;
}

static void end_group(pid_t pgid, int grace_ms, int reap) {
    if (pgid <= 1) return;
    int saved = errno;
    if (kill(-pgid, SIGTERM) == -1 && errno == ESRCH) { errno = saved; return; }
    kill(-pgid, SIGCONT);  // a stopped group cannot act on SIGTERM
    for (int waited = 0; waited < grace_ms; waited += 10) {
        if (group_gone(pgid, reap)) { errno = saved; return; }
        sleep_ms(10);
    }
    kill(-pgid, SIGKILL);
    for (int waited = 0; waited < 1000; waited += 10) {
        if (group_gone(pgid, reap)) break;
        sleep_ms(10);
    }
    errno = saved;
}

static void end_all_groups(void) {
    int grace = __atomic_load_n(&grace_ms_setting, __ATOMIC_RELAXED);
    // SIGTERM to every group first, so that they wind down in parallel.
    for (int i = 0; i < CPG_GROUPS; i++) {
        pid_t g = __atomic_load_n(&groups[i], __ATOMIC_ACQUIRE);
        if (g > 1) { kill(-g, SIGTERM); kill(-g, SIGCONT); }
    }
    for (int i = 0; i < CPG_GROUPS; i++) {
        pid_t g = __atomic_exchange_n(&groups[i], 0, __ATOMIC_ACQ_REL);
        if (g > 1) end_group(g, grace, 1);
    }
}

static void remove_all_paths(void) {
    for (int i = 0; i < CPG_PATHS; i++) {
        if (__atomic_load_n(&path_state[i], __ATOMIC_ACQUIRE) == 2) unlink(paths[i]);
    }
}

static void write_all(int fd, const char *text) {
    size_t length = strlen(text);
    while (length > 0) {
        ssize_t n = write(fd, text, length);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        text += n;
        length -= (size_t)n;
    }
}

static const char *signal_name(int sig) {
    switch (sig) {
    case SIGINT: return "SIGINT";
    case SIGTERM: return "SIGTERM";
    case SIGHUP: return "SIGHUP";
    default: return "a signal";
    }
}

static void on_termination(int sig) {
    if (__atomic_exchange_n(&ending, 1, __ATOMIC_ACQ_REL)) {
        return;  // already ending: the first handler exits
    }
    // A child started on another thread is registered within moments (that thread blocks these
    // signals meanwhile, so this handler never interrupts it): wait for it rather than leak it.
    for (int waited = 0; waited < 2000 && __atomic_load_n(&spawning, __ATOMIC_ACQUIRE) > 0; waited++) {
        sleep_ms(1);
    }
    end_all_groups();
    remove_all_paths();
    char line[400] = "error: interrupted by ";
    strncat(line, signal_name(sig), sizeof line - strlen(line) - 1);
    if (note[0]) {
        strncat(line, "; ", sizeof line - strlen(line) - 1);
        strncat(line, note, sizeof line - strlen(line) - 1);
    }
    strncat(line, "\n", sizeof line - strlen(line) - 1);
    write_all(2, line);
    _exit(128 + sig);
}

static void on_crash(int sig, siginfo_t *info, void *context) {
    end_all_groups();
    remove_all_paths();
    for (size_t i = 0; i < CRASH_COUNT; i++) {
        if (crash_signals[i] != sig) continue;
        struct sigaction *old = &previous_crash[i];
        if ((old->sa_flags & SA_SIGINFO) && old->sa_sigaction) {
            sigaction(sig, old, NULL);
            old->sa_sigaction(sig, info, context);
            return;
        }
        if (!(old->sa_flags & SA_SIGINFO) && old->sa_handler != SIG_DFL && old->sa_handler != SIG_IGN) {
            sigaction(sig, old, NULL);
            old->sa_handler(sig);
            return;
        }
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

void cpg_cleanup_now(void) {
    end_all_groups();
    remove_all_paths();
}

static void at_exit(void) {
    end_all_groups();
}

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void install_once(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_termination;
    sigfillset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof(termination_signals) / sizeof(termination_signals[0]); i++) {
        sigaction(termination_signals[i], &sa, NULL);
    }
    signal(SIGPIPE, SIG_IGN);
    struct sigaction crash;
    memset(&crash, 0, sizeof crash);
    crash.sa_sigaction = on_crash;
    crash.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&crash.sa_mask);
    for (size_t i = 0; i < CRASH_COUNT; i++) {
        sigaction(crash_signals[i], &crash, &previous_crash[i]);
    }
    atexit(at_exit);
}

void cpg_install(void) { pthread_once(&once, install_once); }

void cpg_set_grace_ms(int grace_ms) {
    __atomic_store_n(&grace_ms_setting, grace_ms < 0 ? 0 : grace_ms, __ATOMIC_RELAXED);
}

int cpg_register_group(pid_t pgid) {
    if (pgid <= 1) return -1;
    for (int i = 0; i < CPG_GROUPS; i++) {
        pid_t expected = 0;
        if (__atomic_compare_exchange_n(&groups[i], &expected, pgid, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
            cpg_watchdog_tell(pgid);
            return 0;
        }
    }
    return -1;
}

void cpg_unregister_group(pid_t pgid) {
    for (int i = 0; i < CPG_GROUPS; i++) {
        pid_t expected = pgid;
        if (__atomic_compare_exchange_n(&groups[i], &expected, 0, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
            cpg_watchdog_tell(-pgid);
        }
    }
}

void cpg_spawn_begin(void) { __atomic_add_fetch(&spawning, 1, __ATOMIC_ACQ_REL); }
void cpg_spawn_end(void) { __atomic_sub_fetch(&spawning, 1, __ATOMIC_ACQ_REL); }

void cpg_set_interruption_note(const char *text) {
    // The first byte is published last, so a handler reads either "" or the whole note.
    __atomic_store_n(&note[0], 0, __ATOMIC_RELEASE);
    size_t length = strnlen(text, sizeof note - 1);
    if (length == 0) return;
    memcpy(note + 1, text + 1, length - 1);
    note[length] = 0;
    __atomic_store_n(&note[0], text[0], __ATOMIC_RELEASE);
}

int cpg_register_path(const char *path) {
    size_t length = strlen(path);
    if (length >= CPG_PATH_MAX) return -1;
    for (int i = 0; i < CPG_PATHS; i++) {
        int expected = 0;
        if (__atomic_compare_exchange_n(&path_state[i], &expected, 1, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
            memcpy(paths[i], path, length + 1);
            __atomic_store_n(&path_state[i], 2, __ATOMIC_RELEASE);
            return i;
        }
    }
    return -1;
}

void cpg_unregister_path(int slot) {
    if (slot < 0 || slot >= CPG_PATHS) return;
    __atomic_store_n(&path_state[slot], 0, __ATOMIC_RELEASE);
}

int cpg_spawn_close_from(posix_spawn_file_actions_t *actions, int lowest) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    return posix_spawn_file_actions_addclosefrom_np(actions, lowest);
#else
    (void)actions;
    (void)lowest;
    return ENOSYS;
#endif
}
