import Conformance
import NumberCheck
import RSA

/// Number-check requests built by the port, verified on the Swift side as the platform does
/// (`NumberCheckVerifier`: sign with the customer public key, phoneNum with the platform private
/// key, the expected phone). The keys are Swift-made and the inputs fixed, so every request must
/// be accepted (code 000).
extension PortVectorRunner {
    struct GeneratedCase: VectorTestCase {
        let tcId: Int
        let comment: String
        let flags: [String]
        let result = ExpectedResult.valid
    }

    func runNumberCheck() throws {
        let suite = "numberCheckRequest", file = "generated (Swift keys)"
        let cases = [
            (1024, 1024, "用户信息：微信小程序", "", "ASCII token, Chinese userInformation"),
            (1024, 2048, "", "channel=wx|scene=login", "2048-bit platform key, expandParams"),
        ]
        guard port.has(.numberCheckRequest) else {
            for (index, c) in cases.enumerated() {
                record(suite: suite, file: file, group: 0, GeneratedCase(tcId: index + 1, comment: c.4, flags: []),
                       .skipped(Self.lacks(.numberCheckRequest)))
            }
            return
        }
        progress("number-check requests")
        var rules: Set<String> = []
        for (index, c) in cases.enumerated() {
            let test = GeneratedCase(tcId: index + 1, comment: "\(c.0)-bit customer key, \(c.1)-bit platform key: \(c.4)", flags: [])
            let customer = try swiftKey(bits: c.0)
            let platform = try swiftKey(bits: c.1)
            let phone = "1380013800\(index)"
            let appKey = "A1b2C3d4E5f6G7h8"
            var fields = ["appId": "300011223344", "appKey": appKey, "msgId": "8f14e45fceea167a5a36dedd4bea254\(index)",
                          "timestamp": "20260301101530123", "token": "STsid0000001512345678901234567890abcdef",
                          "version": "1.0", "phone": phone, "customerPrivateKey": customer.rsaUtilsString,
                          "platformPublicKey": platform.publicKey.rsaUtilsString]
            fields["userInformation"] = c.2
            fields["expandParams"] = c.3
            let observation = try observe({
                let request = try port.numberCheckRequest(fields)
                let text = PortJSON.object(request).description
                var verdict = NumberCheckVerifier.verify(requestJSON: text, customerPublicKey: customer.publicKey,
                                                         platformPrivateKey: platform, appKey: appKey, expectedPhone: phone)
                var rule = PhonePlaintextRule.default
                if !verdict.isAccepted, verdict.check == .phoneNum {
                    let bare = NumberCheckVerifier.verify(requestJSON: text, customerPublicKey: customer.publicKey,
                                                          platformPrivateKey: platform, appKey: appKey, expectedPhone: phone,
                                                          plaintextRule: .phone)
                    if bare.isAccepted { verdict = bare; rule = .phone }
                }
                guard verdict.isAccepted else {
                    return .mismatch("the Swift verifier rejects its request: \(verdict)", expected: nil, actual: Array(text.utf8))
                }
                rules.insert(rule.rawValue)
                let parsed = try NumberCheckRequest(json: text)
                for (name, want) in [("userInformation", c.2), ("msgId", fields["msgId"] ?? ""), ("timestamp", fields["timestamp"] ?? "")]
                    where parsed.field(name) != want {
                    return .mismatch("its request changes \(name) (\(parsed.field(name) ?? "absent") instead of \(want))",
                                     expected: Array(want.utf8), actual: parsed.field(name).map { Array($0.utf8) })
                }
                return .accepted()
            }, onError: { .rejected("numberCheckRequest failed: \($0)") })
            record(suite: suite, file: file, group: 0, test, observation)
        }
        if rules.contains(PhonePlaintextRule.phone.rawValue) {
            notes.append("its number-check phoneNum encrypts the bare phone (rule \"phone\", not the default phone+appKey+timestamp): "
                + "set the Swift side with --phone-plaintext phone")
        }
    }

    private func swiftKey(bits: Int) throws -> RSAPrivateKey {
        do {
            return try RSAPrivateKey.generate(bits: bits)
        } catch {
            throw PortCheckError.environment("cannot make a \(bits)-bit Swift key pair: \(error)")
        }
    }
}
