/// The strict JSON reader (RFC 8259): one value, UTF-8, nothing after it but whitespace.
///
/// Beyond the grammar it rejects what would make a value ambiguous or unbounded: a duplicate member
/// name (which one wins is unspecified elsewhere), invalid UTF-8, a `\u` escape of a lone surrogate,
/// a raw control character in a string, a byte order mark, nesting deeper than `maximumDepth`, a text
/// longer than `maximumBytes`. Numbers are kept as text (`JSONNumber`). The first problem is thrown
/// as one `JSONSyntaxError` with its byte offset; positions only grow, nothing traps on any input.
///
/// Why not Foundation's JSONSerialization: it takes duplicate keys silently, has no documented depth
/// limit, turns numbers into doubles, and loses member order.
public struct JSONParser: Sendable {
    /// A value nested deeper than this is rejected (what a reader of the value may recurse over stays
    /// bounded on hostile input; the parser itself does not recurse): the
    /// top-level value is at depth 0 and a container's items one deeper, so 256 allows 257 nested
    /// empty arrays, or 256 around a scalar. The same rule as the Java oracle's reader
    /// (Oracles/java/src/rsautils/oracle/Json.java).
    public static let defaultMaximumDepth = 256
    /// Longer texts are rejected before reading (the longest line either protocol reads is 16 MiB).
    public static let defaultMaximumBytes = 64 << 20

    public var maximumDepth: Int
    public var maximumBytes: Int

    public init(maximumDepth: Int = JSONParser.defaultMaximumDepth, maximumBytes: Int = JSONParser.defaultMaximumBytes) {
        self.maximumDepth = maximumDepth
        self.maximumBytes = maximumBytes
    }

    /// Parses one complete JSON text.
    public func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        guard bytes.count <= maximumBytes else {
            throw JSONSyntaxError("text longer than \(maximumBytes) bytes", at: maximumBytes)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw JSONSyntaxError("byte order mark before the value (not allowed, RFC 8259 §8.1)", at: 0)
        }
        var reader = Reader(bytes: bytes, maximumDepth: maximumDepth)
        let value = try reader.value()
        reader.skipWhitespace()
        guard reader.position == bytes.count else { throw reader.error("unexpected content after the JSON value") }
        return value
    }

    public func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }
}

/// The scanner behind `JSONParser.parse`.
private struct Reader {
    let bytes: [UInt8]
    let maximumDepth: Int
    var position = 0

    init(bytes: [UInt8], maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(message, at: offset ?? position)
    }

    var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skipWhitespace() {
        while let b = current, b == 0x20 || b == 0x09 || b == 0x0a || b == 0x0d { position += 1 }
    }

    /// An array or object still being read.
    private enum Open {
        case array([JSONValue])
        /// Members so far, their names' UTF-8 (for the duplicate check), the name awaiting its value.
        case object([JSONObject.Member], Set<[UInt8]>, String)
    }

    /// Reads one value. Iterative with an explicit stack of open containers, so the nesting limit,
    /// not the thread's stack size, bounds what is accepted (a 512 KiB thread reads 256 levels).
    mutating func value() throws(JSONSyntaxError) -> JSONValue {
        var open: [Open] = []
        while true {
            // A value starts here, at depth open.count.
            skipWhitespace()
            guard open.count <= maximumDepth else { throw error("nesting deeper than \(maximumDepth)") }
            guard let b = current else { throw error("unexpected end of input") }
            var done: JSONValue
            switch b {
            case UInt8(ascii: "{"):
                position += 1
                skipWhitespace()
                if current == UInt8(ascii: "}") {
                    position += 1
                    done = .object(JSONObject())
                } else {
                    var names = Set<[UInt8]>()
                    let name = try memberName(names: &names)
                    open.append(.object([], names, name))
                    continue
                }
            case UInt8(ascii: "["):
                position += 1
                skipWhitespace()
                if current == UInt8(ascii: "]") {
                    position += 1
                    done = .array([])
                } else {
                    open.append(.array([]))
                    continue
                }
            case UInt8(ascii: "\""): done = .string(try string())
            case UInt8(ascii: "t"): try literal("true"); done = .bool(true)
            case UInt8(ascii: "f"): try literal("false"); done = .bool(false)
            case UInt8(ascii: "n"): try literal("null"); done = .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): done = .number(try number())
            default: throw error("unexpected character")
            }
            // Put the finished value into its container; close containers that end here.
            attach: while true {
                guard let container = open.popLast() else { return done }
                skipWhitespace()
                switch container {
                case .array(var items):
                    items.append(done)
                    guard let next = current else { throw error("unexpected end of input in an array") }
                    if next == UInt8(ascii: "]") {
                        position += 1
                        done = .array(items)
                        continue attach
                    }
                    guard next == UInt8(ascii: ",") else { throw error("expected ',' or ']'") }
                    position += 1
                    open.append(.array(items))
                    break attach
                case .object(var members, var names, let name):
                    members.append((name, done))
                    guard let next = current else { throw error("unexpected end of input in an object") }
                    if next == UInt8(ascii: "}") {
                        position += 1
                        done = .object(JSONObject(checkedMembers: members))
                        continue attach
                    }
                    guard next == UInt8(ascii: ",") else { throw error("expected ',' or '}'") }
                    position += 1
                    let nextName = try memberName(names: &names)
                    open.append(.object(members, names, nextName))
                    break attach
                }
            }
        }
    }

    mutating func literal(_ word: String) throws(JSONSyntaxError) {
        let start = position
        for b in word.utf8 {
            guard current == b else { throw error("invalid literal (expected \(word))", at: start) }
            position += 1
        }
    }

    /// `"name"` and `:` with the whitespace around them; a name seen before in this object is an error.
    mutating func memberName(names: inout Set<[UInt8]>) throws(JSONSyntaxError) -> String {
        skipWhitespace()
        guard current == UInt8(ascii: "\"") else { throw error("expected a member name") }
        let nameStart = position
        let name = try string()
        guard names.insert(Array(name.utf8)).inserted else {
            throw error("duplicate member \(JSONSerializer.quoted(name, escaping: .lineSafe))", at: nameStart)
        }
        skipWhitespace()
        guard current == UInt8(ascii: ":") else { throw error("expected ':'") }
        position += 1
        return name
    }

    mutating func number() throws(JSONSyntaxError) -> JSONNumber {
        let start = position
        func digits(_ position: inout Int) -> Int {
            let from = position
            while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 { position += 1 }
            return position - from
        }
        if current == UInt8(ascii: "-") { position += 1 }
        if current == UInt8(ascii: "0") {
            position += 1
            if let b = current, b >= 0x30, b <= 0x39 { throw error("leading zero in a number", at: start) }
        } else if digits(&position) == 0 {
            throw error("invalid number", at: start)
        }
        if current == UInt8(ascii: ".") {
            position += 1
            guard digits(&position) > 0 else { throw error("invalid number (no digits after '.')") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard digits(&position) > 0 else { throw error("invalid number (no exponent digits)") }
        }
        return JSONNumber(checkedText: String(decoding: bytes[start..<position], as: UTF8.self))
    }

    /// A string literal; the raw bytes between escapes must be well-formed UTF-8.
    mutating func string() throws(JSONSyntaxError) -> String {
        let start = position
        position += 1  // opening quote
        var out = [UInt8]()
        while true {
            guard let b = current else { throw error("unterminated string", at: start) }
            if b == UInt8(ascii: "\"") { position += 1; break }
            if b < 0x20 { throw error("unescaped control character in a string") }
            guard b == UInt8(ascii: "\\") else {
                out.append(b)
                position += 1
                continue
            }
            let escapeStart = position
            position += 1
            guard let e = current else { throw error("unterminated escape", at: escapeStart) }
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
            case UInt8(ascii: "u"): out.append(contentsOf: String(Character(try unicodeEscape(from: escapeStart))).utf8)
            default: throw error("invalid escape", at: escapeStart)
            }
        }
        guard let text = StrictUTF8.string(out) else { throw error("string is not valid UTF-8", at: start) }
        return text
    }

    mutating func hex4(escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        guard bytes.count - position >= 4 else { throw error("incomplete \\u escape", at: escapeStart) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[position]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error("invalid hex digit in a \\u escape")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    /// After `\u`: one BMP scalar or a surrogate pair. A lone surrogate is an error whose message
    /// names the surrogate (JavaCheck reads it as "the user's method returned unpaired UTF-16").
    mutating func unicodeEscape(from escapeStart: Int) throws(JSONSyntaxError) -> Unicode.Scalar {
        let first = try hex4(escapeStart: escapeStart)
        if (0xDC00...0xDFFF).contains(first) { throw error("unpaired low surrogate escape", at: escapeStart) }
        guard (0xD800...0xDBFF).contains(first) else {
            guard let scalar = Unicode.Scalar(first) else { throw error("invalid \\u escape", at: escapeStart) }
            return scalar
        }
        guard bytes.count - position >= 2, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
            throw error("unpaired high surrogate escape", at: escapeStart)
        }
        position += 2
        let second = try hex4(escapeStart: position - 2)
        guard (0xDC00...0xDFFF).contains(second) else {
            throw error("high surrogate escape not followed by a low surrogate", at: escapeStart)
        }
        guard let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) else {
            throw error("invalid \\u escape", at: escapeStart)
        }
        return scalar
    }
}
