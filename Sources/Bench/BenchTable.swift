import Foundation

extension BenchReport {
    static let implementations = ["ours", "boringssl", "jdk", "gmp-c"]

    /// Operations in the order they were measured.
    var operations: [String] {
        var seen = [String]()
        for op in results.map(\.operation) + skipped.map(\.operation) where !seen.contains(op) { seen.append(op) }
        return seen
    }

    /// The report as Markdown: the figures, the ratios against the targets, notes, what was not measured.
    public var markdown: String {
        var lines = ["| operation | unit | " + BenchReport.implementations.joined(separator: " | ") + " |",
                     "|---|---|" + String(repeating: "---:|", count: BenchReport.implementations.count)]
        for op in operations {
            let unit = results.first { $0.operation == op }?.unit ?? ""
            let cells = BenchReport.implementations.map { impl -> String in
                guard let r = results.first(where: { $0.operation == op && $0.implementation == impl }) else { return "–" }
                return BenchReport.format(r.value) + (r.note == nil ? "" : "*")
            }
            lines.append("| \(op) | \(unit) | " + cells.joined(separator: " | ") + " |")
        }
        if !ratios.isEmpty {
            lines += ["", "| target | ours vs | speed-up | needed | |", "|---|---|---:|---:|---|"]
            for r in ratios {
                lines.append("| \(r.operation) | \(r.against) | \(String(format: "%.2f×", r.ratio)) | ≥ \(String(format: "%.2f×", r.target)) | \(r.met ? "met" : "NOT met") |")
            }
        }
        let notes = results.filter { $0.note != nil }
        if !notes.isEmpty {
            lines.append("")
            for r in notes { lines.append("\\* \(r.operation), \(r.implementation): \(r.note ?? "")") }
        }
        if !skipped.isEmpty {
            lines.append("")
            lines.append("Not measured:")
            var seen = Set<String>()
            for s in skipped where seen.insert(s.implementation + s.reason).inserted {
                let ops = skipped.filter { $0.implementation == s.implementation && $0.reason == s.reason }.map(\.operation)
                lines.append("- \(s.implementation) (\(ops.joined(separator: ", "))): \(s.reason)")
            }
        }
        lines.append("")
        lines.append("Machine: " + machine.keys.sorted().map { "\($0)=\(machine[$0] ?? "")" }.joined(separator: "; "))
        return lines.joined(separator: "\n")
    }

    static func format(_ value: Double) -> String {
        if value >= 100 { return String(format: "%.0f", value) }
        if value >= 10 { return String(format: "%.1f", value) }
        return String(format: "%.3f", value)
    }

    /// Pretty JSON with sorted keys.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
