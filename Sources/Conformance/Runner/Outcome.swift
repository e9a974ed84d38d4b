import RSA
/// How the implementation treated a case, in the vocabulary of `result`: accepted it (`valid`) or
/// rejected it (`invalid`). Recorded for every case where it is meaningful; for `acceptable` cases it
/// is how the report says which way the case went.
public enum ObservedResult: String, Codable, Sendable {
    case valid
    case invalid
}

/// A case's verdict.
public enum Verdict: Sendable, Equatable {
    case pass
    /// The implementation disagreed; `expected`/`actual` are the bytes that differ, when there are bytes.
    case fail(reason: String, expected: [UInt8]? = nil, actual: [UInt8]? = nil)
    /// The case could not run (e.g. a hash the RSA module does not support); never silent.
    case skip(reason: String)

    public var status: String {
        switch self {
        case .pass: return "pass"
        case .fail: return "fail"
        case .skip: return "skip"
        }
    }

    public var reason: String? {
        switch self {
        case .pass: return nil
        case .fail(let reason, _, _), .skip(let reason): return reason
        }
    }

    public var isFailure: Bool { if case .fail = self { return true } else { return false } }
    public var isSkip: Bool { if case .skip = self { return true } else { return false } }
}

/// The result of one case of a vector file, or of one cross-check.
public struct Outcome: Sendable, Equatable {
    /// The vector file (display path), or the check suite's name.
    public var file: String
    /// The suite the case belongs to (the vector file's display path, or a check suite's name).
    public var suite: String
    /// Index of the case's group in `testGroups` (nil for checks).
    public var groupIndex: Int?
    public var tcId: Int
    public var comment: String
    public var flags: [String]
    public var expected: ExpectedResult
    /// How the implementation treated the case (nil when it could not be determined, e.g. skipped).
    public var actual: ObservedResult?
    public var verdict: Verdict
    public var durationSeconds: Double
    /// For an `acceptable` signature case: what Java does with it (shown by every report).
    public var javaVerdict: JavaVerdict?

    public init(file: String, suite: String, groupIndex: Int?, tcId: Int, comment: String, flags: [String],
                expected: ExpectedResult, actual: ObservedResult?, verdict: Verdict, durationSeconds: Double = 0) {
        self.file = file
        self.suite = suite
        self.groupIndex = groupIndex
        self.tcId = tcId
        self.comment = comment
        self.flags = flags
        self.expected = expected
        self.actual = actual
        self.verdict = verdict
        self.durationSeconds = durationSeconds
    }

    /// `suite#tcId`, unique within a run.
    public var id: String { "\(suite)#\(tcId)" }

    /// For an `acceptable` case: which way it went ("accepted"/"rejected"), else nil.
    public var acceptableResolution: String? {
        guard expected == .acceptable, let actual else { return nil }
        return actual == .valid ? "accepted" : "rejected"
    }
}

/// Which way Java goes on an `acceptable` case, where that comes from, and what the strict RFC 8017
/// reading gives (so a report says whether "accepted" is the JDK's leniency or ours).
public struct JavaVerdict: Sendable, Equatable, Codable {
    /// "accepted" or "rejected".
    public var java: String
    /// "vector file (JDK)" when the file records the JDK's verdict, else "Java-compatible verification".
    public var source: String
    /// The verdict of `--strict` (RFC 8017 §8.2.2 re-encoding), when it was computed.
    public var strict: String?

    public init(java: String, source: String, strict: String? = nil) {
        self.java = java
        self.source = source
        self.strict = strict
    }

    public var text: String { "Java: \(java) (\(source))" + (strict.map { "; strict RFC 8017: \($0)" } ?? "") }
}

extension Outcome: Codable {
    enum CodingKeys: String, CodingKey {
        case id, file, suite, group, tcId, comment, flags, expected, actual, acceptable, javaVerdict, verdict, reason
        case expectedBytes, actualBytes, durationSeconds
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(file, forKey: .file)
        try c.encode(suite, forKey: .suite)
        try c.encodeIfPresent(groupIndex, forKey: .group)
        try c.encode(tcId, forKey: .tcId)
        try c.encode(comment, forKey: .comment)
        try c.encode(flags, forKey: .flags)
        try c.encode(expected, forKey: .expected)
        try c.encodeIfPresent(actual, forKey: .actual)
        try c.encodeIfPresent(acceptableResolution, forKey: .acceptable)
        try c.encodeIfPresent(javaVerdict, forKey: .javaVerdict)
        try c.encode(verdict.status, forKey: .verdict)
        try c.encodeIfPresent(verdict.reason, forKey: .reason)
        if case .fail(_, let expectedBytes, let actualBytes) = verdict {
            try c.encodeIfPresent(expectedBytes.map { Hex.encode($0) }, forKey: .expectedBytes)
            try c.encodeIfPresent(actualBytes.map { Hex.encode($0) }, forKey: .actualBytes)
        }
        try c.encode(durationSeconds, forKey: .durationSeconds)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        file = try c.decode(String.self, forKey: .file)
        suite = try c.decode(String.self, forKey: .suite)
        groupIndex = try c.decodeIfPresent(Int.self, forKey: .group)
        tcId = try c.decode(Int.self, forKey: .tcId)
        comment = try c.decode(String.self, forKey: .comment)
        flags = try c.decode([String].self, forKey: .flags)
        expected = try c.decode(ExpectedResult.self, forKey: .expected)
        actual = try c.decodeIfPresent(ObservedResult.self, forKey: .actual)
        durationSeconds = try c.decode(Double.self, forKey: .durationSeconds)
        javaVerdict = try c.decodeIfPresent(JavaVerdict.self, forKey: .javaVerdict)
        let status = try c.decode(String.self, forKey: .verdict)
        let reason = try c.decodeIfPresent(String.self, forKey: .reason) ?? ""
        func bytes(_ key: CodingKeys) throws -> [UInt8]? {
            guard let text = try c.decodeIfPresent(String.self, forKey: key) else { return nil }
            switch Hex.decode(text) {
            case .success(let b): return b
            case .failure(let p): throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: p.description)
            }
        }
        switch status {
        case "pass": verdict = .pass
        case "fail": verdict = .fail(reason: reason, expected: try bytes(.expectedBytes), actual: try bytes(.actualBytes))
        case "skip": verdict = .skip(reason: reason)
        default:
            throw DecodingError.dataCorruptedError(forKey: .verdict, in: c, debugDescription: "unknown verdict '\(status)'")
        }
    }
}
