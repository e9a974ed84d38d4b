// The watchdog: the one case no handler in this process can cover is this process killed with
// SIGKILL (or dying without running its handlers). A small process forked at the first registered
// group reads "+pgid" / "-pgid" notices from a pipe whose write end only this process holds
// (close-on-exec, so no child inherits it); when the pipe reaches end-of-file, this process is
// gone however it ended, and the watchdog ends every group still listed: SIGTERM, the grace, SIGKILL.
// The child runs only async-signal-safe calls (this process is multithreaded when it forks).
#define _GNU_SOURCE
#include "process_groups.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define WATCHED_MAX 256

static int notice_fd = -1;  // write end, non-blocking (a full pipe drops a notice, never blocks)
static pthread_once_t started = PTHREAD_ONCE_INIT;

static void nap_ms(int ms) {
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
    while (nanosleep(&ts, &ts) == -1 && errno == EINTR) {}
}

static void close_from(int lowest) {
#ifdef __linux__
    if (close_range((unsigned)lowest, ~0U, 0) == 0) return;
#endif
    long max = sysconf(_SC_OPEN_MAX);
    if (max < 0 || max > 65536) max = 65536;
    for (int fd = lowest; fd < max; fd++) close(fd);
}

static void end_watched(pid_t *watched, int count) {
    for (int i = 0; i < count; i++) { kill(-watched[i], SIGTERM); kill(-watched[i], SIGCONT); }
    int grace = 1000;
    for (int waited = 0; waited < grace; waited += 10) {
        int alive = 0;
        for (int i = 0; i < count; i++) {
            if (!(kill(-watched[i], 0) == -1 && errno == ESRCH)) { alive = 1; break; }
        }
        if (!alive) return;
        nap_ms(10);
    }
    for (int i = 0; i < count; i++) kill(-watched[i], SIGKILL);
}

static void watch(int input) __attribute__((noreturn));
static void watch(int input) {
    pid_t watched[WATCHED_MAX];
    int count = 0;
    unsigned char buffer[64 * sizeof(pid_t)];
    size_t filled = 0;
    while (1) {
        ssize_t n = read(input, buffer + filled, sizeof buffer - filled);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;  // end of file: the tool is gone
        filled += (size_t)n;
        size_t used = 0;
        for (; used + sizeof(pid_t) <= filled; used += sizeof(pid_t)) {
            pid_t notice;
            memcpy(&notice, buffer + used, sizeof notice);
            if (notice > 1 && count < WATCHED_MAX) {
                watched[count++] = notice;
            } else if (notice < -1) {
                for (int i = 0; i < count; i++) {
                    if (watched[i] == -notice) { watched[i] = watched[--count]; break; }
                }
            }
        }
        memmove(buffer, buffer + used, filled - used);
        filled -= used;
    }
    end_watched(watched, count);
    _exit(0);
}

static void start(void) {
    int fds[2];
#ifdef __linux__
    if (pipe2(fds, O_CLOEXEC) != 0) return;
#else
    if (pipe(fds) != 0) return;
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
#endif
    pid_t child = fork();
    if (child < 0) { close(fds[0]); close(fds[1]); return; }
    if (child == 0) {
        // Own process group: a Ctrl-C to the terminal's foreground group does not reach it.
        setpgid(0, 0);
        struct sigaction dfl;
        memset(&dfl, 0, sizeof dfl);
        dfl.sa_handler = SIG_DFL;
        for (int sig = 1; sig < NSIG; sig++) sigaction(sig, &dfl, NULL);
        signal(SIGINT, SIG_IGN);
        signal(SIGHUP, SIG_IGN);
        signal(SIGPIPE, SIG_IGN);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        // Keep only the notice pipe (as fd 3) and /dev/null on 0-2: holding any other descriptor
        // (the tool's stdout, a child's pipe) would keep a reader from seeing end-of-file.
        int input = fcntl(fds[0], F_DUPFD, 10);
        int null = open("/dev/null", O_RDWR);
        if (input < 0 || null < 0) _exit(1);
        dup2(null, 0); dup2(null, 1); dup2(null, 2);
        dup2(input, 3);
        close_from(4);
        watch(3);
    }
    close(fds[0]);
    int flags = fcntl(fds[1], F_GETFL);
    if (flags >= 0) fcntl(fds[1], F_SETFL, flags | O_NONBLOCK);
    __atomic_store_n(&notice_fd, fds[1], __ATOMIC_RELEASE);
}

void cpg_watchdog_tell(pid_t notice) {
    if (notice > 1) pthread_once(&started, start);
    int fd = __atomic_load_n(&notice_fd, __ATOMIC_ACQUIRE);
    if (fd < 0) return;
    int saved = errno;
    ssize_t n;
    do { n = write(fd, &notice, sizeof notice); } while (n < 0 && errno == EINTR);
    errno = saved;
}
