import Foundation

/// `conformance.json`: the `RunReport` itself (metadata, totals, suites, every case), keys sorted.
public enum JSONReportWriter {
    public static func render(_ report: RunReport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        var data = try encoder.encode(ReportDocument(report))
        data.append(0x0a)
        return data
    }

    /// The top-level document: the report plus its overall status and exit code.
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
