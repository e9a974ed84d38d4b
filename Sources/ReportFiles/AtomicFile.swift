import Foundation
import ProcessGroups
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file atomically: a temporary file in the same folder, then `rename(2)` over the target,
/// so a reader never sees a half-written report. The temporary file is removed on failure and when a
/// SIGINT/SIGTERM/SIGHUP stops the tool while it exists.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    public static func write(_ data: Data, to url: URL) throws {
        try write(to: url) { try $0.write(data) }
    }

    /// Streams `body`'s output into a temporary file, then renames it over `url`.
    public static func write(to url: URL, _ body: (ReportSink) throws -> Void) throws {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: folder.path, reason: "cannot create the folder (\((error as NSError).localizedDescription))")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(UUID().uuidString)")
        // Removed by the signal handler if the tool is stopped between here and the rename.
        let registration = TerminationCleanup.registerTemporaryFile(temporary.path)
        defer { TerminationCleanup.unregister(registration) }
        do {
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                throw WriteError(path: url.path, reason: "cannot create \(temporary.lastPathComponent)")
            }
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            let sink = ReportSink(handle: handle)
            try body(sink)
            try sink.flush()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if let error = error as? WriteError { throw error }
            throw WriteError(path: url.path, reason: (error as NSError).localizedDescription)
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: url.path, reason: reason)
        }
    }

    /// Appends to a file, creating it when absent (for `$GITHUB_STEP_SUMMARY`).
    public static func append(_ data: Data, to url: URL) throws {
        let fm = FileManager.default
        if !fm.fileExists(atPath: url.path) {
            guard fm.createFile(atPath: url.path, contents: nil) else {
                throw WriteError(path: url.path, reason: "cannot create the file")
            }
        }
        do {
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: data)
        } catch {
            throw WriteError(path: url.path, reason: (error as NSError).localizedDescription)
        }
    }
}
