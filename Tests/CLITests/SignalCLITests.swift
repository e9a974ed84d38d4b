import Foundation
import XCTest

/// A run stopped by a signal: the conventional exit code, no temporary files, and no earlier PASS
/// left readable in the report folder.
final class SignalCLITests: XCTestCase {
    func testInterruptedRunLeavesIncompleteReports() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("signal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // An earlier run's PASS.
        try Data("# RsaUtils conformance: PASS\n".utf8).write(to: folder.appendingPathComponent("summary.md"))
        try Data(#"{"status": "pass"}"#.utf8).write(to: folder.appendingPathComponent("conformance.json"))

        for (signal, code) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            let process = Process()
            process.executableURL = CLIRunner.binary
            process.arguments = ["run", "--java", "off", "--report-dir", folder.path]
            process.currentDirectoryURL = CLIRunner.packageRoot
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // The run marks the folder incomplete before any work, then takes seconds (stored vectors).
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline,
                  !((try? String(contentsOf: folder.appendingPathComponent("summary.md"), encoding: .utf8))?.contains("INCOMPLETE") ?? false) {
                usleep(20_000)
            }
            usleep(300_000)
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, code, "exit status after signal \(signal)")

            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            XCTAssertEqual(names, ["conformance.json", "junit.xml", "summary.md"], "temporary files left: \(names)")
            let summary = try String(contentsOf: folder.appendingPathComponent("summary.md"), encoding: .utf8)
            XCTAssertTrue(summary.hasPrefix("# RsaUtils conformance: INCOMPLETE"), summary)
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("conformance.json"))) as? [String: Any]
            XCTAssertEqual(json?["status"] as? String, "incomplete")
        }
    }
}
