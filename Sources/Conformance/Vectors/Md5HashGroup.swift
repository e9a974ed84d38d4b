/// `md5_schema_v1.json` (algorithm `MD5`), group type `Md5Hash`.
public struct Md5HashGroup: VectorTestGroup {
    public static let schema = "md5_schema_v1.json"
    /// The only `algorithm` our schema allows.
    public static let algorithms: [String]? = ["MD5"]

    public let type: String
    public let source: VectorSource
    public let tests: [Md5TestVector]

    public var testCount: Int { tests.count }

    enum CodingKeys: String, CodingKey, CaseIterable { case type, source, tests }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        type = try c.decodeConstant("Md5Hash", forKey: .type)
        source = try c.decode(VectorSource.self, forKey: .source)
        tests = try c.decode([Md5TestVector].self, forKey: .tests)
    }
}

/// An MD5 case: the input is `msg` repeated `repeat` times (default 1), fed to `update` in pieces of
/// `chunks` bytes (the rest in a final update); `digest` is the expected MD5.
public struct Md5TestVector: Decodable, VectorTestCase {
    /// Largest input a case may describe (`msg.count × repeat`), so a typo cannot exhaust memory.
    public static let maximumInputLength = 1 << 30

    public let tcId: Int
    public let comment: String
    public let flags: [String]
    public let msg: HexBytes
    public let `repeat`: Int
    public let chunks: [Int]?
    public let digest: HexBytes
    public let result: ExpectedResult

    enum CodingKeys: String, CodingKey, CaseIterable { case tcId, comment, flags, msg, `repeat`, chunks, digest, result }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        tcId = try c.decode(Int.self, forKey: .tcId)
        comment = try c.decode(String.self, forKey: .comment)
        flags = try c.decode([String].self, forKey: .flags)
        msg = try c.decode(HexBytes.self, forKey: .msg)
        `repeat` = try c.decodeIfPresent(Int.self, forKey: .repeat) ?? 1
        let (total, overflow) = msg.count.multipliedReportingOverflow(by: `repeat`)
        guard `repeat` >= 0, !overflow, total <= Md5TestVector.maximumInputLength else {
            throw DecodingError.dataCorruptedError(
                forKey: .repeat, in: c,
                debugDescription: "repeat must be ≥ 0 and msg × repeat at most \(Md5TestVector.maximumInputLength) bytes")
        }
        chunks = try c.decodeIfPresent([Int].self, forKey: .chunks)
        if let chunks, chunks.contains(where: { $0 < 0 }) {
            throw DecodingError.dataCorruptedError(forKey: .chunks, in: c, debugDescription: "chunk sizes must be ≥ 0")
        }
        digest = try c.decode(HexBytes.self, forKey: .digest)
        result = try c.decode(ExpectedResult.self, forKey: .result)
    }

    /// Total input length in bytes.
    public var inputLength: Int { msg.count * `repeat` }
}
