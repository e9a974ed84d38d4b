import Conformance
import Foundation
import RSA

/// The result of port-check. JSON (`--json`, `port-check-<adapter name>.json`): `verdict`
/// (`compatible` | `incompatible` | `not-evaluable` = exit 0/1/2), `adapter` (the hello answer as
/// sent), `command`, `findings`, `vectors` (summary, per-suite counts, one row per case), …
public struct PortCheckReport: Sendable {
    public var command: String
    public var hello: AdapterHello
    public var vectors: PortVectorReport
    public var verdict = "not-evaluable"
    public var findings: [String] = []
    public var stderrLog: String?
    public var adapterExit: String?
    public var requests = 0
    public var durationSeconds: Double = 0

    public init(command: String, hello: AdapterHello, vectors: PortVectorReport) {
        self.command = command
        self.hello = hello
        self.vectors = vectors
    }

    /// 0 compatible, 1 incompatible, 2 not evaluable.
    public var exitCode: Int32 {
        switch verdict {
        case "compatible": return 0
        case "incompatible": return 1
        default: return 2
        }
    }

    /// The verdict and the findings from what ran.
    mutating func conclude() {
        let counts = vectors.summary
        if counts.failed > 0 {
            verdict = "incompatible"
        } else if counts.passed > 0 {
            verdict = "compatible"
        } else {
            verdict = "not-evaluable"
        }
        var out = ["adapter \(hello.name) \(hello.version), operations: \(hello.ops.isEmpty ? "none" : hello.ops.joined(separator: ", "))"]
        if !hello.unknownOps.isEmpty {
            out.append("hello lists operations ADAPTER.md does not have (ignored): \(hello.unknownOps.joined(separator: ", "))")
        }
        let missing = AdapterOp.allCases.filter { $0 != .hello && !hello.has($0) }.map(\.rawValue)
        if !missing.isEmpty { out.append("not listed by the adapter (their checks are skips): \(missing.joined(separator: ", "))") }
        out += vectors.findings
        switch verdict {
        case "compatible": out.append("compatible: nothing failed")
        case "incompatible": out.append("NOT compatible: \(counts.failed) check\(counts.failed == 1 ? "" : "s") failed")
        default: out.append("not evaluable: no check could run")
        }
        findings = out
    }
}

extension PortCheckReport: Encodable {
    enum CodingKeys: String, CodingKey {
        case kind, verdict, compatible, adapter, command, findings, vectors, stderrLog, adapterExit, requests, durationSeconds
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("adapter", forKey: .kind)
        try c.encode(verdict, forKey: .verdict)
        try c.encode(verdict == "compatible", forKey: .compatible)
        try c.encode(EncodableJSON(.object(hello.fields)), forKey: .adapter)
        try c.encode(command, forKey: .command)
        try c.encode(findings, forKey: .findings)
        try c.encode(vectors, forKey: .vectors)
        try c.encode(stderrLog, forKey: .stderrLog)
        try c.encode(adapterExit, forKey: .adapterExit)
        try c.encode(requests, forKey: .requests)
        try c.encode(durationSeconds, forKey: .durationSeconds)
    }
}

/// A protocol JSON value written through `Encoder` (the hello answer, as the adapter sent it).
struct EncodableJSON: Encodable {
    let value: PortJSON
    init(_ value: PortJSON) { self.value = value }

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch value {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d.isFinite ? d : 0)
        case .string(let s): try c.encode(s)
        case .array(let items): try c.encode(items.map(EncodableJSON.init))
        case .object(let fields): try c.encode(fields.mapValues(EncodableJSON.init))
        }
    }
}
