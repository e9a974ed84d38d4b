import RSA

/// A byte string written as hexadecimal in a vector file (Wycheproof `HexBytes` / `Der`).
///
/// Decoded while the JSON is decoded: an odd length or a non-hex character is a decoding error at the
/// field's JSON path. The empty string is the empty byte string.
public struct HexBytes: Decodable, Sendable, Hashable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        switch Hex.decode(text) {
        case .success(let bytes):
            self.bytes = bytes
        case .failure(let problem):
            throw DecodingError.dataCorruptedError(in: container, debugDescription: problem.description)
        }
    }

    public var count: Int { bytes.count }
    public var isEmpty: Bool { bytes.isEmpty }
    public var hex: String { Hex.encode(bytes) }
    public var description: String { hex }
}
