@testable import Conformance
import Foundation
import XCTest

/// Files and check suites run concurrently, yet the report and the progress lines are those of a
/// serial run (timings aside).
final class ConcurrentRunTests: XCTestCase {
    /// A check suite that takes a while, so that later jobs finish before it.
    struct SlowCheck: CheckSuite {
        let name: String
        func run(context: RunContext) -> [Outcome] {
            Thread.sleep(forTimeInterval: 0.05)
            return [CheckOutcome.make(suite: name, tcId: 1, comment: "slow", verdict: .pass)]
        }
    }

    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines = [String]()
        func add(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    /// Suite names, outcome ids and verdicts, ignored files: everything but durations and timestamps.
    private func shape(_ report: RunReport) -> [String] {
        report.suites.flatMap { suite in
            ["\(suite.name) \(suite.kind) \(suite.error ?? "")"] + suite.outcomes.map { "\($0.id) \($0.verdict)" }
        } + report.ignoredFiles.map { "ignored \($0.path) \($0.reason)" }
    }

    private func withoutTime(_ line: String) -> String {
        line.replacingOccurrences(of: #" [0-9]+\.[0-9]+s$"#, with: "", options: .regularExpression)
    }

    func testConcurrentRunReportsLikeASerialRun() throws {
        let root = TestPaths.packageRoot
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("concurrent-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["gettoken_sign_test.json", "rsautils_sign_md5_1024_test.json", "rsautils_verify_md5_1024_test.json", "rsautils_verify_sha256_1024_test.json"] {
            try FileManager.default.copyItem(at: root.appendingPathComponent("Vectors/\(name)"), to: folder.appendingPathComponent(name))
        }
        try Data(#"{"not": "a vector file"}"#.utf8).write(to: folder.appendingPathComponent("b_other.json"))
        try Data("{".utf8).write(to: folder.appendingPathComponent("c_broken.json"))

        var reports = [RunReport]()
        var progress = [[String]]()
        for threads in [1, 4] {
            let lines = Lines()
            var runner = ConformanceRunner(context: RunContext(javaMode: .off, seed: 7, packageRoot: root),
                                           checkSuites: [SlowCheck(name: "slow A"), SlowCheck(name: "slow B")],
                                           progress: { lines.add($0) })
            runner.threads = threads
            reports.append(try runner.run(vectorPaths: [folder]))
            progress.append(lines.all.map(withoutTime))
        }
        XCTAssertEqual(shape(reports[0]), shape(reports[1]))
        XCTAssertEqual(progress[0], progress[1])
        XCTAssertEqual(reports[1].suites.map(\.name).suffix(2), ["slow A", "slow B"])
        XCTAssertEqual(reports[1].ignoredFiles.count, 1)
        XCTAssertEqual(reports[1].suites.filter { $0.error != nil }.count, 1)
        XCTAssertEqual(progress[1].count, 8)  // 4 files, 1 ignored, 1 broken, 2 checks
    }
}
