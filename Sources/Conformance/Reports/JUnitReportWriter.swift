import Foundation
import ReportFiles

/// `junit.xml`: one `<testsuite>` per vector file or check suite, one `<testcase name="tcId N">` per case,
/// `<failure>` with the reason, comment, flags (bugType, description) and expected vs actual bytes,
/// `<skipped>` with the reason; a file that could not be read is a suite with one `<error>`.
/// Written as a stream, one case at a time.
public enum JUnitReportWriter {
    public static func render(_ report: RunReport) -> Data {
        let sink = ReportSink()
        try? write(report, to: sink)
        return sink.data
    }

    public static func write(_ report: RunReport, to sink: ReportSink) throws {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let t = report.totals
        let emptyRun = report.errors == 0 ? report.emptyReason : nil
        let errors = report.errors + (emptyRun == nil ? 0 : 1)
        xml += "<testsuites name=\"conformance\" tests=\"\(t.cases + errors)\" failures=\"\(t.failed)\""
        xml += " errors=\"\(errors)\" skipped=\"\(t.skipped)\" time=\"\(seconds(report.metadata.durationSeconds))\""
        xml += " timestamp=\(attr(report.metadata.startedAt))>\n"
        try sink.write(xml)
        for suite in report.suites {
            try testsuite(suite, timestamp: report.metadata.startedAt, to: sink)
        }
        xml = ""
        if let emptyRun {
            // Nothing was checked: a CI reading only the JUnit file must not see a green run.
            xml += "  <testsuite name=\"conformance\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" time=\"0.000\">\n"
            xml += "    <testcase classname=\"conformance\" name=\"run\" time=\"0.000\">\n"
            xml += "      <error message=\(attr(emptyRun)) type=\"NothingChecked\">\(XMLEscape.text(emptyRun))</error>\n"
            xml += "    </testcase>\n  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        try sink.write(xml)
    }

    static func testsuite(_ suite: SuiteReport, timestamp: String, to sink: ReportSink) throws {
        let c = suite.counts
        let errors = suite.error == nil ? 0 : 1
        var xml = "  <testsuite name=\(attr(suite.name)) tests=\"\(c.cases + errors)\" failures=\"\(c.failed)\""
        xml += " errors=\"\(errors)\" skipped=\"\(c.skipped)\" time=\"\(seconds(suite.durationSeconds))\" timestamp=\(attr(timestamp))>\n"
        var properties = [("kind", suite.kind.rawValue)]
        if let schema = suite.schema { properties.append(("schema", schema)) }
        if let algorithm = suite.algorithm { properties.append(("algorithm", algorithm)) }
        if c.acceptableAccepted + c.acceptableRejected > 0 {
            properties.append(("acceptable", "\(c.acceptableAccepted) accepted, \(c.acceptableRejected) rejected"))
        }
        xml += "    <properties>\n"
        for (name, value) in properties {
            xml += "      <property name=\(attr(name)) value=\(attr(value))/>\n"
        }
        xml += "    </properties>\n"
        if let error = suite.error {
            xml += "    <testcase classname=\(attr(suite.name)) name=\"load\" time=\"0.000\">\n"
            xml += "      <error message=\(attr(error)) type=\"MalformedVectorFile\">\(XMLEscape.text(error))</error>\n"
            xml += "    </testcase>\n"
        }
        try sink.write(xml)
        for outcome in suite.outcomes {
            try sink.write(testcase(outcome, suite: suite))
        }
        try sink.write("  </testsuite>\n")
    }

    static func testcase(_ outcome: Outcome, suite: SuiteReport) -> String {
        var xml = "    <testcase classname=\(attr(suite.name)) name=\"tcId \(outcome.tcId)\" time=\"\(seconds(outcome.durationSeconds))\""
        switch outcome.verdict {
        case .pass:
            if let resolution = outcome.acceptableResolution {
                let java = outcome.javaVerdict.map { "; \($0.text)" } ?? ""
                xml += ">\n      <system-out>\(XMLEscape.text("acceptable case: \(resolution)\(java)"))</system-out>\n    </testcase>\n"
            } else {
                xml += "/>\n"
            }
        case .fail(let reason, _, _):
            let type = outcome.flags.compactMap { suite.notes[$0]?.bugType }.first ?? "Mismatch"
            var message = reason
            if !outcome.comment.isEmpty { message += " (\(outcome.comment))" }
            if !outcome.flags.isEmpty { message += " [\(outcome.flags.joined(separator: ", "))]" }
            xml += ">\n      <failure message=\(attr(message)) type=\(attr(type))>"
            xml += XMLEscape.text(FailureText.body(outcome, notes: suite.notes))
            xml += "</failure>\n    </testcase>\n"
        case .skip(let reason):
            xml += ">\n      <skipped message=\(attr(reason))/>\n    </testcase>\n"
        }
        return xml
    }

    static func attr(_ value: String) -> String { "\"" + XMLEscape.attribute(value) + "\"" }

    static func seconds(_ value: Double) -> String {
        value.isFinite ? String(format: "%.3f", max(0, value)) : "0.000"
    }
}
