import NumberCheck
import RSA

/// Number-check vectors: rebuild the request where the case allows it (byte for byte), then verify
/// it as the platform does; the code must be the JDK verifier's `resultCode`.
public struct NumberCheckSuite: VectorSuite {
    public typealias Group = NumberCheckGroup
    public static let schema = NumberCheckGroup.schema

    public init() {}

    struct Keys {
        let customer: RSAPrivateKey
        let platform: RSAPrivateKey
        let rule: PhonePlaintextRule
    }

    public func run(_ file: WycheproofFile<Group>, path: String, context: RunContext) -> OutcomeLog {
        var recorder = OutcomeRecorder(path: path)
        for (index, group) in file.testGroups.enumerated() {
            switch load(group) {
            case .failure(let problem):
                recorder.recordAll(group.tests, group: index, problem.observation)
            case .success(let keys):
                for test in group.tests {
                    recorder.record(test, group: index) { check(test, group: group, keys: keys) }
                }
            }
        }
        return recorder.outcomes
    }

    func load(_ group: Group) -> Result<Keys, GroupProblem> {
        var check = KeyConsistency()
        let customer = check.attempt("parsing customerPrivateKey") { try RSAPrivateKey(rsaUtilsString: group.customerPrivateKey) }
        let platform = check.attempt("parsing platformPrivateKey") { try RSAPrivateKey(rsaUtilsString: group.platformPrivateKey) }
        let customerPublic = check.attempt("parsing customerPublicKey") { try RSAPublicKey(rsaUtilsString: group.customerPublicKey) }
        let platformPublic = check.attempt("parsing platformPublicKey") { try RSAPublicKey(rsaUtilsString: group.platformPublicKey) }
        guard let customer, let platform, let customerPublic, let platformPublic, let rule = PhonePlaintextRule(setting: group.plaintextRule)
        else { return .failure(GroupProblem(check.problem ?? .skipped("unknown plaintextRule"))) }
        check.same("customerPublicKey = public part of customerPrivateKey", customerPublic.spkiDER, customer.publicKey.spkiDER)
        check.same("platformPublicKey = public part of platformPrivateKey", platformPublic.spkiDER, platform.publicKey.spkiDER)
        check.same("customerPrivateKey re-encoded (RsaUtils string)", Array(customer.rsaUtilsString.utf8), Array(group.customerPrivateKey.utf8))
        check.same("platformPrivateKey re-encoded (RsaUtils string)", Array(platform.rsaUtilsString.utf8), Array(group.platformPrivateKey.utf8))
        if customer.publicKey.keySize != group.customerKeySize {
            check.report("customerKeySize", KeySizeMismatch(expected: group.customerKeySize, actual: customer.publicKey.keySize))
        }
        if platform.publicKey.keySize != group.platformKeySize {
            check.report("platformKeySize", KeySizeMismatch(expected: group.platformKeySize, actual: platform.publicKey.keySize))
        }
        if let problem = check.problem { return .failure(GroupProblem(problem)) }
        return .success(Keys(customer: customer, platform: platform, rule: rule))
    }

    func check(_ test: NumberCheckTestVector, group: Group, keys: Keys) -> Observation {
        let bytes = Array(test.request.utf8)
        if let phone = test.phone, let ps = test.ps {
            if let mismatch = rebuild(test, bytes: bytes, phone: phone, ps: ps.bytes, group: group, keys: keys) { return mismatch }
        }
        let verdict = NumberCheckVerifier.verify(
            requestJSON: bytes, customerPublicKey: keys.customer.publicKey, platformPrivateKey: keys.platform,
            appKey: group.appKey, expectedPhone: test.expectedPhone, plaintextRule: keys.rule)
        guard verdict.code == test.resultCode else {
            return .mismatch("verify gave \(verdict.description), the JDK verifier \(test.resultCode)", expected: nil, actual: nil)
        }
        return verdict.isAccepted ? .accepted(output: Array(verdict.code.utf8)) : .rejected(verdict.description)
    }

    /// Builds the request from its own fields with the recorded padding string; nil when it matches.
    func rebuild(_ test: NumberCheckTestVector, bytes: [UInt8], phone: String, ps: [UInt8], group: Group, keys: Keys) -> Observation? {
        let fields: NumberCheckRequest
        do { fields = try NumberCheckRequest(json: bytes) } catch {
            return .mismatch("the case says the request can be rebuilt, but it does not parse: \(error)", expected: nil, actual: nil)
        }
        let parameters = NumberCheckParameters(
            appId: fields.appId ?? "", appKey: group.appKey, token: fields.token ?? "", phone: phone,
            userInformation: fields.userInformation ?? "", expandParams: fields.expandParams ?? "", msgId: fields.msgId,
            timestamp: fields.timestamp, version: fields.version ?? "", plaintextRule: keys.rule)
        let built: NumberCheckRequest
        do {
            built = try NumberCheckBuilder.build(parameters, customerPrivateKey: keys.customer, platformPublicKey: keys.platform.publicKey,
                                                 paddingStrings: [ps])
        } catch {
            return .mismatch("building the request failed: \(error)", expected: bytes, actual: nil)
        }
        var compare = Comparison()
        compare.expect("phoneNum", Array((built.phoneNum ?? "").utf8), equals: Array((fields.phoneNum ?? "").utf8))
        compare.expect("sign", Array((built.sign ?? "").utf8), equals: Array((fields.sign ?? "").utf8))
        compare.expect("request JSON text", built.jsonBytes, equals: bytes)
        return compare.mismatch
    }
}
