import Foundation
import ReportFiles

/// `conformance.json`: the `RunReport` itself (metadata, totals, suites, every case), keys sorted.
///
/// Written as a stream, one case at a time: the text is byte for byte what `JSONEncoder` (sorted keys,
/// pretty-printed, slashes unescaped) makes of `ReportDocument`, but the document is never held whole.
/// The structure (objects, arrays, commas, indentation) is written here; every value inside it (a
/// string, a number, a case, the metadata) is encoded by `JSONEncoder` itself and indented in place.
public enum JSONReportWriter {
    public static func render(_ report: RunReport) throws -> Data {
        let sink = ReportSink()
        try write(report, to: sink)
        return sink.data
    }

    public static func write(_ report: RunReport, to sink: ReportSink) throws {
        let out = PrettyJSONStream(sink: sink)
        try out.object(indent: 0) { top in
            try top.field("errors", report.errors)
            try top.field("exitCode", report.exitCode)
            try top.field("ignoredFiles", report.ignoredFiles)
            try top.field("metadata", report.metadata)
            if report.errors == 0, let reason = report.emptyReason { try top.field("reason", reason) }
            try top.field("status", report.status)
            try top.array("suites", report.suites) { suite, indent in try writeSuite(suite, out: out, indent: indent) }
            try top.field("totals", report.totals)
        }
        try sink.write("\n")
    }

    /// A suite with the keys `SuiteReport`'s synthesized encoding has, in sorted order.
    static func writeSuite(_ suite: SuiteReport, out: PrettyJSONStream, indent: Int) throws {
        try out.object(indent: indent) { s in
            if let algorithm = suite.algorithm { try s.field("algorithm", algorithm) }
            try s.field("counts", suite.counts)
            try s.field("durationSeconds", suite.durationSeconds)
            if let error = suite.error { try s.field("error", error) }
            if let file = suite.file { try s.field("file", file) }
            try s.field("header", suite.header)
            try s.field("kind", suite.kind)
            try s.field("name", suite.name)
            try s.field("notes", suite.notes)
            try s.array("outcomes", suite.outcomes) { outcome, indent in try out.value(outcome, indent: indent) }
            if let schema = suite.schema { try s.field("schema", schema) }
        }
    }

    /// The top-level document: the report plus its overall status and exit code. `write` streams
    /// exactly what `JSONEncoder` makes of it.
    struct ReportDocument: Encodable {
        let report: RunReport

        init(_ report: RunReport) { self.report = report }

        enum CodingKeys: String, CodingKey {
            case status, exitCode, reason, metadata, totals, errors, suites, ignoredFiles
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(report.status, forKey: .status)
            try c.encode(report.exitCode, forKey: .exitCode)
            try c.encodeIfPresent(report.errors == 0 ? report.emptyReason : nil, forKey: .reason)
            try c.encode(report.metadata, forKey: .metadata)
            try c.encode(report.totals, forKey: .totals)
            try c.encode(report.errors, forKey: .errors)
            try c.encode(report.suites, forKey: .suites)
            try c.encode(report.ignoredFiles, forKey: .ignoredFiles)
        }
    }
}

/// Writes pretty-printed JSON in `JSONEncoder`'s layout (two spaces per level, `"key" : value`, a
/// comma at the end of the line, an empty array or object as an opening line, a blank line and the
/// closing line) to a sink, value by value.
final class PrettyJSONStream {
    let sink: ReportSink
    let encoder: JSONEncoder

    init(sink: ReportSink) {
        self.sink = sink
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    }

    /// One value encoded by `JSONEncoder`, its lines after the first indented by `indent` levels.
    func value<T: Encodable>(_ value: T, indent: Int) throws {
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        guard indent > 0, text.contains("\n") else { return try sink.write(text) }
        let pad = String(repeating: "  ", count: indent)
        var first = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !first { try sink.write(line.isEmpty ? "\n" : "\n" + pad) }
            try sink.write(String(line))
            first = false
        }
    }

    /// An object whose fields `body` writes, in the order given (callers give them sorted).
    func object(indent: Int, _ body: (inout Fields) throws -> Void) throws {
        var fields = Fields(stream: self, indent: indent + 1)
        try sink.write("{")
        try body(&fields)
        try sink.write(fields.count == 0 ? "\n\n" + pad(indent) + "}" : "\n" + pad(indent) + "}")
    }

    func pad(_ indent: Int) -> String { String(repeating: "  ", count: indent) }

    struct Fields {
        let stream: PrettyJSONStream
        let indent: Int
        var count = 0

        mutating func key(_ name: String) throws {
            try stream.sink.write((count == 0 ? "\n" : ",\n") + stream.pad(indent))
            try stream.value(name, indent: 0)
            try stream.sink.write(" : ")
            count += 1
        }

        mutating func field<T: Encodable>(_ name: String, _ value: T) throws {
            try key(name)
            try stream.value(value, indent: indent)
        }

        /// An array whose elements `element` writes (each starting where the element's line starts,
        /// after the indentation, with `indent` the element's level).
        mutating func array<S: Sequence>(_ name: String, _ elements: S, _ element: (S.Element, Int) throws -> Void) throws {
            try key(name)
            try stream.sink.write("[")
            var any = false
            for item in elements {
                try stream.sink.write((any ? ",\n" : "\n") + stream.pad(indent + 1))
                try element(item, indent + 1)
                any = true
            }
            try stream.sink.write(any ? "\n" + stream.pad(indent) + "]" : "\n\n" + stream.pad(indent) + "]")
        }
    }
}
