/// A small seeded generator (SplitMix64) so that a failing cross-check can be replayed with `--seed`.
/// Used only for test inputs (messages, lengths, and test keys in cross-checks), never for real keys.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    public mutating func bytes(_ count: Int) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(count)
        while out.count < count {
            var word = next()
            for _ in 0..<min(8, count - out.count) {
                out.append(UInt8(truncatingIfNeeded: word))
                word >>= 8
            }
        }
        return out
    }

    /// A derived generator for one suite, so suites do not depend on each other's consumption.
    public static func forSuite(_ name: String, seed: UInt64) -> SeededRandom {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a of the name
        for b in name.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return SeededRandom(seed: seed ^ h)
    }
}

/// A box so a seeded generator can feed `RSAKeyGenerator.generate(randomBytes:)` (a non-escaping closure).
final class SeededByteSource: @unchecked Sendable {
    var random: SeededRandom
    init(_ random: SeededRandom) { self.random = random }
    func bytes(_ count: Int) -> [UInt8] { random.bytes(count) }
}

extension RunContext {
    /// The seed the cross-checks use: the one given (`--seed`), else a fixed default. `RunCommand`
    /// draws a fresh seed per run and prints it, so every run is replayable.
    public var effectiveSeed: UInt64 { seed ?? 0x5eed_5eed }
}
