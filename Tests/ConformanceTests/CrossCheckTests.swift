@testable import Conformance
@testable import JavaOracle
import XCTest

final class CrossCheckTests: XCTestCase {
    private func assertAllPass(_ outcomes: [Outcome], minimum: Int, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertGreaterThanOrEqual(outcomes.count, minimum, file: file, line: line)
        for outcome in outcomes where outcome.verdict != .pass {
            XCTFail("\(outcome.id) \(outcome.comment): \(outcome.verdict)", file: file, line: line)
        }
    }

    func testMD5CrossCheckPasses() {
        assertAllPass(MD5CrossCheck(inputs: 220).run(context: RunContext(seed: 42)), minimum: 220)
    }

    func testSwiftCryptoRSACrossCheckPasses() {
        assertAllPass(SwiftCryptoRSACrossCheck(keySizes: [1024], messagesPerKey: 2).run(context: RunContext(seed: 7)), minimum: 10)
    }

    func testSeedReplaysTheSameInputs() {
        var a = SeededRandom.forSuite("x", seed: 9), b = SeededRandom.forSuite("x", seed: 9)
        XCTAssertEqual(a.bytes(100), b.bytes(100))
        var c = SeededRandom.forSuite("x", seed: 10), d = SeededRandom.forSuite("x", seed: 9)
        XCTAssertNotEqual(d.bytes(32), c.bytes(32))
    }

    func testRecorderReportsDifferencesAndThrows() {
        var recorder = CheckRecorder(suite: "s")
        recorder.check("different") { CheckRecorder.same([1, 2], [1, 3], "bytes") }
        recorder.check("throws") { throw CocoaError(.fileNoSuchFile) }
        recorder.check("same") { CheckRecorder.same([1], [1], "bytes") }
        XCTAssertEqual(recorder.outcomes.map(\.verdict.status), ["fail", "fail", "pass"])
        XCTAssertEqual(recorder.outcomes.map(\.tcId), [1, 2, 3])
        if case .fail(_, let expected, let actual) = recorder.outcomes[0].verdict {
            XCTAssertEqual(expected, [1, 2])
            XCTAssertEqual(actual, [1, 3])
        } else {
            XCTFail("expected a failure with bytes")
        }
    }

    func testJavaLiveCrossCheckPassesOrSkipsVisibly() throws {
        let outcomes = JavaLiveCrossCheck(keySizes: [512]).run(context: RunContext(javaMode: .auto, seed: 3,
                                                                                     packageRoot: CrossCheckTests.packageRoot))
        if outcomes.count == 1, outcomes[0].verdict.isSkip {
            throw XCTSkip("no JDK here: \(outcomes[0].verdict.reason ?? "")")
        }
        assertAllPass(outcomes, minimum: 50)
    }

    /// `--seed` replays the live checks too: the JDK's keys come from a SHA1PRNG seeded by the run's seed.
    func testSeededJDKKeysReplay() throws {
        let oracle: JavaOracle
        do { oracle = try JavaOracle(packageRoot: CrossCheckTests.packageRoot.path) } catch let error as JavaOracleError where error.meansNoJDK {
            throw XCTSkip("no JDK: \(error)")
        }
        defer { oracle.close() }
        let seed: [UInt8] = Array(0..<32)
        XCTAssertEqual(try oracle.keygen(bits: 512, seed: seed), try oracle.keygen(bits: 512, seed: seed))
        XCTAssertNotEqual(try oracle.keygen(bits: 512, seed: seed), try oracle.keygen(bits: 512, seed: [1] + seed))
        XCTAssertNotEqual(try oracle.keygen(bits: 512), try oracle.keygen(bits: 512))
    }

    func testJavaOffIsAVisibleSkip() {
        let outcomes = JavaLiveCrossCheck().run(context: RunContext(javaMode: .off))
        XCTAssertEqual(outcomes.count, 1)
        XCTAssertEqual(outcomes.first?.verdict, .skip(reason: "--java off"))
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
