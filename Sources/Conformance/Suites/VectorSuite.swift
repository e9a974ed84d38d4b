/// Runs the cases of one vector schema.
///
/// A suite turns each case into an `Observation` (what the implementation did); `CaseVerdict` then
/// derives the verdict from the case's `result`, the same way for every schema:
///
/// | result | accepted | rejected | mismatch |
/// |---|---|---|---|
/// | valid | pass | fail | fail |
/// | invalid | fail | pass | fail |
/// | acceptable | pass (recorded "accepted") | pass (recorded "rejected") | fail |
///
/// "Mismatch" is an output that differs from the vector (a signature, a block, a digest): even an
/// `acceptable` case fails when the implementation produces different bytes.
public protocol VectorSuite: Sendable {
    associatedtype Group: VectorTestGroup
    /// The `schema` value this suite reads.
    static var schema: String { get }
    init()
    /// One outcome per case, in file order.
    func run(_ file: WycheproofFile<Group>, path: String, context: RunContext) -> OutcomeLog
}

/// What the implementation did with a case.
public enum Observation: Sendable {
    /// It accepted the case / produced every expected output. `output` is what it produced, shown
    /// when accepting was wrong.
    case accepted(output: [UInt8]? = nil)
    /// It refused (returned false, threw); the text says how.
    case rejected(String)
    /// It produced different bytes from the vector.
    case mismatch(String, expected: [UInt8]?, actual: [UInt8]?)
    /// The case cannot run here; the text says why.
    case skipped(String)
}

/// The one place that maps an observation and a case's `result` to a verdict.
public enum CaseVerdict {
    public static func make(expected: ExpectedResult, observation: Observation) -> (Verdict, ObservedResult?) {
        switch (observation, expected) {
        case (.skipped(let reason), _):
            return (.skip(reason: reason), nil)
        case (.mismatch(let reason, let want, let got), _):
            return (.fail(reason: reason, expected: want, actual: got), nil)
        case (.accepted, .valid), (.accepted, .acceptable):
            return (.pass, .valid)
        case (.rejected, .invalid), (.rejected, .acceptable):
            return (.pass, .invalid)
        case (.accepted(let output), .invalid):
            return (.fail(reason: "accepted an invalid case", expected: nil, actual: output), .valid)
        case (.rejected(let why), .valid):
            return (.fail(reason: "rejected a valid case: \(why)", expected: nil, actual: nil), .invalid)
        }
    }
}

/// Collects the outcomes of one vector file, timing each case.
struct OutcomeRecorder {
    let path: String
    private(set) var outcomes = OutcomeLog()

    init(path: String) {
        self.path = path
    }

    mutating func record(_ testCase: some VectorTestCase, group: Int, _ body: () -> Observation) {
        let (observation, seconds) = Stopwatch.measure(body)
        let (verdict, actual) = CaseVerdict.make(expected: testCase.result, observation: observation)
        outcomes.append(Outcome(
            file: path, suite: path, groupIndex: group, tcId: testCase.tcId, comment: testCase.comment,
            flags: testCase.flags, expected: testCase.result, actual: actual, verdict: verdict,
            durationSeconds: seconds))
    }

    /// Attaches Java's verdict to the case recorded last.
    mutating func annotateLast(_ javaVerdict: JavaVerdict) {
        outcomes.annotateLast(javaVerdict)
    }

    /// Records every case of a group with the same observation (a group-level problem or skip).
    mutating func recordAll(_ cases: [some VectorTestCase], group: Int, _ observation: Observation) {
        for testCase in cases { record(testCase, group: group) { observation } }
    }
}

/// Compares outputs step by step; the first difference is the case's mismatch.
struct Comparison {
    private(set) var mismatch: Observation?

    /// Records a mismatch when `actual` differs from `expected` (only the first one counts).
    mutating func expect(_ what: String, _ actual: [UInt8], equals expected: [UInt8]) {
        guard mismatch == nil, actual != expected else { return }
        mismatch = .mismatch("\(what) differs from the vector", expected: expected, actual: actual)
    }

    mutating func expect(_ what: String, _ condition: Bool, detail: String = "") {
        guard mismatch == nil, !condition else { return }
        mismatch = .mismatch(detail.isEmpty ? what : "\(what): \(detail)", expected: nil, actual: nil)
    }

    /// Records `problem` as the mismatch unless one is already recorded.
    mutating func fail(_ problem: Observation) {
        if mismatch == nil { mismatch = problem }
    }

    var isClean: Bool { mismatch == nil }
}

extension Observation {
    var isMismatch: Bool { if case .mismatch = self { return true } else { return false } }
}

/// A thrown error as one line.
func describe(_ error: Error) -> String {
    String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " ")
}
