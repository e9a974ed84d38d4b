import Foundation
import JavaOracle
import ImplementationProbes

/// Renders a `JavaCheckReport` as JSON, Markdown or a terminal table, and writes
/// `java-check-<SimpleClassName>.json` and `.md` atomically (temp file + rename).
public enum JavaCheckReportWriter {
    /// Pretty-printed JSON with sorted keys (stable across runs).
    public static func json(_ report: JavaCheckReport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(report)
        data.append(0x0a)
        return data
    }

    /// Writes both files into `folder` (created when missing); returns their paths.
    @discardableResult
    public static func write(_ report: JavaCheckReport, to folder: URL) throws -> [URL] {
        let base = "java-check-" + safeFileName(report.simpleClassName)
        let jsonURL = folder.appendingPathComponent(base + ".json")
        let mdURL = folder.appendingPathComponent(base + ".md")
        try ReportFile.write(try json(report), to: jsonURL)
        try ReportFile.write(Data(markdown(report).utf8), to: mdURL)
        return [jsonURL, mdURL]
    }

    static func safeFileName(_ name: String) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "_-$"))
        return String(name.unicodeScalars.map { allowed.contains($0) ? Character($0) : "_" })
    }

    // MARK: - Profile rows (shared by Markdown and the terminal table)

    static func profileRows(_ r: JavaCheckReport) -> [(String, String)] {
        func opt<T>(_ v: T?) -> String { v.map { "\($0)" } ?? "unknown" }
        var decrypt = opt(r.decryptBlock)
        if r.decryptBlock != nil && !r.decryptBlockMeasured { decrypt += " (inferred)" }
        var rows: [(String, String)] = [
            ("class", r.className),
            ("key size", r.keySize.map { "\($0) bits" } ?? "unknown"),
            ("signature algorithm", r.signatureAlgorithm ?? "unknown"),
            ("encrypt block", opt(r.encryptBlock)),
            ("decrypt block", decrypt),
        ]
        if r.privateEncryptBlock != nil || r.publicDecryptBlock != nil {
            rows.append(("private-key blocks", "\(opt(r.privateEncryptBlock))/\(opt(r.publicDecryptBlock))"))
        }
        rows += [
            ("Base64", r.base64Style),
            ("charset", r.charset.map { c in r.charsetSource.map { "\(c) (\($0))" } ?? c } ?? "no String methods"),
            ("fail-open", r.failOpen.map { $0 ? "yes" : "no" } ?? "no encryptedDataOnJava"),
            ("long ciphertexts", r.longRoundTrip.map { $0 ? "decrypt" : "DO NOT decrypt" } ?? "not run"),
            ("JVM", "Java \(r.java), default charset \(r.jvmCharset)"),
        ]
        return rows
    }

    // MARK: - Markdown

    public static func markdown(_ r: JavaCheckReport) -> String {
        var out = "# java-check: \(escape(r.className))\n\n"
        out += "**\(r.compatible ? "Compatible" : "NOT compatible")**: \(r.passed) passed, \(r.failed) failed, \(r.skipped) skipped "
        out += "(\(String(format: "%.1f", r.durationSeconds)) s).\n\n"
        out += "Swift settings: **\(escape(r.swiftSettings))**"
        if let caveat = r.swiftSettingsCaveat { out += "\n\nWhy they do not make the class compatible: \(escape(caveat))" }
        out += "\n\n## Profile (probed)\n\n| | |\n|---|---|\n"
        for (name, value) in profileRows(r) { out += "| \(name) | \(escape(value)) |\n" }
        out += "\n## Methods found\n\n"
        out += r.methods.isEmpty ? "none\n" : r.methods.map { "- `\($0)`" }.joined(separator: "\n") + "\n"
        out += "\n## Findings\n\n" + r.findings.map { "- \(escape($0))" }.joined(separator: "\n") + "\n"
        out += "\n## Matrix\n\n| group | check | verdict | expected | actual |\n|---|---|---|---|---|\n"
        for item in r.matrix {
            let verdict = item.verdict == .fail ? "**FAIL**" : item.verdict.rawValue
            let expected = item.expected ?? (item.verdict == .skip ? (item.detail ?? "") : "")
            out += "| \(item.group) | \(escape(item.name)) | \(verdict) | \(escape(expected)) | \(escape(item.actual ?? "")) |\n"
        }
        out += "\nClasspath: " + r.classpath.map { "`\($0)`" }.joined(separator: ", ") + "\n"
        return out
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r", with: "\\r")
            .replacingOccurrences(of: "\n", with: " ")
    }

    // MARK: - Terminal

    public static func text(_ r: JavaCheckReport) -> String {
        var lines: [String] = []
        let rows = profileRows(r)
        let width = rows.map(\.0.count).max() ?? 0
        lines.append("java-check \(r.className)")
        lines.append("")
        for (name, value) in rows { lines.append("  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value) }
        lines.append("")
        lines.append("methods found:")
        for m in r.methods { lines.append("  " + m) }
        lines.append("")
        let groupWidth = max(5, r.matrix.map(\.group.count).max() ?? 0)
        lines.append("  " + "group".padding(toLength: groupWidth, withPad: " ", startingAt: 0) + "  verdict  check")
        for item in r.matrix {
            let verdict = item.verdict == .fail ? "FAIL" : item.verdict.rawValue
            lines.append("  " + item.group.padding(toLength: groupWidth, withPad: " ", startingAt: 0) + "  "
                + verdict.padding(toLength: 7, withPad: " ", startingAt: 0) + "  " + item.name)
            if item.verdict == .fail {
                if let e = item.expected { lines.append(String(repeating: " ", count: groupWidth + 13) + "expected: " + e) }
                if let a = item.actual { lines.append(String(repeating: " ", count: groupWidth + 13) + "actual:   " + a) }
            }
        }
        lines.append("")
        lines.append("findings:")
        for f in r.findings { lines.append("  - " + f) }
        lines.append("")
        lines.append("\(r.passed) passed, \(r.failed) failed, \(r.skipped) skipped")
        lines.append("Swift settings: \(r.swiftSettings)")
        if let caveat = r.swiftSettingsCaveat { lines.append("not compatible: \(caveat)") }
        lines.append(r.compatible ? "COMPATIBLE" : "NOT COMPATIBLE")
        return lines.joined(separator: "\n")
    }
}
