import Foundation
import ProcessGroups

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The private channel the bridge answers on: a FIFO (mode 0600) in the build folder, opened here for
/// reading (non-blocking) before the JVM starts; the bridge opens it for writing before it loads any
/// user code. Its name is removed once both ends are open (and by the signal handler if the tool is
/// stopped before), so nothing started later can open it, and nothing written to the JVM's stdout
/// can pass for an answer.
struct AnswerChannel {
    let path: String
    let readFD: Int32
    private let registration: TerminationCleanup.TemporaryFile?

    init(folder: String) throws {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/answers-\(getpid())-\(UUID().uuidString.prefix(8)).fifo"
        registration = TerminationCleanup.registerTemporaryFile(path)
        guard mkfifo(path, 0o600) == 0 else {
            let reason = String(cString: strerror(errno))
            TerminationCleanup.unregister(registration)
            throw JavaOracleError.buildFolder("cannot create the answer channel \(path): \(reason)")
        }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            unlink(path)
            TerminationCleanup.unregister(registration)
            throw JavaOracleError.buildFolder("cannot open the answer channel \(path): \(reason)")
        }
        self.path = path
        self.readFD = fd
    }

    /// Removes the FIFO's name (the open ends keep working).
    func remove() {
        unlink(path)
        TerminationCleanup.unregister(registration)
    }
}
