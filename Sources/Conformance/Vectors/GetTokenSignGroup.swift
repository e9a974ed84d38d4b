/// `gettoken_sign_schema_v1.json` (algorithm `CMCC-getToken-sign`), group type `GetTokenSign`.
public struct GetTokenSignGroup: VectorTestGroup {
    public static let schema = "gettoken_sign_schema_v1.json"
    /// The only `algorithm` our schema allows.
    public static let algorithms: [String]? = ["CMCC-getToken-sign"]

    public let type: String
    public let source: VectorSource
    public let tests: [GetTokenSignTestVector]

    public var testCount: Int { tests.count }

    enum CodingKeys: String, CodingKey, CaseIterable { case type, source, tests }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        type = try c.decodeConstant("GetTokenSign", forKey: .type)
        source = try c.decode(VectorSource.self, forKey: .source)
        tests = try c.decode([GetTokenSignTestVector].self, forKey: .tests)
    }
}

/// A getToken request: valid = the computed sign is `formulaSign` and the request passes the checks;
/// invalid = the checks give `errorCode`.
public struct GetTokenSignTestVector: Decodable, VectorTestCase {
    public let tcId: Int
    public let comment: String
    public let flags: [String]
    public let appId: String
    public let businessType: String
    public let msgId: String
    public let timestamp: String
    public let traceId: String
    public let version: String
    public let appKey: String
    public let expandParams: String?
    /// The businessType the platform has configured for this appId (check 110024), when the case sets one.
    public let configuredBusinessType: String?
    /// The sign the request carries.
    public let sign: String
    /// The letter case `formulaSign` is written in ("upper" or "lower"; absent: lower, the files before it existed).
    public let signCase: String?
    /// JDK MD5 (hex, in `signCase`) of appId + businessType + msgId + timestamp + traceId + version + appKey.
    public let formulaSign: String
    /// The seed's return code the request must get; nil when the request is valid.
    public let errorCode: String?
    public let result: ExpectedResult

    enum CodingKeys: String, CodingKey, CaseIterable {
        case tcId, comment, flags, appId, businessType, msgId, timestamp, traceId, version, appKey, expandParams
        case configuredBusinessType, sign, signCase, formulaSign, errorCode, result
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        tcId = try c.decode(Int.self, forKey: .tcId)
        comment = try c.decode(String.self, forKey: .comment)
        flags = try c.decode([String].self, forKey: .flags)
        appId = try c.decode(String.self, forKey: .appId)
        businessType = try c.decode(String.self, forKey: .businessType)
        msgId = try c.decode(String.self, forKey: .msgId)
        timestamp = try c.decode(String.self, forKey: .timestamp)
        traceId = try c.decode(String.self, forKey: .traceId)
        version = try c.decode(String.self, forKey: .version)
        appKey = try c.decode(String.self, forKey: .appKey)
        expandParams = try c.decodeIfPresent(String.self, forKey: .expandParams)
        configuredBusinessType = try c.decodeIfPresent(String.self, forKey: .configuredBusinessType)
        sign = try c.decode(String.self, forKey: .sign)
        signCase = c.contains(.signCase) ? try c.decodeOneOf(["upper", "lower"], forKey: .signCase) : nil
        formulaSign = try c.decode(String.self, forKey: .formulaSign)
        guard c.contains(.errorCode) else {
            throw DecodingError.keyNotFound(CodingKeys.errorCode, DecodingError.Context(
                codingPath: c.codingPath, debugDescription: "errorCode is required (null when the request is valid)"))
        }
        errorCode = try c.decodeIfPresent(String.self, forKey: .errorCode)
        result = try c.decode(ExpectedResult.self, forKey: .result)
        if result == .invalid && errorCode == nil {
            throw DecodingError.dataCorruptedError(
                forKey: .errorCode, in: c, debugDescription: "an invalid case must name its errorCode")
        }
    }
}
