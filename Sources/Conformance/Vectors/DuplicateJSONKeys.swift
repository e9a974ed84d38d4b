import Foundation

/// Finds the first object in a JSON text that names a field twice.
///
/// `JSONDecoder` keeps one of the two values silently, so `{"result": "valid", "result": "invalid"}`
/// would be read as one of them: for a vector file that is an ambiguity, never something to guess
/// (RFC 8259 §4: names SHOULD be unique; Wycheproof files have unique names). Runs on text that
/// already decoded (valid JSON), in one pass over the bytes, keeping only the names of the objects
/// that are open (memory grows with nesting depth, not with the file).
enum DuplicateJSONKeys {
    struct Found: Equatable {
        /// JSON path of the object (`testGroups[0].tests[3]`, `top level`).
        let location: String
        let key: String
    }

    private enum Frame {
        case object(keys: Set<String>, current: String?, expectingKey: Bool)
        case array(index: Int)
    }

    static func first(in data: Data) -> Found? {
        data.withUnsafeBytes { raw -> Found? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var stack = [Frame]()
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                switch byte {
                case UInt8(ascii: "{"):
                    stack.append(.object(keys: [], current: nil, expectingKey: true))
                case UInt8(ascii: "["):
                    stack.append(.array(index: 0))
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    _ = stack.popLast()
                case UInt8(ascii: ","):
                    switch stack.last {
                    case .object(let keys, let current, _)?: stack[stack.count - 1] = .object(keys: keys, current: current, expectingKey: true)
                    case .array(let index)?: stack[stack.count - 1] = .array(index: index + 1)
                    case nil: break
                    }
                case UInt8(ascii: ":"):
                    if case .object(let keys, let current, _)? = stack.last {
                        stack[stack.count - 1] = .object(keys: keys, current: current, expectingKey: false)
                    }
                case UInt8(ascii: "\""):
                    let start = i + 1
                    var escaped = false
                    i += 1
                    while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                        if bytes[i] == UInt8(ascii: "\\") {
                            escaped = true
                            i += 1
                        }
                        i += 1
                    }
                    // Taken off the stack first so the set is mutated in place (no copy per name).
                    guard case .object(_, _, true)? = stack.last, case .object(var keys, _, _)? = stack.popLast() else { break }
                    let raw = UnsafeBufferPointer(rebasing: bytes[start..<min(i, bytes.count)])
                    let key = escaped ? unescape(raw) : String(decoding: raw, as: UTF8.self)
                    if !keys.insert(key).inserted {
                        return Found(location: path(stack[...]), key: key)
                    }
                    stack.append(.object(keys: keys, current: key, expectingKey: false))
                default:
                    break
                }
                i += 1
            }
            return nil
        }
    }

    /// A name with escapes, decoded by `JSONDecoder` as a string fragment (rare: names are plain).
    private static func unescape(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        var quoted = Data([UInt8(ascii: "\"")])
        quoted.append(contentsOf: raw)
        quoted.append(UInt8(ascii: "\""))
        return (try? JSONDecoder().decode(String.self, from: quoted)) ?? String(decoding: raw, as: UTF8.self)
    }

    /// The path of the innermost open object, in `VectorFileError.jsonPath`'s notation.
    private static func path(_ frames: ArraySlice<Frame>) -> String {
        var out = ""
        for frame in frames {
            switch frame {
            case .object(_, let current, _):
                if let current { out += out.isEmpty ? current : "." + current }
            case .array(let index):
                out += "[\(index)]"
            }
        }
        return out.isEmpty ? "top level" : out
    }
}
