/// What `conformance bench` measured: one row per (operation, implementation), the machine, the
/// implementations that could not be measured and why, and the ratios the targets are judged on.
public struct BenchReport: Sendable, Codable {
    public var machine: [String: String]
    public var results: [BenchResult]
    public var skipped: [SkippedBench]
    public var ratios: [BenchRatio]
}

/// One measured figure: the median over the rounds.
public struct BenchResult: Sendable, Codable, Equatable {
    public let operation: String
    /// "ours", "boringssl", "jdk" or "gmp-c".
    public let implementation: String
    public let value: Double
    /// "MB/s" or "ops/s" (higher is better) or "ms" (lower is better).
    public let unit: String
    /// How many rounds the median is taken over.
    public let rounds: Int
    /// What differs from the operation's name for this implementation (e.g. SHA-256 instead of MD5).
    public let note: String?

    public var higherIsBetter: Bool { unit != "ms" }
}

/// An (operation, implementation) pair with no figure, and the reason.
public struct SkippedBench: Sendable, Codable, Equatable {
    public let operation: String
    public let implementation: String
    public let reason: String
}

/// ours against a peer, as a speed-up (> 1: ours is faster), and the target it must reach.
public struct BenchRatio: Sendable, Codable, Equatable {
    public let operation: String
    /// The peer, or "best peer" (the fastest of the others).
    public let against: String
    public let ratio: Double
    public let target: Double
    public var met: Bool { ratio >= target }

    enum CodingKeys: String, CodingKey { case operation, against, ratio, target, met }

    public init(operation: String, against: String, ratio: Double, target: Double) {
        self.operation = operation
        self.against = against
        self.ratio = ratio
        self.target = target
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        operation = try c.decode(String.self, forKey: .operation)
        against = try c.decode(String.self, forKey: .against)
        ratio = try c.decode(Double.self, forKey: .ratio)
        target = try c.decode(Double.self, forKey: .target)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(operation, forKey: .operation)
        try c.encode(against, forKey: .against)
        try c.encode(ratio, forKey: .ratio)
        try c.encode(target, forKey: .target)
        try c.encode(met, forKey: .met)
    }
}

extension BenchReport {
    /// The targets of issue 13, computed from this run's medians (absent figures give no ratio).
    static func ratios(_ results: [BenchResult]) -> [BenchRatio] {
        func find(_ op: String, _ impl: String) -> BenchResult? {
            results.first { $0.operation == op && $0.implementation == impl }
        }
        /// Speed-up of ours over `peer` (higher is better for both units after inversion).
        func speedup(_ ours: BenchResult, _ peer: BenchResult) -> Double {
            ours.higherIsBetter ? ours.value / peer.value : peer.value / ours.value
        }
        var out = [BenchRatio]()
        func add(_ op: String, _ peer: String, _ target: Double) {
            guard let ours = find(op, "ours") else { return }
            if peer == "best peer" {
                let peers = results.filter { $0.operation == op && $0.implementation != "ours" }
                guard let worst = peers.map({ speedup(ours, $0) }).min() else { return }
                out.append(BenchRatio(operation: op, against: peer, ratio: worst, target: target))
            } else if let other = find(op, peer) {
                out.append(BenchRatio(operation: op, against: peer, ratio: speedup(ours, other), target: target))
            }
        }
        add("md5-64B", "best peer", 1.0)
        add("md5-1MiB", "best peer", 1.0)
        for bits in [1024, 2048] {
            add("rsa\(bits)-sign", "gmp-c", 0.95)
            add("rsa\(bits)-sign", "jdk", 1.2)
            add("rsa\(bits)-verify", "gmp-c", 0.9)
        }
        add("keygen2048", "jdk", 1.5)
        add("chunked-decrypt-1MiB-1024", "jdk", 2.0)
        return out
    }
}
