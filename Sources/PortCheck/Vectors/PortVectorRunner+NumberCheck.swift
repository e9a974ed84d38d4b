import Conformance
import NumberCheck
import RSA

/// Number-check requests built by the port and verified on the Swift side as the platform does
/// (`NumberCheckVerifier`: sign with the customer public key, phoneNum with the platform private
/// key, the expected phone). The inputs are those of the JDK-made valid requests of
/// `number_check_test.json` (code 000, phone known), with their group's keys, appKey and rule;
/// `phoneNum` is randomised, so the port's request is verified rather than compared byte for byte.
/// Without that file, two requests with Swift-made keys stand in.
extension PortVectorRunner {
    struct GeneratedCase: VectorTestCase {
        let tcId: Int
        let comment: String
        let flags: [String]
        let result = ExpectedResult.valid
    }

    /// What one request is built from and verified with.
    struct PortNumberCheckCase {
        var fields: [String: String]
        var customerPublicKey: RSAPublicKey
        var platformPrivateKey: RSAPrivateKey
        var appKey: String
        var phone: String
        var rule: PhonePlaintextRule
    }

    func runNumberCheck(_ file: WycheproofFile<NumberCheckGroup>, file name: String) throws {
        sawNumberCheckVectors = true
        for (index, group) in file.testGroups.enumerated() {
            let suite = "numberCheckRequest \(group.plaintextRule)"
            let usable = group.tests.filter { $0.resultCode == "000" && $0.phone != nil }
            for test in group.tests where !usable.contains(where: { $0.tcId == test.tcId }) {
                record(suite: suite, file: name, group: index, test, expected: .valid,
                       .skipped("a request the verifier must reject (code \(test.resultCode)): only valid requests are rebuilt by the port"))
            }
            guard port.has(.numberCheckRequest) else {
                skipAll(suite: suite, file: name, group: index, usable, Self.lacks(.numberCheckRequest))
                continue
            }
            guard let customer = try? RSAPublicKey(keyText: group.customerPublicKey),
                  let platform = try? RSAPrivateKey(keyText: group.platformPrivateKey),
                  let rule = PhonePlaintextRule(setting: group.plaintextRule) else {
                throw PortCheckError.environment("stored vector file \(name) group \(index): its keys do not load")
            }
            progress("vectors: \(name) group \(index)")
            for test in usable {
                guard let request = try? NumberCheckRequest(json: test.request), let phone = test.phone else { continue }
                var fields: [String: String] = ["appKey": group.appKey, "phone": phone,
                                                "customerPrivateKey": keyFormat.privateKey(rsaUtils: group.customerPrivateKey),
                                                "platformPublicKey": keyFormat.publicKey(rsaUtils: group.platformPublicKey)]
                for key in ["appId", "msgId", "timestamp", "token", "version", "userInformation", "expandParams"] {
                    fields[key] = request.field(key) ?? ""
                }
                let input = PortNumberCheckCase(fields: fields, customerPublicKey: customer, platformPrivateKey: platform,
                                             appKey: group.appKey, phone: phone, rule: rule)
                record(suite: suite, file: name, group: index, test,
                       comment: "the port builds the request of: \(test.comment)", try numberCheck(input))
            }
        }
    }

    /// The stand-in when the package has no number-check vectors.
    func runGeneratedNumberCheck() throws {
        let suite = "numberCheckRequest phone+appKey+timestamp", file = "generated (Swift keys)"
        let cases = [(1024, 1024, "用户信息：微信小程序", "", "Chinese userInformation"),
                     (1024, 2048, "", "channel=wx|scene=login", "2048-bit platform key, expandParams")]
        for (index, c) in cases.enumerated() {
            let test = GeneratedCase(tcId: index + 1, comment: "\(c.0)-bit customer key, \(c.1)-bit platform key: \(c.4)", flags: [])
            guard port.has(.numberCheckRequest) else {
                record(suite: suite, file: file, group: 0, test, .skipped(Self.lacks(.numberCheckRequest)))
                continue
            }
            let customer = try swiftKey(bits: c.0), platform = try swiftKey(bits: c.1)
            let phone = "1380013800\(index)", appKey = "A1b2C3d4E5f6G7h8"
            let fields = ["appId": "300011223344", "appKey": appKey, "msgId": "8f14e45fceea167a5a36dedd4bea254\(index)",
                          "timestamp": "20260301101530123", "token": "STsid0000001512345678901234567890abcdef",
                          "version": "1.0", "phone": phone, "customerPrivateKey": keyFormat.privateKey(pkcs8: customer.pkcs8DER),
                          "platformPublicKey": keyFormat.publicKey(spki: platform.publicKey.spkiDER), "userInformation": c.2, "expandParams": c.3]
            let input = PortNumberCheckCase(fields: fields, customerPublicKey: customer.publicKey, platformPrivateKey: platform,
                                         appKey: appKey, phone: phone, rule: .default)
            record(suite: suite, file: file, group: 0, test, try numberCheck(input))
        }
    }

    /// Asks the port for the request and verifies it. A request that verifies only with the other
    /// plaintext rule is a skip naming the rule the port uses (the rule is a setting, not a defect).
    private func numberCheck(_ input: PortNumberCheckCase) throws -> Observation {
        try observe({
            let text = try port.numberCheckRequest(input.fields)
            let verdict = verify(text, input, rule: input.rule)
            if !verdict.isAccepted, verdict.check == .phoneNum || verdict.check == .phoneMatch {
                let other: PhonePlaintextRule = input.rule == .phone ? .phoneAppKeyTimestamp : .phone
                if verify(text, input, rule: other).isAccepted {
                    numberCheckRules.insert(other)
                    return .skipped("its phoneNum follows the plaintext rule \(other), the case uses \(input.rule)")
                }
            }
            if verdict.isAccepted { numberCheckRules.insert(input.rule) }
            guard verdict.isAccepted else {
                return .mismatch("the Swift verifier rejects its request: \(verdict)", expected: nil, actual: Array(text.utf8))
            }
            let built = try NumberCheckRequest(json: text)
            for key in ["appId", "msgId", "timestamp", "token", "version", "userInformation"] where built.field(key) != input.fields[key] {
                return .mismatch("its request carries \(key) = \(built.field(key) ?? "nothing"), not the given \(input.fields[key] ?? "")",
                                 expected: input.fields[key].map { Array($0.utf8) }, actual: built.field(key).map { Array($0.utf8) })
            }
            return .accepted()
        }, onError: { .rejected("numberCheckRequest failed: \($0)") })
    }

    private func verify(_ text: String, _ input: PortNumberCheckCase, rule: PhonePlaintextRule) -> NumberCheckVerdict {
        NumberCheckVerifier.verify(requestJSON: text, customerPublicKey: input.customerPublicKey,
                                   platformPrivateKey: input.platformPrivateKey, appKey: input.appKey,
                                   expectedPhone: input.phone, plaintextRule: rule)
    }

    private func swiftKey(bits: Int) throws -> RSAPrivateKey {
        do {
            return try RSAPrivateKey.generate(bits: bits)
        } catch {
            throw PortCheckError.environment("cannot make a \(bits)-bit Swift key pair: \(error)")
        }
    }
}
