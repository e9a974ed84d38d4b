/// What `phoneNum` encrypts. The public callers of the endpoint and the official App interface's RSA
/// mode encrypt `phone + appKey + timestamp` (the default); the seed only says "加密手机号码", so the
/// bare number is the other candidate. Not public: hence a setting.
public enum PhonePlaintextRule: String, Sendable, CaseIterable, CustomStringConvertible {
    /// phone + appKey + header.timestamp, plain concatenation, UTF-8.
    case phoneAppKeyTimestamp = "phone+appKey+timestamp"
    /// The phone number alone, UTF-8.
    case phone = "phone"

    public static let `default` = PhonePlaintextRule.phoneAppKeyTimestamp

    /// From a setting's text, ASCII case-insensitive (`phone+appkey+timestamp` works too).
    public init?(setting: String) {
        let wanted = setting.lowercased()
        guard let match = PhonePlaintextRule.allCases.first(where: { $0.rawValue.lowercased() == wanted }) else { return nil }
        self = match
    }

    public var description: String { rawValue }

    /// The plaintext for this rule.
    public func plaintext(phone: String, appKey: String, timestamp: String) -> String {
        switch self {
        case .phoneAppKeyTimestamp: return phone + appKey + timestamp
        case .phone: return phone
        }
    }

    /// The phone inside a decrypted plaintext (UTF-8 bytes), or nil when the plaintext does not
    /// follow the rule: for `phone+appKey+timestamp` it must end with appKey + timestamp and the
    /// phone before it must not be empty; for `phone` it must not be empty.
    public func phone(inPlaintext plaintext: [UInt8], appKey: String, timestamp: String) -> [UInt8]? {
        switch self {
        case .phone:
            return plaintext.isEmpty ? nil : plaintext
        case .phoneAppKeyTimestamp:
            let suffix = Array((appKey + timestamp).utf8)
            guard plaintext.count > suffix.count, plaintext.suffix(suffix.count).elementsEqual(suffix) else { return nil }
            return Array(plaintext.prefix(plaintext.count - suffix.count))
        }
    }
}
