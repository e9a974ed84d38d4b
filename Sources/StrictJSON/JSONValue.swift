/// One JSON value (RFC 8259) as read by `JSONParser` and written by `JSONSerializer`.
///
/// Objects keep their members in source order with unique names (`JSONObject`); numbers keep their
/// source text (`JSONNumber`), so a value read and written again is the same text, and no number is
/// rounded or clamped until a caller asks for it as an `Int` or a `Double`. Strings compare by their
/// Unicode scalars, not by canonical equivalence: "é" and "e\u{301}" are different values here.
public indirect enum JSONValue: Sendable, Equatable, CustomStringConvertible,
    ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral
{
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }

    /// The number `value`.
    public static func int(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }

    /// The number `value`; `null` when it is NaN or infinite (JSON has no such numbers).
    public static func double(_ value: Double) -> JSONValue { JSONNumber(value).map(JSONValue.number) ?? .null }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a.unicodeScalars.elementsEqual(b.unicodeScalars)
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a == b
        default: return false
        }
    }

    // MARK: - Typed access (nil when the value is of another type or out of range)

    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    /// The exact integer of a number (`1`, `-0`, `1.0`, `1e2`); nil for a fraction or out of `Int`'s range.
    public var intValue: Int? { if case .number(let n) = self { return n.intValue } else { return nil } }
    /// The nearest `Double` of a number; nil when it is out of `Double`'s range (`1e400`).
    public var doubleValue: Double? { if case .number(let n) = self { return n.doubleValue } else { return nil } }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    public var objectValue: JSONObject? { if case .object(let o) = self { return o } else { return nil } }
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// The member `key` of an object (nil for other values or an absent key).
    public subscript(key: String) -> JSONValue? { objectValue?[key] }

    /// A short name of the value's type, for messages ("a string", "null").
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

    /// Compact one-line JSON in source order, for messages (`JSONSerializer.line`).
    public var description: String { JSONSerializer.line.string(self) }

    // MARK: - Reading (see JSONParser)

    /// Parses one complete JSON text with the default limits.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        try JSONParser().parse(bytes)
    }

    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try JSONParser().parse(Array(text.utf8))
    }
}
