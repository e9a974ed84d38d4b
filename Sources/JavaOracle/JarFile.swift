import Foundation

/// Whether a file is a zip archive (a jar): it has an end-of-central-directory record ("PK\u{5}\u{6}")
/// within its last 64 KiB + 22 bytes. The JVM silently skips a classpath entry that is not one, so a
/// broken jar would otherwise surface as "class not found".
public enum JarFile {
    public static func isArchive(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd(), size >= 22 else { return false }
        let tail = min(size, 65_557)
        guard (try? handle.seek(toOffset: size - tail)) != nil,
              let data = try? handle.read(upToCount: Int(tail)) else { return false }
        let bytes = [UInt8](data)
        guard bytes.count >= 22 else { return false }
        for i in stride(from: bytes.count - 22, through: 0, by: -1)
        where bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 0x05 && bytes[i + 3] == 0x06 {
            return true
        }
        return false
    }
}
