import RSA
/// The human-readable explanation of a failing case, shared by the JUnit and Markdown reports:
/// comment, flags with what they mean (bugType, description), expected vs actual.
enum FailureText {
    /// `Flag (BUGTYPE): description` for each flag the suite's notes explain.
    static func flagLines(_ outcome: Outcome, notes: [String: VectorNote]) -> [String] {
        outcome.flags.map { flag in
            guard let note = notes[flag] else { return flag }
            var line = "\(flag) (\(note.bugType))"
            if let description = note.description, !description.isEmpty { line += ": \(description)" }
            if let effect = note.effect, !effect.isEmpty { line += " Effect: \(effect)" }
            if let cves = note.cves, !cves.isEmpty { line += " CVEs: \(cves.joined(separator: ", "))" }
            return line
        }
    }

    /// `valid`/`invalid`, `different output` for a mismatch, `n/a` when unknown.
    static func actualText(_ outcome: Outcome) -> String {
        if let actual = outcome.actual { return actual.rawValue }
        return outcome.verdict.isFailure ? "different output" : "n/a"
    }

    /// Index of the first differing byte (or the shorter length), nil when equal.
    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> Int? {
        for i in 0..<min(a.count, b.count) where a[i] != b[i] { return i }
        return a.count == b.count ? nil : min(a.count, b.count)
    }

    /// Multi-line body: reason, comment, flags, expected/actual result and bytes.
    static func body(_ outcome: Outcome, notes: [String: VectorNote]) -> String {
        var lines = [String]()
        if let reason = outcome.verdict.reason { lines.append("reason: \(reason)") }
        lines.append("case: \(outcome.id)" + (outcome.groupIndex.map { " (testGroups[\($0)])" } ?? ""))
        if !outcome.comment.isEmpty { lines.append("comment: \(outcome.comment)") }
        let flags = flagLines(outcome, notes: notes)
        if !flags.isEmpty { lines.append("flags:"); lines += flags.map { "  - \($0)" } }
        lines.append("result: expected \(outcome.expected.rawValue), actual \(actualText(outcome))")
        if case .fail(_, let expected, let actual) = outcome.verdict {
            if let expected { lines.append("expected bytes (\(expected.count)): \(Hex.encode(expected))") }
            if let actual { lines.append("actual bytes   (\(actual.count)): \(Hex.encode(actual))") }
            if let expected, let actual, let index = firstDifference(expected, actual) {
                lines.append("first difference at byte \(index)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
