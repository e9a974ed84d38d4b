import RSA
import Foundation

/// `summary.md`: the overall status, one table row per suite (cases, passed, failed, skipped, time),
/// then the errors, the failures grouped by flag (with what the flag means and expected vs actual),
/// skip reasons and ignored files.
public enum MarkdownSummaryWriter {
    /// Failures listed per flag before "… and N more" (the JSON report has them all).
    public static let failuresPerFlag = 25

    public static func render(_ report: RunReport) -> String {
        var md = [String]()
        let t = report.totals
        md.append("# RsaUtils conformance: \(report.status.uppercased())")
        md.append("")
        var versions = "Swift \(report.metadata.swiftVersion), GMP \(report.metadata.gmpVersion)"
        if let jdk = report.metadata.jdkVersion { versions += ", JDK \(jdk)" }
        if let codec = report.metadata.commonsCodecVersion { versions += ", commons-codec \(codec)" }
        md.append("Run \(report.metadata.startedAt) (\(ConformanceRunner.formatSeconds(report.metadata.durationSeconds))); \(versions).")
        md.append("")
        md.append("**\(t.cases) cases in \(report.suites.count) suites: \(t.passed) passed, \(t.failed) failed, \(t.skipped) skipped"
            + (report.errors > 0 ? ", \(report.errors) unreadable vector file\(report.errors == 1 ? "" : "s")" : "") + ".**"
            + (t.acceptableAccepted + t.acceptableRejected > 0
                ? " Acceptable cases: \(t.acceptableAccepted) accepted, \(t.acceptableRejected) rejected (both pass)." : ""))
        md.append("")
        if report.errors == 0, let reason = report.emptyReason {
            md.append("**Nothing was checked: \(inline(reason)).**")
            md.append("")
        }
        md.append("| suite | cases | passed | failed | skipped | acceptable (accepted/rejected) | time |")
        md.append("|---|---:|---:|---:|---:|---:|---:|")
        for suite in report.suites {
            let c = suite.counts
            let name = suite.error == nil ? code(suite.name) : "\(code(suite.name)) **(error)**"
            md.append("| \(name) | \(c.cases) | \(c.passed) | \(c.failed) | \(c.skipped) | "
                + "\(c.acceptableAccepted)/\(c.acceptableRejected) | \(ConformanceRunner.formatSeconds(suite.durationSeconds)) |")
        }
        md.append("")
        let broken = report.suites.compactMap { $0.error }
        if !broken.isEmpty {
            md.append("## Unreadable or malformed vector files (\(broken.count))")
            md.append("")
            md += broken.map { "- \(inline($0))" }
            md.append("")
        }
        md += failures(report)
        md += javaVerdicts(report)
        md += skips(report)
        if !report.ignoredFiles.isEmpty {
            md.append("## Ignored files (\(report.ignoredFiles.count))")
            md.append("")
            md += report.ignoredFiles.map { "- \(code($0.path)): \(inline($0.reason))" }
            md.append("")
        }
        return md.joined(separator: "\n")
    }

    /// The `acceptable` cases whose Java verdict is known: ours, Java's, and the strict reading.
    static func javaVerdicts(_ report: RunReport) -> [String] {
        let cases = report.suites.flatMap { suite in suite.outcomes.details.compactMap { o in o.javaVerdict.map { (suite, o, $0) } } }
        guard !cases.isEmpty else { return [] }
        var md = ["## Acceptable cases: Java's verdict (\(cases.count))", "",
                  "| case | flags | ours | Java | source | strict RFC 8017 |", "|---|---|---|---|---|---|"]
        for (suite, outcome, java) in cases.prefix(failuresPerFlag * 2) {
            md.append("| \(code(suite.name)) tcId \(outcome.tcId) | \(outcome.flags.joined(separator: ", ")) | "
                + "\(outcome.acceptableResolution ?? "-") | \(java.java) | \(java.source) | \(java.strict ?? "-") |")
        }
        if cases.count > failuresPerFlag * 2 { md += ["", "… and \(cases.count - failuresPerFlag * 2) more (see conformance.json)"] }
        md.append("")
        return md
    }

    static func failures(_ report: RunReport) -> [String] {
        let failing = report.suites.flatMap { suite in
            suite.outcomes.failures.map { (suite, $0) }
        }
        guard !failing.isEmpty else { return [] }
        var md = ["## Failures (\(failing.count))", ""]
        // Group by flag, in order of first appearance; a case with several flags is listed under each.
        var order = [String]()
        var groups = [String: [(SuiteReport, Outcome)]]()
        for (suite, outcome) in failing {
            for flag in outcome.flags.isEmpty ? [""] : outcome.flags {
                if groups[flag] == nil { order.append(flag) }
                groups[flag, default: []].append((suite, outcome))
            }
        }
        for flag in order {
            let items = groups[flag] ?? []
            if flag.isEmpty {
                md.append("### (no flag) (\(items.count))")
            } else {
                let note = items.lazy.compactMap { $0.0.notes[flag] }.first
                var title = "### \(flag) (\(items.count))"
                if let note { title += " — \(note.bugType)" }
                md.append(title)
                if let description = note?.description, !description.isEmpty { md.append(""); md.append(inline(description)) }
            }
            md.append("")
            for (suite, outcome) in items.prefix(failuresPerFlag) {
                var line = "- \(code(suite.name)) tcId \(outcome.tcId)"
                if !outcome.comment.isEmpty { line += " (\(inline(outcome.comment)))" }
                line += ": \(inline(outcome.verdict.reason ?? "failed"))"
                line += " — expected \(outcome.expected.rawValue), actual \(FailureText.actualText(outcome))"
                md.append(line)
                if case .fail(_, let expected, let actual) = outcome.verdict {
                    if let expected { md.append("  - expected: \(code(Hex.encode(expected)))") }
                    if let actual { md.append("  - actual: \(code(Hex.encode(actual)))") }
                    if let expected, let actual, let index = FailureText.firstDifference(expected, actual) {
                        md.append("  - first difference at byte \(index)")
                    }
                }
            }
            if items.count > failuresPerFlag {
                md.append("- … and \(items.count - failuresPerFlag) more (see conformance.json)")
            }
            md.append("")
        }
        return md
    }

    static func skips(_ report: RunReport) -> [String] {
        var counts = [String: Int]()
        var order = [String]()
        for suite in report.suites {
            for outcome in suite.outcomes.details {
                guard case .skip(let reason) = outcome.verdict else { continue }
                let key = "\(suite.name)\u{0}\(reason)"
                if counts[key] == nil { order.append(key) }
                counts[key, default: 0] += 1
            }
        }
        guard !order.isEmpty else { return [] }
        var md = ["## Skipped (\(report.totals.skipped))", "", "| suite | reason | cases |", "|---|---|---:|"]
        for key in order {
            let parts = key.split(separator: "\u{0}", maxSplits: 1).map(String.init)
            let suite = parts.first ?? "", reason = parts.count > 1 ? parts[1] : ""
            md.append("| \(code(suite)) | \(inline(reason)) | \(counts[key] ?? 0) |")
        }
        md.append("")
        return md
    }

    /// Text safe inside a table cell or a list item: one line, pipes and markup escaped.
    static func inline(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\n", "\r", "\r\n": out += " "
            case "|": out += "\\|"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "*", "_", "`", "[", "]": out += "\\\(ch)"
            default: out.append(ch)
            }
        }
        return out
    }

    /// A code span that cannot be broken by backticks or pipes in the text.
    static func code(_ text: String) -> String {
        let clean = text.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\n", with: " ")
        return "`\(clean)`"
    }
}
