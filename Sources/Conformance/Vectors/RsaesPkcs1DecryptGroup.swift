/// `rsaes_pkcs1_decrypt_schema_v1.json`, group type `RsaesPkcs1Decrypt` (upstream, read unchanged).
public struct RsaesPkcs1DecryptGroup: VectorTestGroup {
    public static let schema = "rsaes_pkcs1_decrypt_schema_v1.json"

    public let type: String
    public let source: VectorSource
    public let privateKey: VectorRSAPrivateKey
    public let privateKeyPem: String
    public let privateKeyPkcs8: HexBytes
    public let keySize: Int
    public let tests: [RsaesPkcs1TestVector]

    public var testCount: Int { tests.count }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case type, source, privateKey, privateKeyJwk, privateKeyPem, privateKeyPkcs8, keySize, tests
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        type = try c.decodeConstant("RsaesPkcs1Decrypt", forKey: .type)
        source = try c.decode(VectorSource.self, forKey: .source)
        privateKey = try c.decode(VectorRSAPrivateKey.self, forKey: .privateKey)
        privateKeyPem = try c.decode(String.self, forKey: .privateKeyPem)
        privateKeyPkcs8 = try c.decode(HexBytes.self, forKey: .privateKeyPkcs8)
        keySize = try c.decodeKeySize(forKey: .keySize)
        tests = try c.decode([RsaesPkcs1TestVector].self, forKey: .tests)
    }
}

/// A decryption case: `msg` is the expected plaintext for valid cases (only the original plaintext
/// for invalid ones: never compare against it then).
public struct RsaesPkcs1TestVector: Decodable, VectorTestCase {
    public let tcId: Int
    public let comment: String
    public let msg: HexBytes
    public let ct: HexBytes
    public let result: ExpectedResult
    public let flags: [String]

    enum CodingKeys: String, CodingKey, CaseIterable { case tcId, comment, msg, ct, result, flags }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        tcId = try c.decode(Int.self, forKey: .tcId)
        comment = try c.decode(String.self, forKey: .comment)
        msg = try c.decode(HexBytes.self, forKey: .msg)
        ct = try c.decode(HexBytes.self, forKey: .ct)
        result = try c.decode(ExpectedResult.self, forKey: .result)
        flags = try c.decode([String].self, forKey: .flags)
    }
}
