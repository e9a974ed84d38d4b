/// Wycheproof `signatures_common.json` SignatureTestVector: a message and a signature.
public struct SignatureTestVector: Decodable, VectorTestCase {
    public let tcId: Int
    public let comment: String
    public let msg: HexBytes
    public let sig: HexBytes
    public let result: ExpectedResult
    public let flags: [String]
    /// Ours, optional: for an `acceptable` case, the JDK's verdict ("accepted" or "rejected"), written by
    /// the vector generator; the Java-compatible verification must give it.
    public let javaVerdict: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case tcId, comment, msg, sig, result, flags, javaVerdict }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        tcId = try c.decode(Int.self, forKey: .tcId)
        comment = try c.decode(String.self, forKey: .comment)
        msg = try c.decode(HexBytes.self, forKey: .msg)
        sig = try c.decode(HexBytes.self, forKey: .sig)
        result = try c.decode(ExpectedResult.self, forKey: .result)
        flags = try c.decode([String].self, forKey: .flags)
        javaVerdict = try c.decodeIfPresent(String.self, forKey: .javaVerdict)
        if let javaVerdict, javaVerdict != "accepted" && javaVerdict != "rejected" {
            throw DecodingError.dataCorruptedError(forKey: .javaVerdict, in: c,
                                                   debugDescription: "expected \"accepted\" or \"rejected\", found \"\(javaVerdict)\"")
        }
    }
}
