/// The outcomes of one suite, in order, stored so that a run's memory grows by a few dozen bytes per
/// passing case (issue 8: "keep failure detail, not the bytes of every pass").
///
/// A plain pass (no `javaVerdict`) is one fixed-size `Entry`: tcId, group, timing, result codes and
/// indexes into the log's tables of distinct texts (file, suite, comment) and flag lists, which in
/// vector files repeat from case to case. Failures, skips and annotated passes keep their whole
/// `Outcome` (reason, bytes, Java's verdict). Reading the log gives back the same `Outcome`s in order,
/// so the reports are unchanged; they read it as they write, one outcome at a time.
public struct OutcomeLog: RandomAccessCollection, Sendable, Equatable {
    struct Entry: Sendable {
        var tcId: Int
        var durationSeconds: Double
        /// Index of the case's group (-1: none), or of the whole outcome in `details` when `detail`.
        var group: Int32
        var file: UInt32
        var suite: UInt32
        var comment: UInt32
        var flags: UInt32
        var expected: UInt8
        /// 0: nil, 1: valid, 2: invalid.
        var actual: UInt8
        var detail: Bool
    }

    private var entries: [Entry] = []
    /// Whole outcomes of the cases that are not plain passes, in order.
    public private(set) var details: [Outcome] = []
    private var texts = TextArena()
    private var flagLists = InternTable<[String]>()
    public private(set) var counts = OutcomeCounts()

    public init() {}

    public init<S: Sequence>(_ outcomes: S) where S.Element == Outcome {
        for outcome in outcomes { append(outcome) }
    }

    public mutating func append(_ outcome: Outcome) {
        counts.add(outcome)
        guard outcome.verdict == .pass, outcome.javaVerdict == nil,
              let group = Self.compactGroup(outcome.groupIndex) else {
            entries.append(Entry(tcId: 0, durationSeconds: 0, group: Int32(truncatingIfNeeded: details.count), file: 0, suite: 0,
                                 comment: 0, flags: 0, expected: 0, actual: 0, detail: true))
            details.append(outcome)
            return
        }
        entries.append(Entry(
            tcId: outcome.tcId, durationSeconds: outcome.durationSeconds, group: group,
            file: texts.index(outcome.file), suite: texts.index(outcome.suite), comment: texts.index(outcome.comment),
            flags: flagLists.index(outcome.flags), expected: Self.code(outcome.expected), actual: Self.code(outcome.actual),
            detail: false))
    }

    /// Attaches Java's verdict to the last outcome (it then keeps its whole `Outcome`).
    mutating func annotateLast(_ javaVerdict: JavaVerdict) {
        guard let last = entries.indices.last else { return }
        var outcome = self[last]
        outcome.javaVerdict = javaVerdict
        if entries[last].detail {
            details[Int(entries[last].group)] = outcome
        } else {
            entries[last] = Entry(tcId: 0, durationSeconds: 0, group: Int32(truncatingIfNeeded: details.count), file: 0, suite: 0,
                                  comment: 0, flags: 0, expected: 0, actual: 0, detail: true)
            details.append(outcome)
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { entries.count }

    public subscript(position: Int) -> Outcome {
        let entry = entries[position]
        if entry.detail { return details[Int(entry.group)] }
        return Outcome(file: texts[entry.file], suite: texts[entry.suite], groupIndex: entry.group < 0 ? nil : Int(entry.group),
                       tcId: entry.tcId, comment: texts[entry.comment], flags: flagLists[entry.flags],
                       expected: Self.expected(entry.expected), actual: Self.actual(entry.actual), verdict: .pass,
                       durationSeconds: entry.durationSeconds)
    }

    /// The failing outcomes, in order (without rebuilding the passes).
    public var failures: [Outcome] { details.filter { $0.verdict.isFailure } }

    public static func == (lhs: OutcomeLog, rhs: OutcomeLog) -> Bool { lhs.elementsEqual(rhs) }

    /// A group index that fits the compact entry (-1 for none); nil when it does not fit.
    private static func compactGroup(_ index: Int?) -> Int32? {
        guard let index else { return -1 }
        return index >= 0 && index <= Int(Int32.max) ? Int32(index) : nil
    }

    private static func code(_ expected: ExpectedResult) -> UInt8 {
        switch expected {
        case .valid: return 0
        case .invalid: return 1
        case .acceptable: return 2
        }
    }

    private static func expected(_ code: UInt8) -> ExpectedResult {
        switch code {
        case 0: return .valid
        case 1: return .invalid
        default: return .acceptable
        }
    }

    private static func code(_ actual: ObservedResult?) -> UInt8 {
        switch actual {
        case nil: return 0
        case .valid?: return 1
        case .invalid?: return 2
        }
    }

    private static func actual(_ code: UInt8) -> ObservedResult? {
        switch code {
        case 1: return .valid
        case 2: return .invalid
        default: return nil
        }
    }
}

extension OutcomeLog: Codable {
    public init(from decoder: Decoder) throws {
        self.init(try [Outcome](from: decoder))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.unkeyedContainer()
        for outcome in self { try c.encode(outcome) }
    }
}

/// Distinct strings, each stored once as UTF-8 in one buffer and named by its index: a distinct
/// comment costs its bytes plus 12 (its end offset and two hash slots), not a heap string and a
/// dictionary entry (~100 bytes more for a 30-character comment).
struct TextArena: Sendable {
    private var bytes: [UInt8] = []
    /// End offset of each string in `bytes` (string i starts where i − 1 ends).
    private var ends: [UInt32] = []
    /// Open addressing: index + 1 of the string in each slot, 0 when free; at most half full.
    private var slots = [UInt32](repeating: 0, count: 16)

    mutating func index(_ text: String) -> UInt32 {
        var text = text
        return text.withUTF8 { utf8 in
            let hash = Self.hash(utf8)
            var slot = hash & (slots.count - 1)
            while slots[slot] != 0 {
                let known = slots[slot] - 1
                if range(known).count == utf8.count, bytes[range(known)].elementsEqual(utf8) { return known }
                slot = (slot + 1) & (slots.count - 1)
            }
            let index = UInt32(truncatingIfNeeded: ends.count)
            bytes.append(contentsOf: utf8)
            ends.append(UInt32(truncatingIfNeeded: bytes.count))
            slots[slot] = index + 1
            if ends.count * 2 > slots.count { grow() }
            return index
        }
    }

    subscript(index: UInt32) -> String {
        bytes[range(index)].withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    private func range(_ index: UInt32) -> Range<Int> {
        let i = Int(index)
        return (i == 0 ? 0 : Int(ends[i - 1]))..<Int(ends[i])
    }

    private mutating func grow() {
        var larger = [UInt32](repeating: 0, count: slots.count * 2)
        for index in 0..<UInt32(truncatingIfNeeded: ends.count) {
            let hash = bytes[range(index)].withUnsafeBufferPointer { Self.hash($0) }
            var slot = hash & (larger.count - 1)
            while larger[slot] != 0 { slot = (slot + 1) & (larger.count - 1) }
            larger[slot] = index + 1
        }
        slots = larger
    }

    /// FNV-1a over the bytes.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h >> 1)
    }
}

/// Distinct values, each stored once, named by their index.
struct InternTable<Value: Hashable & Sendable>: Sendable {
    private var values: [Value] = []
    private var indexes: [Value: UInt32] = [:]

    mutating func index(_ value: Value) -> UInt32 {
        if let known = indexes[value] { return known }
        let index = UInt32(truncatingIfNeeded: values.count)
        values.append(value)
        indexes[value] = index
        return index
    }

    subscript(index: UInt32) -> Value { values[Int(index)] }
}
