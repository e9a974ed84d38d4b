/// A result code of the number-check answer with its description. App-style codes (`000`, `001`,
/// …) come from the official App number-check interface, H5-style ones (`103000`, `1040xx`) from
/// the H5 interfaces (NUMBER_CHECK.md, "Response"); both are [A]: taken from sibling interfaces.
public struct NumberCheckResultCode: Sendable, Hashable, CustomStringConvertible {
    public let code: String
    public let chinese: String
    public let english: String

    public init(code: String, chinese: String, english: String) {
        self.code = code
        self.chinese = chinese
        self.english = english
    }

    /// `302 验签失败 (sign check failed)`.
    public var description: String { "\(code) \(chinese) (\(english))" }

    // App style: the codes a request-side check can produce.
    public static let localNumber = NumberCheckResultCode(code: "000", chinese: "是本机号码", english: "is the local number")
    public static let notLocalNumber = NumberCheckResultCode(code: "001", chinese: "非本机号码", english: "is not the local number")
    public static let phoneEncryptionError = NumberCheckResultCode(code: "004", chinese: "手机号码加密错误", english: "phone number encryption error")
    public static let invalidParameter = NumberCheckResultCode(code: "102", chinese: "参数无效", english: "invalid parameter")
    public static let signCheckFailed = NumberCheckResultCode(code: "302", chinese: "验签失败", english: "sign check failed")
    public static let parameterParseError = NumberCheckResultCode(code: "303", chinese: "参数解析错误", english: "parameter parse error")

    /// Every App-style code of NUMBER_CHECK.md.
    public static let appTable: [NumberCheckResultCode] = [
        localNumber, notLocalNumber,
        NumberCheckResultCode(code: "002", chinese: "取号失败", english: "number retrieval failed"),
        NumberCheckResultCode(code: "003", chinese: "token 校验失败", english: "token check failed"),
        phoneEncryptionError, invalidParameter,
        NumberCheckResultCode(code: "124", chinese: "IP 白名单校验失败", english: "IP whitelist check failed"),
        signCheckFailed, parameterParseError,
        NumberCheckResultCode(code: "606", chinese: "token 验证失败", english: "token validation failed"),
        NumberCheckResultCode(code: "999", chinese: "系统错误", english: "system error"),
        NumberCheckResultCode(code: "103420", chinese: "无本机号码校验权限", english: "no permission for number check"),
        NumberCheckResultCode(code: "102315", chinese: "次数已用完", english: "quota used up"),
    ]

    /// The H5-style codes of NUMBER_CHECK.md.
    public static let h5Table: [NumberCheckResultCode] = [
        NumberCheckResultCode(code: "103000", chinese: "成功", english: "success"),
        NumberCheckResultCode(code: "104007", chinese: "token 过期或不存在", english: "token expired or missing"),
        NumberCheckResultCode(code: "104008", chinese: "userInformation 不一致", english: "userInformation mismatch"),
        NumberCheckResultCode(code: "104012", chinese: "本机号码校验失败", english: "number check failed"),
        NumberCheckResultCode(code: "104013", chinese: "验签失败", english: "sign check failed"),
        NumberCheckResultCode(code: "104017", chinese: "IP 校验失败", english: "IP check failed"),
    ]

    /// The known row for a code, App table first; nil for an unknown code.
    public static func known(_ code: String) -> NumberCheckResultCode? {
        (appTable + h5Table).first { $0.code == code }
    }
}
