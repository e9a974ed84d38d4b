import Foundation
import JavaOracle
import NumberCheck
import RSA

/// Live number-check interop with the Java reference (`rsautils.oracle.NumberCheck`) through one
/// oracle JVM: requests built by Swift are verified by Java, requests built by Java (RsaUtils with
/// random padding, JSON by hand) are verified by Swift, for both plaintext rules and 1024/2048-bit
/// keys; then tampered requests must get the same code on both sides.
struct NumberCheckJavaCrossCheck: CheckSuite {
    let name = "live Java: number-check request Swift ↔ JDK"

    var notes: [String: VectorNote] {
        [
            "SwiftToJava": VectorNote(bugType: "FUNCTIONALITY", description: "Built by Swift, verified by the Java reference."),
            "JavaToSwift": VectorNote(bugType: "FUNCTIONALITY", description: "Built by the Java reference, verified by Swift."),
            "SameVerdict": VectorNote(bugType: "FUNCTIONALITY", description: "A tampered request: Swift and Java must give the same code."),
        ]
    }

    func run(context: RunContext) -> [Outcome] {
        var recorder = CheckRecorder(suite: name)
        LiveJavaSession.run("live Java number-check checks", suite: name, context: context, recorder: &recorder) { oracle, source, recorder in
            for bits in [1024, 2048] {
                let keys: (customer: RSAPrivateKey, platform: RSAPrivateKey)
                do {
                    keys = (try RSAKeyGenerator.generate(bits: bits, randomBytes: source.bytes),
                            try RSAKeyGenerator.generate(bits: bits, randomBytes: source.bytes))
                } catch {
                    recorder.check("\(bits)-bit keys for the number-check checks") { .fail(reason: "\(error)") }
                    continue
                }
                for rule in PhonePlaintextRule.allCases {
                    run(bits: bits, rule: rule, keys: keys, oracle: oracle, source: source, recorder: &recorder)
                }
            }
        }
        return recorder.outcomes
    }

    private func run(bits: Int, rule: PhonePlaintextRule, keys: (customer: RSAPrivateKey, platform: RSAPrivateKey), oracle: JavaOracle,
                     source: SeededByteSource, recorder: inout CheckRecorder) {
        let strings = (customerPublic: keys.customer.publicKey.rsaUtilsString, customerPrivate: keys.customer.rsaUtilsString,
                       platformPublic: keys.platform.publicKey.rsaUtilsString, platformPrivate: keys.platform.rsaUtilsString)
        let appKey = "应用密钥-" + Hex.encode(source.bytes(8))
        let phone = "13" + String(UInt64(bigEndianBytes: source.bytes(8)) % 1_000_000_000).leftPadded(to: 9)
        let informations = ["", "浏览器指纹 😀 \"quoted\" \\ /\n\t\u{1}", Hex.encode(source.bytes(16))]
        let label = "\(bits) \(rule)"

        for (i, userInformation) in informations.enumerated() {
            let parameters = NumberCheckParameters(
                appId: "3000" + Hex.encode(source.bytes(4)), appKey: appKey, token: "STsid" + Hex.encode(source.bytes(12)), phone: phone,
                userInformation: userInformation, expandParams: i == 1 ? "a=1|b=中" : "", msgId: Hex.encode(source.bytes(16)),
                timestamp: "2026113012" + String(10_000 + i).suffix(4) + "\(100 + i)", plaintextRule: rule)
            var built: NumberCheckRequest?
            recorder.check("\(label) #\(i + 1): Java verifies the Swift-built request (000, wrong phone 001)", flags: ["SwiftToJava"]) {
                let plain = Array(rule.plaintext(phone: phone, appKey: appKey, timestamp: parameters.timestamp ?? "").utf8)
                let ps = source.bytes(keys.platform.publicKey.modulusByteCount - 3 - plain.count).map { $0 | 1 }
                let request = try NumberCheckBuilder.build(parameters, customerPrivateKey: keys.customer,
                                                           platformPublicKey: keys.platform.publicKey, paddingStrings: [ps])
                built = request
                let ok = try oracle.numberCheckVerify(request: request.jsonText(), customerPublicKey: strings.customerPublic,
                                                      platformPrivateKey: strings.platformPrivate, appKey: appKey,
                                                      expectedPhone: phone, plaintextRule: rule.rawValue)
                guard ok.code == "000" else { return .fail(reason: "Java gave \(ok.code): \(ok.reason)") }
                let other = try oracle.numberCheckVerify(request: request.jsonText(), customerPublicKey: strings.customerPublic,
                                                         platformPrivateKey: strings.platformPrivate, appKey: appKey,
                                                         expectedPhone: phone + "0", plaintextRule: rule.rawValue)
                return CheckRecorder.truth(other.code == "001", "wrong expected phone: Java gave \(other.code), expected 001")
            }
            recorder.check("\(label) #\(i + 1): Swift verifies the Java-built request (000)", flags: ["JavaToSwift"]) {
                let text = try oracle.numberCheckBuild(
                    appId: parameters.appId, appKey: appKey, token: parameters.token, phone: phone, userInformation: userInformation,
                    expandParams: parameters.expandParams, msgId: parameters.msgId ?? "", timestamp: parameters.timestamp ?? "",
                    plaintextRule: rule.rawValue, customerPrivateKey: strings.customerPrivate, platformPublicKey: strings.platformPublic)
                let verdict = NumberCheckVerifier.verify(requestJSON: text, customerPublicKey: keys.customer.publicKey,
                                                         platformPrivateKey: keys.platform, appKey: appKey, expectedPhone: phone,
                                                         plaintextRule: rule)
                guard verdict.isAccepted else { return .fail(reason: "Swift gave \(verdict)") }
                // Same fields, same sign: only phoneNum (random padding) may differ from Swift's request.
                let parsed = try NumberCheckRequest(json: text)
                guard parsed.userInformation.map({ Array($0.utf8) }) == Array(userInformation.utf8) else {
                    return .fail(reason: "userInformation changed on the way")
                }
                return .pass
            }
            guard let request = built, i == 1 else { continue }
            for (what, mutate) in tamperings(keys: keys, appKey: appKey) {
                recorder.check("\(label): \(what): Swift and Java give the same code", flags: ["SameVerdict"], expected: .invalid) {
                    let text = try mutate(request)
                    let ours = NumberCheckVerifier.verify(requestJSON: text, customerPublicKey: keys.customer.publicKey,
                                                          platformPrivateKey: keys.platform, appKey: appKey, expectedPhone: phone,
                                                          plaintextRule: rule)
                    let theirs = try oracle.numberCheckVerify(request: text, customerPublicKey: strings.customerPublic,
                                                              platformPrivateKey: strings.platformPrivate, appKey: appKey,
                                                              expectedPhone: phone, plaintextRule: rule.rawValue)
                    guard ours.code == theirs.code else {
                        return .fail(reason: "Swift \(ours.code) (\(ours.reason)), Java \(theirs.code) (\(theirs.reason))")
                    }
                    return CheckRecorder.truth(ours.code != "000", "the tampered request was accepted by both")
                }
            }
        }
    }

    /// Changes that must make the request fail, each as a function of the built request.
    private func tamperings(keys: (customer: RSAPrivateKey, platform: RSAPrivateKey), appKey: String)
        -> [(String, (NumberCheckRequest) throws -> String)] {
        func resigned(_ r: NumberCheckRequest) throws -> String {
            var copy = r
            copy.sign = try NumberCheckSigner.sign(r.signString, customerPrivateKey: keys.customer)
            return copy.jsonText()
        }
        return [
            ("token changed after signing", { r in var c = r; c.token = (r.token ?? "") + "x"; return c.jsonText() }),
            ("signed with the platform key", { r in
                var c = r; c.sign = try NumberCheckSigner.sign(r.signString, customerPrivateKey: keys.platform); return c.jsonText() }),
            ("phoneNum encrypted with the customer key", { r in
                var c = r
                c.phoneNum = LenientBase64.encode(try keys.customer.publicKey.encrypt(Array("13800138000".utf8)))
                return try resigned(c) }),
            ("phoneNum not Base64", { r in var c = r; c.phoneNum = "非Base64!"; return try resigned(c) }),
            ("timestamp 30 February", { r in var c = r; c.timestamp = "20260230120000000"; return try resigned(c) }),
            ("msgId missing", { r in var c = r; c.msgId = nil; return c.jsonText() }),
            ("userInformation missing", { r in var c = r; c.userInformation = nil; return c.jsonText() }),
            ("not JSON", { r in String(r.jsonText().dropLast()) }),
        ]
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

private extension UInt64 {
    init(bigEndianBytes bytes: [UInt8]) {
        self = bytes.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }
}
