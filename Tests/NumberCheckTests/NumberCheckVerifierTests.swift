import NumberCheck
import RSA
import XCTest

/// Each verify rule of docs/NUMBER_CHECK.md with its code. Invalid requests are mutations of a good
/// one; where the mutated request must still be signed correctly, the sign is recomputed over the
/// documented concatenation (so the case isolates the rule under test).
final class NumberCheckVerifierTests: XCTestCase {
    let appKey = "8A2B4C6D8E0F1A3B"
    let phone = "13800138000"

    func base(rule: PhonePlaintextRule = .default) throws -> (NumberCheckRequest, (customer: RSAPrivateKey, platform: RSAPrivateKey, other: RSAPrivateKey)) {
        let keys = try TestKeys.all()
        let p = NumberCheckParameters(appId: "300011862498", appKey: appKey, token: "token-1", phone: phone,
                                      userInformation: "指纹", msgId: "m1", timestamp: "20240229123456789", plaintextRule: rule)
        return (try NumberCheckBuilder.build(p, customerPrivateKey: keys.customer, platformPublicKey: keys.platform.publicKey), keys)
    }

    func verdict(_ request: NumberCheckRequest, _ keys: (customer: RSAPrivateKey, platform: RSAPrivateKey, other: RSAPrivateKey),
                 expect phone: String? = nil, rule: PhonePlaintextRule = .default) -> NumberCheckVerdict {
        NumberCheckVerifier.verify(requestJSON: request.jsonText(), customerPublicKey: keys.customer.publicKey,
                                   platformPrivateKey: keys.platform, appKey: appKey, expectedPhone: phone, plaintextRule: rule)
    }

    /// Re-signs with `key` over appId+msgId+phoneNum+timestamp+token+version (written out here).
    func resigned(_ r: NumberCheckRequest, with key: RSAPrivateKey) throws -> NumberCheckRequest {
        var copy = r
        let text = (r.appId ?? "") + (r.msgId ?? "") + (r.phoneNum ?? "") + (r.timestamp ?? "") + (r.token ?? "") + (r.version ?? "")
        copy.sign = LenientBase64.encode(try key.signature(for: Array(text.utf8), hash: .md5))
        return copy
    }

    func testValidBothRules() throws {
        for rule in PhonePlaintextRule.allCases {
            let (r, keys) = try base(rule: rule)
            XCTAssertEqual(verdict(r, keys, expect: phone, rule: rule).code, "000")
            XCTAssertEqual(verdict(r, keys, rule: rule).phone, phone)
            // The other rule's verifier cannot read the plaintext: 004.
            let otherRule: PhonePlaintextRule = rule == .phone ? .phoneAppKeyTimestamp : .phone
            let crossed = verdict(r, keys, expect: phone, rule: otherRule)
            XCTAssertEqual(crossed.code, rule == .phone ? "004" : "001", crossed.reason)
        }
    }

    func testEachRuleHasItsCode() throws {
        let (r, keys) = try base()
        // 001: phone mismatch.
        XCTAssertEqual(verdict(r, keys, expect: "13800138001").code, "001")
        // 302: tampered sign (one bit), another customer key, phoneNum changed after signing.
        var t = r
        var sig = LenientBase64.decode(r.sign ?? "")
        sig[5] ^= 0x01
        t.sign = LenientBase64.encode(sig)
        XCTAssertEqual(verdict(t, keys).code, "302")
        XCTAssertEqual(verdict(try resigned(r, with: keys.other), keys).code, "302")
        let (r2, _) = try base()
        t = r
        t.phoneNum = r2.phoneNum  // a different (random-padded) encryption of the same plaintext
        XCTAssertEqual(verdict(t, keys).code, "302")
        // 004: another platform key; non-Base64 phoneNum; wrong ciphertext length; wrong appKey; all one message.
        let wrongKey = try RsaUtilsCipher.encrypt(Array((phone + appKey + "20240229123456789").utf8), publicKey: keys.other.publicKey)
        var reasons = Set<String>()
        for phoneNum in [LenientBase64.encode(wrongKey), "手机号!!", String((r.phoneNum ?? "").dropLast(4)), ""] {
            t = r
            t.phoneNum = phoneNum
            t = try resigned(t, with: keys.customer)
            let v = verdict(t, keys)
            if phoneNum.isEmpty {
                XCTAssertEqual(v.code, "102")
            } else {
                XCTAssertEqual(v.code, "004", phoneNum)
                reasons.insert(v.reason)
            }
        }
        let wrongAppKey = NumberCheckVerifier.verify(requestJSON: r.jsonText(), customerPublicKey: keys.customer.publicKey,
                                                     platformPrivateKey: keys.platform, appKey: "other", plaintextRule: .default)
        XCTAssertEqual(wrongAppKey.code, "004")
        reasons.insert(wrongAppKey.reason)
        XCTAssertEqual(reasons.count, 1, "004 must not say which check failed: \(reasons)")
        // 102: each required field absent or blank; bad timestamps.
        for name in NumberCheckVerifier.requiredFields {
            for value in [nil, " \t"] as [String?] {
                t = r
                switch name {
                case "version": t.version = value
                case "msgId": t.msgId = value
                case "appId": t.appId = value
                case "timestamp": t.timestamp = value
                case "phoneNum": t.phoneNum = value
                case "token": t.token = value
                default: t.sign = value
                }
                XCTAssertEqual(verdict(t, keys).code, "102", "\(name) = \(value ?? "absent")")
            }
        }
        for stamp in ["20230229123456789", "2024022912345678", "２０２４０２２９１２３４５６７８９"] {
            t = r
            t.timestamp = stamp
            XCTAssertEqual(verdict(try resigned(t, with: keys.customer), keys).code, "102", stamp)
        }
        // userInformation and expandParams are not signed: changing them keeps the sign valid;
        // expandParams may be absent, userInformation may be empty but not absent.
        t = r
        t.userInformation = ""
        t.expandParams = nil
        XCTAssertEqual(verdict(t, keys).code, "000")
        t.userInformation = nil
        XCTAssertEqual(verdict(t, keys).code, "102")
    }

    func testParseErrorsAre303() throws {
        let keys = try TestKeys.all()
        let texts = ["", "{", "[]", "{\"header\":1,\"body\":{}}", "{\"header\":{\"version\":1.0},\"body\":{}}",
                     "{\"header\":{},\"header\":{},\"body\":{}}", "{\"header\":{\"appId\":\"\\ud800\"},\"body\":{}}",
                     String(repeating: "[", count: 100_000)]
        for text in texts {
            let v = NumberCheckVerifier.verify(requestJSON: text, customerPublicKey: keys.customer.publicKey,
                                               platformPrivateKey: keys.platform, appKey: appKey)
            XCTAssertEqual(v.code, "303", text.prefix(60) + " → " + v.reason)
            XCTAssertFalse(v.reason.contains("\n"))
        }
        let invalidUTF8: [UInt8] = Array("{\"header\":{\"appId\":\"".utf8) + [0xC0, 0xAF] + Array("\"},\"body\":{}}".utf8)
        XCTAssertEqual(NumberCheckVerifier.verify(requestJSON: invalidUTF8, customerPublicKey: keys.customer.publicKey,
                                                  platformPrivateKey: keys.platform, appKey: appKey).code, "303")
    }

    func testFreshnessWindow() throws {
        let (r, keys) = try base()
        // 2024-02-29 12:34:56.789 in UTC+8 = 04:34:56.789 UTC = 1709181296.789 s since 1970.
        let at = Date(timeIntervalSince1970: 1_709_181_296.789)
        let inside = NumberCheckVerifier.verify(r, customerPublicKey: keys.customer.publicKey, platformPrivateKey: keys.platform,
                                                appKey: appKey, freshness: NumberCheckFreshness(now: at.addingTimeInterval(119), toleranceSeconds: 120))
        XCTAssertEqual(inside.code, "000", inside.reason)
        let outside = NumberCheckVerifier.verify(r, customerPublicKey: keys.customer.publicKey, platformPrivateKey: keys.platform,
                                                 appKey: appKey, freshness: NumberCheckFreshness(now: at.addingTimeInterval(-121), toleranceSeconds: 120))
        XCTAssertEqual(outside.code, "102")
    }
}
