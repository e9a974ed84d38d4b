/// `rsa_keygen_schema_v1.json` (algorithm `RSA-KeyGen`): three group types, chosen by `type`.
public enum RsaKeygenGroup: VectorTestGroup {
    public static let schema = "rsa_keygen_schema_v1.json"
    /// The only `algorithm` our schema allows.
    public static let algorithms: [String]? = ["RSA-KeyGen"]

    case derivation(RsaKeyDerivationGroup)
    case stringParse(RsaKeyStringParseGroup)
    case parameterCheck(RsaKeyParameterCheckGroup)

    enum TypeKey: String, CodingKey { case type }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: TypeKey.self)
        let type = try c.decodeOneOf(["RsaKeyDerivation", "RsaKeyStringParse", "RsaKeyParameterCheck"], forKey: .type)
        switch type {
        case "RsaKeyDerivation": self = .derivation(try RsaKeyDerivationGroup(from: decoder))
        case "RsaKeyStringParse": self = .stringParse(try RsaKeyStringParseGroup(from: decoder))
        default: self = .parameterCheck(try RsaKeyParameterCheckGroup(from: decoder))
        }
    }

    public var testCount: Int {
        switch self {
        case .derivation(let g): return g.tests.count
        case .stringParse(let g): return g.tests.count
        case .parameterCheck(let g): return g.tests.count
        }
    }
}

/// `RsaKeyDerivation`: Swift derives the key from p, q, e and must reproduce every JDK value.
public struct RsaKeyDerivationGroup: Decodable, Sendable {
    public let type: String
    public let source: VectorSource
    public let keySize: Int
    public let tests: [RsaKeyDerivationTestVector]

    enum CodingKeys: String, CodingKey, CaseIterable { case type, source, keySize, tests }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        type = try c.decodeConstant("RsaKeyDerivation", forKey: .type)
        source = try c.decode(VectorSource.self, forKey: .source)
        keySize = try c.decodeKeySize(forKey: .keySize)
        tests = try c.decode([RsaKeyDerivationTestVector].self, forKey: .tests)
    }
}

public struct RsaKeyDerivationTestVector: Decodable, VectorTestCase {
    public let tcId: Int
    public let comment: String
    public let flags: [String]
    public let p, q, e: VectorBigInt
    public let n, d, dp, dq, qInv: VectorBigInt
    public let publicKeyDer: HexBytes
    public let privateKeyPkcs8: HexBytes
    public let publicKeyRsaUtils: String
    public let privateKeyRsaUtils: String
    public let result: ExpectedResult

    enum CodingKeys: String, CodingKey, CaseIterable {
        case tcId, comment, flags, p, q, e, n, d, dp, dq, qInv, publicKeyDer, privateKeyPkcs8
        case publicKeyRsaUtils, privateKeyRsaUtils, result
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        tcId = try c.decode(Int.self, forKey: .tcId)
        comment = try c.decode(String.self, forKey: .comment)
        flags = try c.decode([String].self, forKey: .flags)
        p = try c.decode(VectorBigInt.self, forKey: .p)
        q = try c.decode(VectorBigInt.self, forKey: .q)
        e = try c.decode(VectorBigInt.self, forKey: .e)
        n = try c.decode(VectorBigInt.self, forKey: .n)
        d = try c.decode(VectorBigInt.self, forKey: .d)
        dp = try c.decode(VectorBigInt.self, forKey: .dp)
        dq = try c.decode(VectorBigInt.self, forKey: .dq)
        qInv = try c.decode(VectorBigInt.self, forKey: .qInv)
        publicKeyDer = try c.decode(HexBytes.self, forKey: .publicKeyDer)
        privateKeyPkcs8 = try c.decode(HexBytes.self, forKey: .privateKeyPkcs8)
        publicKeyRsaUtils = try c.decode(String.self, forKey: .publicKeyRsaUtils)
        privateKeyRsaUtils = try c.decode(String.self, forKey: .privateKeyRsaUtils)
        result = try c.decode(ExpectedResult.self, forKey: .result)
    }
}

/// `RsaKeyStringParse`: a key string as a user would paste it and what Java's RsaUtils made of it.
public struct RsaKeyStringParseGroup: Decodable, Sendable {
    public let type: String
    public let source: VectorSource
    public let tests: [RsaKeyStringParseTestVector]

    enum CodingKeys: String, CodingKey, CaseIterable { case type, source, tests }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        type = try c.decodeConstant("RsaKeyStringParse", forKey: .type)
        source = try c.decode(VectorSource.self, forKey: .source)
        tests = try c.decode([RsaKeyStringParseTestVector].self, forKey: .tests)
    }
}

public struct RsaKeyStringParseTestVector: Decodable, VectorTestCase {
    public enum KeyType: String, Decodable, Sendable { case `public`, `private` }

    public let tcId: Int
    public let comment: String
    public let flags: [String]
    public let keyType: KeyType
    public let keyString: String
    /// Java's `getEncoded()` of the parsed key; empty when Java rejected the string.
    public let der: HexBytes
    public let result: ExpectedResult

    enum CodingKeys: String, CodingKey, CaseIterable { case tcId, comment, flags, keyType, keyString, der, result }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        tcId = try c.decode(Int.self, forKey: .tcId)
        comment = try c.decode(String.self, forKey: .comment)
        flags = try c.decode([String].self, forKey: .flags)
        keyType = try c.decode(KeyType.self, forKey: .keyType)
        keyString = try c.decode(String.self, forKey: .keyString)
        der = try c.decode(HexBytes.self, forKey: .der)
        result = try c.decode(ExpectedResult.self, forKey: .result)
    }
}

/// `RsaKeyParameterCheck`: candidate (p, q, e) for an nlen-bit key; valid iff FIPS 186-4 B.3.1/B.3.3 holds.
public struct RsaKeyParameterCheckGroup: Decodable, Sendable {
    public let type: String
    public let source: VectorSource
    public let tests: [RsaKeyParameterCheckTestVector]

    enum CodingKeys: String, CodingKey, CaseIterable { case type, source, tests }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        type = try c.decodeConstant("RsaKeyParameterCheck", forKey: .type)
        source = try c.decode(VectorSource.self, forKey: .source)
        tests = try c.decode([RsaKeyParameterCheckTestVector].self, forKey: .tests)
    }
}

public struct RsaKeyParameterCheckTestVector: Decodable, VectorTestCase {
    public let tcId: Int
    public let comment: String
    public let flags: [String]
    public let keySize: Int
    public let p, q, e: VectorBigInt
    public let result: ExpectedResult

    enum CodingKeys: String, CodingKey, CaseIterable { case tcId, comment, flags, keySize, p, q, e, result }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        tcId = try c.decode(Int.self, forKey: .tcId)
        comment = try c.decode(String.self, forKey: .comment)
        flags = try c.decode([String].self, forKey: .flags)
        keySize = try c.decodeKeySize(forKey: .keySize)
        p = try c.decode(VectorBigInt.self, forKey: .p)
        q = try c.decode(VectorBigInt.self, forKey: .q)
        e = try c.decode(VectorBigInt.self, forKey: .e)
        result = try c.decode(ExpectedResult.self, forKey: .result)
    }
}
