import Dispatch
import Foundation
import ProcessGroups
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The process groups of the adapters that are running, so that SIGINT, SIGTERM or SIGHUP to this
/// tool ends them before the tool exits (no adapter outlives the check, even when interrupted).
///
/// The signals are received through Dispatch signal sources (their default action is set to
/// ignore, so the handler runs on a queue, not in signal context); the handler kills every
/// registered group with SIGKILL, prints one `error:` line and exits with 128 + the signal number.
final class ProcessGroupRegistry: @unchecked Sendable {
    static let shared = ProcessGroupRegistry()

    private let lock = NSLock()
    private var groups: Set<pid_t> = []
    private var sources: [DispatchSourceSignal] = []

    /// Runs `spawn` (which returns posix_spawn's result and the new pid) with the registry locked
    /// and registers the new group before unlocking, so that a signal handled meanwhile sees it.
    func spawning(_ spawn: () -> (result: Int32, pid: pid_t)) -> (result: Int32, pid: pid_t) {
        lock.lock()
        defer { lock.unlock() }
        let outcome = spawn()
        if outcome.result == 0 { groups.insert(outcome.pid) }
        return outcome
    }

    func remove(_ group: pid_t) {
        lock.lock()
        groups.remove(group)
        lock.unlock()
    }

    var registered: Set<pid_t> {
        lock.lock()
        defer { lock.unlock() }
        return groups
    }

    /// Installs the handlers once (idempotent).
    func installSignalHandlers() {
        lock.lock()
        defer { lock.unlock() }
        guard sources.isEmpty else { return }
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM"), (SIGHUP, "SIGHUP")] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [unowned self] in self.terminate(signal: number, name: name) }
            source.resume()
            sources.append(source)
        }
    }

    private func terminate(signal number: Int32, name: String) -> Never {
        lock.lock()
        let all = groups
        for group in all { kill(-group, SIGKILL) }
        // Reap the `sh` of each group (the rest of each group died with the signal).
        for group in all {
            var status: Int32 = 0
            _ = waitpid(group, &status, 0)
        }
        // The tool's other children (the bridge JVM) and temporary files go too.
        TerminationCleanup.cleanUpNow()
        let line = "error: interrupted by \(name); the adapter was stopped (its process group killed)\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
        _exit(128 + number)
    }
}
