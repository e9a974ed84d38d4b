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
        for scalar in text.unicodeScalars {
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
        return out
    }

    /// True when `escape` would change the text.
    public static func needsEscaping<S: StringProtocol>(_ text: S) -> Bool {
        text.unicodeScalars.contains { scalar in
            let v = scalar.value
            return v < 0x20 || (0x7f...0x9f).contains(v) || v == 0x2028 || v == 0x2029
        }
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
