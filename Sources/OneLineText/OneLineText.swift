/// Makes any text safe to print as (part of) one line: every error the tool prints goes through here.
///
/// Values echoed in errors come from users and files (`--alg`, `@path`, a PEM label, a vector file's
/// `schema`, a Java class name...). A newline in them would split the error, an ESC would drive the
/// terminal, so control characters are shown escaped instead: `\n`, `\r`, `\t`, `\0`, `\e`, otherwise
/// `\xHH` for the C0 controls and DEL, `\u{HHHH}` for C1 controls and the Unicode line/paragraph
/// separators. Everything else, including non-ASCII text, is kept as is.
public enum OneLineText {
    public static func escape<S: StringProtocol>(_ text: S) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { append(scalar, to: &out) }
        return out
    }

    /// The text between two `quote` characters, escaped as by `escape`, the quote and the backslash
    /// escaped too (`\'`, `\\`): a value quoted in a message stays on one line and its end is visible.
    public static func quoted<S: StringProtocol>(_ text: S, quote: Character = "'") -> String {
        var out = String(quote)
        for scalar in text.unicodeScalars {
            if Character(scalar) == quote || scalar == "\\" { out += "\\" }
            append(scalar, to: &out)
        }
        return out + String(quote)
    }

    /// At most `limit` bytes read from a child process, decoded as UTF-8 (invalid sequences become
    /// U+FFFD) and quoted with `"`, followed by "…" when cut; "nothing" for no bytes.
    public static func quoted(bytes: [UInt8], limit: Int = 200) -> String {
        if bytes.isEmpty { return "nothing" }
        let text = String(decoding: bytes.prefix(max(0, limit)), as: UTF8.self)
        return quoted(text, quote: "\"") + (bytes.count > limit ? "…" : "")
    }

    /// The first `limit` bytes of `text`'s UTF-8, as `quoted(bytes:limit:)` (a long answer is cut).
    public static func quoted(prefixOf text: String, limit: Int = 200) -> String {
        quoted(bytes: Array(text.utf8), limit: limit)
    }

    /// True when `escape` would change the text.
    public static func needsEscaping<S: StringProtocol>(_ text: S) -> Bool {
        text.unicodeScalars.contains { scalar in
            let v = scalar.value
            return v < 0x20 || (0x7f...0x9f).contains(v) || v == 0x2028 || v == 0x2029
        }
    }

    private static func append(_ scalar: Unicode.Scalar, to out: inout String) {
        switch scalar.value {
        case 0x0a: out += "\\n"
        case 0x0d: out += "\\r"
        case 0x09: out += "\\t"
        case 0x00: out += "\\0"
        case 0x1b: out += "\\e"
        case 0x00...0x1f, 0x7f: out += "\\x" + hex(scalar.value, width: 2)
        case 0x80...0x9f, 0x2028, 0x2029: out += "\\u{" + hex(scalar.value, width: 4) + "}"
        default: out.unicodeScalars.append(scalar)
        }
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
