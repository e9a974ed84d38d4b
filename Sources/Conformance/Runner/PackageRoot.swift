import Foundation

/// Finds the package root for a run: the folder with `Package.swift` and `Vectors/`.
public enum PackageRoot {
    public struct NotFound: Error, CustomStringConvertible {
        public let description: String
    }

    /// `$CONFORMANCE_ROOT` when set (it must hold `Vectors/`), else the first folder up from
    /// `currentDirectory` holding both `Package.swift` and `Vectors/`.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                              currentDirectory: String = FileManager.default.currentDirectoryPath) throws -> URL {
        let cwd = URL(fileURLWithPath: currentDirectory, isDirectory: true)
        if let fromEnv = environment["CONFORMANCE_ROOT"], !fromEnv.isEmpty {
            let root = URL(fileURLWithPath: fromEnv, relativeTo: cwd).standardizedFileURL
            guard isFolder(root.appendingPathComponent("Vectors")) else {
                throw NotFound(description: "CONFORMANCE_ROOT=\(fromEnv) has no Vectors/ folder")
            }
            return root
        }
        var dir = cwd.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path),
               isFolder(dir.appendingPathComponent("Vectors")) {
                return dir
            }
            let parent = dir.deletingLastPathComponent().standardizedFileURL
            if parent.path == dir.path { break }
            dir = parent
        }
        throw NotFound(description: "no folder with Package.swift and Vectors/ at or above \(currentDirectory) (set CONFORMANCE_ROOT)")
    }

    static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
