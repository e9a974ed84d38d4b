/// `rsa_pkcs1_padding_schema_v1.json` (algorithm `RSA-PKCS1-v1_5-Padding`): four group types, chosen by
/// `type`; every group carries the key in DER and RsaUtils form.
public struct RsaPkcs1PaddingGroup: VectorTestGroup {
    public static let schema = "rsa_pkcs1_padding_schema_v1.json"
    /// The only `algorithm` our schema allows.
    public static let algorithms: [String]? = ["RSA-PKCS1-v1_5-Padding"]

    public enum Cases: Sendable {
        case encryptType2([Pkcs1EncryptType2TestVector])
        case encryptType1([Pkcs1EncryptType1TestVector])
        case digestInfo([Pkcs1DigestInfoTestVector])
        case decryptMalformed([Pkcs1DecryptMalformedTestVector])
    }

    public let type: String
    public let source: VectorSource
    public let keys: VectorKeyPair
    public let cases: Cases

    enum CodingKeys: String, CodingKey, CaseIterable {
        case type, source, keySize, publicKeyDer, privateKeyPkcs8, publicKeyRsaUtils, privateKeyRsaUtils, tests
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        type = try c.decodeOneOf(
            ["Pkcs1EncryptType2", "Pkcs1EncryptType1", "Pkcs1DigestInfo", "Pkcs1DecryptMalformed"], forKey: .type)
        source = try c.decode(VectorSource.self, forKey: .source)
        keys = try VectorKeyPair(from: decoder)
        switch type {
        case "Pkcs1EncryptType2": cases = .encryptType2(try c.decode([Pkcs1EncryptType2TestVector].self, forKey: .tests))
        case "Pkcs1EncryptType1": cases = .encryptType1(try c.decode([Pkcs1EncryptType1TestVector].self, forKey: .tests))
        case "Pkcs1DigestInfo": cases = .digestInfo(try c.decode([Pkcs1DigestInfoTestVector].self, forKey: .tests))
        default: cases = .decryptMalformed(try c.decode([Pkcs1DecryptMalformedTestVector].self, forKey: .tests))
        }
    }

    public var testCount: Int {
        switch cases {
        case .encryptType2(let t): return t.count
        case .encryptType1(let t): return t.count
        case .digestInfo(let t): return t.count
        case .decryptMalformed(let t): return t.count
        }
    }
}

/// `Pkcs1EncryptType2`: pad `msg` with the fixed `ps` → `em` (00 02 ps 00 msg), encrypt → `ct`, decrypt → `msg`.
public struct Pkcs1EncryptType2TestVector: Decodable, VectorTestCase {
    public let tcId: Int
    public let comment: String
    public let flags: [String]
    public let msg, ps, em, ct: HexBytes
    public let result: ExpectedResult

    enum CodingKeys: String, CodingKey, CaseIterable { case tcId, comment, flags, msg, ps, em, ct, result }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        tcId = try c.decode(Int.self, forKey: .tcId)
        comment = try c.decode(String.self, forKey: .comment)
        flags = try c.decode([String].self, forKey: .flags)
        msg = try c.decode(HexBytes.self, forKey: .msg)
        ps = try c.decode(HexBytes.self, forKey: .ps)
        em = try c.decode(HexBytes.self, forKey: .em)
        ct = try c.decode(HexBytes.self, forKey: .ct)
        result = try c.decode(ExpectedResult.self, forKey: .result)
    }
}

/// `Pkcs1EncryptType1`: private-key "encryption" (JDK Cipher "RSA" with the private key), deterministic.
public struct Pkcs1EncryptType1TestVector: Decodable, VectorTestCase {
    public let tcId: Int
    public let comment: String
    public let flags: [String]
    public let msg, em, ct: HexBytes
    public let result: ExpectedResult

    enum CodingKeys: String, CodingKey, CaseIterable { case tcId, comment, flags, msg, em, ct, result }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        tcId = try c.decode(Int.self, forKey: .tcId)
        comment = try c.decode(String.self, forKey: .comment)
        flags = try c.decode([String].self, forKey: .flags)
        msg = try c.decode(HexBytes.self, forKey: .msg)
        em = try c.decode(HexBytes.self, forKey: .em)
        ct = try c.decode(HexBytes.self, forKey: .ct)
        result = try c.decode(ExpectedResult.self, forKey: .result)
    }
}

/// `Pkcs1DigestInfo`: the DigestInfo for `sha`, the EMSA block and the JDK signature.
public struct Pkcs1DigestInfoTestVector: Decodable, VectorTestCase {
    public let tcId: Int
    public let comment: String
    public let flags: [String]
    public let sha: String
    public let msg, digestInfo, em, sig: HexBytes
    public let result: ExpectedResult

    enum CodingKeys: String, CodingKey, CaseIterable { case tcId, comment, flags, sha, msg, digestInfo, em, sig, result }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        tcId = try c.decode(Int.self, forKey: .tcId)
        comment = try c.decode(String.self, forKey: .comment)
        flags = try c.decode([String].self, forKey: .flags)
        sha = try c.decode(String.self, forKey: .sha)
        msg = try c.decode(HexBytes.self, forKey: .msg)
        digestInfo = try c.decode(HexBytes.self, forKey: .digestInfo)
        em = try c.decode(HexBytes.self, forKey: .em)
        sig = try c.decode(HexBytes.self, forKey: .sig)
        result = try c.decode(ExpectedResult.self, forKey: .result)
    }
}

/// `Pkcs1DecryptMalformed`: a ciphertext whose block is malformed; decryption must fail.
public struct Pkcs1DecryptMalformedTestVector: Decodable, VectorTestCase {
    public enum Mode: String, Decodable, Sendable {
        /// Private-key decryption, expects block type 2.
        case privateDecrypt
        /// Public-key "decryption" (RsaUtils decryptByPublicKey), expects block type 1.
        case publicDecrypt
    }

    public let tcId: Int
    public let comment: String
    public let flags: [String]
    public let mode: Mode
    /// The malformed block; empty when `ct` is not an encryption of a block.
    public let em: HexBytes
    public let ct: HexBytes
    public let result: ExpectedResult

    enum CodingKeys: String, CodingKey, CaseIterable { case tcId, comment, flags, mode, em, ct, result }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        tcId = try c.decode(Int.self, forKey: .tcId)
        comment = try c.decode(String.self, forKey: .comment)
        flags = try c.decode([String].self, forKey: .flags)
        mode = try c.decode(Mode.self, forKey: .mode)
        em = try c.decode(HexBytes.self, forKey: .em)
        ct = try c.decode(HexBytes.self, forKey: .ct)
        result = try c.decode(ExpectedResult.self, forKey: .result)
    }
}
