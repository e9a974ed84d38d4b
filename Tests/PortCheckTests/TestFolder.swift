import Foundation
import TestSupport
import XCTest

/// A temporary folder for one test: adapter scripts and the adapter's stderr log.
struct TestFolder {
    let url: URL

    init(_ test: XCTestCase) throws {
        url = try TestPackage.temporaryFolder(test, prefix: "portcheck-test")
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

extension ProcessGroupProbe {
    /// The group the script recorded (its pid), when it got that far.
    static func lastGroup(startedBy folder: TestFolder) -> Int32? {
        guard let text = try? String(contentsOfFile: folder.pidFile, encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
