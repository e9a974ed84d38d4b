import CProcessGroups
import Foundation

/// The tool-wide cleanup the signal handlers do: end child groups, remove temporary files, write one
/// `error: interrupted by SIGxxx` line and exit 128 + signal (SIGINT 130, SIGTERM 143, SIGHUP 129).
/// SIGPIPE is ignored. A watchdog process (forked at the first registered group) ends the groups
/// still registered when this process dies without cleaning up (SIGKILL).
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

    /// Sets what the `error: interrupted by SIGxxx` line adds after a `; ` (e.g. "the adapter was
    /// stopped (its process group killed)"); "" for nothing.
    public static func setInterruptionNote(_ note: String) {
        note.withCString { cpg_set_interruption_note($0) }
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
