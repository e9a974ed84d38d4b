import Conformance
import Foundation
import ImplementationProbes

/// The result of port-check: the same profile, matrix and findings as java-check (an
/// `ImplementationReport` with `kind` `adapter`, `class` = the adapter's name and `adapter` = its
/// `hello` answer) plus the stored vectors the port's operations ran.
///
/// JSON (`--json`, `port-check-<name>.json`): every field of `java-check --json` (`verdict`,
/// `keySize`, `signatureAlgorithm`, `encryptBlock`, `decryptBlock`, `encryptChunking`, `findings`,
/// `matrix`, …) plus `adapter`, `command`, `vectors` (summary, per-suite counts, one row per case),
/// `stderrLog`, `adapterExit`, `requests`. `verdict` covers both parts: exit 0/1/2.
public struct PortCheckReport: Sendable {
    public var profile: ImplementationReport
    public var hello: AdapterHello
    public var command: String
    public var vectors: PortVectorReport
    public var stderrLog: String?
    public var adapterExit: String?
    public var requests = 0

    public init(profile: ImplementationReport, hello: AdapterHello, command: String, vectors: PortVectorReport) {
        self.profile = profile
        self.hello = hello
        self.command = command
        self.vectors = vectors
    }

    public var verdict: String { profile.verdict }
    public var exitCode: Int32 { profile.exitCode }

    /// One verdict for the matrix and the vectors, and the findings of both.
    mutating func conclude() {
        profile.kind = "adapter"
        profile.adapter = Self.reportJSON(.object(hello.fields))
        let failed = profile.failed + vectors.summary.failed
        let passed = profile.passed + vectors.summary.passed
        profile.verdict = failed > 0 ? "incompatible" : (passed > 0 ? "compatible" : "not-evaluable")
        profile.compatible = profile.verdict == "compatible"

        var lines = ["adapter \(hello.name) \(hello.version), operations: \(hello.ops.isEmpty ? "none" : hello.ops.joined(separator: ", "))"]
        if !hello.unknownOps.isEmpty {
            lines.append("hello lists operations ADAPTER.md does not have (ignored): \(hello.unknownOps.joined(separator: ", "))")
        }
        let missing = AdapterOp.allCases.filter { $0 != .hello && !hello.has($0) }.map(\.rawValue)
        if !missing.isEmpty { lines.append("not listed by the adapter (their checks are skips): \(missing.joined(separator: ", "))") }
        lines += profile.findings
        lines += vectors.findings
        switch profile.verdict {
        case "compatible":
            lines.append("overall: compatible (matrix \(profile.passed) passed; stored vectors \(vectors.summary.passed) passed; nothing failed)")
        case "incompatible":
            lines.append("overall: NOT compatible (matrix: \(profile.failed) of \(profile.matrix.count) checks fail; "
                + "stored vectors: \(vectors.summary.failed) fail)")
        default:
            lines.append("overall: not evaluable (no matrix check and no stored vector could run)")
        }
        profile.findings = lines
    }

    static func reportJSON(_ value: PortJSON) -> ReportJSON {
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n): return n.doubleValue.map(ReportJSON.number) ?? .null
        case .string(let s): return .string(s)
        case .array(let items): return .array(items.map(reportJSON))
        // Names that differ only in Unicode normalisation are one Swift `String` key: the first stays.
        case .object(let fields): return .object(Dictionary(fields.map { ($0.key, reportJSON($0.value)) }, uniquingKeysWith: { first, _ in first }))
        }
    }
}

extension PortCheckReport: Encodable {
    enum ExtraKeys: String, CodingKey {
        case command, vectors, stderrLog, adapterExit, requests
    }

    /// The profile's fields, then the port-check fields in the same object.
    public func encode(to encoder: Encoder) throws {
        try profile.encode(to: encoder)
        var c = encoder.container(keyedBy: ExtraKeys.self)
        try c.encode(command, forKey: .command)
        try c.encode(vectors, forKey: .vectors)
        try c.encode(stderrLog, forKey: .stderrLog)
        try c.encode(adapterExit, forKey: .adapterExit)
        try c.encode(requests, forKey: .requests)
    }
}
