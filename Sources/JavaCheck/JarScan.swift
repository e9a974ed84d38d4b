import Foundation
import ImplementationProbes
import JavaOracle
import ReportFiles
import StrictJSON

/// `java-check --jar APP.jar`: finds every class on a classpath whose methods look like an RSA
/// helper (the JVM lists them without initialising any class), checks each in one JVM, and sums up.
public enum JarScan {
    /// One row of the summary.
    public struct Row: Codable, Sendable, Equatable {
        public var className: String
        /// `compatible` | `incompatible` | `not-evaluable`.
        public var verdict: String
        public var keySize: Int?
        public var signatureAlgorithm: String?
        /// "117/128", "none (≤ 117)", "OAEP 214/256", or nil.
        public var blocks: String?
        public var mainFinding: String
        /// The per-class JSON report (nil: not written, or the class could not be checked at all).
        public var report: String?

        enum CodingKeys: String, CodingKey {
            case className = "class", verdict, keySize, signatureAlgorithm, blocks, mainFinding, report
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(className, forKey: .className)
            try c.encode(verdict, forKey: .verdict)
            try c.encode(keySize, forKey: .keySize)
            try c.encode(signatureAlgorithm, forKey: .signatureAlgorithm)
            try c.encode(blocks, forKey: .blocks)
            try c.encode(mainFinding, forKey: .mainFinding)
            try c.encode(report, forKey: .report)
        }
    }

    /// The summary (`java-check-summary.json`).
    public struct Summary: Codable, Sendable, Equatable {
        public var classpath: [String]
        /// How many classes were looked at, and those that could not be loaded.
        public var scanned: Int
        public var unreadable: [String]
        public var classes: [Row]
        /// `compatible` (all are) | `incompatible` (one is) | `not-evaluable` (none found, or one could not be evaluated).
        public var verdict: String

        public var exitCode: Int32 {
            switch verdict {
            case "compatible": return 0
            case "incompatible": return 1
            default: return 2
            }
        }
    }

    /// Scans `entries` (already checked by `JavaCheck.classpathEntries`) and checks every helper-like
    /// class; `write` is called with each class's report (to write its files) and returns their paths.
    public static func run(entries: [String], options: JavaCheck.Options, progress: @escaping (String) -> Void = { _ in },
                           write: (JavaCheckReport) throws -> [URL] = { _ in [] }) throws -> (Summary, [JavaCheckReport]) {
        var runtime = try JavaRuntime.start(options, progress: progress)
        defer { runtime.oracle.close() }
        progress("scanning \(entries.count) classpath entr\(entries.count == 1 ? "y" : "ies")")
        let answer: JSONObject
        do {
            answer = try runtime.oracle.call("userScan", ["classpath": .array(entries.map { .string($0) }),
                                                          "commonsCodecJar": .string(runtime.toolchain.commonsCodecJar)])
        } catch JavaOracleError.javaException(let message) {
            throw JavaCheckError.load("cannot scan the classpath: \(message)")
        } catch {
            throw JavaCheckError.bridge("\(error)")
        }
        var names: [String] = []
        if case .array(let list)? = answer["classes"] {
            for item in list { if case .object(let o) = item, let name = o["class"]?.stringValue { names.append(name) } }
        }
        var unreadable: [String] = []
        if case .array(let list)? = answer["unreadable"] { unreadable = list.compactMap(\.stringValue) }
        var rows: [Row] = []
        var reports: [JavaCheckReport] = []
        for name in names {
            progress("checking \(name)")
            do {
                let report = try JavaCheck.check(className: name, entries: entries, runtime: runtime, options: options, progress: progress)
                let files = try write(report)
                reports.append(report)
                rows.append(row(report, file: files.first?.path))
            } catch let error as JavaCheckError {
                rows.append(Row(className: name, verdict: "not-evaluable", mainFinding: error.description))
                if case .bridge = error {
                    // The class stopped the JVM (exit, hang): a fresh one for the next classes.
                    runtime.oracle.close()
                    runtime = try JavaRuntime.start(options, progress: progress)
                }
            }
        }
        let verdict = rows.isEmpty ? "not-evaluable"
            : rows.contains { $0.verdict == "incompatible" } ? "incompatible"
            : rows.allSatisfy { $0.verdict == "compatible" } ? "compatible" : "not-evaluable"
        let scanned = answer["scanned"]?.intValue ?? 0
        return (Summary(classpath: entries, scanned: scanned, unreadable: unreadable, classes: rows, verdict: verdict), reports)
    }

    static func row(_ r: JavaCheckReport, file: String?) -> Row {
        var blocks: String?
        switch r.encryptChunking {
        case "none": blocks = "none (≤ \(r.encryptPadding == "OAEP" ? "OAEP limit" : "one block"))"
        default:
            if r.encryptBlock != nil || r.decryptBlock != nil {
                blocks = "\(r.encryptBlock.map(String.init) ?? "?")/\(r.decryptBlock.map(String.init) ?? "?")"
            }
        }
        if r.encryptPadding == "OAEP" || r.decryptPadding == "OAEP" {
            blocks = (blocks ?? "") + " (\(r.encryptPadding ?? "?") / \(r.decryptPadding ?? "?"))"
        }
        let main: String
        switch r.verdict {
        case "compatible": main = "Swift settings: " + r.swiftSettings
        case "incompatible": main = r.swiftSettingsCaveat ?? r.matrix.first { $0.verdict == .fail }.map { "\($0.name): \($0.actual ?? "")" } ?? "incompatible"
        default: main = r.findings.first ?? r.swiftSettingsCaveat ?? "nothing could be evaluated"
        }
        return Row(className: r.className, verdict: r.verdict, keySize: r.keySize, signatureAlgorithm: r.signatureAlgorithm,
                   blocks: blocks, mainFinding: main, report: file)
    }

    // MARK: - Output

    public static func json(_ summary: Summary) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(summary)
        data.append(0x0a)
        return data
    }

    /// The summary table for the terminal.
    public static func table(_ s: Summary) -> String {
        let header = ["class", "verdict", "key", "algorithm", "blocks", "main finding"]
        let cells = s.classes.map { r in
            [r.className, r.verdict, r.keySize.map { "\($0)" } ?? "-", r.signatureAlgorithm ?? "-", r.blocks ?? "-", shorten(r.mainFinding, 100)]
        }
        var widths = header.map(\.count)
        for row in cells { for (i, c) in row.enumerated() where i < 5 { widths[i] = max(widths[i], c.count) } }
        func line(_ row: [String]) -> String {
            row.enumerated().map { i, c in i < 5 ? c.padding(toLength: widths[i], withPad: " ", startingAt: 0) : c }.joined(separator: "  ")
        }
        var lines = ["java-check --jar: \(s.classes.count) RSA helper class\(s.classes.count == 1 ? "" : "es") among \(s.scanned) classes", ""]
        lines.append(line(header))
        lines += cells.map(line)
        if !s.unreadable.isEmpty {
            lines.append("")
            lines.append("\(s.unreadable.count) class\(s.unreadable.count == 1 ? "" : "es") could not be loaded (missing dependencies?): "
                + s.unreadable.prefix(5).joined(separator: "; ") + (s.unreadable.count > 5 ? "; …" : ""))
        }
        lines.append("")
        lines.append(s.verdict == "compatible" ? "ALL COMPATIBLE" : s.verdict == "incompatible" ? "NOT COMPATIBLE" : "NOT EVALUABLE")
        return lines.joined(separator: "\n")
    }

    public static func markdown(_ s: Summary) -> String {
        func esc(_ t: String) -> String { t.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        var out = "# java-check summary\n\n"
        out += "**\(s.verdict)**: \(s.classes.count) RSA helper class\(s.classes.count == 1 ? "" : "es") among \(s.scanned) classes on "
            + s.classpath.map { "`\($0)`" }.joined(separator: ", ") + ".\n\n"
        out += "| class | verdict | key | algorithm | blocks | main finding | report |\n|---|---|---|---|---|---|---|\n"
        for r in s.classes {
            let report = r.report.map { "[\(($0 as NSString).lastPathComponent)](\(($0 as NSString).lastPathComponent))" } ?? ""
            out += "| `\(r.className)` | \(r.verdict) | \(r.keySize.map { "\($0)" } ?? "") | \(r.signatureAlgorithm ?? "") | \(esc(r.blocks ?? "")) | \(esc(r.mainFinding)) | \(report) |\n"
        }
        if !s.unreadable.isEmpty {
            out += "\nNot loadable: " + s.unreadable.map { "`\(esc($0))`" }.joined(separator: ", ") + "\n"
        }
        return out
    }

    static func shorten(_ s: String, _ n: Int) -> String { s.count > n ? String(s.prefix(n - 1)) + "…" : s }

    /// Writes `java-check-summary.json` and `.md` into `folder`.
    @discardableResult
    public static func write(_ summary: Summary, to folder: URL) throws -> [URL] {
        let json = folder.appendingPathComponent("java-check-summary.json")
        let md = folder.appendingPathComponent("java-check-summary.md")
        try AtomicFile.write(try Self.json(summary), to: json)
        try AtomicFile.write(Data(markdown(summary).utf8), to: md)
        return [json, md]
    }
}
