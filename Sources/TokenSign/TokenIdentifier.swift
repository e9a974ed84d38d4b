import BigNum

/// msgId / traceId generation: 128 bits from the system CSPRNG (`SystemRandom`, getentropy) as
/// 32 lowercase hexadecimal characters. The seed only asks for a unique identifier chosen by the
/// business side; 128 random bits make a collision negligible and reveal nothing about the caller.
public enum TokenIdentifier {
    /// Number of random bytes per identifier.
    public static let byteCount = 16

    /// A fresh identifier (use it as both msgId and traceId). Throws
    /// `TokenSignError.randomSourceUnavailable` when the CSPRNG fails.
    public static func generate() throws -> String {
        let bytes: [UInt8]
        do {
            bytes = try SystemRandom.bytes(byteCount)
        } catch {
            throw TokenSignError.randomSourceUnavailable
        }
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(byteCount * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
