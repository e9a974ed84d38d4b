/// `number_check_schema_v1.json` (algorithm `CMCC-number-check`), group type `NumberCheck`: number-check
/// requests and the code the platform-side verifier must give them, with the verifier's keys, appKey
/// and plaintext rule.
public struct NumberCheckGroup: VectorTestGroup {
    public static let schema = "number_check_schema_v1.json"
    /// The only `algorithm` our schema allows.
    public static let algorithms: [String]? = ["CMCC-number-check"]

    public let type: String
    public let source: VectorSource
    public let customerKeySize: Int
    /// RsaUtils strings (Base64 of SPKI / PKCS#8 DER).
    public let customerPublicKey: String
    public let customerPrivateKey: String
    public let platformKeySize: Int
    public let platformPublicKey: String
    public let platformPrivateKey: String
    public let appKey: String
    /// `phone+appKey+timestamp` or `phone`.
    public let plaintextRule: String
    public let tests: [NumberCheckTestVector]

    public var testCount: Int { tests.count }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case type, source, customerKeySize, customerPublicKey, customerPrivateKey, platformKeySize, platformPublicKey
        case platformPrivateKey, appKey, plaintextRule, tests
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        type = try c.decodeConstant("NumberCheck", forKey: .type)
        source = try c.decode(VectorSource.self, forKey: .source)
        customerKeySize = try c.decode(Int.self, forKey: .customerKeySize)
        customerPublicKey = try c.decode(String.self, forKey: .customerPublicKey)
        customerPrivateKey = try c.decode(String.self, forKey: .customerPrivateKey)
        platformKeySize = try c.decode(Int.self, forKey: .platformKeySize)
        platformPublicKey = try c.decode(String.self, forKey: .platformPublicKey)
        platformPrivateKey = try c.decode(String.self, forKey: .platformPrivateKey)
        appKey = try c.decode(String.self, forKey: .appKey)
        plaintextRule = try c.decodeOneOf(["phone+appKey+timestamp", "phone"], forKey: .plaintextRule)
        tests = try c.decode([NumberCheckTestVector].self, forKey: .tests)
    }
}

/// A request: when `phone` and `ps` are given, building it from its own fields, the phone, the
/// group's keys and rule and `ps` must give `request` byte for byte; verifying it with the group's
/// keys, appKey, rule and `expectedPhone` must give `resultCode` (valid = `000`).
public struct NumberCheckTestVector: Decodable, VectorTestCase {
    public let tcId: Int
    public let comment: String
    public let flags: [String]
    /// The exact JSON text of the request (its UTF-8 bytes are what is verified).
    public let request: String
    /// The phone the request was built with, when it can be rebuilt.
    public let phone: String?
    /// The PKCS#1 padding string of phoneNum's (single) block, when the request can be rebuilt.
    public let ps: HexBytes?
    /// The phone the verifier expects; nil: none.
    public let expectedPhone: String?
    public let resultCode: String
    public let result: ExpectedResult

    enum CodingKeys: String, CodingKey, CaseIterable {
        case tcId, comment, flags, request, phone, ps, expectedPhone, resultCode, result
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        tcId = try c.decode(Int.self, forKey: .tcId)
        comment = try c.decode(String.self, forKey: .comment)
        flags = try c.decode([String].self, forKey: .flags)
        request = try c.decode(String.self, forKey: .request)
        phone = try c.decodeIfPresent(String.self, forKey: .phone)
        ps = try c.decodeIfPresent(HexBytes.self, forKey: .ps)
        expectedPhone = try c.decodeIfPresent(String.self, forKey: .expectedPhone)
        resultCode = try c.decode(String.self, forKey: .resultCode)
        result = try c.decode(ExpectedResult.self, forKey: .result)
        guard (result == .valid) == (resultCode == "000"), result != .acceptable else {
            throw DecodingError.dataCorruptedError(
                forKey: .result, in: c, debugDescription: "result must be valid exactly when resultCode is \"000\"")
        }
    }
}
