/// One row of the seed's getToken return-code table (§3.2.3 of the H5 number-verification
/// WeChat mini-program document): the code, the seed's Chinese description and an English one.
///
/// The seed lists 110025 twice with two meanings ("businessType 错误" and "权益已失效"), so a code
/// alone does not identify a row; rows are compared by all three fields.
public struct TokenErrorCode: Sendable, Hashable, CustomStringConvertible {
    /// The six-digit return code as the seed writes it, e.g. "130010".
    public let code: String
    /// The seed's description (描述语), verbatim.
    public let chinese: String
    /// Our English rendering of the description.
    public let english: String

    public init(code: String, chinese: String, english: String) {
        self.code = code
        self.chinese = chinese
        self.english = english
    }

    /// `130010 参数为空 (empty parameter)`.
    public var description: String { "\(code) \(chinese) (\(english))" }

    /// True only for 103000, the success callback's code.
    public var isSuccess: Bool { code == TokenErrorCode.success.code }

    // MARK: - The seed's rows

    /// Success callback: `{ code: "103000", message: "token 获取成功", ... }`.
    public static let success = TokenErrorCode(code: "103000", chinese: "token 获取成功", english: "token obtained successfully")
    public static let emptyParameter = TokenErrorCode(code: "130010", chinese: "参数为空", english: "empty parameter")
    public static let illegalTimestamp = TokenErrorCode(code: "105112", chinese: "时间戳非法", english: "illegal timestamp")
    public static let wrongSign = TokenErrorCode(code: "103101", chinese: "错误的请求签名", english: "wrong request sign")
    public static let businessTypeMisconfigured = TokenErrorCode(
        code: "110024", chinese: "businessType 配置错误", english: "businessType misconfigured for this app")
    public static let businessTypeError = TokenErrorCode(code: "110025", chinese: "businessType 错误", english: "wrong businessType")
    public static let noEntitlement = TokenErrorCode(code: "110023", chinese: "应用没有权益", english: "the app has no entitlement")
    public static let entitlementExpired = TokenErrorCode(code: "110025", chinese: "权益已失效", english: "the entitlement has expired")
    public static let wapGatewayIPError = TokenErrorCode(code: "103111", chinese: "WAP 网关 IP 错误", english: "WAP gateway IP error")
    public static let blacklistedNumber = TokenErrorCode(code: "111002", chinese: "黑名单号码用户", english: "blacklisted phone number")
    public static let iotIPNotAllowed = TokenErrorCode(
        code: "103609", chinese: "物联网 IP 不允许取号", english: "number retrieval not allowed from an IoT IP")
    public static let mobileGatewayFailed = TokenErrorCode(
        code: "105002", chinese: "移动网关取号失败", english: "China Mobile gateway failed to retrieve the number")
    public static let otherError = TokenErrorCode(code: "103211", chinese: "其他错误", english: "other error")

    /// The whole table in the seed's order: the success code first, then the error callback's
    /// rows exactly as listed (110025 appears twice).
    public static let seedTable: [TokenErrorCode] = [
        success, emptyParameter, illegalTimestamp, wrongSign, businessTypeMisconfigured, businessTypeError,
        noEntitlement, entitlementExpired, wapGatewayIPError, blacklistedNumber, iotIPNotAllowed,
        mobileGatewayFailed, otherError,
    ]

    /// Every row with this code, in the seed's order (two rows for "110025", none for an unknown code).
    /// Surrounding whitespace is ignored.
    public static func rows(forCode code: String) -> [TokenErrorCode] {
        let wanted = code.trimmingASCIIWhitespace()
        return seedTable.filter { $0.code == wanted }
    }
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        let bytes = Array(utf8)
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0d).contains(b) }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }),
              let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
