import RSA
import BigNum

/// A Wycheproof `BigInt`: big-endian two's-complement hex (Java `BigInteger.toByteArray()`),
/// so a positive value with the top bit set carries a `00` prefix. Decoded while parsing.
public struct VectorBigInt: Decodable, Sendable, Equatable, CustomStringConvertible {
    public let value: BigInt
    /// The bytes exactly as written (for byte-for-byte comparisons with `twosComplementBytes`).
    public let bytes: [UInt8]

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        switch Hex.decode(text) {
        case .success(let bytes):
            guard !bytes.isEmpty else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "empty BigInt")
            }
            self.bytes = bytes
            self.value = BigInt(twosComplementBytes: bytes)
        case .failure(let problem):
            throw DecodingError.dataCorruptedError(in: container, debugDescription: problem.description)
        }
    }

    public var description: String { Hex.encode(bytes) }
}
