import OneLineText

/// Which check of `TokenRequestValidator` rejected a request.
public enum TokenCheckRule: String, Sendable, CaseIterable {
    /// 130010: a required parameter is empty or only whitespace.
    case emptyParameter
    /// 105112: the timestamp is not 17 ASCII digits of a real date and time.
    case illegalTimestamp
    /// 110025: businessType is not exactly "5".
    case businessType
    /// 110024: the app is configured for another business type than the request's.
    case businessTypeConfiguration
    /// 103101: msgId differs from traceId.
    case msgIdTraceIdMismatch
    /// 103101: the sign is not MD5 of the formula.
    case signMismatch
}

/// A request rejected by a check: the seed's row (code, Chinese, English) and a one-line detail.
public struct TokenCheckFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public let rule: TokenCheckRule
    /// The seed's table row for this failure.
    public let error: TokenErrorCode
    /// What exactly was wrong (one line; user input in it is quoted and escaped).
    public let message: String

    public init(rule: TokenCheckRule, error: TokenErrorCode, message: String) {
        self.rule = rule
        self.error = error
        self.message = message
    }

    /// The seed's return code, e.g. "130010".
    public var code: String { error.code }

    /// `130010 参数为空 (empty parameter): version is empty`.
    public var description: String { "\(error): \(message)" }
}

/// The server-side checks of a getToken request, in this order (the first failure wins):
///
/// 1. 130010 when version, sign, appId, traceId, msgId, timestamp or appKey is empty or only
///    whitespace (businessType is not in the list: an empty one is a businessType error);
/// 2. 105112 when the timestamp is not 17 ASCII digits of a real date and time (no freshness window);
/// 3. 110025 when businessType is not exactly "5";
/// 4. 110024 when `configuredBusinessType` is given and differs from businessType;
/// 5. 103101 when msgId ≠ traceId ("msgId must equal traceId");
/// 6. 103101 when the sign is not MD5 of the formula (hex compared case-insensitively, in constant time).
///
/// Strings are compared by their UTF-8 bytes (not by Unicode canonical equivalence), as Java's
/// `String.equals` does for the same text.
public enum TokenRequestValidator {
    /// The required parameters in the order they are reported.
    public static let requiredFields: [String] = ["version", "sign", "appId", "traceId", "msgId", "timestamp", "appKey"]

    /// The business type of WeChat mini programs.
    public static let miniProgramBusinessType = "5"

    /// The first failing check, or nil when the request passes.
    public static func check(_ request: TokenSignRequest) -> TokenCheckFailure? {
        // 1. 130010
        let values = [request.version, request.sign, request.appId, request.traceId, request.msgId,
                      request.timestamp, request.appKey]
        let empty = zip(requiredFields, values).filter { isBlank($0.1) }.map { $0.0 }
        if !empty.isEmpty {
            let what = empty.count == 1 ? "required parameter \(empty[0]) is" : "required parameters \(empty.joined(separator: ", ")) are"
            return TokenCheckFailure(rule: .emptyParameter, error: .emptyParameter, message: "\(what) empty or only whitespace")
        }

        // 2. 105112
        do {
            _ = try TokenTimestamp(parsing: request.timestamp)
        } catch let TokenSignError.invalidTimestamp(reason) {
            return TokenCheckFailure(rule: .illegalTimestamp, error: .illegalTimestamp, message: "timestamp \(reason)")
        } catch {
            return TokenCheckFailure(rule: .illegalTimestamp, error: .illegalTimestamp, message: "timestamp: \(error)")
        }

        // 3. 110025
        if !bytesEqual(request.businessType, miniProgramBusinessType) {
            return TokenCheckFailure(
                rule: .businessType, error: .businessTypeError,
                message: "businessType must be '\(miniProgramBusinessType)' (WeChat mini program), got \(OneLineText.quoted(request.businessType))")
        }

        // 4. 110024
        if let configured = request.configuredBusinessType, !bytesEqual(configured, request.businessType) {
            return TokenCheckFailure(
                rule: .businessTypeConfiguration, error: .businessTypeMisconfigured,
                message: "the app is configured for businessType \(OneLineText.quoted(configured)), the request has \(OneLineText.quoted(request.businessType))")
        }

        // 5. 103101 (msgId)
        if !bytesEqual(request.msgId, request.traceId) {
            return TokenCheckFailure(rule: .msgIdTraceIdMismatch, error: .wrongSign, message: "msgId must equal traceId")
        }

        // 6. 103101 (sign)
        if !TokenSigner.signMatches(request.sign, expected: TokenSigner.sign(for: request)) {
            return TokenCheckFailure(
                rule: .signMismatch, error: .wrongSign,
                message: "sign does not match MD5(appId + businessType + msgId + timestamp + traceId + version + appKey)")
        }
        return nil
    }

    /// Throws the first failing check as a `TokenCheckFailure`.
    public static func validate(_ request: TokenSignRequest) throws {
        if let failure = check(request) { throw failure }
    }

    /// Empty, or only whitespace as Java's `String.isBlank()` (JDK 11+) sees it: every code point
    /// satisfies `Character.isWhitespace`, i.e. is a Unicode space, line or paragraph separator
    /// other than the no-break spaces U+00A0, U+2007, U+202F, or one of U+0009–U+000D, U+001C–U+001F.
    public static func isBlank(_ value: String) -> Bool {
        value.unicodeScalars.allSatisfy(isJavaWhitespace)
    }

    static func isJavaWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0d, 0x1c...0x1f: return true
        case 0x00a0, 0x2007, 0x202f: return false
        default:
            switch scalar.properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
            default: return false
            }
        }
    }

    static func bytesEqual(_ a: String, _ b: String) -> Bool {
        a.utf8.elementsEqual(b.utf8)
    }
}
