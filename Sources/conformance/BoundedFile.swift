import Foundation

/// Reads a small input file named on the command line (`@path` keys): a regular file or a pipe, at
/// most `limit` bytes. A folder, a device such as /dev/zero, or a file past the limit is one error
/// line, never an endless read or gigabytes in memory.
enum BoundedFile {
    /// Key files are a few KB even for 16384-bit keys in PEM.
    static let keyLimit = 1 << 20

    static func read(_ path: String, limit: Int, option: String) throws -> Data {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw CLIFailure.usage("\(option): cannot read '\(path)': \(String(cString: strerror(errno)))")
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { throw CLIFailure.usage("\(option): '\(path)' is a folder, not a file") }
        guard type == S_IFREG || type == S_IFIFO else {
            throw CLIFailure.usage("\(option): '\(path)' is not a regular file")
        }
        if type == S_IFREG, Int(info.st_size) > limit {
            throw CLIFailure.usage("\(option): '\(path)' is \(info.st_size) bytes; the limit is \(limit) bytes")
        }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw CLIFailure.usage("\(option): cannot read '\(path)': \((error as NSError).localizedDescription)")
        }
        guard data.count <= limit else {
            throw CLIFailure.usage("\(option): '\(path)' is larger than the limit of \(limit) bytes")
        }
        return data
    }
}
