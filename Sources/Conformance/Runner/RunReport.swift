/// Case counts of a suite or a whole run.
public struct OutcomeCounts: Codable, Sendable, Equatable {
    public var cases = 0
    public var passed = 0
    public var failed = 0
    public var skipped = 0
    /// `acceptable` cases the implementation accepted / rejected (both pass).
    public var acceptableAccepted = 0
    public var acceptableRejected = 0

    public init() {}

    public init(_ outcomes: [Outcome]) {
        for outcome in outcomes { add(outcome) }
    }

    public mutating func add(_ outcome: Outcome) {
        cases += 1
        switch outcome.verdict {
        case .pass: passed += 1
        case .fail: failed += 1
        case .skip: skipped += 1
        }
        if outcome.expected == .acceptable, !outcome.verdict.isSkip, let actual = outcome.actual {
            if actual == .valid { acceptableAccepted += 1 } else { acceptableRejected += 1 }
        }
    }

    public mutating func add(_ other: OutcomeCounts) {
        cases += other.cases
        passed += other.passed
        failed += other.failed
        skipped += other.skipped
        acceptableAccepted += other.acceptableAccepted
        acceptableRejected += other.acceptableRejected
    }
}

/// One suite of a run: a vector file, or a check suite (cross-checks, live Java checks).
public struct SuiteReport: Codable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case vectors
        case check
    }

    /// Display name: the vector file's path (relative to the package root when inside it) or the check's name.
    public let name: String
    public let kind: Kind
    /// The vector file's path as found (nil for checks).
    public let file: String?
    public let schema: String?
    public let algorithm: String?
    /// The file's provenance (`header`).
    public let header: [String]
    /// What each flag means (`notes`): bugType, description...
    public let notes: [String: VectorNote]
    public let counts: OutcomeCounts
    public let durationSeconds: Double
    /// Set when the suite could not run at all (unreadable or malformed vector file): exit 2.
    public let error: String?
    /// Every case in order (passes stored compactly, see `OutcomeLog`).
    public let outcomes: OutcomeLog

    public init(name: String, kind: Kind, file: String? = nil, schema: String? = nil, algorithm: String? = nil,
                header: [String] = [], notes: [String: VectorNote] = [:], durationSeconds: Double,
                error: String? = nil, outcomes: [Outcome]) {
        self.init(name: name, kind: kind, file: file, schema: schema, algorithm: algorithm, header: header, notes: notes,
                  durationSeconds: durationSeconds, error: error, log: OutcomeLog(outcomes))
    }

    public init(name: String, kind: Kind, file: String? = nil, schema: String? = nil, algorithm: String? = nil,
                header: [String] = [], notes: [String: VectorNote] = [:], durationSeconds: Double,
                error: String? = nil, log: OutcomeLog) {
        self.name = name
        self.kind = kind
        self.file = file
        self.schema = schema
        self.algorithm = algorithm
        self.header = header
        self.notes = notes
        self.counts = log.counts
        self.durationSeconds = durationSeconds
        self.error = error
        self.outcomes = log
    }

    /// "ok", "FAIL" or "ERROR".
    public var status: String {
        if error != nil { return "ERROR" }
        return counts.failed > 0 ? "FAIL" : "ok"
    }
}

/// A JSON file found in a vector folder that is not a vector file (no `schema` and no `testGroups`).
public struct IgnoredFile: Codable, Sendable, Equatable {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// What a run was, on what: every report is written from this.
public struct RunMetadata: Codable, Sendable {
    public var tool = "conformance"
    /// Start of the run, ISO 8601 (UTC).
    public var startedAt: String
    public var durationSeconds: Double = 0
    public var swiftVersion: String = BuildInfo.swiftVersion
    public var gmpVersion: String = BuildInfo.gmpVersion
    public var platform: String = BuildInfo.platform
    /// Filled by the caller when a JDK was used (oracle `hello`).
    public var jdkVersion: String?
    public var commonsCodecVersion: String?
    public var javaMode: String?
    public var seed: UInt64?
    /// The vector paths scanned (stored folder first, then the ones given).
    public var vectorPaths: [String] = []

    public init(startedAt: String) {
        self.startedAt = startedAt
    }
}

/// The whole run: metadata, one `SuiteReport` per vector file and check suite, files ignored.
public struct RunReport: Codable, Sendable {
    public var metadata: RunMetadata
    public let totals: OutcomeCounts
    /// Suites that could not run (malformed files): the run's exit code is then 2.
    public let errors: Int
    public let suites: [SuiteReport]
    public let ignoredFiles: [IgnoredFile]

    public init(metadata: RunMetadata, suites: [SuiteReport], ignoredFiles: [IgnoredFile] = []) {
        self.metadata = metadata
        self.suites = suites
        self.ignoredFiles = ignoredFiles
        var totals = OutcomeCounts()
        for suite in suites { totals.add(suite.counts) }
        self.totals = totals
        self.errors = suites.filter { $0.error != nil }.count
    }

    /// The gate: 2 when a vector file could not be read or decoded, else 1 when a case failed, else 2
    /// when nothing was checked (`emptyReason`), else 0.
    public var exitCode: Int32 {
        if errors > 0 { return 2 }
        if totals.failed > 0 { return 1 }
        return emptyReason == nil ? 0 : 2
    }

    /// Why a run without failures still proves nothing: no case ran, or every case was skipped, or
    /// vector paths were given and not one vector case ran (only skips, or no vector file with cases:
    /// a mistyped folder must not pass on the cross-checks alone). A gate must not say PASS for that.
    public var emptyReason: String? {
        guard totals.failed == 0 else { return nil }
        if totals.passed == 0 {
            if totals.cases == 0 { return "no case ran (no vector file with cases and no check suite)" }
            return "every case was skipped (\(totals.skipped) skipped, none passed)"
        }
        guard !metadata.vectorPaths.isEmpty else { return nil }
        var vectors = OutcomeCounts()
        for suite in suites where suite.kind == .vectors { vectors.add(suite.counts) }
        if vectors.passed > 0 { return nil }
        if vectors.cases == 0 {
            return "no vector case ran (no vector file with cases in \(metadata.vectorPaths.joined(separator: ", ")))"
        }
        return "every vector case was skipped (\(vectors.skipped) skipped, none passed)"
    }

    /// "pass", "fail" or "error".
    public var status: String {
        switch exitCode {
        case 0: return "pass"
        case 1: return "fail"
        default: return "error"
        }
    }

    public var failures: [Outcome] { suites.flatMap { $0.outcomes.failures } }
}
