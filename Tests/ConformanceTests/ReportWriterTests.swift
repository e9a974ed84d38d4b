@testable import Conformance
import Foundation
import ReportFiles
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// The three reports from one hand-built `RunReport`: golden JUnit and Markdown, JSON that parses back,
/// XML that parses, atomic writes that leave no temporary files.
final class ReportWriterTests: XCTestCase {
    static func sampleReport() -> RunReport {
        var metadata = RunMetadata(startedAt: "2026-01-02T03:04:05.678Z")
        metadata.durationSeconds = 1.5
        metadata.swiftVersion = "6.3"
        metadata.gmpVersion = "6.2.1"
        metadata.platform = "Linux test"
        metadata.jdkVersion = "17.0.15"
        metadata.commonsCodecVersion = "1.15"
        metadata.javaMode = "auto"
        metadata.seed = 42
        metadata.vectorPaths = ["Vectors"]
        let file = "Vectors/sample_test.json"
        let notes = ["MissingNull": VectorNote(bugType: "LEGACY", description: "DigestInfo without NULL"),
                     "WeakHash": VectorNote(bugType: "WEAK_PARAMS", description: "uses <MD5> & \"friends\"")]
        let outcomes = [
            Outcome(file: file, suite: file, groupIndex: 0, tcId: 1, comment: "plain", flags: [], expected: .valid,
                    actual: .valid, verdict: .pass, durationSeconds: 0.001),
            Outcome(file: file, suite: file, groupIndex: 0, tcId: 2, comment: "legacy", flags: ["MissingNull"], expected: .acceptable,
                    actual: .invalid, verdict: .pass, durationSeconds: 0.002),
            Outcome(file: file, suite: file, groupIndex: 1, tcId: 3, comment: "sig <&> 'x'", flags: ["WeakHash"], expected: .valid,
                    actual: nil, verdict: .fail(reason: "signature differs", expected: [0x01, 0x02, 0x03], actual: [0x01, 0xff, 0x03]),
                    durationSeconds: 0.003),
            Outcome(file: file, suite: file, groupIndex: 1, tcId: 4, comment: "", flags: [], expected: .valid, actual: nil,
                    verdict: .skip(reason: "hash SHA-224 is not supported"), durationSeconds: 0),
        ]
        let suites = [
            SuiteReport(name: file, kind: .vectors, file: file, schema: "rsassa_pkcs1_generate_schema_v1.json",
                        algorithm: "RSASSA-PKCS1-v1_5", header: ["made by hand"], notes: notes, durationSeconds: 0.25, outcomes: outcomes),
            SuiteReport(name: "Vectors/broken_test.json", kind: .vectors, file: "Vectors/broken_test.json", durationSeconds: 0,
                        error: "Vectors/broken_test.json: end of file (byte 10): not valid JSON", outcomes: []),
            SuiteReport(name: "cross-check: md5", kind: .check, durationSeconds: 0.5, outcomes: [
                CheckOutcome.make(suite: "cross-check: md5", tcId: 1, comment: "random input", verdict: .pass, durationSeconds: 0.5),
            ]),
        ]
        return RunReport(metadata: metadata, suites: suites,
                         ignoredFiles: [IgnoredFile(path: "Vectors/package.json", reason: "not a vector file")])
    }

    func testCountsAndExitCode() {
        let report = Self.sampleReport()
        XCTAssertEqual(report.totals.cases, 5)
        XCTAssertEqual(report.totals.passed, 3)
        XCTAssertEqual(report.totals.failed, 1)
        XCTAssertEqual(report.totals.skipped, 1)
        XCTAssertEqual(report.totals.acceptableRejected, 1)
        XCTAssertEqual(report.errors, 1)
        XCTAssertEqual(report.exitCode, 2)
        let noError = RunReport(metadata: report.metadata, suites: report.suites.filter { $0.error == nil })
        XCTAssertEqual(noError.exitCode, 1)
        // Vector paths were scanned but only the cross-check ran: nothing from the vectors was checked.
        let checksOnly = RunReport(metadata: report.metadata, suites: [report.suites[2]])
        XCTAssertEqual(checksOnly.exitCode, 2)
        XCTAssertNotNil(checksOnly.emptyReason)
        var noPaths = report.metadata
        noPaths.vectorPaths = []
        XCTAssertEqual(RunReport(metadata: noPaths, suites: [report.suites[2]]).exitCode, 0)
    }

    /// Zero cases, or only skips, is never PASS: exit 2 with a reason, and the JUnit file has an error.
    func testNothingCheckedIsAnError() throws {
        var metadata = Self.sampleReport().metadata
        metadata.vectorPaths = []
        let empty = RunReport(metadata: metadata, suites: [])
        XCTAssertEqual(empty.exitCode, 2)
        XCTAssertEqual(empty.status, "error")
        let skipped = RunReport(metadata: metadata, suites: [
            SuiteReport(name: "x", kind: .check, durationSeconds: 0, outcomes: [
                CheckOutcome.make(suite: "x", tcId: 1, comment: "", verdict: .skip(reason: "no JDK"), durationSeconds: 0),
            ]),
        ])
        XCTAssertEqual(skipped.exitCode, 2)
        XCTAssertTrue(skipped.emptyReason?.contains("skipped") ?? false)
        let junit = String(decoding: JUnitReportWriter.render(skipped), as: UTF8.self)
        XCTAssertTrue(junit.contains("type=\"NothingChecked\""))
        XCTAssertTrue(junit.contains("errors=\"1\""))
    }

    /// Before a run the folder holds three "incomplete" reports: an earlier PASS is never left readable.
    func testIncompleteMarkerReplacesAllThreeReports() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("incomplete-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var metadata = Self.sampleReport().metadata
        metadata.vectorPaths = []
        let passing = RunReport(metadata: metadata, suites: [Self.sampleReport().suites[2]])
        XCTAssertEqual(passing.exitCode, 0)
        try ReportWriter.write(passing, to: folder, environment: [:])
        try ReportWriter.markIncomplete(folder, startedAt: "2026-01-01T00:00:00.000Z")
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("conformance.json"))) as? [String: Any])
        XCTAssertEqual(json["status"] as? String, "incomplete")
        let junit = try String(contentsOf: folder.appendingPathComponent("junit.xml"), encoding: .utf8)
        XCTAssertTrue(junit.contains("<error") && junit.contains("errors=\"1\""))
        let summary = try String(contentsOf: folder.appendingPathComponent("summary.md"), encoding: .utf8)
        XCTAssertTrue(summary.hasPrefix("# RsaUtils conformance: INCOMPLETE"))
        XCTAssertFalse(summary.contains("PASS"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(),
                       ["conformance.json", "junit.xml", "summary.md"])
    }

    func testJSONParsesBackWithEveryCase() throws {
        let report = Self.sampleReport()
        let data = try JSONReportWriter.render(report)
        let decoded = try JSONDecoder().decode(RunReport.self, from: data)
        XCTAssertEqual(decoded.suites.count, 3)
        XCTAssertEqual(decoded.suites[0].outcomes, report.suites[0].outcomes)
        XCTAssertEqual(decoded.totals, report.totals)
        XCTAssertEqual(decoded.metadata.jdkVersion, "17.0.15")
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(object["status"] as? String, "error")
        XCTAssertEqual(object["exitCode"] as? Int, 2)
        let suites = try XCTUnwrap(object["suites"] as? [[String: Any]])
        let failing = try XCTUnwrap((suites[0]["outcomes"] as? [[String: Any]])?[2])
        XCTAssertEqual(failing["id"] as? String, "Vectors/sample_test.json#3")
        XCTAssertEqual(failing["verdict"] as? String, "fail")
        XCTAssertEqual(failing["expectedBytes"] as? String, "010203")
        XCTAssertEqual(failing["actualBytes"] as? String, "01ff03")
        let acceptable = try XCTUnwrap((suites[0]["outcomes"] as? [[String: Any]])?[1])
        XCTAssertEqual(acceptable["acceptable"] as? String, "rejected")
        // Sorted keys: the same report renders to the same bytes.
        XCTAssertEqual(try JSONReportWriter.render(report), data)
    }

    func testJUnitGolden() throws {
        let xml = String(decoding: JUnitReportWriter.render(Self.sampleReport()), as: UTF8.self)
        XCTAssertEqual(xml, Self.junitGolden)
    }

    func testJUnitIsWellFormedXML() throws {
        let data = JUnitReportWriter.render(Self.sampleReport())
        let counter = ElementCounter()
        let parser = XMLParser(data: data)
        parser.delegate = counter
        XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        XCTAssertEqual(counter.counts["testsuite"], 3)
        XCTAssertEqual(counter.counts["testcase"], 6)
        XCTAssertEqual(counter.counts["failure"], 1)
        XCTAssertEqual(counter.counts["skipped"], 1)
        XCTAssertEqual(counter.counts["error"], 1)
        XCTAssertEqual(counter.failureMessage, "signature differs (sig <&> 'x') [WeakHash]")
        XCTAssertTrue(counter.failureText.contains("WeakHash (WEAK_PARAMS): uses <MD5> & \"friends\""), counter.failureText)
    }

    func testXMLEscapingOfControlCharacters() throws {
        let nasty = "a\u{1}b\u{0}c\"<&>\n\t\u{FFFF}"
        let xml = "<r a=\"\(XMLEscape.attribute(nasty))\">\(XMLEscape.text(nasty))</r>"
        let parser = XMLParser(data: Data(xml.utf8))
        XCTAssertTrue(parser.parse())
    }

    func testMarkdownGolden() {
        XCTAssertEqual(MarkdownSummaryWriter.render(Self.sampleReport()), Self.markdownGolden)
    }

    func testAtomicWritesLeaveOnlyTheReports() throws {
        let folder = try TestPaths.temporaryFolder(self)
        let out = folder.appendingPathComponent("nested/reports")
        let stepSummary = folder.appendingPathComponent("step-summary.md")
        let environment = ["GITHUB_STEP_SUMMARY": stepSummary.path]
        try ReportWriter.write(Self.sampleReport(), to: out, environment: environment)
        try ReportWriter.write(Self.sampleReport(), to: out, environment: environment)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        XCTAssertEqual(names, ["conformance.json", "junit.xml", "summary.md"])
        let summary = try String(contentsOf: stepSummary, encoding: .utf8)
        XCTAssertEqual(summary.components(separatedBy: "# RsaUtils conformance: ERROR").count - 1, 2, "appended twice")
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("summary.md"), encoding: .utf8),
                       MarkdownSummaryWriter.render(Self.sampleReport()) + "\n")
    }

    func testAtomicWriteFailureLeavesNoTemporaryFile() throws {
        let folder = try TestPaths.temporaryFolder(self)
        // The target is a non-empty folder: rename(2) fails, the temporary file must be removed.
        let target = folder.appendingPathComponent("conformance.json")
        try FileManager.default.createDirectory(at: target.appendingPathComponent("x"), withIntermediateDirectories: true)
        XCTAssertThrowsError(try AtomicFile.write(Data("{}".utf8), to: target))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["conformance.json"])
    }
}

/// Counts elements and keeps the failure's message and text.
final class ElementCounter: NSObject, XMLParserDelegate {
    var counts = [String: Int]()
    var failureMessage = ""
    var failureText = ""
    private var inFailure = false

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        counts[elementName, default: 0] += 1
        if elementName == "failure" {
            inFailure = true
            failureMessage = attributeDict["message"] ?? ""
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if elementName == "failure" { inFailure = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inFailure { failureText += string }
    }
}
