import Foundation

/// Writes the three reports of a run from one `RunReport`, each atomically, into one folder, and
/// appends the summary to `$GITHUB_STEP_SUMMARY` when that variable is set.
public enum ReportWriter {
    public static let jsonFileName = "conformance.json"
    public static let junitFileName = "junit.xml"
    public static let summaryFileName = "summary.md"

    /// Returns the files written (including the step summary when appended to).
    @discardableResult
    public static func write(_ report: RunReport, to directory: URL,
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [URL] {
        let json = directory.appendingPathComponent(jsonFileName)
        let junit = directory.appendingPathComponent(junitFileName)
        let summary = directory.appendingPathComponent(summaryFileName)
        let markdown = Data((MarkdownSummaryWriter.render(report) + "\n").utf8)
        try AtomicFile.write(try JSONReportWriter.render(report), to: json)
        try AtomicFile.write(JUnitReportWriter.render(report), to: junit)
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
