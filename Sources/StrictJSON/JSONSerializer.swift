/// Writes a `JSONValue` as JSON text: members in their order (or sorted by name), numbers as their
/// text, strings with one of two escapings. Total: every value has a text, nothing throws or traps.
public struct JSONSerializer: Sendable {
    /// How strings are escaped. Both escape `"`, `\` and every control character U+0000–U+001F and
    /// never escape `/`; every other character is written as its own UTF-8 bytes (Chinese text too).
    public enum Escaping: Sendable {
        /// RFC 8259's minimal escaping with the short forms `\b \f \n \r \t` (the number-check
        /// request's text: NUMBER_CHECK.md).
        case minimal
        /// For one-line protocols and messages: `\n \r \t`, every other control character as
        /// `\u00xx`, and also DEL, U+2028 and U+2029 as `\u` escapes (line separators to some readers
        /// and terminals). What the Java bridge and the adapters are sent.
        case lineSafe
    }

    public var escaping: Escaping
    /// Members sorted by the UTF-8 bytes of their names at every level, for a fixed text from
    /// objects built out of a `Dictionary`; otherwise in their order.
    public var sortedKeys: Bool
    /// Two-space indentation, one member or item a line, `": "` after names; otherwise one line
    /// with no spaces.
    public var pretty: Bool

    public init(escaping: Escaping = .minimal, sortedKeys: Bool = false, pretty: Bool = false) {
        self.escaping = escaping
        self.sortedKeys = sortedKeys
        self.pretty = pretty
    }

    /// One line, members in order, line-safe escaping (`JSONValue.description`).
    public static let line = JSONSerializer(escaping: .lineSafe)
    /// The JSON-lines request of the Java bridge and of adapters: one line, sorted names, line-safe.
    public static let protocolLine = JSONSerializer(escaping: .lineSafe, sortedKeys: true)

    public func string(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: "", to: &out)
        return out
    }

    public func bytes(_ value: JSONValue) -> [UInt8] { Array(string(value).utf8) }

    private func write(_ value: JSONValue, indent: String, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n.text
        case .string(let s): Self.writeQuoted(s, escaping: escaping, to: &out)
        case .array(let items):
            writeContainer(items, open: "[", close: "]", indent: indent, to: &out) { item, inner, out in
                write(item, indent: inner, to: &out)
            }
        case .object(let object):
            let members = sortedKeys ? object.members.sorted { Self.utf8Less($0.key, $1.key) } : object.members
            writeContainer(members, open: "{", close: "}", indent: indent, to: &out) { member, inner, out in
                Self.writeQuoted(member.key, escaping: escaping, to: &out)
                out += pretty ? ": " : ":"
                write(member.value, indent: inner, to: &out)
            }
        }
    }

    private func writeContainer<Element>(_ elements: [Element], open: String, close: String, indent: String, to out: inout String,
                                         element: (Element, String, inout String) -> Void) {
        guard !elements.isEmpty else { out += open + close; return }
        let inner = pretty ? indent + "  " : indent
        out += open
        for (i, item) in elements.enumerated() {
            if i > 0 { out += "," }
            if pretty { out += "\n" + inner }
            element(item, inner, &out)
        }
        if pretty { out += "\n" + indent }
        out += close
    }

    /// `text` as a JSON string literal.
    public static func quoted(_ text: String, escaping: Escaping = .minimal) -> String {
        var out = ""
        writeQuoted(text, escaping: escaping, to: &out)
        return out
    }

    private static let hexDigits = Array("0123456789abcdef")

    static func writeQuoted(_ text: String, escaping: Escaping, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}" where escaping == .minimal: out += "\\b"
            case "\u{0C}" where escaping == .minimal: out += "\\f"
            default:
                let v = scalar.value
                if v < 0x20 || (escaping == .lineSafe && (v == 0x7f || v == 0x2028 || v == 0x2029)) {
                    out += "\\u"
                    for shift in [12, 8, 4, 0] as [UInt32] { out.append(hexDigits[Int((v >> shift) & 0xf)]) }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// Name order of `sortedKeys`: by UTF-8 bytes (the same as by code points; for ASCII names the
    /// same as Swift's `<`).
    public static func utf8Less(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
