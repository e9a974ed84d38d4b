/// A suite that is not a vector file: cross-checks, live Java checks.
///
/// The runner runs each check suite after the vector files, times it, prints its progress line and
/// adds it to the `RunReport` as a suite of kind `.check`. A suite reports every problem as an
/// `Outcome` (fail or skip with the reason); it never throws and never stops the run.
///
/// ```swift
/// struct MD5AgainstCryptoKit: CheckSuite {
///     let name = "cross-check: MD5 vs Insecure.MD5"
///     func run(context: RunContext) -> [Outcome] {
///         var outcomes = [Outcome]()
///         // ... one outcome per check, e.g. via `CheckOutcome.make(...)`
///         return outcomes
///     }
/// }
/// ```
public protocol CheckSuite {
    /// Suite name in progress lines and reports (unique within a run).
    var name: String { get }
    /// What the flags used by this suite's outcomes mean (reports show it next to failures).
    var notes: [String: VectorNote] { get }
    func run(context: RunContext) -> [Outcome]
    /// Called after `run`: lets a suite fill report metadata it learnt (e.g. the JDK and commons-codec
    /// versions from the oracle's `hello`). Default: nothing.
    func contribute(to metadata: inout RunMetadata)
}

extension CheckSuite {
    public var notes: [String: VectorNote] { [:] }
    public func contribute(to metadata: inout RunMetadata) {}
}

/// Helpers to build the outcomes of a check suite.
public enum CheckOutcome {
    /// An outcome of check `tcId` of `suite`; `expected` is what must happen (valid = must succeed).
    public static func make(suite: String, tcId: Int, comment: String, flags: [String] = [],
                            expected: ExpectedResult = .valid, actual: ObservedResult? = nil,
                            verdict: Verdict, durationSeconds: Double = 0) -> Outcome {
        Outcome(file: suite, suite: suite, groupIndex: nil, tcId: tcId, comment: comment, flags: flags,
                expected: expected, actual: actual ?? impliedActual(expected: expected, verdict: verdict),
                verdict: verdict, durationSeconds: durationSeconds)
    }

    /// A passing valid/invalid check behaved as expected; anything else is unknown unless told.
    static func impliedActual(expected: ExpectedResult, verdict: Verdict) -> ObservedResult? {
        guard verdict == .pass else { return nil }
        switch expected {
        case .valid: return .valid
        case .invalid: return .invalid
        case .acceptable: return nil
        }
    }

    /// Times `body` and turns its verdict into an outcome.
    public static func timed(suite: String, tcId: Int, comment: String, flags: [String] = [],
                             expected: ExpectedResult = .valid, _ body: () -> Verdict) -> Outcome {
        let clock = ContinuousClock()
        let start = clock.now
        let verdict = body()
        return make(suite: suite, tcId: tcId, comment: comment, flags: flags, expected: expected,
                    verdict: verdict, durationSeconds: Stopwatch.seconds(clock.now - start))
    }
}

/// Durations in seconds.
public enum Stopwatch {
    public static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    /// Runs `body` and returns its result and how long it took.
    public static func measure<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try body()
        return (value, seconds(clock.now - start))
    }
}
