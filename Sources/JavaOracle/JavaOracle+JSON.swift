extension JavaOracle {
    /// A JSON value as exchanged with the bridge (one line per message).
    public enum JSONValue: Sendable, Equatable, CustomStringConvertible,
        ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral
    {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)
        case array([JSONValue])
        case object([String: JSONValue])

        public init(stringLiteral value: String) { self = .string(value) }
        public init(integerLiteral value: Int) { self = .int(value) }
        public init(booleanLiteral value: Bool) { self = .bool(value) }

        public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
        public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
        public var intValue: Int? { if case .int(let i) = self { return i } else { return nil } }
        public var isNull: Bool { self == .null }

        /// Compact one-line JSON.
        public var description: String {
            var out = ""
            write(to: &out)
            return out
        }

        func write(to out: inout String) {
            switch self {
            case .null: out += "null"
            case .bool(let b): out += b ? "true" : "false"
            case .int(let i): out += String(i)
            case .double(let d):
                // JSON has no NaN/Infinity; they never occur in oracle requests.
                out += d.isFinite ? String(d) : "null"
            case .string(let s): Self.writeString(s, to: &out)
            case .array(let items):
                out += "["
                for (i, item) in items.enumerated() {
                    if i > 0 { out += "," }
                    item.write(to: &out)
                }
                out += "]"
            case .object(let fields):
                out += "{"
                // Sorted keys: deterministic output.
                for (i, key) in fields.keys.sorted().enumerated() {
                    if i > 0 { out += "," }
                    Self.writeString(key, to: &out)
                    out += ":"
                    fields[key].map { $0.write(to: &out) }
                }
                out += "}"
            }
        }

        static func writeString(_ s: String, to out: inout String) {
            out += "\""
            let hex: [Character] = Array("0123456789abcdef")
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 || scalar.value == 0x7f || scalar.value == 0x2028 || scalar.value == 0x2029 {
                        let v = Int(scalar.value)
                        out += "\\u"
                        out.append(hex[(v >> 12) & 0xf]); out.append(hex[(v >> 8) & 0xf])
                        out.append(hex[(v >> 4) & 0xf]); out.append(hex[v & 0xf])
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            out += "\""
        }

        /// Parses one complete JSON text (strict: RFC 8259, no trailing content).
        public static func parse(_ bytes: [UInt8]) throws -> JSONValue {
            var parser = Parser(bytes: bytes)
            parser.skipWhitespace()
            let value = try parser.value(depth: 0)
            parser.skipWhitespace()
            guard parser.pos == bytes.count else { throw parser.error("unexpected content after the JSON value") }
            return value
        }

        public static func parse(_ text: String) throws -> JSONValue {
            try parse(Array(text.utf8))
        }
    }

    /// A JSON syntax error (one line).
    public struct JSONSyntaxError: Error, CustomStringConvertible, Sendable {
        public let message: String
        public let offset: Int
        public var description: String { "JSON: \(message) at offset \(offset)" }
    }

    struct Parser {
        let bytes: [UInt8]
        var pos = 0
        static let maxDepth = 256

        init(bytes: [UInt8]) { self.bytes = bytes }

        func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
            JSONSyntaxError(message: message, offset: offset ?? pos)
        }

        mutating func skipWhitespace() {
            while pos < bytes.count, bytes[pos] == 0x20 || bytes[pos] == 0x09 || bytes[pos] == 0x0a || bytes[pos] == 0x0d {
                pos += 1
            }
        }

        mutating func value(depth: Int) throws -> JSONValue {
            guard depth <= Self.maxDepth else { throw error("nesting deeper than \(Self.maxDepth)") }
            guard pos < bytes.count else { throw error("unexpected end of input") }
            switch bytes[pos] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            default: throw error("unexpected character")
            }
        }

        mutating func literal(_ word: String) throws {
            let w = Array(word.utf8)
            guard pos + w.count <= bytes.count, Array(bytes[pos..<pos + w.count]) == w else { throw error("invalid literal") }
            pos += w.count
        }

        mutating func object(depth: Int) throws -> JSONValue {
            pos += 1
            var fields: [String: JSONValue] = [:]
            skipWhitespace()
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(fields) }
            while true {
                skipWhitespace()
                guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else { throw error("expected a string key") }
                let keyAt = pos
                let key = try string()
                skipWhitespace()
                guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw error("expected ':'") }
                pos += 1
                skipWhitespace()
                let v = try value(depth: depth + 1)
                guard fields[key] == nil else { throw error("duplicate key \"\(key)\"", at: keyAt) }
                fields[key] = v
                skipWhitespace()
                guard pos < bytes.count else { throw error("unterminated object") }
                let c = bytes[pos]
                pos += 1
                if c == UInt8(ascii: "}") { return .object(fields) }
                guard c == UInt8(ascii: ",") else { throw error("expected ',' or '}'", at: pos - 1) }
            }
        }

        mutating func array(depth: Int) throws -> JSONValue {
            pos += 1
            var items: [JSONValue] = []
            skipWhitespace()
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items) }
            while true {
                skipWhitespace()
                items.append(try value(depth: depth + 1))
                skipWhitespace()
                guard pos < bytes.count else { throw error("unterminated array") }
                let c = bytes[pos]
                pos += 1
                if c == UInt8(ascii: "]") { return .array(items) }
                guard c == UInt8(ascii: ",") else { throw error("expected ',' or ']'", at: pos - 1) }
            }
        }

        mutating func hex4() throws -> UInt32 {
            guard pos + 4 <= bytes.count else { throw error("truncated \\u escape") }
            var v: UInt32 = 0
            for i in 0..<4 {
                let c = bytes[pos + i]
                let d: UInt32
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
                default: throw error("invalid hex digit in \\u escape", at: pos + i)
                }
                v = v << 4 | d
            }
            pos += 4
            return v
        }

        mutating func string() throws -> String {
            let start = pos
            pos += 1
            var out: [UInt8] = []
            while true {
                guard pos < bytes.count else { throw error("unterminated string", at: start) }
                let c = bytes[pos]
                if c == UInt8(ascii: "\"") {
                    pos += 1
                    var scalars = String.UnicodeScalarView()
                    let failed = transcode(out.makeIterator(), from: UTF8.self, to: UTF32.self, stoppingOnError: true) {
                        if let scalar = Unicode.Scalar($0) { scalars.append(scalar) }
                    }
                    guard !failed else { throw error("invalid UTF-8 in string", at: start) }
                    return String(scalars)
                }
                if c < 0x20 { throw error("unescaped control character in string") }
                if c != UInt8(ascii: "\\") {
                    out.append(c)
                    pos += 1
                    continue
                }
                pos += 1
                guard pos < bytes.count else { throw error("unterminated escape") }
                let e = bytes[pos]
                pos += 1
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
                    let escapeAt = pos - 2
                    var scalarValue = try hex4()
                    if (0xD800...0xDBFF).contains(scalarValue) {
                        guard pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") else {
                            throw error("unpaired high surrogate escape", at: escapeAt)
                        }
                        pos += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else {
                            throw error("high surrogate escape not followed by a low surrogate", at: escapeAt)
                        }
                        scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalarValue) {
                        throw error("unpaired low surrogate escape", at: escapeAt)
                    }
                    guard let scalar = Unicode.Scalar(scalarValue) else { throw error("invalid \\u escape", at: escapeAt) }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw error("invalid escape", at: pos - 2)
                }
            }
        }

        mutating func number() throws -> JSONValue {
            let start = pos
            var integral = true
            func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
            if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            guard pos < bytes.count else { throw error("truncated number", at: start) }
            if bytes[pos] == UInt8(ascii: "0") {
                pos += 1
                if pos < bytes.count, isDigit(bytes[pos]) { throw error("leading zero in number", at: start) }
            } else if isDigit(bytes[pos]) {
                while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
            } else {
                throw error("invalid number", at: start)
            }
            if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
                integral = false
                pos += 1
                let digits = pos
                while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
                guard pos > digits else { throw error("no digits after decimal point") }
            }
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
                integral = false
                pos += 1
                if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
                let digits = pos
                while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
                guard pos > digits else { throw error("no digits in exponent") }
            }
            let text = String(decoding: bytes[start..<pos], as: UTF8.self)
            if integral, let i = Int(text) { return .int(i) }
            guard let d = Double(text), d.isFinite else { throw error("number out of range", at: start) }
            return .double(d)
        }
    }
}
