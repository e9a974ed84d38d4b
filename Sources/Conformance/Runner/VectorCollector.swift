import Foundation

/// Finds the vector files under the given paths.
///
/// - A file is read as a vector file whatever its extension (it must be one: a non-vector JSON is an error).
/// - A folder is searched recursively for `*.json`, skipping hidden entries and folders named `schemas`
///   (JSON Schema documents, not vectors); a JSON file there whose top level has neither `schema` nor
///   `testGroups` is listed as ignored in the report (never silently).
/// - Each file is run once, even when reached through several paths; files are run in path order.
public enum VectorCollector {
    public struct Found: Sendable, Equatable {
        public let url: URL
        /// The user named the file itself (not found in a folder).
        public let explicit: Bool
    }

    /// Throws a `VectorFileError` for a path that does not exist (bad usage: exit 2).
    public static func collect(_ paths: [URL]) throws -> [Found] {
        var seen = Set<String>()
        var found = [Found]()
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
                throw VectorFileError(file: path.path, message: "no such file or folder")
            }
            var batch = [Found]()
            if isDirectory.boolValue {
                for url in try jsonFiles(in: path) { batch.append(Found(url: url, explicit: false)) }
            } else {
                batch.append(Found(url: path, explicit: true))
            }
            for item in batch.sorted(by: { $0.url.path < $1.url.path }) {
                let key = item.url.standardizedFileURL.resolvingSymlinksInPath().path
                if seen.insert(key).inserted { found.append(item) }
            }
        }
        return found
    }

    static func jsonFiles(in folder: URL) throws -> [URL] {
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles]) else {
            throw VectorFileError(file: folder.path, message: "cannot list the folder")
        }
        var out = [URL]()
        for case let url as URL in enumerator {
            let isDirectory = (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false
            if isDirectory {
                if url.lastPathComponent == "schemas" { enumerator.skipDescendants() }
                continue
            }
            if url.pathExtension.lowercased() == "json" { out.append(url) }
        }
        return out
    }

    /// The path shown in reports: relative to `root` when inside it, else relative to the current folder
    /// (with at most one `..`), else absolute.
    public static func displayPath(_ url: URL, root: URL?,
                                   currentDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        let path = url.standardizedFileURL.path
        if let root {
            let base = root.standardizedFileURL.path
            let prefix = base.hasSuffix("/") ? base : base + "/"
            if path.hasPrefix(prefix) { return String(path.dropFirst(prefix.count)) }
        }
        let target = path.split(separator: "/")
        let here = URL(fileURLWithPath: currentDirectory).standardizedFileURL.path.split(separator: "/")
        var common = 0
        while common < min(target.count, here.count), target[common] == here[common] { common += 1 }
        let ups = here.count - common
        guard ups <= 1, common < target.count else { return path }
        return (Array(repeating: "..", count: ups) + target[common...].map(String.init)).joined(separator: "/")
    }
}
