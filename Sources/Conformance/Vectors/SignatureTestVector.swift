/// Wycheproof `signatures_common.json` SignatureTestVector: a message and a signature.
public struct SignatureTestVector: Decodable, VectorTestCase {
    public let tcId: Int
    public let comment: String
    public let msg: HexBytes
    public let sig: HexBytes
    public let result: ExpectedResult
    public let flags: [String]

    enum CodingKeys: String, CodingKey, CaseIterable { case tcId, comment, msg, sig, result, flags }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        tcId = try c.decode(Int.self, forKey: .tcId)
        comment = try c.decode(String.self, forKey: .comment)
        msg = try c.decode(HexBytes.self, forKey: .msg)
        sig = try c.decode(HexBytes.self, forKey: .sig)
        result = try c.decode(ExpectedResult.self, forKey: .result)
        flags = try c.decode([String].self, forKey: .flags)
    }
}
