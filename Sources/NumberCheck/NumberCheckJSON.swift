/// The small, strict JSON (RFC 8259) reader and the canonical writer the number-check request and
/// response go through.
///
/// Why not Foundation's JSONSerialization: it accepts duplicate keys silently (which one wins is
/// unspecified), has no documented depth limit, and its writer escapes `/` as `\/`. The request is
/// signed field by field, so what a field *is* must be unambiguous: a duplicate key, a lone
/// surrogate escape or invalid UTF-8 is an error here, not a guess.
public indirect enum NumberCheckJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number, kept as its source text (numbers never carry request fields).
    case number(String)
    case string(String)
    case array([NumberCheckJSON])
    /// Members in source order (keys are unique).
    case object([(key: String, value: NumberCheckJSON)])

    public static func == (lhs: NumberCheckJSON, rhs: NumberCheckJSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a.utf8.elementsEqual(b.utf8)
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key.utf8.elementsEqual($1.key.utf8) && $0.value == $1.value }
        default: return false
        }
    }

    /// The member `key` of an object (nil for other values or an absent key).
    public subscript(key: String) -> NumberCheckJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key.utf8.elementsEqual(key.utf8) }?.value
    }

    /// A short name of the value's type, for messages.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// Nesting deeper than this is rejected (no recursion without bound on hostile input); the same
    /// limit as the Java oracle's reader.
    public static let maximumDepth = 256

    /// Parses one complete JSON text (UTF-8, an optional BOM is not allowed: RFC 8259 §8.1).
    public static func parse(_ bytes: [UInt8]) throws -> NumberCheckJSON {
        var reader = Reader(bytes: bytes)
        reader.skipWhitespace()
        let value = try reader.value(depth: 0)
        reader.skipWhitespace()
        guard reader.position == bytes.count else { throw reader.error("unexpected content after the JSON value") }
        return value
    }

    public static func parse(_ text: String) throws -> NumberCheckJSON {
        try parse(Array(text.utf8))
    }

    // MARK: - Writing

    /// A JSON string literal with the minimal escaping of RFC 8259: `"` and `\` escaped, control
    /// characters U+0000–U+001F as `\b \f \n \r \t` or `\u00xx`; every other character, Chinese
    /// text included, is written as its own UTF-8 bytes. `/` is not escaped.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        let hex = Array("0123456789abcdef")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += "\\u00"
                    out.append(hex[Int(scalar.value >> 4)])
                    out.append(hex[Int(scalar.value & 0xf)])
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// A JSON text that cannot be read: what and where (byte offset).
public struct NumberCheckJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public let offset: Int
    public var description: String { "\(message) at byte \(offset)" }
}

private struct Reader {
    let bytes: [UInt8]
    var position = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    func error(_ message: String) -> NumberCheckJSONError {
        NumberCheckJSONError(message: message, offset: position)
    }

    var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skipWhitespace() {
        while let b = current, b == 0x20 || b == 0x09 || b == 0x0a || b == 0x0d { position += 1 }
    }

    mutating func expect(_ literal: String) throws {
        for b in literal.utf8 {
            guard current == b else { throw error("invalid literal (expected \(literal))") }
            position += 1
        }
    }

    mutating func value(depth: Int) throws -> NumberCheckJSON {
        guard depth <= NumberCheckJSON.maximumDepth else { throw error("nesting deeper than \(NumberCheckJSON.maximumDepth)") }
        guard let b = current else { throw error("unexpected end of input") }
        switch b {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try expect("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw error("unexpected character")
        }
    }

    mutating func object(depth: Int) throws -> NumberCheckJSON {
        position += 1  // {
        var members: [(key: String, value: NumberCheckJSON)] = []
        var keys = Set<[UInt8]>()
        skipWhitespace()
        if current == UInt8(ascii: "}") { position += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw error("expected a member name") }
            let keyStart = position
            let key = try string()
            guard keys.insert(Array(key.utf8)).inserted else {
                position = keyStart
                throw error("duplicate member \(NumberCheckJSON.quoted(key))")
            }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':'") }
            position += 1
            skipWhitespace()
            members.append((key, try value(depth: depth + 1)))
            skipWhitespace()
            guard let b = current else { throw error("unexpected end of input in an object") }
            position += 1
            if b == UInt8(ascii: "}") { return .object(members) }
            guard b == UInt8(ascii: ",") else { position -= 1; throw error("expected ',' or '}'") }
        }
    }

    mutating func array(depth: Int) throws -> NumberCheckJSON {
        position += 1  // [
        var items: [NumberCheckJSON] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") { position += 1; return .array(items) }
        while true {
            skipWhitespace()
            items.append(try value(depth: depth + 1))
            skipWhitespace()
            guard let b = current else { throw error("unexpected end of input in an array") }
            position += 1
            if b == UInt8(ascii: "]") { return .array(items) }
            guard b == UInt8(ascii: ",") else { position -= 1; throw error("expected ',' or ']'") }
        }
    }

    mutating func number() throws -> String {
        let start = position
        func digits() -> Int {
            var count = 0
            while let b = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) { position += 1; count += 1 }
            return count
        }
        if current == UInt8(ascii: "-") { position += 1 }
        if current == UInt8(ascii: "0") {
            position += 1
        } else if digits() == 0 {
            throw error("invalid number")
        }
        if current == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw error("invalid number (no digits after '.')") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard digits() > 0 else { throw error("invalid number (no exponent digits)") }
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// A string literal; the raw bytes between escapes must be valid UTF-8.
    mutating func string() throws -> String {
        position += 1  // opening quote
        var out = [UInt8]()
        while true {
            guard let b = current else { throw error("unterminated string") }
            if b == UInt8(ascii: "\"") { position += 1; break }
            if b < 0x20 { throw error("unescaped control character in a string") }
            if b == UInt8(ascii: "\\") {
                position += 1
                guard let e = current else { throw error("unterminated escape") }
                position += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5c)
                case UInt8(ascii: "/"): out.append(0x2f)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0c)
                case UInt8(ascii: "n"): out.append(0x0a)
                case UInt8(ascii: "r"): out.append(0x0d)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try unicodeEscape()
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    position -= 1
                    throw error("invalid escape")
                }
                continue
            }
            out.append(b)
            position += 1
        }
        guard let text = strictUTF8(out) else { throw error("string is not valid UTF-8") }
        return text
    }

    mutating func hex4() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("incomplete \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[position]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error("invalid \\u escape")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    /// After `\u`: one BMP scalar or a surrogate pair; a lone surrogate is an error.
    mutating func unicodeEscape() throws -> Unicode.Scalar {
        let first = try hex4()
        if (0xD800...0xDBFF).contains(first) {
            guard position + 2 <= bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                throw error("lone surrogate in a \\u escape")
            }
            position += 2
            let second = try hex4()
            guard (0xDC00...0xDFFF).contains(second) else { throw error("lone surrogate in a \\u escape") }
            let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            guard let scalar = Unicode.Scalar(value) else { throw error("invalid \\u escape") }
            return scalar
        }
        guard let scalar = Unicode.Scalar(first) else { throw error("lone surrogate in a \\u escape") }
        return scalar
    }
}

/// The text of `bytes` when they are well-formed UTF-8 (no overlong forms, no surrogates), else nil.
func strictUTF8(_ bytes: [UInt8]) -> String? {
    var decoder = Unicode.UTF8()
    var iterator = bytes.makeIterator()
    var scalars = String.UnicodeScalarView()
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): scalars.append(scalar)
        case .emptyInput: return String(scalars)
        case .error: return nil
        }
    }
}
