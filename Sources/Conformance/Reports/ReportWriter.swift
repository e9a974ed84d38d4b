import Foundation
import ReportFiles

/// Writes the three reports of a run from one `RunReport`, each atomically, into one folder, and
/// appends the summary to `$GITHUB_STEP_SUMMARY` when that variable is set.
public enum ReportWriter {
    public static let jsonFileName = "conformance.json"
    public static let junitFileName = "junit.xml"
    public static let summaryFileName = "summary.md"

    /// Replaces the three reports by "incomplete" ones before a run starts, so that a run that does
    /// not finish (stopped by a signal, crashed, timed out) never leaves an earlier PASS readable:
    /// `conformance.json` has status `incomplete`, `junit.xml` one error, `summary.md` says INCOMPLETE.
    /// `write` replaces all three at the end.
    public static func markIncomplete(_ directory: URL, startedAt: String) throws {
        let reason = "the run started at \(startedAt) has not finished (still running, or stopped before writing its reports)"
        let json: [String: Any] = ["status": "incomplete", "exitCode": 2, "startedAt": startedAt, "reason": reason]
        var jsonData = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys, .prettyPrinted])
        jsonData.append(0x0a)
        let attribute = XMLEscape.attribute(reason)
        let junit = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="conformance" tests="1" failures="0" errors="1" skipped="0" time="0.000">
              <testsuite name="conformance" tests="1" failures="0" errors="1" skipped="0" time="0.000">
                <testcase classname="conformance" name="run" time="0.000">
                  <error message="\(attribute)" type="IncompleteRun">\(XMLEscape.text(reason))</error>
                </testcase>
              </testsuite>
            </testsuites>

            """
        let markdown = "# RsaUtils conformance: INCOMPLETE\n\n\(reason).\n"
        try AtomicFile.write(jsonData, to: directory.appendingPathComponent(jsonFileName))
        try AtomicFile.write(Data(junit.utf8), to: directory.appendingPathComponent(junitFileName))
        try AtomicFile.write(Data(markdown.utf8), to: directory.appendingPathComponent(summaryFileName))
    }

    /// Returns the files written (including the step summary when appended to).
    @discardableResult
    public static func write(_ report: RunReport, to directory: URL,
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [URL] {
        let json = directory.appendingPathComponent(jsonFileName)
        let junit = directory.appendingPathComponent(junitFileName)
        let summary = directory.appendingPathComponent(summaryFileName)
        let markdown = Data((MarkdownSummaryWriter.render(report) + "\n").utf8)
        try AtomicFile.write(to: json) { try JSONReportWriter.write(report, to: $0) }
        try AtomicFile.write(to: junit) { try JUnitReportWriter.write(report, to: $0) }
        try AtomicFile.write(markdown, to: summary)
        var written = [json, junit, summary]
        if let stepSummary = environment["GITHUB_STEP_SUMMARY"], !stepSummary.isEmpty {
            let url = URL(fileURLWithPath: stepSummary)
            try AtomicFile.append(markdown, to: url)
            written.append(url)
        }
        return written
    }
}
