import Foundation

/// A coding key for any field name, used to list every key an object actually has.
struct AnyCodingKey: CodingKey, Hashable {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}

extension Decoder {
    /// A keyed container that rejects every field not named in `Keys`.
    ///
    /// The Wycheproof schemas (and ours) set `additionalProperties: false`, so an unknown field is a
    /// typo or a format drift, never something to ignore. Fields that are allowed but not used (JWKs)
    /// are listed in `Keys` and simply not decoded.
    func strictContainer<Keys: CodingKey & CaseIterable>(keyedBy type: Keys.Type) throws -> KeyedDecodingContainer<Keys> {
        let all = try container(keyedBy: AnyCodingKey.self)
        let known = Set(Keys.allCases.map(\.stringValue))
        for key in all.allKeys where !known.contains(key.stringValue) {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: codingPath + [key], debugDescription: "unknown field '\(key.stringValue)'"))
        }
        return try container(keyedBy: Keys.self)
    }
}

extension KeyedDecodingContainer {
    /// Decodes a string field that must equal one fixed value (a group's `type`).
    func decodeConstant(_ expected: String, forKey key: Key) throws -> String {
        let value = try decode(String.self, forKey: key)
        guard value == expected else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "expected \"\(expected)\", found \"\(value)\"")
        }
        return value
    }

    /// Decodes a string field that must be one of `allowed`.
    func decodeOneOf(_ allowed: [String], forKey key: Key) throws -> String {
        let value = try decode(String.self, forKey: key)
        guard allowed.contains(value) else {
            let list = allowed.map { "\"\($0)\"" }.joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "expected one of \(list), found \"\(value)\"")
        }
        return value
    }
}
