import Foundation
import ReportFiles

/// Renders an `ImplementationReport` as JSON, Markdown or a terminal table, and writes
/// `<prefix>-<fully.qualified.Name>.json` and `.md` atomically (`AtomicFile`: temp file + rename, the temp file removed on a signal).
public enum ImplementationReportWriter {
    /// Pretty-printed JSON with sorted keys (stable across runs).
    public static func json(_ report: ImplementationReport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(report)
        data.append(0x0a)
        return data
    }

    /// Writes both files into `folder` (created when missing); returns their paths.
    @discardableResult
    public static func write(_ report: ImplementationReport, to folder: URL, prefix: String = "java-check") throws -> [URL] {
        let base = baseName(report, prefix: prefix)
        let jsonURL = folder.appendingPathComponent(base + ".json")
        let mdURL = folder.appendingPathComponent(base + ".md")
        try AtomicFile.write(try json(report), to: jsonURL)
        try AtomicFile.write(Data(markdown(report).utf8), to: mdURL)
        return [jsonURL, mdURL]
    }

    /// `java-check-com.example.RsaUtils`: the fully qualified name, so that two classes called
    /// RsaUtils in different packages never overwrite each other.
    public static func baseName(_ report: ImplementationReport, prefix: String) -> String {
        prefix + "-" + safeFileName(report.className)
    }

    static func safeFileName(_ name: String) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "_-$."))
        let cleaned = String(name.unicodeScalars.map { allowed.contains($0) && $0.isASCII ? Character($0) : "_" })
        return cleaned.hasPrefix(".") ? "_" + cleaned.dropFirst() : cleaned
    }

    // MARK: - Profile rows (shared by Markdown and the terminal table)

    static func profileRows(_ r: ImplementationReport) -> [(String, String)] {
        func opt<T>(_ v: T?) -> String { v.map { "\($0)" } ?? "unknown" }
        func chunking(_ mode: String?, _ block: Int?) -> String {
            switch mode {
            case "none": return "none (one doFinal)"
            case "blocks": return block.map { "blocks of \($0)" } ?? "blocks (size unknown)"
            default: return block.map { "\($0)" } ?? "unknown"
            }
        }
        var decrypt = chunking(r.decryptChunking, r.decryptBlock)
        if r.decryptBlock != nil && !r.decryptBlockMeasured { decrypt += " (inferred)" }
        var rows: [(String, String)] = [
            ("class", r.className),
            ("key size", r.keySize.map { "\($0) bits" } ?? "unknown") ,
            ("keys from", r.keySource != "swift" ? (r.keyGenerator ?? "its key generator") : "Swift (its own pair was not usable)"),
            ("signature algorithm", r.signatureAlgorithm ?? "unknown"),
            ("encryption", chunking(r.encryptChunking, r.encryptBlock) + (r.encryptPadding.map { ", \($0)" } ?? "")),
            ("decryption", decrypt + (r.decryptPadding.map { ", \($0)" } ?? "")),
        ]
        if r.privateEncryptBlock != nil || r.publicDecryptBlock != nil {
            rows.append(("private-key blocks", "\(opt(r.privateEncryptBlock))/\(opt(r.publicDecryptBlock))"))
        }
        if !r.argumentOrder.isEmpty {
            rows.append(("argument order", r.argumentOrder.keys.sorted().map { "\($0) \(r.argumentOrder[$0] ?? "")" }.joined(separator: ", ")))
        }
        rows += [
            ("Base64", r.base64Style),
            ("charset", r.charset.map { c in r.charsetSource.map { "\(c) (\($0))" } ?? c } ?? "no String methods"),
            ("fail-open", r.failOpen.map { $0 ? "yes" : "no" } ?? "no encryptedDataOnJava"),
            ("long ciphertexts", r.longRoundTrip.map { $0 ? "decrypt" : "DO NOT decrypt" } ?? (r.encryptChunking == "none" ? "not chunked" : "not run")),
            ("runtime", "\(r.kind == "java-class" ? "Java " : "")\(r.java), default charset \(r.jvmCharset)"),
        ]
        return rows
    }

    static func verdictWord(_ r: ImplementationReport) -> String {
        switch r.verdict {
        case "compatible": return "Compatible"
        case "incompatible": return "NOT compatible"
        default: return "Not evaluable"
        }
    }

    static func methodLine(_ m: MethodDescription) -> String {
        "\(m.visibility)\(m.isStatic ? " static" : "") \(m.signature) → \(m.role)"
    }

    // MARK: - Markdown

    public static func markdown(_ r: ImplementationReport) -> String {
        var out = "# \(SubjectWording(kind: r.kind).command): \(escape(r.className))\n\n"
        out += "**\(verdictWord(r))**: \(r.passed) passed, \(r.failed) failed, \(r.skipped) skipped "
        out += "(\(String(format: "%.1f", r.durationSeconds)) s).\n\n"
        out += "Swift settings: **\(escape(r.swiftSettings))**"
        if let caveat = r.swiftSettingsCaveat { out += "\n\nWhy they do not make \(SubjectWording(kind: r.kind).subject) compatible: \(escape(caveat))" }
        out += "\n\n## Profile (probed)\n\n| | |\n|---|---|\n"
        for (name, value) in profileRows(r) { out += "| \(name) | \(escape(value)) |\n" }
        out += "\n## Methods found\n\n"
        out += r.methods.isEmpty ? "none\n" : r.methods.map { "- `\(methodLine($0))`" }.joined(separator: "\n") + "\n"
        if !r.base64Styles.isEmpty {
            out += "\n## Output encoding per method\n\n" + r.base64Styles.keys.sorted().map { "- \($0): \(escape(r.base64Styles[$0] ?? ""))" }
                .joined(separator: "\n") + "\n"
        }
        out += "\n## Findings\n\n" + r.findings.map { "- \(escape($0))" }.joined(separator: "\n") + "\n"
        if !r.skips.isEmpty {
            out += "\n## Skipped (limits of the probe)\n\n" + r.skips.map { "- \($0.check): \(escape($0.reason))" }.joined(separator: "\n") + "\n"
        }
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

    public static func text(_ r: ImplementationReport) -> String {
        var lines: [String] = []
        let rows = profileRows(r)
        let width = rows.map(\.0.count).max() ?? 0
        lines.append("\(SubjectWording(kind: r.kind).command) \(r.className)")
        lines.append("")
        for (name, value) in rows { lines.append("  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value) }
        lines.append("")
        lines.append("methods found:")
        for m in r.methods { lines.append("  " + methodLine(m)) }
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
        if let caveat = r.swiftSettingsCaveat { lines.append("\(r.verdict == "incompatible" ? "not compatible" : "not evaluable"): \(caveat)") }
        if !r.skips.isEmpty {
            lines.append("skipped (limits of the probe):")
            for skip in r.skips { lines.append("  - \(skip.check): \(skip.reason)") }
        }
        lines.append(r.verdict == "compatible" ? "COMPATIBLE" : r.verdict == "incompatible" ? "NOT COMPATIBLE" : "NOT EVALUABLE")
        return lines.joined(separator: "\n")
    }
}
