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
        // Checked before decoding: a number past the limit is refused without any arithmetic.
        let digits = text.utf8.count
        guard digits <= 2 * VectorLimits.maximumNumberBytes else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "number of \(digits) hex digits is too large (at most \(VectorLimits.maximumBits) bits)")
        }
        switch Hex.decode(text) {
        case .success(let bytes):
            guard !bytes.isEmpty else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "empty BigInt")
            }
            let value = BigInt(twosComplementBytes: bytes)
            guard value.bitWidth <= VectorLimits.maximumBits else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "number of \(value.bitWidth) bits is too large (at most \(VectorLimits.maximumBits) bits)")
            }
            self.bytes = bytes
            self.value = value
        case .failure(let problem):
            throw DecodingError.dataCorruptedError(in: container, debugDescription: problem.description)
        }
    }

    public var description: String { Hex.encode(bytes) }
}
