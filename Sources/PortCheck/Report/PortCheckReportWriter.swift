import Conformance
import Foundation
import ImplementationProbes
import ReportFiles

/// Renders a `PortCheckReport` as JSON, Markdown or terminal text and writes
/// `port-check-<adapter name>.json` and `.md` atomically.
public enum PortCheckReportWriter {
    public static func json(_ report: PortCheckReport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(report)
        data.append(0x0a)
        return data
    }

    /// Writes both files into `folder`; returns their paths.
    @discardableResult
    public static func write(_ report: PortCheckReport, to folder: URL) throws -> [URL] {
        let base = baseName(adapterName: report.hello.name)
        let jsonURL = folder.appendingPathComponent(base + ".json")
        let mdURL = folder.appendingPathComponent(base + ".md")
        try AtomicFile.write(try json(report), to: jsonURL)
        try AtomicFile.write(Data(markdown(report).utf8), to: mdURL)
        return [jsonURL, mdURL]
    }

    /// `port-check-<name>` with the name reduced to safe file-name characters.
    public static func baseName(adapterName: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.")
        var cleaned = String(adapterName.map { allowed.contains($0) ? $0 : "_" }.prefix(80))
        if cleaned.hasPrefix(".") { cleaned = "_" + cleaned.dropFirst() }
        return "port-check-" + (cleaned.isEmpty ? "adapter" : cleaned)
    }

    /// The java-check Markdown (profile, findings, matrix) with the stored vectors and the adapter.
    public static func markdown(_ r: PortCheckReport) -> String {
        var lines = [ImplementationReportWriter.markdown(r.profile), ""]
        lines += vectorMarkdown(r.vectors)
        lines += ["## Adapter", "", "- command: `\(r.command)`", "- operations: \(r.hello.ops.joined(separator: ", "))",
                  "- requests answered: \(r.requests)", "- exit: \(r.adapterExit ?? "unknown")",
                  "- stderr log: \(r.stderrLog ?? "none")", ""]
        return lines.joined(separator: "\n")
    }

    static func vectorMarkdown(_ v: PortVectorReport) -> [String] {
        var lines = ["## Stored vectors", "",
                     "\(v.summary.passed) passed, \(v.summary.failed) failed, \(v.summary.skipped) skipped.", "",
                     "| suite | file | pass | fail | skip | note |", "|---|---|---:|---:|---:|---|"]
        for s in v.suites {
            let note = s.firstFailure ?? s.skipReasons.first ?? ""
            lines.append("| \(cell(s.suite)) | \(cell(s.file)) | \(s.counts.passed) | \(s.counts.failed) | \(s.counts.skipped) | \(cell(note)) |")
        }
        let failures = v.cases.filter(\.verdict.isFailure)
        if !failures.isEmpty {
            lines += ["", "### Failures", ""]
            for f in failures.prefix(50) {
                lines.append("- `\(f.suite)` tcId \(f.tcId) (\(f.file)): \(f.comment) — \(f.verdict.reason ?? "")")
            }
            if failures.count > 50 { lines.append("- … \(failures.count - 50) more in the JSON report") }
        }
        return lines + [""]
    }

    /// Terminal output: java-check's table, then the stored vectors per suite.
    public static func text(_ r: PortCheckReport) -> String {
        var lines = [ImplementationReportWriter.text(r.profile)]
        lines.append("stored vectors: \(r.vectors.summary.passed) passed, \(r.vectors.summary.failed) failed, \(r.vectors.summary.skipped) skipped")
        let width = r.vectors.suites.map(\.suite.count).max() ?? 0
        for s in r.vectors.suites where s.counts.passed + s.counts.failed > 0 {
            let name = s.suite.padding(toLength: width, withPad: " ", startingAt: 0)
            var line = "  \(name)  pass \(s.counts.passed)  fail \(s.counts.failed)  skip \(s.counts.skipped)"
            if let first = s.firstFailure { line += "  first failure: \(first)" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
