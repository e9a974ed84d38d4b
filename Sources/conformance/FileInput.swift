import Foundation

/// Reading input files (or standard input for `-`) with one-line errors, in bounded chunks.
enum FileInput {
    static let chunkSize = 1 << 20

    /// Calls `body` with successive chunks of at most `chunkSize` bytes.
    static func stream(_ path: String, option: String, what: String = "file", _ body: (Data) throws -> Void) throws {
        let handle = try open(path, option: option, what: what)
        defer { if path != "-" { try? handle.close() } }
        let name = path == "-" ? "standard input" : "\(what) '\(path)'"
        while true {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: chunkSize) } catch {
                throw CLIFailure.usage("\(option): cannot read \(name): \(IOErrorText.describe(error))")
            }
            guard let chunk, !chunk.isEmpty else { return }
            try body(chunk)
        }
    }

    /// Key files are a few KB even for 16384-bit keys in PEM.
    static let keyFileLimit = 1 << 20

    /// The whole file; with a `limit`, more than `limit` bytes is one error line (not gigabytes in memory).
    static func readAll(_ path: String, option: String, what: String = "file", limit: Int? = nil) throws -> [UInt8] {
        var all = [UInt8]()
        try stream(path, option: option, what: what) { chunk in
            if let limit, all.count + chunk.count > limit {
                let name = path == "-" ? "standard input" : "\(what) '\(path)'"
                throw CLIFailure.usage("\(option): \(name) is larger than the limit of \(limit) bytes")
            }
            all.append(contentsOf: chunk)
        }
        return all
    }

    static func open(_ path: String, option: String, what: String) throws -> FileHandle {
        if path == "-" { return FileHandle.standardInput }
        guard !path.isEmpty else { throw CLIFailure.usage("\(option) needs a path (or - for standard input)") }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw CLIFailure.usage("\(option): cannot read \(what) '\(path)': no such file")
        }
        if isFolder.boolValue { throw CLIFailure.usage("\(option): '\(path)' is a folder, not a file") }
        // A device such as /dev/zero or /dev/urandom never ends: refused (a pipe, /dev/stdin or /dev/null is fine).
        var info = stat()
        if stat(path, &info) == 0, [S_IFCHR, S_IFBLK].contains(info.st_mode & S_IFMT), path != "/dev/null" {
            throw CLIFailure.usage("\(option): '\(path)' is a device, not a file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CLIFailure.usage("\(option): cannot read \(what) '\(path)' (permission denied?)")
        }
        return handle
    }
}
