import Foundation

/// The documented limits on vector files, checked before any arithmetic (README "Limits").
///
/// A vector file is input the gate did not write: without bounds a 5 KB file naming p = 2^19937−1
/// runs for minutes and a file of a million tiny cases takes gigabytes. Everything past a limit is
/// that file's error (exit 2) and the run goes on with the other files.
public enum VectorLimits {
    /// Largest key size (`keySize` fields) and largest number (`p`, `q`, `n`, ...) in bits.
    public static let maximumBits = 16384
    /// Largest `BigInt` field in bytes: a 16384-bit positive value plus Java's `00` sign byte.
    public static let maximumNumberBytes = maximumBits / 8 + 1
    /// Largest vector file read (bytes); checked from the file's size before it is read.
    public static let maximumFileBytes = 64 << 20
    /// Most cases in one file (summed over its groups), checked before the cases are decoded.
    public static let maximumCasesPerFile = 100_000

    /// A `keySize` field: 1 ... 16384 (smaller sizes are legal inputs of the FIPS rules, which then
    /// report them; zero, negative and absurd sizes are not key sizes).
    static func checkKeySize<K: CodingKey>(_ value: Int, forKey key: K, in container: KeyedDecodingContainer<K>) throws -> Int {
        guard value >= 1, value <= maximumBits else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container,
                debugDescription: "keySize \(value) is out of range (1 ... \(maximumBits) bits)")
        }
        return value
    }

    /// Counts `testGroups[*].tests` in an already parsed JSON object, without decoding the cases.
    static func caseCount(_ top: [String: Any]) -> Int {
        guard let groups = top["testGroups"] as? [Any] else { return 0 }
        var total = 0
        for case let group as [String: Any] in groups {
            if let tests = group["tests"] as? [Any] { total += tests.count }
        }
        return total
    }
}

extension KeyedDecodingContainer {
    /// Decodes a `keySize` field and checks it is within `VectorLimits`.
    func decodeKeySize(forKey key: Key) throws -> Int {
        try VectorLimits.checkKeySize(try decode(Int.self, forKey: key), forKey: key, in: self)
    }
}
