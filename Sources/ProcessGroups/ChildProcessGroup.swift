import CProcessGroups
import Foundation

/// A child process that runs as the leader of its own process group, ended with everything it
/// started: on `terminate()`, on `deinit`, on every `exit()` of this tool, when the tool gets
/// SIGINT, SIGTERM or SIGHUP (SIGTERM to the group, SIGKILL after a short grace), and by the
/// watchdog process when the tool is killed with SIGKILL.
///
/// Foundation's `Process` on Linux starts every child as the leader of a new process group (pgid =
/// pid), so wrapping it after `run()` is enough:
///
/// ```swift
/// let process = Process()
/// ...
/// try process.run()
/// let group = ChildProcessGroup(process: process)   // registered for signal/exit cleanup
/// ...
/// group.terminate()                                  // TERM, grace, KILL; unregistered
/// ```
///
/// A child started with `posix_spawn` goes through `launch`, which registers it before a signal can
/// be handled in between; this process then reaps the leader itself (`leaderStatus`).
public final class ChildProcessGroup: @unchecked Sendable {
    /// The group's id (its leader's pid).
    public let id: pid_t
    /// The leader is this process's own child that nobody else reaps (started through `launch`).
    private let reapsLeader: Bool
    private let lock = NSLock()
    private var ended = false
    private var status: Int32?

    private init(registering leader: pid_t, reapsLeader: Bool) {
        TerminationCleanup.install()
        id = leader
        self.reapsLeader = reapsLeader
        cpg_register_group(leader)
    }

    /// Registers the group led by `leader` for cleanup (installs the signal handlers if needed).
    /// A child that is not a group leader is refused (`nil`): ending "its group" would end ours.
    public convenience init?(leader: pid_t) {
        guard leader > 1, getpgid(leader) == leader else { return nil }
        self.init(registering: leader, reapsLeader: false)
    }

    /// Wraps a running `Process` (see the type's documentation).
    public convenience init?(process: Process) {
        self.init(leader: process.processIdentifier)
    }

    /// Starts a child with `start` (which returns its pid; the child must lead a new process group,
    /// e.g. `POSIX_SPAWN_SETPGROUP`, and set its own signal mask, e.g. `POSIX_SPAWN_SETSIGMASK`) and
    /// registers its group. SIGINT, SIGTERM and SIGHUP are blocked on this thread meanwhile, and the
    /// handler on another thread waits for the registration, so a signal never leaves the child
    /// unregistered. This process reaps the leader (`leaderStatus`). A child that does not lead its
    /// own group is killed and reaped, and the result is nil.
    public static func launch(_ start: () throws -> pid_t) rethrows -> ChildProcessGroup? {
        TerminationCleanup.install()
        var blocked = sigset_t()
        sigemptyset(&blocked)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&blocked, signal) }
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        cpg_spawn_begin()
        defer {
            cpg_spawn_end()
            pthread_sigmask(SIG_SETMASK, &previous, nil)
        }
        let leader = try start()
        guard leader > 1 else { return nil }
        guard getpgid(leader) == leader else {
            kill(leader, SIGKILL)
            var raw: Int32 = 0
            _ = waitpid(leader, &raw, 0)
            return nil
        }
        return ChildProcessGroup(registering: leader, reapsLeader: true)
    }

    /// Makes `posix_spawn` close every descriptor from 3 up in the child (where the C library can):
    /// a descriptor this process inherited without close-on-exec, such as the socket a parent's
    /// Foundation `Process` watches for this process's exit, must not reach a child that may outlive it.
    public static func closeInheritedDescriptors(in actions: inout posix_spawn_file_actions_t) {
        _ = cpg_spawn_close_from(&actions, 3)
    }

    /// The leader's wait status (as `waitpid` gives it) once it has exited, waiting up to `seconds`;
    /// reaps it. Only for a group from `launch` (nil otherwise: Foundation reaps its children).
    public func leaderStatus(waitingUpTo seconds: Double = 0) -> Int32? {
        guard reapsLeader else { return nil }
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            lock.lock()
            if status == nil {
                var raw: Int32 = 0
                if waitpid(id, &raw, WNOHANG) == id { status = raw }
            }
            let known = status
            lock.unlock()
            if known != nil || Date() >= deadline { return known }
            usleep(5_000)
        }
    }

    /// Some process of the group is still running. On Linux zombies do not count (an orphan's
    /// zombie waits for init, which may be slow to reap it or never do; it runs nothing).
    public var hasLiveMembers: Bool {
        guard kill(-id, 0) == 0 || errno == EPERM else { return false }
        #if os(Linux)
        return GroupMembers.anyAlive(inGroup: id)
        #else
        return true
        #endif
    }

    /// Ends the whole group: SIGTERM (and SIGCONT, so a stopped group can act on it), up to `grace`
    /// for it to empty, then SIGKILL until it is empty (up to 2 s more). Unregisters it. Idempotent.
    public func terminate(grace: Duration = TerminationCleanup.grace) {
        lock.lock()
        let first = !ended
        ended = true
        lock.unlock()
        guard first else { return }
        defer { cpg_unregister_group(id) }
        _ = leaderStatus()
        guard kill(-id, SIGTERM) == 0 || errno != ESRCH else { return }
        kill(-id, SIGCONT)
        let seconds = Double(grace.components.seconds) + Double(grace.components.attoseconds) / 1e18
        if waitUntilEmpty(seconds: seconds) { return }
        let deadline = Date().addingTimeInterval(2)
        repeat {
            kill(-id, SIGKILL)
            if waitUntilEmpty(seconds: 0.01) { return }
        } while Date() < deadline
    }

    /// Forgets the group without signalling it (after the leader exited by itself and was reaped,
    /// so that a recycled pid is never signalled).
    public func release() {
        lock.lock()
        ended = true
        lock.unlock()
        cpg_unregister_group(id)
    }

    deinit { terminate() }

    private func waitUntilEmpty(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            _ = leaderStatus()
            if !hasLiveMembers { return true }
            if Date() >= deadline { return false }
            usleep(10_000)
        }
    }
}
