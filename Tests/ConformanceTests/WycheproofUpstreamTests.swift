import Conformance
import Foundation
import XCTest

/// The upstream Wycheproof RSA PKCS#1 v1.5 files, read unchanged, must all pass.
final class WycheproofUpstreamTests: XCTestCase {
    func runAll(_ paths: [URL]) throws -> RunReport {
        let runner = ConformanceRunner(context: RunContext(javaMode: .off, packageRoot: TestPaths.packageRoot))
        return try runner.run(vectorPaths: paths)
    }

    func testEveryUpstreamFilePasses() throws {
        let folder = try TestPaths.requireWycheproof()
        let report = try runAll([folder])
        XCTAssertFalse(report.suites.isEmpty, "no vector files found in \(folder.path)")
        for suite in report.suites {
            XCTAssertNil(suite.error, suite.name)
            XCTAssertGreaterThan(suite.counts.cases, 0, suite.name)
            for outcome in suite.outcomes {
                switch outcome.verdict {
                case .pass: break
                case .skip(let reason):
                    // Only hashes the RSA module lacks (SHA-224) may be skipped, and never silently.
                    XCTAssertTrue(reason.contains("not supported"), "\(outcome.id): \(reason)")
                case .fail(let reason, _, _):
                    XCTFail("\(outcome.id): \(reason) \(outcome.flags)")
                }
            }
        }
        XCTAssertEqual(report.exitCode, 0)
        // Each of the three upstream schemas is present in the shared folder.
        let schemas = Set(report.suites.compactMap(\.schema))
        XCTAssertTrue(schemas.isSuperset(of: ["rsassa_pkcs1_verify_schema_v1.json", "rsassa_pkcs1_generate_schema_v1.json",
                                              "rsaes_pkcs1_decrypt_schema_v1.json"]), "\(schemas)")
    }

    func testAcceptableCasesRecordWhichWayTheyWent() throws {
        let folder = try TestPaths.requireWycheproof()
        let report = try runAll([folder.appendingPathComponent("rsa_signature_2048_sha256_test.json")])
        let acceptable = report.suites.flatMap(\.outcomes).filter { $0.expected == .acceptable }
        XCTAssertFalse(acceptable.isEmpty)
        for outcome in acceptable {
            XCTAssertEqual(outcome.verdict, .pass)
            XCTAssertNotNil(outcome.acceptableResolution, outcome.id)
            // The upstream acceptable case is MissingNull: the JDK (hence the default) accepts it, strict RFC 8017 does not.
            XCTAssertEqual(outcome.flags, ["MissingNull"])
            XCTAssertEqual(outcome.javaVerdict, JavaVerdict(java: "accepted", source: "Java-compatible verification", strict: "rejected"))
        }
        XCTAssertEqual(report.totals.acceptableAccepted + report.totals.acceptableRejected, acceptable.count)
        XCTAssertTrue(MarkdownSummaryWriter.render(report).contains("## Acceptable cases: Java's verdict (\(acceptable.count))"))
    }

    /// A stored verify file whose `javaVerdict` says the JDK rejected the MissingNull case: exactly that case
    /// fails, since the Java-compatible verification accepts it.
    func testWrongJavaVerdictFailsThatCase() throws {
        let source = TestPaths.packageRoot.appendingPathComponent("Vectors/rsautils_verify_md5_1024_test.json")
        let text = try String(contentsOf: source, encoding: .utf8)
        XCTAssertEqual(text.components(separatedBy: "\"javaVerdict\": \"accepted\"").count, 2)
        let copy = try TestPaths.temporaryFolder(self).appendingPathComponent("wrong_java_verdict_test.json")
        try text.replacingOccurrences(of: "\"javaVerdict\": \"accepted\"", with: "\"javaVerdict\": \"rejected\"")
            .write(to: copy, atomically: true, encoding: .utf8)
        let report = try runAll([copy])
        XCTAssertEqual(report.failures.map(\.flags), [["MissingNull"]])
        XCTAssertTrue(report.failures.first?.verdict.reason?.contains("javaVerdict") ?? false)
        let stored = try runAll([source])
        let note = stored.suites.flatMap(\.outcomes).compactMap(\.javaVerdict)
        XCTAssertEqual(note, [JavaVerdict(java: "accepted", source: "vector file (JDK)", strict: "rejected")])
    }

    /// Flipping one byte of an expected signature in a copy makes exactly that case fail, with
    /// expected vs actual bytes.
    func testFlippedSignatureByteFailsExactlyThatCase() throws {
        let folder = try TestPaths.requireWycheproof()
        let source = folder.appendingPathComponent("rsa_pkcs1_1024_sig_gen_test.json")
        let temp = try TestPaths.temporaryFolder(self)
        let copy = temp.appendingPathComponent("flipped_sig_gen_test.json")
        let (tcId, original, flipped) = try VectorFileMutation.flipSignatureByte(source, to: copy, groupIndex: 0, testIndex: 1)

        let report = try runAll([copy])
        XCTAssertEqual(report.exitCode, 1)
        let failures = report.failures
        XCTAssertEqual(failures.count, 1, "\(failures.map(\.id))")
        let failure = try XCTUnwrap(failures.first)
        XCTAssertEqual(failure.tcId, tcId)
        guard case .fail(_, let expected, let actual) = failure.verdict else { return XCTFail("not a failure") }
        XCTAssertEqual(expected, flipped)
        XCTAssertEqual(actual, original)
        XCTAssertEqual(report.totals.passed, report.totals.cases - 1 - report.totals.skipped)
    }

    /// Wycheproof verify files with "sha": "MD5" / "SHA-1" are read the same way (our vectors use them).
    func testVerifySchemaWithMD5AndSHA1() throws {
        let folder = try TestPaths.requireWycheproof()
        let temp = try TestPaths.temporaryFolder(self)
        for hash in ["MD5", "SHA-1", "SHA-224"] {
            let copy = temp.appendingPathComponent("verify_\(hash)_test.json")
            try VectorFileMutation.rewriteVerifyFile(folder.appendingPathComponent("rsa_signature_2048_sha256_test.json"),
                                                     to: copy, sha: hash)
            let report = try runAll([copy])
            XCTAssertNil(report.suites.first?.error)
            let outcomes = report.suites.flatMap(\.outcomes)
            if hash == "SHA-224" {
                // Unsupported: every case is an explicit skip with the reason.
                XCTAssertTrue(outcomes.allSatisfy { $0.verdict.isSkip && ($0.verdict.reason ?? "").contains("SHA-224") })
                // A run that only skipped proves nothing: exit 2 with the reason, never PASS.
                XCTAssertEqual(report.exitCode, 2)
                XCTAssertEqual(report.emptyReason.map { $0.hasPrefix("every case was skipped") }, true)
            } else {
                // The signatures are SHA-256 ones: no valid case may verify under another hash.
                XCTAssertTrue(outcomes.filter { $0.expected == .valid }.allSatisfy { $0.verdict.isFailure }, hash)
                XCTAssertTrue(outcomes.allSatisfy { !$0.verdict.isSkip }, hash)
            }
        }
    }
}
