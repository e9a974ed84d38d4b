import Foundation
import OneLineText
import RSA
import StrictJSON
import TokenSign

/// An optional freshness window for the header timestamp (the platform's tokens live 2 minutes, but
/// its own window is not public, and a stored vector must not depend on the clock: off by default).
public struct NumberCheckFreshness: Sendable, Equatable {
    /// The verifier's current time.
    public var now: Date
    /// How far the timestamp may lie from `now`, either way.
    public var toleranceSeconds: Double

    public init(now: Date = Date(), toleranceSeconds: Double) {
        self.now = now
        self.toleranceSeconds = toleranceSeconds
    }
}

/// Verifies a number-check request the way the platform does (seed step 10: "业务方客户公钥验签 /
/// 使用移动方平台私钥解开手机号码，校验本机号码"). Checks in this order, the first failure decides:
///
/// | # | code | check |
/// |---|---|---|
/// | 1 | 303 | the text is strict JSON, top level/header/body are objects, known fields are strings (null = absent) |
/// | 2 | 102 | header version, msgId, appId, timestamp and body phoneNum, token, sign are present and not blank (Java `isBlank`); body userInformation is present (it may be empty) |
/// | 3 | 102 | timestamp is 17 ASCII digits of a real date and time (and inside the freshness window, if one is set) |
/// | 4 | 302 | sign (Base64, decoded as commons-codec does) is MD5withRSA over appId+msgId+phoneNum+timestamp+token+version with the customer public key |
/// | 5 | 004 | phoneNum (Base64) decrypts with the platform private key (PKCS#1 v1.5, RsaUtils blocks of k) to a plaintext of the rule (phone + appKey + header timestamp, or the phone alone), the phone not empty |
/// | 6 | 001 | an expected phone is given and differs from the decrypted one (UTF-8 bytes) |
/// | – | 000 | all passed |
///
/// Check 5 gives one code and one message whatever went wrong (Base64, length, padding, plaintext
/// rule): a verifier must not tell which padding check failed.
public enum NumberCheckVerifier {
    /// The required fields, in the order they are reported.
    public static let requiredFields = ["version", "msgId", "appId", "timestamp", "phoneNum", "token", "sign"]

    public static func verify(requestJSON: [UInt8], customerPublicKey: RSAPublicKey, platformPrivateKey: RSAPrivateKey,
                              appKey: String, expectedPhone: String? = nil, plaintextRule: PhonePlaintextRule = .default,
                              freshness: NumberCheckFreshness? = nil) -> NumberCheckVerdict {
        let request: NumberCheckRequest
        do {
            request = try NumberCheckRequest(json: requestJSON)
        } catch {
            return NumberCheckVerdict(result: .parameterParseError, check: .parse, reason: "\(error)")
        }
        return verify(request, customerPublicKey: customerPublicKey, platformPrivateKey: platformPrivateKey, appKey: appKey,
                      expectedPhone: expectedPhone, plaintextRule: plaintextRule, freshness: freshness)
    }

    public static func verify(requestJSON: String, customerPublicKey: RSAPublicKey, platformPrivateKey: RSAPrivateKey,
                              appKey: String, expectedPhone: String? = nil, plaintextRule: PhonePlaintextRule = .default,
                              freshness: NumberCheckFreshness? = nil) -> NumberCheckVerdict {
        verify(requestJSON: Array(requestJSON.utf8), customerPublicKey: customerPublicKey, platformPrivateKey: platformPrivateKey,
               appKey: appKey, expectedPhone: expectedPhone, plaintextRule: plaintextRule, freshness: freshness)
    }

    /// Checks 2–6 on a request already read.
    public static func verify(_ request: NumberCheckRequest, customerPublicKey: RSAPublicKey, platformPrivateKey: RSAPrivateKey,
                              appKey: String, expectedPhone: String? = nil, plaintextRule: PhonePlaintextRule = .default,
                              freshness: NumberCheckFreshness? = nil) -> NumberCheckVerdict {
        // 2. required fields (userInformation: present, but may be empty)
        let missing = requiredFields.filter { request.field($0).map(TokenRequestValidator.isBlank) ?? true }
        if !missing.isEmpty {
            let what = missing.count == 1 ? "required field \(missing[0]) is" : "required fields \(missing.joined(separator: ", ")) are"
            return NumberCheckVerdict(result: .invalidParameter, check: .requiredFields, reason: "\(what) absent, empty or only whitespace")
        }
        if request.userInformation == nil {
            return NumberCheckVerdict(result: .invalidParameter, check: .requiredFields,
                                      reason: "required field userInformation is absent (it may be empty, but getToken's value must be passed on)")
        }
        let timestampText = request.timestamp ?? ""

        // 3. timestamp
        let timestamp: TokenTimestamp
        do {
            timestamp = try TokenTimestamp(parsing: timestampText)
        } catch {
            return NumberCheckVerdict(result: .invalidParameter, check: .timestamp, reason: "header.\(error)")
        }
        if let freshness {
            let skew = abs(timestamp.date.timeIntervalSince(freshness.now))
            if !(skew <= freshness.toleranceSeconds) {
                return NumberCheckVerdict(
                    result: .invalidParameter, check: .timestamp,
                    reason: "header.timestamp \(timestampText) is \(wholeSeconds(skew)) s away from now (window ±\(wholeSeconds(freshness.toleranceSeconds)) s)")
            }
        }

        // 4. sign
        guard NumberCheckSigner.isValid(sign: request.sign ?? "", for: request.signString, customerPublicKey: customerPublicKey) else {
            return NumberCheckVerdict(
                result: .signCheckFailed, check: .sign,
                reason: "sign is not a MD5withRSA signature of appId+msgId+phoneNum+timestamp+token+version by the customer key")
        }

        // 5. phoneNum: one outcome for every failure (no padding oracle).
        let opaque = NumberCheckVerdict(
            result: .phoneEncryptionError, check: .phoneNum,
            reason: "phoneNum does not decrypt with the platform private key to a plaintext of the rule \(plaintextRule)")
        let ciphertext = LenientBase64.decode(request.phoneNum ?? "")
        guard let plaintext = try? RsaUtilsCipher.decrypt(ciphertext, privateKey: platformPrivateKey),
              let phoneBytes = plaintextRule.phone(inPlaintext: plaintext, appKey: appKey, timestamp: timestampText),
              let phone = StrictUTF8.string(phoneBytes)
        else { return opaque }

        // 6. expected phone
        if let expectedPhone, !Array(expectedPhone.utf8).elementsEqual(phoneBytes) {
            return NumberCheckVerdict(result: .notLocalNumber, check: .phoneMatch,
                                      reason: "the phone in phoneNum is not the expected \(OneLineText.quoted(expectedPhone))", phone: phone)
        }
        let which = expectedPhone == nil ? "phone \(OneLineText.quoted(phone))" : "the expected phone"
        return NumberCheckVerdict(result: .localNumber, check: .accepted,
                                  reason: "sign verified, phoneNum decrypts to \(which) (rule \(plaintextRule))", phone: phone)
    }
}

/// A non-negative number of seconds for a message (no trapping conversion of a huge or odd value).
func wholeSeconds(_ value: Double) -> String {
    guard value.isFinite, value >= 0, value < 1e15 else { return "\(value)" }
    return String(Int64(value.rounded()))
}

