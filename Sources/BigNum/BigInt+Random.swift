#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Errors of the BigNum module.
public enum BigNumError: Error, Equatable, CustomStringConvertible {
    case randomSourceUnavailable

    public var description: String {
        switch self {
        case .randomSourceUnavailable: return "the system CSPRNG (getrandom/getentropy) failed"
        }
    }
}

/// Bytes from the operating system's CSPRNG (getrandom(2) on Linux).
public enum SystemRandom {
    public static func bytes(_ count: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let chunk = min(256, count - filled)
            let status = out.withUnsafeMutableBytes { raw -> Int32 in
                guard let base = raw.baseAddress else { return -1 }
                return getentropy(base + filled, chunk)
            }
            guard status == 0 else { throw BigNumError.randomSourceUnavailable }
            filled += chunk
        }
        return out
    }
}

extension BigInt {
    /// A uniform random integer with exactly `bits` bits available (top bit may be 0).
    public static func random(bits: Int) throws -> BigInt {
        guard bits > 0 else { return BigInt() }
        var bytes = try SystemRandom.bytes((bits + 7) / 8)
        let excess = bytes.count * 8 - bits
        if excess > 0 { bytes[0] &= UInt8(0xff >> excess) }
        return BigInt(bigEndianBytes: bytes)
    }

    /// A uniform random integer in [1, upperBound), by rejection sampling.
    public static func random(below upperBound: BigInt) throws -> BigInt {
        guard upperBound > BigInt(1) else { return BigInt(1) }
        let bits = upperBound.bitWidth
        while true {
            let candidate = try random(bits: bits)
            if !candidate.isZero && candidate < upperBound { return candidate }
        }
    }
}
