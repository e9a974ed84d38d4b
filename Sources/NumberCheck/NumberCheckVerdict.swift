/// Which check of `NumberCheckVerifier` decided a verdict.
public enum NumberCheckCheck: String, Sendable, CaseIterable {
    /// 303: the body is not JSON, or header/body/a field has the wrong JSON type.
    case parse
    /// 102: a required field is absent, empty or only whitespace (userInformation: absent).
    case requiredFields
    /// 102: the header timestamp is not 17 digits of a real date and time (or outside the window).
    case timestamp
    /// 302: the sign does not verify with the customer public key.
    case sign
    /// 004: phoneNum does not decrypt with the platform private key to a plaintext of the rule.
    case phoneNum
    /// 001: the phone inside phoneNum is not the expected one.
    case phoneMatch
    /// 000: every check passed.
    case accepted
}

/// The outcome of verifying a request: the App-style code, which check decided it and one line why.
public struct NumberCheckVerdict: Sendable, Equatable, CustomStringConvertible {
    public let result: NumberCheckResultCode
    public let check: NumberCheckCheck
    /// One line (user input quoted with control characters escaped).
    public let reason: String
    /// The phone found inside phoneNum (when decryption succeeded: codes 000 and 001).
    public let phone: String?

    public init(result: NumberCheckResultCode, check: NumberCheckCheck, reason: String, phone: String? = nil) {
        self.result = result
        self.check = check
        self.reason = reason
        self.phone = phone
    }

    /// "000", "302", …
    public var code: String { result.code }
    /// True only for 000.
    public var isAccepted: Bool { result == .localNumber }

    /// `302 验签失败 (sign check failed): sign does not verify …`.
    public var description: String { "\(result): \(reason)" }
}
