/// Collects the outcomes of a check suite, numbering them 1, 2, 3...
struct CheckRecorder {
    let suite: String
    private(set) var outcomes = [Outcome]()

    init(suite: String) { self.suite = suite }

    /// Runs one check; a thrown error is a failure with its message (never a crash).
    mutating func check(_ comment: String, flags: [String] = [], expected: ExpectedResult = .valid,
                        _ body: () throws -> Verdict) {
        let (verdict, seconds) = Stopwatch.measure { () -> Verdict in
            do { return try body() } catch { return .fail(reason: "\(comment): \(error)") }
        }
        outcomes.append(CheckOutcome.make(suite: suite, tcId: outcomes.count + 1, comment: comment, flags: flags,
                                          expected: expected, verdict: verdict, durationSeconds: seconds))
    }

    /// Equal bytes pass; different bytes fail showing both.
    static func same(_ expected: [UInt8], _ actual: [UInt8], _ what: String) -> Verdict {
        expected == actual ? .pass : .fail(reason: "\(what) differ", expected: expected, actual: actual)
    }

    static func truth(_ condition: Bool, _ what: String) -> Verdict {
        condition ? .pass : .fail(reason: what)
    }
}

extension CheckRecorder {
    /// A check that could not run, with its reason (never silent).
    mutating func skip(_ comment: String, reason: String) {
        check(comment) { .skip(reason: reason) }
    }
}

/// The cross-check suites every `conformance run` adds after the vector files.
public enum CrossChecks {
    public static func all() -> [any CheckSuite] {
        [MD5CrossCheck(), SwiftCryptoRSACrossCheck(), JavaLiveCrossCheck(), NumberCheckJavaCrossCheck()]
    }
}
