/// `rsautils_chunked_schema_v1.json` (algorithm `RsaUtils-Chunked`), group type `RsaUtilsChunked`:
/// RsaUtils' chunked encryption with the given key role and block sizes.
public struct RsaUtilsChunkedGroup: VectorTestGroup {
    public static let schema = "rsautils_chunked_schema_v1.json"
    /// The only `algorithm` our schema allows.
    public static let algorithms: [String]? = ["RsaUtils-Chunked"]

    public enum EncryptKey: String, Decodable, Sendable {
        /// encryptByPublicKey (type 2) / decryptByPrivateKey.
        case `public`
        /// encryptByPrivateKey (type 1) / decryptByPublicKey.
        case `private`
    }

    public let type: String
    public let source: VectorSource
    public let keys: VectorKeyPair
    public let encryptKey: EncryptKey
    public let encryptBlock: Int
    public let decryptBlock: Int
    public let tests: [RsaUtilsChunkedTestVector]

    public var testCount: Int { tests.count }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case type, source, keySize, publicKeyDer, privateKeyPkcs8, publicKeyRsaUtils, privateKeyRsaUtils
        case encryptKey, encryptBlock, decryptBlock, tests
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        type = try c.decodeConstant("RsaUtilsChunked", forKey: .type)
        source = try c.decode(VectorSource.self, forKey: .source)
        keys = try VectorKeyPair(from: decoder)
        encryptKey = try c.decode(EncryptKey.self, forKey: .encryptKey)
        encryptBlock = try c.decode(Int.self, forKey: .encryptBlock)
        decryptBlock = try c.decode(Int.self, forKey: .decryptBlock)
        guard encryptBlock > 0 else {
            throw DecodingError.dataCorruptedError(forKey: .encryptBlock, in: c, debugDescription: "block size must be > 0")
        }
        guard decryptBlock > 0 else {
            throw DecodingError.dataCorruptedError(forKey: .decryptBlock, in: c, debugDescription: "block size must be > 0")
        }
        tests = try c.decode([RsaUtilsChunkedTestVector].self, forKey: .tests)
    }
}

/// A chunked case: valid = encrypt(msg, ps) is `ct` and decrypt(ct) is `msg`; invalid = the step named
/// by `failsAt` fails.
public struct RsaUtilsChunkedTestVector: Decodable, VectorTestCase {
    public enum Step: String, Decodable, Sendable { case encrypt, decrypt }

    public let tcId: Int
    public let comment: String
    public let flags: [String]
    public let msg: HexBytes
    /// One padding string per block (type 2 only; empty for private-key encryption).
    public let ps: [HexBytes]
    public let ct: HexBytes
    public let failsAt: Step?
    public let result: ExpectedResult

    enum CodingKeys: String, CodingKey, CaseIterable { case tcId, comment, flags, msg, ps, ct, failsAt, result }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        tcId = try c.decode(Int.self, forKey: .tcId)
        comment = try c.decode(String.self, forKey: .comment)
        flags = try c.decode([String].self, forKey: .flags)
        msg = try c.decode(HexBytes.self, forKey: .msg)
        ps = try c.decode([HexBytes].self, forKey: .ps)
        ct = try c.decode(HexBytes.self, forKey: .ct)
        failsAt = try c.decodeIfPresent(Step.self, forKey: .failsAt)
        result = try c.decode(ExpectedResult.self, forKey: .result)
        if result == .invalid && failsAt == nil {
            throw DecodingError.dataCorruptedError(
                forKey: .failsAt, in: c, debugDescription: "an invalid case must say which step fails (failsAt)")
        }
    }
}
