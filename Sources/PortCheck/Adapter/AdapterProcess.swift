import Foundation
import ProcessGroups
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The adapter's process: `/bin/sh -c CMD` started with posix_spawn in a process group of its own
/// (so that everything it forks can be ended with one `kill(-pgid)`), stdin and stdout on pipes,
/// stderr appended to a log file. Line I/O with deadlines and a size limit: a hostile adapter can
/// neither block this process nor make it read without bound.
///
/// Not thread-safe: one owner drives it (the adapter client). The group is a `ChildProcessGroup`:
/// every end (`finish`, `killGroup`, deinit) and SIGINT/SIGTERM/SIGHUP to this tool send SIGTERM
/// to the whole group, then SIGKILL after the grace; the watchdog covers a SIGKILLed tool.
final class AdapterProcess {
    /// How a line read or write stopped.
    enum IOFailure: Error {
        /// No complete line before the deadline; `partial` is what was read of it.
        case timedOut(partial: [UInt8])
        /// The adapter closed its stdout (it exited, or closed it) before a complete line.
        case endOfOutput(partial: [UInt8])
        /// The line grew past the limit without a newline.
        case oversize(partial: [UInt8])
        /// Writing failed: the adapter closed its stdin or exited (EPIPE), or another errno.
        case inputClosed(reason: String)
        /// The adapter did not read its stdin before the deadline.
        case writeTimedOut
    }

    /// How the process group ended in `finish`.
    struct Ending: Equatable {
        /// Exit status or signal of `sh` (nil when it could not be reaped).
        var status: String?
        /// It exited on its own within the grace period after stdin was closed.
        var exitedInTime: Bool
        /// Processes of its group were still alive after `sh` ended and had to be killed.
        var leftoversKilled: Bool
    }

    let pid: pid_t
    let command: String
    private let group: ChildProcessGroup
    private var stdinFD: Int32
    private var stdoutFD: Int32
    private var buffer: [UInt8] = []
    private static let chunkSize = 1 << 16
    /// Appended to the `error: interrupted by SIGxxx` line while an adapter runs.
    private static let interruptionNote = "the adapter was stopped (its process group ended)"

    /// Starts `/bin/sh -c command` in `directory` with this process's environment.
    /// - Parameter stderrLog: file receiving the adapter's stderr (created, truncated).
    init(command: String, stderrLog: String) throws {
        self.command = command
        let logFD = open(stderrLog, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard logFD >= 0 else {
            throw PortCheckError.environment("cannot open the adapter log \(stderrLog): \(String(cString: strerror(errno)))")
        }
        defer { close(logFD) }
        var input: [Int32] = [-1, -1]
        var output: [Int32] = [-1, -1]
        guard pipe(&input) == 0 else {
            throw PortCheckError.environment("cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        guard pipe(&output) == 0 else {
            close(input[0]); close(input[1])
            throw PortCheckError.environment("cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        // Close-on-exec: no other child of this process (a JVM, another adapter) inherits them.
        for fd in input + output { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // dup2 clears FD_CLOEXEC on 0, 1, 2; every other descriptor of this process stays closed in the child.
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, logFD, 2)
        // Descriptors this process inherited without close-on-exec (e.g. the socket a parent's
        // Foundation `Process` watches for our exit) must not reach the adapter either.
        ChildProcessGroup.closeInheritedDescriptors(in: &actions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Own process group (pgid = its pid); default dispositions for the signals this tool
        // ignores or catches (ignored signals would otherwise be inherited); an empty signal mask.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)

        let argv: [UnsafeMutablePointer<CChar>?] = ["/bin/sh", "-c", command].map { (text: String) in strdup(text) } + [nil]
        defer { argv.forEach { free($0) } }
        var spawned: Int32 = 0
        let group = ChildProcessGroup.launch {
            var child: pid_t = 0
            spawned = posix_spawn(&child, "/bin/sh", &actions, &attributes, argv, environ)
            return spawned == 0 ? child : 0
        }
        close(input[0])
        close(output[1])
        guard let group else {
            close(input[1]); close(output[0])
            let reason = spawned != 0 ? String(cString: strerror(spawned)) : "it did not get a process group of its own"
            throw PortCheckError.environment("cannot start /bin/sh: \(reason)")
        }
        TerminationCleanup.setInterruptionNote(Self.interruptionNote)
        self.group = group
        pid = group.id
        stdinFD = input[1]
        stdoutFD = output[0]
        _ = fcntl(stdinFD, F_SETFL, fcntl(stdinFD, F_GETFL) | O_NONBLOCK)
        _ = fcntl(stdoutFD, F_SETFL, fcntl(stdoutFD, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        killGroup()
    }

    // MARK: - Line I/O

    /// Writes `line` and a newline before `deadline`.
    func writeLine(_ line: [UInt8], deadline: Date) throws {
        guard stdinFD >= 0 else { throw IOFailure.inputClosed(reason: "stdin already closed") }
        var bytes = line
        bytes.append(0x0a)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return write(stdinFD, base + offset, raw.count - offset)
            }
            if n >= 0 { offset += n; continue }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK:
                guard try wait(for: stdinFD, events: POLLOUT, until: deadline) else { throw IOFailure.writeTimedOut }
            case EPIPE: throw IOFailure.inputClosed(reason: "it closed its stdin or exited")
            default: throw IOFailure.inputClosed(reason: String(cString: strerror(errno)))
            }
        }
    }

    /// Reads one line (without its newline) before `deadline`, at most `maxBytes` long.
    func readLine(deadline: Date, maxBytes: Int) throws -> [UInt8] {
        var scanned = 0
        var chunk = [UInt8](repeating: 0, count: Self.chunkSize)
        while true {
            if let newline = buffer[scanned...].firstIndex(of: 0x0a) {
                let line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                guard line.count <= maxBytes else { throw IOFailure.oversize(partial: Array(line.prefix(256))) }
                return line
            }
            scanned = buffer.count
            guard buffer.count <= maxBytes else { throw IOFailure.oversize(partial: Array(buffer.prefix(256))) }
            guard try wait(for: stdoutFD, events: POLLIN, until: deadline) else {
                throw IOFailure.timedOut(partial: Array(buffer.prefix(256)))
            }
            let n = chunk.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return read(stdoutFD, base, raw.count)
            }
            if n > 0 {
                buffer.append(contentsOf: chunk[0..<n])
            } else if n == 0 {
                throw IOFailure.endOfOutput(partial: Array(buffer.prefix(256)))
            } else if errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK {
                throw IOFailure.endOfOutput(partial: Array(buffer.prefix(256)))
            }
        }
    }

    /// What it wrote that was not read yet (at most `limit` bytes, without waiting): the quote of
    /// an error found while writing.
    func pendingOutput(limit: Int = 256) -> [UInt8] {
        var chunk = [UInt8](repeating: 0, count: limit)
        while buffer.count < limit, stdoutFD >= 0 {
            let n = chunk.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return read(stdoutFD, base, raw.count)
            }
            if n > 0 { buffer.append(contentsOf: chunk[0..<n]) } else if n < 0 && errno == EINTR { continue } else { break }
        }
        return Array(buffer.prefix(limit))
    }

    /// Polls `fd` until ready (true) or `deadline` (false). Hang-up and errors count as ready, so
    /// the following read/write reports them. When `sh` has exited while a process it left behind
    /// keeps the pipe open, the adapter is gone all the same: that is reported at once as the end
    /// of its output (or a closed input), not after the timeout.
    private func wait(for fd: Int32, events: Int32, until deadline: Date) throws -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(events), revents: 0)
        while true {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { return false }
            let ready = poll(&descriptor, 1, Int32(min(remaining, 0.5) * 1000) + 1)
            if ready > 0 { return true }
            if ready < 0 && errno != EINTR { return true }
            if ready == 0, exitStatus() != nil {
                if events == POLLIN { throw IOFailure.endOfOutput(partial: Array(buffer.prefix(256))) }
                throw IOFailure.inputClosed(reason: "it exited")
            }
        }
    }

    // MARK: - Ending

    /// Closes the adapter's stdin (its signal to exit).
    func closeInput() {
        if stdinFD >= 0 { close(stdinFD); stdinFD = -1 }
    }

    /// `sh` has exited (and was reaped).
    var hasExited: Bool { group.leaderStatus() != nil }

    /// `sh`'s exit status as text ("exit 3", "signal 9"), when it has exited (reaps it).
    func exitStatus(waitingUpTo seconds: Double = 0) -> String? {
        group.leaderStatus(waitingUpTo: seconds).map(Self.describe)
    }

    /// The normal end: stdin closed, up to `grace` seconds for `sh` to exit, then the whole group
    /// ended (SIGTERM, the grace, SIGKILL). Processes of the group that outlive `sh` are reported.
    func finish(grace: Double) -> Ending {
        closeInput()
        let exitedInTime = exitStatus(waitingUpTo: grace) != nil
        let leftovers = exitedInTime && group.hasLiveMembers
        killGroup()
        return Ending(status: exitStatus(), exitedInTime: exitedInTime, leftoversKilled: leftovers)
    }

    /// Ends the whole group (SIGTERM, the grace, SIGKILL; see `ChildProcessGroup.terminate`), reaps
    /// `sh`, closes the pipes. Safe to call more than once.
    func killGroup() {
        closeInput()
        group.terminate()
        TerminationCleanup.setInterruptionNote("")
        if stdoutFD >= 0 { close(stdoutFD); stdoutFD = -1 }
    }

    static func describe(_ raw: Int32) -> String {
        let signal = raw & 0x7f
        if signal == 0 { return "exit status \((raw >> 8) & 0xff)" }
        return "killed by signal \(signal)"
    }
}
