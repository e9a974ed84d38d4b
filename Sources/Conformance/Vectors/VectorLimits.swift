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

    /// Counts `testGroups[*].tests` of the document being decoded, without decoding the cases (the
    /// parsed document already knows each array's length). Anything malformed counts 0 here and is
    /// reported by the model's decoding.
    static func caseCount(_ top: KeyedDecodingContainer<AnyCodingKey>) -> Int {
        let groups = (try? top.decode([GroupCaseCount?].self, forKey: AnyCodingKey(stringValue: "testGroups"))) ?? []
        return groups.reduce(0) { $0 + ($1?.count ?? 0) }
    }

    /// A group's number of cases (0 when it has no `tests` array); never throws.
    struct GroupCaseCount: Decodable {
        let count: Int

        init(from decoder: Decoder) {
            let group = try? decoder.container(keyedBy: AnyCodingKey.self)
            let tests = try? group?.nestedUnkeyedContainer(forKey: AnyCodingKey(stringValue: "tests"))
            count = tests?.count ?? 0
        }
    }
}

extension KeyedDecodingContainer {
    /// Decodes a `keySize` field and checks it is within `VectorLimits`.
    func decodeKeySize(forKey key: Key) throws -> Int {
        try VectorLimits.checkKeySize(try decode(Int.self, forKey: key), forKey: key, in: self)
    }
}
