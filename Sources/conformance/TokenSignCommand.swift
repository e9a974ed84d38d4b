import ArgumentParser
import Foundation
import TokenSign

/// `conformance token-sign`: the getToken sign (seed §3.2.3) of a field set, with the seed's
/// request checks; `--explain CODE` prints the seed's return-code table.
struct TokenSignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token-sign",
        abstract: "getToken sign = MD5(appId + businessType + msgId + timestamp + traceId + version + appKey), hex (upper case by default).",
        discussion: """
            Checks the request as the platform does (first failure wins) and exits 1 with the seed's \
            code on stderr: 130010 empty parameter, 105112 illegal timestamp, 110025 businessType not 5, \
            110024 businessType not the configured one, 103101 msgId != traceId or wrong sign. \
            A missing option counts as an empty parameter (130010). A given --sign is accepted in either \
            letter case.
            """
    )

    @Option(name: .customLong("app-id"), help: "appId.")
    var appId: String?

    @Option(name: .customLong("business-type"), help: "businessType (5 for WeChat mini programs).")
    var businessType: String?

    @Option(name: .customLong("msg-id"), help: "msgId (must equal traceId).")
    var msgId: String?

    @Option(name: .customLong("timestamp"), help: "17 digits yyyyMMddHHmmssSSS, China Standard Time.")
    var timestamp: String?

    @Option(name: .customLong("trace-id"), help: "traceId.")
    var traceId: String?

    @Option(name: .customLong("version"), help: "Interface version, e.g. 1.0.")
    var version: String?

    @Option(name: .customLong("app-key"), help: "The app's key (last term of the formula).")
    var appKey: String?

    @Option(name: .customLong("sign"), help: "Check this request sign instead of only computing it (mismatch: 103101).")
    var sign: String?

    @Option(name: .customLong("expand-params"), help: "expandParams (never part of the formula).")
    var expandParams: String?

    @Option(name: .customLong("configured-business-type"),
            help: "The business type the platform has configured for this appId (mismatch: 110024).")
    var configuredBusinessType: String?

    @Flag(name: .customLong("now"), help: "Without --timestamp: use the current time in UTC+8 (printed on stderr).")
    var now = false

    @Flag(name: .customLong("new-id"),
          help: "Without --msg-id and --trace-id: use a fresh random id for both (printed on stderr).")
    var newId = false

    @Option(name: .customLong("case"),
            help: "Letter case of the printed sign: upper (default; what every public getToken client sends) or lower.")
    var letterCase: String = TokenSignLetterCase.default.rawValue

    @Option(name: .customLong("explain"), help: "Print the seed's row(s) for CODE (code, Chinese, English), or 'all'.")
    var explain: String?

    func run() throws {
        if let explain {
            try printExplanation(explain)
            return
        }

        guard let signCase = TokenSignLetterCase(rawValue: letterCase.lowercased()) else {
            throw CLIFailure.usage("--case must be upper or lower, got '\(oneLine(letterCase))'")
        }
        var notes: [String] = []
        var timestampValue = timestamp ?? ""
        if timestamp == nil && now {
            timestampValue = try tokenCall { try TokenTimestamp.now().string }
            notes.append("timestamp: \(timestampValue)")
        }
        var msgIdValue = msgId ?? "", traceIdValue = traceId ?? ""
        if msgId == nil && traceId == nil && newId {
            let id = try tokenCall { try TokenIdentifier.generate() }
            msgIdValue = id
            traceIdValue = id
            notes.append("msgId = traceId: \(id)")
        }

        var request = TokenSignRequest(
            appId: appId ?? "", businessType: businessType ?? "", msgId: msgIdValue, timestamp: timestampValue,
            traceId: traceIdValue, version: version ?? "", appKey: appKey ?? "",
            expandParams: expandParams, configuredBusinessType: configuredBusinessType)
        let computed = request.formulaSign(signCase)
        // Without --sign the request carries the computed sign, so only the other checks can fail.
        request.sign = sign ?? computed

        if let failure = TokenRequestValidator.check(request) {
            throw CLIFailure(failure.description, exitCode: 1)
        }
        for note in notes { writeStderr(note) }
        print(computed)
    }

    private func printExplanation(_ code: String) throws {
        let rows: [TokenErrorCode]
        if code.lowercased() == "all" {
            rows = TokenErrorCode.seedTable
        } else {
            rows = TokenErrorCode.rows(forCode: code)
            if rows.isEmpty {
                let known = TokenErrorCode.seedTable.map(\.code).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                throw CLIFailure.usage("unknown error code '\(oneLine(code))' (the seed's codes: \(known.joined(separator: ", ")))")
            }
        }
        for row in rows {
            print("\(row.code)\t\(row.chinese)\t\(row.english)")
        }
    }

    private func tokenCall<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw CLIFailure("\(error)", exitCode: 1)
        }
    }

    private func oneLine(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7f ? "?" : Character($0) })
    }
}
