/// A JSON number kept as its text (RFC 8259 §6 grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`).
///
/// Nothing is converted while reading, so `-0`, `1.0`, `1e400` and `12345678901234567890123` are
/// kept exactly and written back unchanged; `intValue` and `doubleValue` convert on request and
/// return nil, never trap, when the value does not fit. Two numbers are equal when their texts are.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number's text, as read or as made by `init(_:)`.
    public let text: String

    /// nil unless `text` is a number of RFC 8259's grammar (no `+1`, `01`, `.5`, `1.`, `NaN`, spaces).
    public init?(text: String) {
        guard Self.grammarLength(Array(text.utf8), from: 0) == text.utf8.count else { return nil }
        self.text = text
    }

    public init(_ value: Int) { text = String(value) }

    /// Swift's shortest round-trip text of a finite `value` (`-2.5`, `1e-05`); nil for NaN and infinities.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        text = String(value)
    }

    /// Text already checked by `grammarLength` (the parser's).
    init(checkedText: String) { text = checkedText }

    public var description: String { text }

    /// The exact integer this number denotes when it is one and fits in `Int`: `-0` → 0, `1.0` → 1,
    /// `25e-1` → nil (2.5), `1e2` → 100, `9223372036854775808` → nil.
    public var intValue: Int? {
        let parts = Parts(text)
        // The value is 0.d₀d₁d₂… × 10^point: digits before `point` are the integer part.
        let digits = parts.digits
        let point = parts.point
        // Any non-zero digit after the point makes it a fraction.
        if digits.indices.contains(where: { $0 >= point && digits[$0] != 0 }) { return nil }
        var value = 0
        var index = 0
        while index < point {
            let digit = index < digits.count ? digits[index] : 0
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            // Accumulate towards the sign so that Int.min is reachable.
            let (next, overflow2) = parts.negative
                ? shifted.subtractingReportingOverflow(Int(digit)) : shifted.addingReportingOverflow(Int(digit))
            if overflow1 || overflow2 { return nil }
            value = next
            index += 1
        }
        return value
    }

    /// The nearest `Double` (`0.1` → 0.1, `1e-400` → 0); nil when the magnitude is too large (`1e400`).
    public var doubleValue: Double? {
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// The length of the longest prefix of `bytes[start...]` that is a number, or nil when there is none.
    /// (Used by `init?(text:)`; the parser has its own scanner with positioned errors.)
    static func grammarLength(_ bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        func digits() -> Int {
            let from = i
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
            return i - from
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: "0") {
            i += 1
        } else if digits() == 0 {
            return nil
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { return nil }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return nil }
        }
        return i - start
    }

    /// A number of the grammar as sign, significant digits and decimal point position.
    private struct Parts {
        var negative = false
        /// The integer and fraction digits with leading zeros removed (values 0...9).
        var digits: [UInt8] = []
        /// Where the decimal point sits in `digits` after applying the exponent (may be < 0 or > count).
        var point = 0

        init(_ text: String) {
            var bytes = Array(text.utf8)[...]
            if bytes.first == UInt8(ascii: "-") { negative = true; bytes = bytes.dropFirst() }
            var integerCount = 0
            var seenPoint = false
            while let b = bytes.first, b != UInt8(ascii: "e"), b != UInt8(ascii: "E") {
                bytes = bytes.dropFirst()
                if b == UInt8(ascii: ".") { seenPoint = true; continue }
                let digit = b &- 0x30
                if digits.isEmpty && digit == 0 {
                    // A leading zero: before the point it is nothing, after it it moves the point left.
                    if seenPoint { integerCount -= 1 }
                    continue
                }
                digits.append(digit)
                if !seenPoint { integerCount += 1 }
            }
            // The exponent, saturated: beyond ±(digits + leading fraction zeros + 40) every digit is on
            // one side of the point and the answer (fraction / too large / zero) no longer depends on
            // the exact value. The bound is at most the text's length + 40: no overflow below.
            var exponent = 0
            if !bytes.isEmpty {
                bytes = bytes.dropFirst()  // e or E
                var exponentNegative = false
                if bytes.first == UInt8(ascii: "-") { exponentNegative = true; bytes = bytes.dropFirst() }
                else if bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
                let bound = digits.count + abs(integerCount) + 40
                for b in bytes where exponent <= bound {
                    exponent = exponent * 10 + Int(b &- 0x30)
                }
                exponent = min(exponent, bound + 1)
                if exponentNegative { exponent = -exponent }
            }
            point = integerCount + exponent
        }
    }
}
