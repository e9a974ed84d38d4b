/// `rsassa_pkcs1_verify_schema_v1.json`, group type `RsassaPkcs1Verify` (upstream, read unchanged;
/// ours may add `publicKeyRsaUtils` / `privateKeyRsaUtils`).
public struct RsassaPkcs1VerifyGroup: VectorTestGroup {
    public static let schema = "rsassa_pkcs1_verify_schema_v1.json"

    public let type: String
    public let source: VectorSource
    public let keySize: Int
    /// PKCS#1 `RSAPublicKey ::= SEQUENCE {n, e}`.
    public let publicKeyAsn: HexBytes
    /// X.509 SubjectPublicKeyInfo (Java `getEncoded()`).
    public let publicKeyDer: HexBytes
    public let publicKeyPem: String
    public let publicKey: VectorRSAPublicKey
    /// Wycheproof hash name (`SHA-256`, `MD5`, ...).
    public let sha: String
    public let publicKeyRsaUtils: String?
    public let privateKeyRsaUtils: String?
    public let tests: [SignatureTestVector]

    public var testCount: Int { tests.count }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case type, source, keySize, publicKeyAsn, publicKeyDer, publicKeyPem, publicKey, keyJwk, sha, tests
        case publicKeyRsaUtils, privateKeyRsaUtils
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        type = try c.decodeConstant("RsassaPkcs1Verify", forKey: .type)
        source = try c.decode(VectorSource.self, forKey: .source)
        keySize = try c.decodeKeySize(forKey: .keySize)
        publicKeyAsn = try c.decode(HexBytes.self, forKey: .publicKeyAsn)
        publicKeyDer = try c.decode(HexBytes.self, forKey: .publicKeyDer)
        publicKeyPem = try c.decode(String.self, forKey: .publicKeyPem)
        publicKey = try c.decode(VectorRSAPublicKey.self, forKey: .publicKey)
        sha = try c.decode(String.self, forKey: .sha)
        publicKeyRsaUtils = try c.decodeIfPresent(String.self, forKey: .publicKeyRsaUtils)
        privateKeyRsaUtils = try c.decodeIfPresent(String.self, forKey: .privateKeyRsaUtils)
        tests = try c.decode([SignatureTestVector].self, forKey: .tests)
    }
}
