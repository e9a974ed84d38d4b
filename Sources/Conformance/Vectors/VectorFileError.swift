import Foundation
import OneLineText

/// A vector file that cannot be read or decoded: the run's exit code is 2.
///
/// One line: `<file>: <where>: <what>`, where `<where>` is a JSON path (`testGroups[0].tests[3].sig`),
/// `line L, column C`, or `end of file (byte N)`.
public struct VectorFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let location: String?
    public let message: String

    public init(file: String, location: String? = nil, message: String) {
        self.file = file
        self.location = location
        self.message = message
    }

    public var description: String {
        OneLineText.escape([file, location, message].compactMap { $0 }.joined(separator: ": "))
    }

    /// Renders a JSON path the way jq would: `testGroups[0].tests[3].sig`, or `top level`.
    public static func jsonPath(_ codingPath: [CodingKey]) -> String {
        var out = ""
        for key in codingPath {
            if let index = key.intValue {
                out += "[\(index)]"
            } else {
                out += out.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return out.isEmpty ? "top level" : out
    }

    /// Turns a `DecodingError` into a one-line error naming the field.
    public static func from(_ error: DecodingError, file: String) -> VectorFileError {
        switch error {
        case .keyNotFound(let key, let context):
            return VectorFileError(file: file, location: jsonPath(context.codingPath),
                                   message: "missing field '\(key.stringValue)'")
        case .typeMismatch(let type, let context):
            return VectorFileError(file: file, location: jsonPath(context.codingPath),
                                   message: "wrong type (expected \(typeName(type))): \(oneLine(context.debugDescription))")
        case .valueNotFound(let type, let context):
            return VectorFileError(file: file, location: jsonPath(context.codingPath),
                                   message: "null where \(typeName(type)) is required")
        case .dataCorrupted(let context):
            return VectorFileError(file: file, location: jsonPath(context.codingPath),
                                   message: oneLine(context.debugDescription))
        @unknown default:
            return VectorFileError(file: file, message: oneLine("\(error)"))
        }
    }

    /// Turns a JSONSerialization syntax error into `line L, column C` / `end of file (byte N)`.
    public static func syntax(_ error: Error, data: Data, file: String) -> VectorFileError {
        let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        var location: String?
        if text.localizedCaseInsensitiveContains("end of file") || text.localizedCaseInsensitiveContains("unexpected end") {
            location = "end of file (byte \(data.count))"
        } else if let range = text.range(of: #"character (\d+)"#, options: .regularExpression),
                  let offset = Int(text[range].dropFirst("character ".count)) {
            location = lineAndColumn(of: offset, in: data)
        }
        return VectorFileError(file: file, location: location, message: "not valid JSON (\(oneLine(text)))")
    }

    static func lineAndColumn(of offset: Int, in data: Data) -> String {
        var line = 1, column = 1
        for (index, byte) in data.enumerated() {
            if index >= offset { break }
            if byte == 0x0a {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return "line \(line), column \(column)"
    }

    static func typeName(_ type: Any.Type) -> String {
        switch "\(type)" {
        case "String": return "a string"
        case "Int": return "an integer"
        case "Bool": return "a boolean"
        case let name where name.hasPrefix("Array"): return "an array"
        case let name where name.hasPrefix("Dictionary"): return "an object"
        case let name: return name
        }
    }

    /// Multi-line library messages joined with spaces; control characters in them escaped.
    static func oneLine(_ text: String) -> String {
        OneLineText.escape(text.split(whereSeparator: \.isNewline).joined(separator: " "))
    }
}
