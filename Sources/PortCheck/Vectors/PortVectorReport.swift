import Conformance

/// The stored-vector part of a port-check report: one row per case (`cases`, the harness's
/// `Outcome` rows), a summary per suite (an op with its algorithm, key size or blocks) and notes.
public struct PortVectorReport: Codable, Sendable, Equatable {
    public struct Counts: Codable, Sendable, Equatable {
        public var passed = 0
        public var failed = 0
        public var skipped = 0

        mutating func add(_ verdict: Verdict) {
            switch verdict {
            case .pass: passed += 1
            case .fail: failed += 1
            case .skip: skipped += 1
            }
        }
    }

    public struct Suite: Codable, Sendable, Equatable {
        /// e.g. "sign MD5withRSA 1024", "decryptByPrivateKey 2048 blocks 245/256", "md5", "tokenSign".
        public var suite: String
        public var file: String
        public var counts: Counts
        /// The distinct skip reasons of the suite.
        public var skipReasons: [String]
        /// The first failing case: "tcId 5: reason".
        public var firstFailure: String?
    }

    public var summary: Counts
    public var suites: [Suite]
    /// What the runs showed beyond pass/fail (letter case of the getToken sign, skipped algorithms, …).
    public var notes: [String]
    public var cases: [Outcome]

    init(outcomes: [Outcome], notes: [String]) {
        var summary = Counts()
        var order: [String] = []
        var bySuite: [String: Suite] = [:]
        for outcome in outcomes {
            summary.add(outcome.verdict)
            let key = outcome.file + "\u{0}" + outcome.suite
            if bySuite[key] == nil {
                order.append(key)
                bySuite[key] = Suite(suite: outcome.suite, file: outcome.file, counts: Counts(), skipReasons: [], firstFailure: nil)
            }
            bySuite[key]?.counts.add(outcome.verdict)
            if case .skip(let reason) = outcome.verdict, bySuite[key]?.skipReasons.contains(reason) == false {
                bySuite[key]?.skipReasons.append(reason)
            }
            if case .fail(let reason, _, _) = outcome.verdict, bySuite[key]?.firstFailure == nil {
                bySuite[key]?.firstFailure = "tcId \(outcome.tcId): \(reason)"
            }
        }
        self.summary = summary
        self.suites = order.compactMap { bySuite[$0] }
        self.notes = notes
        self.cases = outcomes
    }

    /// Findings lines: the totals, then one line per failing suite.
    var findings: [String] {
        var out = ["stored vectors: \(summary.passed) passed, \(summary.failed) failed, \(summary.skipped) skipped"]
        for suite in suites where suite.counts.failed > 0 {
            let total = suite.counts.passed + suite.counts.failed
            out.append("vectors \(suite.suite) (\(suite.file)): \(suite.counts.failed) of \(total) fail; first: \(suite.firstFailure ?? "?")")
        }
        return out + notes
    }
}
