@testable import Conformance
import Foundation
import ReportFiles
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// The reports are streamed case by case (`ReportSink`, `PrettyJSONStream`): the text must be what
/// Foundation's `JSONEncoder` makes of the whole document, and what a hand derivation gives; passes
/// are kept compactly (`OutcomeLog`) and read back unchanged.
final class StreamedReportTests: XCTestCase {
    static func tinyReport() -> RunReport {
        var metadata = RunMetadata(startedAt: "2026-01-02T03:04:05.678Z")
        metadata.durationSeconds = 0.5
        metadata.swiftVersion = "6.3"
        metadata.gmpVersion = "6.2.1"
        metadata.platform = "Linux test"
        metadata.vectorPaths = ["v"]
        let file = "v/a_test.json"
        let outcomes = [
            Outcome(file: file, suite: file, groupIndex: 0, tcId: 1, comment: "a/b", flags: [], expected: .valid,
                    actual: .valid, verdict: .pass, durationSeconds: 0.125),
            Outcome(file: file, suite: file, groupIndex: 0, tcId: 2, comment: "", flags: [], expected: .valid, actual: nil,
                    verdict: .fail(reason: "MD5 digest differs from the vector", expected: [0xab], actual: [0xcd]),
                    durationSeconds: 0.0625),
        ]
        return RunReport(metadata: metadata, suites: [
            SuiteReport(name: file, kind: .vectors, file: file, schema: "md5_schema_v1.json", algorithm: "MD5",
                        header: ["h"], durationSeconds: 0.25, outcomes: outcomes),
        ])
    }

    /// Derived by hand from JSONEncoder's documented options (sorted keys, pretty-printed: two spaces
    /// per level, `"key" : value`, empty containers as an opening line, a blank line, the closing
    /// line; slashes not escaped) and the report's fields.
    static let tinyJSON = #"""
        {
          "errors" : 0,
          "exitCode" : 1,
          "ignoredFiles" : [

          ],
          "metadata" : {
            "durationSeconds" : 0.5,
            "gmpVersion" : "6.2.1",
            "platform" : "Linux test",
            "startedAt" : "2026-01-02T03:04:05.678Z",
            "swiftVersion" : "6.3",
            "tool" : "conformance",
            "vectorPaths" : [
              "v"
            ]
          },
          "status" : "fail",
          "suites" : [
            {
              "algorithm" : "MD5",
              "counts" : {
                "acceptableAccepted" : 0,
                "acceptableRejected" : 0,
                "cases" : 2,
                "failed" : 1,
                "passed" : 1,
                "skipped" : 0
              },
              "durationSeconds" : 0.25,
              "file" : "v/a_test.json",
              "header" : [
                "h"
              ],
              "kind" : "vectors",
              "name" : "v/a_test.json",
              "notes" : {

              },
              "outcomes" : [
                {
                  "actual" : "valid",
                  "comment" : "a/b",
                  "durationSeconds" : 0.125,
                  "expected" : "valid",
                  "file" : "v/a_test.json",
                  "flags" : [

                  ],
                  "group" : 0,
                  "id" : "v/a_test.json#1",
                  "suite" : "v/a_test.json",
                  "tcId" : 1,
                  "verdict" : "pass"
                },
                {
                  "actualBytes" : "cd",
                  "comment" : "",
                  "durationSeconds" : 0.0625,
                  "expected" : "valid",
                  "expectedBytes" : "ab",
                  "file" : "v/a_test.json",
                  "flags" : [

                  ],
                  "group" : 0,
                  "id" : "v/a_test.json#2",
                  "reason" : "MD5 digest differs from the vector",
                  "suite" : "v/a_test.json",
                  "tcId" : 2,
                  "verdict" : "fail"
                }
              ],
              "schema" : "md5_schema_v1.json"
            }
          ],
          "totals" : {
            "acceptableAccepted" : 0,
            "acceptableRejected" : 0,
            "cases" : 2,
            "failed" : 1,
            "passed" : 1,
            "skipped" : 0
          }
        }

        """#

    func testStreamedJSONEqualsTheHandDerivedText() throws {
        XCTAssertEqual(String(decoding: try JSONReportWriter.render(Self.tinyReport()), as: UTF8.self), Self.tinyJSON)
    }

    /// Foundation's encoder of the whole document (an independent implementation of the same layout).
    static func encodedWhole(_ report: RunReport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(JSONReportWriter.ReportDocument(report)) + Data([0x0a])
    }

    func testStreamedJSONEqualsJSONEncoderOnEveryShape() throws {
        // Errors, ignored files, the empty-run reason, checks, acceptable cases with Java's verdict,
        // skips, failures with bytes, control characters and non-ASCII text.
        for report in [ReportWriterTests.sampleReport(), Self.tinyReport(), Self.bigReport(cases: 50),
                       RunReport(metadata: RunMetadata(startedAt: "t"), suites: [])] {
            XCTAssertEqual(String(decoding: try JSONReportWriter.render(report), as: UTF8.self),
                           String(decoding: try Self.encodedWhole(report), as: UTF8.self))
        }
    }

    /// Through the file sink (several buffer flushes) the files equal the whole-document texts.
    func testReportFilesOfManyCasesEqualTheWholeDocument() throws {
        let report = Self.bigReport(cases: 3000)
        let folder = try TestPaths.temporaryFolder(self)
        try ReportWriter.write(report, to: folder, environment: [:])
        let json = try Data(contentsOf: folder.appendingPathComponent("conformance.json"))
        XCTAssertGreaterThan(json.count, 4 * ReportSink.bufferSize)
        XCTAssertEqual(json, try Self.encodedWhole(report))
        let junit = try Data(contentsOf: folder.appendingPathComponent("junit.xml"))
        let counter = ElementCounter()
        let parser = XMLParser(data: junit)
        parser.delegate = counter
        XCTAssertTrue(parser.parse())
        XCTAssertEqual(counter.counts["testcase"], 3000 + 1)  // and the check suite's
        XCTAssertEqual(counter.counts["failure"], 3000 / 7 + 1)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(),
                       ["conformance.json", "junit.xml", "summary.md"])
    }

    /// Every 7th case fails with bytes, every 11th is skipped, every 13th is acceptable with Java's verdict.
    static func bigReport(cases: Int) -> RunReport {
        let file = "v/b_test.json"
        let notes = ["Edge": VectorNote(bugType: "EDGE_CASE", description: "é\u{1}\"<>")]
        var outcomes = [Outcome]()
        for i in 0..<cases {
            var verdict = Verdict.pass
            if i % 7 == 0 { verdict = .fail(reason: "differs \(i)", expected: [UInt8(i & 0xff)], actual: [0]) }
            else if i % 11 == 0 { verdict = .skip(reason: "unsupported") }
            var outcome = Outcome(file: file, suite: file, groupIndex: i / 100, tcId: i + 1, comment: i % 3 == 0 ? "c/\(i % 5)" : "",
                                  flags: i % 2 == 0 ? ["Edge"] : [], expected: i % 13 == 0 ? .acceptable : .valid,
                                  actual: verdict == .pass ? .valid : nil, verdict: verdict, durationSeconds: Double(i) * 1e-6)
            if i % 13 == 0, verdict == .pass { outcome.javaVerdict = JavaVerdict(java: "accepted", source: "vector file (JDK)") }
            outcomes.append(outcome)
        }
        return RunReport(metadata: RunMetadata(startedAt: "2026-01-02T03:04:05.678Z"), suites: [
            SuiteReport(name: file, kind: .vectors, file: file, schema: "md5_schema_v1.json", algorithm: "MD5",
                        header: ["h"], notes: notes, durationSeconds: 1, outcomes: outcomes),
            SuiteReport(name: "check", kind: .check, durationSeconds: 0, outcomes: [
                CheckOutcome.make(suite: "check", tcId: 1, comment: "x", verdict: .pass)]),
        ], ignoredFiles: [IgnoredFile(path: "v/x.json", reason: "not a vector file")])
    }

    /// Each distinct text once, named by a stable index; equal texts share it (through table growth).
    func testTextArenaStoresEachTextOnce() {
        var arena = TextArena()
        let texts = ["", "valid", "é/中文\u{1}", String(repeating: "x", count: 300)] + (0..<1000).map { "comment \($0)" }
        let first = texts.map { arena.index($0) }
        XCTAssertEqual(Set(first).count, texts.count)
        XCTAssertEqual(texts.map { arena.index($0) }, first)
        XCTAssertEqual(first.map { arena[$0] }, texts)
    }

    func testOutcomeLogKeepsOnlyNonPassesWhole() {
        let outcomes = Array(Self.bigReport(cases: 200).suites[0].outcomes)
        let log = OutcomeLog(outcomes)
        XCTAssertEqual(Array(log), outcomes)
        XCTAssertEqual(log.counts, OutcomeCounts(outcomes))
        // Failures, skips and passes with Java's verdict; plain passes are compact entries.
        XCTAssertEqual(log.details.count, outcomes.filter { $0.verdict != .pass || $0.javaVerdict != nil }.count)
        XCTAssertEqual(log.failures.map(\.tcId), outcomes.filter { $0.verdict.isFailure }.map(\.tcId))
        var annotated = OutcomeLog(outcomes.prefix(2))
        annotated.annotateLast(JavaVerdict(java: "rejected", source: "s"))
        XCTAssertEqual(annotated[1].javaVerdict?.java, "rejected")
        XCTAssertEqual(annotated[0], outcomes[0])
    }
}
