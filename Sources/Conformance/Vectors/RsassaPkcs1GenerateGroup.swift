/// `rsassa_pkcs1_generate_schema_v1.json`, group type `RsassaPkcs1Generate` (upstream, read unchanged;
/// ours may add `publicKeyRsaUtils` / `privateKeyRsaUtils`). Note the public key fields have no
/// `public` prefix here and `privateKeyPem` is PKCS#1 (`BEGIN RSA PRIVATE KEY`).
public struct RsassaPkcs1GenerateGroup: VectorTestGroup {
    public static let schema = "rsassa_pkcs1_generate_schema_v1.json"

    public let type: String
    public let source: VectorSource
    public let privateKey: VectorRSAPrivateKey
    /// PKCS#1 public key.
    public let keyAsn: HexBytes
    /// SubjectPublicKeyInfo.
    public let keyDer: HexBytes
    public let keyPem: String
    public let keySize: Int
    public let privateKeyPkcs8: HexBytes
    public let privateKeyPem: String
    public let sha: String
    public let publicKeyRsaUtils: String?
    public let privateKeyRsaUtils: String?
    public let tests: [SignatureTestVector]

    public var testCount: Int { tests.count }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case type, source, privateKey, keyAsn, keyDer, keyJwk, keyPem, keySize, privateKeyPkcs8, privateKeyJwk
        case privateKeyPem, sha, tests, publicKeyRsaUtils, privateKeyRsaUtils
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        type = try c.decodeConstant("RsassaPkcs1Generate", forKey: .type)
        source = try c.decode(VectorSource.self, forKey: .source)
        privateKey = try c.decode(VectorRSAPrivateKey.self, forKey: .privateKey)
        keyAsn = try c.decode(HexBytes.self, forKey: .keyAsn)
        keyDer = try c.decode(HexBytes.self, forKey: .keyDer)
        keyPem = try c.decode(String.self, forKey: .keyPem)
        keySize = try c.decodeKeySize(forKey: .keySize)
        privateKeyPkcs8 = try c.decode(HexBytes.self, forKey: .privateKeyPkcs8)
        privateKeyPem = try c.decode(String.self, forKey: .privateKeyPem)
        sha = try c.decode(String.self, forKey: .sha)
        publicKeyRsaUtils = try c.decodeIfPresent(String.self, forKey: .publicKeyRsaUtils)
        privateKeyRsaUtils = try c.decodeIfPresent(String.self, forKey: .privateKeyRsaUtils)
        tests = try c.decode([SignatureTestVector].self, forKey: .tests)
    }
}
