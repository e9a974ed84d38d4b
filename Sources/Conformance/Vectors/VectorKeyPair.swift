/// The key fields shared by our padding and chunking groups: the key as Wycheproof gives it (DER hex)
/// and as RsaUtils prints it (Base64 of the same DER).
public struct VectorKeyPair: Decodable, Sendable {
    public let keySize: Int
    /// SubjectPublicKeyInfo DER.
    public let publicKeyDer: HexBytes
    /// PKCS#8 DER.
    public let privateKeyPkcs8: HexBytes
    public let publicKeyRsaUtils: String
    public let privateKeyRsaUtils: String

    enum CodingKeys: String, CodingKey {
        case keySize, publicKeyDer, privateKeyPkcs8, publicKeyRsaUtils, privateKeyRsaUtils
    }

    /// Reads the five fields from the group object itself (not a nested object).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        keySize = try c.decodeKeySize(forKey: .keySize)
        publicKeyDer = try c.decode(HexBytes.self, forKey: .publicKeyDer)
        privateKeyPkcs8 = try c.decode(HexBytes.self, forKey: .privateKeyPkcs8)
        publicKeyRsaUtils = try c.decode(String.self, forKey: .publicKeyRsaUtils)
        privateKeyRsaUtils = try c.decode(String.self, forKey: .privateKeyRsaUtils)
    }
}
