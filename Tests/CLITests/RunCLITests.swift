import Foundation
import XCTest

/// `conformance run` (and `conformance` alone) as a user or CI runs it.
final class RunCLITests: XCTestCase {
    /// A package-like root (Package.swift + Vectors/) with an MD5 vector file, in a temp folder.
    func makeRoot(md5Digest: String = "900150983cd24fb0d6963f7d28e17f72") throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("run-cli-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Vectors/schemas"), withIntermediateDirectories: true)
        try Data("// swift-tools-version:6.0\n".utf8).write(to: root.appendingPathComponent("Package.swift"))
        let md5 = """
            {"algorithm": "MD5", "schema": "md5_schema_v1.json", "numberOfTests": 2, "header": ["RFC 1321 A.5"], "notes": {},
             "testGroups": [{"type": "Md5Hash", "source": {"name": "RFC 1321", "version": "1992"}, "tests": [
               {"tcId": 1, "comment": "abc", "flags": [], "msg": "616263", "digest": "\(md5Digest)", "result": "valid"},
               {"tcId": 2, "comment": "empty", "flags": [], "msg": "", "digest": "d41d8cd98f00b204e9800998ecf8427e", "result": "valid"}]}]}
            """
        try Data(md5.utf8).write(to: root.appendingPathComponent("Vectors/md5_test.json"))
        return root
    }

    func jsonReport(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("conformance.json"))
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func outcomes(_ report: [String: Any]) -> [[String: Any]] {
        ((report["suites"] as? [[String: Any]]) ?? []).flatMap { ($0["outcomes"] as? [[String: Any]]) ?? [] }
    }

    func testDefaultVerbRunsStoredVectorsAndWritesReports() throws {
        let root = try makeRoot()
        let result = try CLIRunner.run(["--no-cross-checks", "--java", "off"], currentDirectory: root)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertTrue(result.stdout.contains("[ok] Vectors/md5_test.json 2 cases (2 pass, 0 fail, 0 skip)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("PASS"), result.stdout)
        let reports = root.appendingPathComponent("reports")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: reports.path).sorted(),
                       ["conformance.json", "junit.xml", "summary.md"])
        XCTAssertEqual(try jsonReport(reports)["status"] as? String, "pass")
    }

    func testFlippedByteFailsExactlyThatCaseWithExpectedAndActual() throws {
        let wycheproof = CLIRunner.packageRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/wycheproof/testvectors_v1/rsa_pkcs1_1024_sig_gen_test.json")
        guard FileManager.default.fileExists(atPath: wycheproof.path) else {
            throw XCTSkip("upstream Wycheproof vectors not found at \(wycheproof.path)")
        }
        let root = try makeRoot()
        var file = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: wycheproof)) as? [String: Any])
        var groups = try XCTUnwrap(file["testGroups"] as? [[String: Any]])
        // A SHA-256 group (SHA-224 groups are skipped: the RSA module has no SHA-224).
        let index = try XCTUnwrap(groups.firstIndex { $0["sha"] as? String == "SHA-256" })
        var tests = try XCTUnwrap(groups[index]["tests"] as? [[String: Any]])
        let sig = try XCTUnwrap(tests[0]["sig"] as? String)
        let tcId = try XCTUnwrap(tests[0]["tcId"] as? Int)
        let flippedDigit = sig.first == "0" ? "1" : "0"
        let flipped = flippedDigit + sig.dropFirst()
        tests[0]["sig"] = flipped
        groups[index]["tests"] = tests
        file["testGroups"] = groups
        let copy = root.appendingPathComponent("flipped_sig_gen_test.json")
        try JSONSerialization.data(withJSONObject: file).write(to: copy)
        let reports = root.appendingPathComponent("out")

        // Stored vectors (the MD5 file of the temporary root) plus the given copy.
        let result = try CLIRunner.run(["run", "--vectors", copy.path, "--report-dir", reports.path, "--java", "off", "--no-cross-checks"],
                                       environment: ["CONFORMANCE_ROOT": root.path])
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("[ok] Vectors/md5_test.json"), result.stdout)
        XCTAssertTrue(result.stdout.contains("[FAIL] flipped_sig_gen_test.json"), result.stdout)
        let report = try jsonReport(reports)
        XCTAssertEqual(report["exitCode"] as? Int, 1)
        let failed = outcomes(report).filter { $0["verdict"] as? String == "fail" }
        XCTAssertEqual(failed.count, 1)
        let failure = try XCTUnwrap(failed.first)
        XCTAssertEqual(failure["tcId"] as? Int, tcId)
        XCTAssertEqual(failure["expectedBytes"] as? String, flipped)
        XCTAssertEqual(failure["actualBytes"] as? String, sig)
        let junit = try String(contentsOf: reports.appendingPathComponent("junit.xml"), encoding: .utf8)
        XCTAssertTrue(junit.contains("expected bytes (128): \(flipped)"))
        let summary = try String(contentsOf: reports.appendingPathComponent("summary.md"), encoding: .utf8)
        XCTAssertTrue(summary.contains("tcId \(tcId)") && summary.contains(sig), summary)
    }

    func testTruncatedFileExitsTwoNamingTheFile() throws {
        let root = try makeRoot()
        let truncated = root.appendingPathComponent("truncated_test.json")
        let text = try String(contentsOf: root.appendingPathComponent("Vectors/md5_test.json"), encoding: .utf8)
        try Data(text.prefix(120).utf8).write(to: truncated)
        let result = try CLIRunner.run(["run", "--no-stored", "--vectors", truncated.path, "--report-dir",
                                        root.appendingPathComponent("out").path, "--java", "off", "--no-cross-checks"])
        assertOneLineError(result, exitCode: 2, mentioning: "truncated_test.json")
        XCTAssertTrue(result.stderr.contains("end of file"), result.stderr)
        // The reports are still written and say why.
        XCTAssertEqual(try jsonReport(root.appendingPathComponent("out"))["status"] as? String, "error")
    }

    func testMalformedStoredFileIsExitTwoToo() throws {
        let root = try makeRoot()
        let bad = root.appendingPathComponent("Vectors/md5_test.json")
        let text = try String(contentsOf: bad, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"numberOfTests\": 2", with: "\"numberOfTests\": 3").utf8).write(to: bad)
        let result = try CLIRunner.run(["--java", "off", "--no-cross-checks"], currentDirectory: root)
        assertOneLineError(result, exitCode: 2, mentioning: "Vectors/md5_test.json: numberOfTests")
    }

    func testBadUsageExitsTwo() throws {
        let root = try makeRoot()
        assertOneLineError(try CLIRunner.run(["run", "--vectors", "/nonexistent/x.json", "--java", "off"], currentDirectory: root),
                           exitCode: 2, mentioning: "/nonexistent/x.json")
        assertOneLineError(try CLIRunner.run(["run", "--java", "sometimes"], currentDirectory: root), exitCode: 2)
        assertOneLineError(try CLIRunner.run(["run", "--seed", "-1"], currentDirectory: root), exitCode: 2)
        assertOneLineError(try CLIRunner.run(["run", "--no-stored"], currentDirectory: root), exitCode: 2, mentioning: "--vectors")
        // Empty paths are usage errors, not "the current folder".
        assertOneLineError(try CLIRunner.run(["run", "--report-dir", ""], currentDirectory: root), exitCode: 2, mentioning: "--report-dir")
        assertOneLineError(try CLIRunner.run(["run", "--vectors", ""], currentDirectory: root), exitCode: 2, mentioning: "--vectors")
        // No package root and nothing given: nothing to run.
        let empty = FileManager.default.temporaryDirectory
        assertOneLineError(try CLIRunner.run(["run", "--java", "off"], currentDirectory: empty,
                                             environment: ["CONFORMANCE_ROOT": ""]), exitCode: 2, mentioning: "Vectors")
    }

    func testJavaRequiredWithoutJDKExitsTwo() throws {
        let root = try makeRoot()
        let result = try CLIRunner.run(["run", "--java", "required", "--no-cross-checks"], currentDirectory: root,
                                       environment: ["PATH": "/nonexistent", "JAVA_HOME": ""])
        assertOneLineError(result, exitCode: 2, mentioning: "--java required")
    }
}
