import Foundation
import XCTest

/// A temporary folder for one test: adapter scripts and the adapter's stderr log.
struct TestFolder {
    let url: URL

    init(_ test: XCTestCase) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("portcheck-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let url = self.url
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    }

    var log: String { url.appendingPathComponent("adapter-stderr.log").path }

    /// Writes a shell script that first records its pid (= its process group) and returns the
    /// command that runs it.
    func script(_ body: String) throws -> String {
        let path = url.appendingPathComponent("adapter.sh")
        try ("echo $$ > '\(pidFile)'\n" + body + "\n").write(to: path, atomically: true, encoding: .utf8)
        return "exec sh '\(path.path)'"
    }

    var pidFile: String { url.appendingPathComponent("adapter.pid").path }
}

/// Looks at process groups from the outside (/proc), independently of the code under test.
enum ProcessGroupProbe {
    /// The group the script recorded (its pid), when it got that far.
    static func lastGroup(startedBy folder: TestFolder) -> Int32? {
        guard let text = try? String(contentsOfFile: folder.pidFile, encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// A process of group `pgid` that is not a zombie exists.
    static func hasLiveMembers(_ pgid: Int32) -> Bool {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return false }
        for entry in entries where Int32(entry) != nil {
            guard let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 2, Int32(fields[2]) == pgid, fields[0] != "Z" { return true }
        }
        return false
    }
}
