import MD5

/// MD5 vectors: the pure-Swift `MD5` fed `msg` × `repeat` in `update` calls of `chunks` bytes (the rest
/// in a final update) must give `digest`.
public struct Md5Suite: VectorSuite {
    public typealias Group = Md5HashGroup
    public static let schema = Md5HashGroup.schema

    /// Size of the pieces the remainder is fed in.
    static let pieceSize = 1 << 16

    public init() {}

    public func run(_ file: WycheproofFile<Group>, path: String, context: RunContext) -> OutcomeLog {
        var recorder = OutcomeRecorder(path: path)
        for (index, group) in file.testGroups.enumerated() {
            for test in group.tests {
                recorder.record(test, group: index) { hash(test) }
            }
        }
        return recorder.outcomes
    }

    func hash(_ test: Md5TestVector) -> Observation {
        var md5 = MD5()
        var input = RepeatedBytes(unit: test.msg.bytes, count: test.repeat)
        for size in test.chunks ?? [] {
            md5.update(input.next(size))
        }
        while !input.isAtEnd {
            md5.update(input.next(Md5Suite.pieceSize))
        }
        let digest = md5.finalize().bytes
        if test.result == .invalid {
            return digest == test.digest.bytes ? .accepted(output: digest) : .rejected("digest differs, as the case expects")
        }
        var compare = Comparison()
        compare.expect("MD5 digest", digest, equals: test.digest.bytes)
        return compare.mismatch ?? .accepted(output: digest)
    }
}

/// `unit` repeated `count` times, read front to back without building the whole input.
struct RepeatedBytes {
    let unit: [UInt8]
    let total: Int
    private(set) var offset = 0

    init(unit: [UInt8], count: Int) {
        self.unit = unit
        self.total = unit.count * count
    }

    var isAtEnd: Bool { offset >= total }

    /// The next `size` bytes (fewer at the end). Filled by doubling what is already there, so a
    /// one-byte unit costs a few copies per piece, not one append per byte.
    mutating func next(_ size: Int) -> [UInt8] {
        let n = max(0, min(size, total - offset))
        var out = [UInt8]()
        out.reserveCapacity(n)
        // Up to one full unit from the current position, then copies of the piece's own start (which
        // repeats with the unit's period).
        let start = unit.isEmpty ? 0 : offset % unit.count
        let first = min(unit.count - start, n)
        out.append(contentsOf: unit[start..<(start + first)])
        if out.count < n {
            out.append(contentsOf: unit[0..<min(start, n - out.count)])
        }
        while out.count < n {
            out.append(contentsOf: out[0..<min(out.count, n - out.count)])
        }
        offset += n
        return out
    }
}
