import RSA
import TokenSign

/// getToken sign vectors: the sign computed in the case's letter case (`signCase`, lower when absent)
/// must equal the JDK's `formulaSign` character for character (valid or not), and the request checks
/// must pass (valid) or give `errorCode` (invalid).
public struct GetTokenSignSuite: VectorSuite {
    public typealias Group = GetTokenSignGroup
    public static let schema = GetTokenSignGroup.schema

    public init() {}

    public func run(_ file: WycheproofFile<Group>, path: String, context: RunContext) -> OutcomeLog {
        var recorder = OutcomeRecorder(path: path)
        for (index, group) in file.testGroups.enumerated() {
            for test in group.tests {
                recorder.record(test, group: index) { check(test) }
            }
        }
        return recorder.outcomes
    }

    func check(_ test: GetTokenSignTestVector) -> Observation {
        let request = TokenSignRequest(
            appId: test.appId, businessType: test.businessType, msgId: test.msgId, timestamp: test.timestamp,
            traceId: test.traceId, version: test.version, appKey: test.appKey, sign: test.sign,
            expandParams: test.expandParams, configuredBusinessType: test.configuredBusinessType)
        var compare = Comparison()
        let letterCase: TokenSignLetterCase = test.signCase == "upper" ? .upper : .lower
        let computed = TokenSigner.sign(for: request, letterCase: letterCase)
        compare.expect("formula sign (MD5 of appId+businessType+msgId+timestamp+traceId+version+appKey, \(letterCase) case)",
                       Array(computed.utf8), equals: Array(test.formulaSign.utf8))
        if let mismatch = compare.mismatch { return mismatch }
        guard let failure = TokenRequestValidator.check(request) else {
            return .accepted(output: hexOrText(computed))
        }
        if let wanted = test.errorCode, failure.code != wanted, test.result != .valid {
            return .mismatch("rejected with \(failure.code), the case expects \(wanted) (\(failure.message))",
                             expected: nil, actual: nil)
        }
        return .rejected("\(failure.code) \(failure.message)")
    }
}

/// A sign as bytes: the digest when it is hex, else the UTF-8 of the text.
func hexOrText(_ text: String) -> [UInt8] {
    if case .success(let bytes) = Hex.decode(text) { return bytes }
    return Array(text.utf8)
}
