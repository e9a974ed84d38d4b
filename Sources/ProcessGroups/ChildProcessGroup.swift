import CProcessGroups
import Foundation

/// A child process that runs as the leader of its own process group, ended with everything it
/// started: on `terminate()`, on `deinit`, on every `exit()` of this tool, and when the tool gets
/// SIGINT, SIGTERM or SIGHUP (SIGTERM to the group, SIGKILL after a short grace).
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
public final class ChildProcessGroup: @unchecked Sendable {
    /// The group's id (its leader's pid).
    public let id: pid_t
    private let lock = NSLock()
    private var ended = false

    /// Registers the group led by `leader` for cleanup (installs the signal handlers if needed).
    /// A child that is not a group leader is refused (`nil`): ending "its group" would end ours.
    public init?(leader: pid_t) {
        guard leader > 1, getpgid(leader) == leader else { return nil }
        TerminationCleanup.install()
        id = leader
        cpg_register_group(leader)
    }

    /// Wraps a running `Process` (see the type's documentation).
    public convenience init?(process: Process) {
        self.init(leader: process.processIdentifier)
    }

    /// Ends the whole group: SIGTERM, up to `grace` for it to exit, then SIGKILL. Idempotent.
    public func terminate(grace: Duration = TerminationCleanup.grace) {
        lock.lock()
        let first = !ended
        ended = true
        lock.unlock()
        guard first else { return }
        cpg_end_group(id, Int32(clamping: grace.components.seconds * 1000 + grace.components.attoseconds / 1_000_000_000_000_000))
        cpg_unregister_group(id)
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
}

/// The tool-wide cleanup the signal handlers do: end child groups, remove temporary files, exit
/// 128 + signal (SIGINT 130, SIGTERM 143, SIGHUP 129). SIGPIPE is ignored.
public enum TerminationCleanup {
    /// How long a child group gets between SIGTERM and SIGKILL.
    public static let grace: Duration = .milliseconds(1000)

    /// Installs the handlers (once; thread-safe). Call early in `main` so that a signal at any
    /// point gives the documented exit code.
    public static func install() {
        cpg_install()
    }

    /// Does now what the signal handler does before exiting (ends every registered child group,
    /// removes every registered temporary file): for code with its own signal handling that is
    /// about to `_exit`.
    public static func cleanUpNow() {
        cpg_cleanup_now()
    }

    /// A temporary file removed if a termination signal arrives before `unregister`.
    public struct TemporaryFile: Sendable {
        let slot: Int32
    }

    /// Registers `path` (nil when the path is too long or too many are registered: then a signal may
    /// leave it behind, which is the situation without this type).
    public static func registerTemporaryFile(_ path: String) -> TemporaryFile? {
        install()
        let slot = path.withCString { cpg_register_path($0) }
        return slot >= 0 ? TemporaryFile(slot: slot) : nil
    }

    public static func unregister(_ file: TemporaryFile?) {
        if let file { cpg_unregister_path(file.slot) }
    }
}
