import Foundation

/// Scans a JSON text that already decoded for what `JSONDecoder` does not report well: an object that
/// names a field twice, a number that is no `Int` (see `firstNonInteger`).
///
/// Duplicate names:
///
/// `JSONDecoder` keeps one of the two values silently, so `{"result": "valid", "result": "invalid"}`
/// would be read as one of them: for a vector file that is an ambiguity, never something to guess
/// (RFC 8259 §4: names SHOULD be unique; Wycheproof files have unique names). Runs on text that
/// already decoded (valid JSON), in one pass over the bytes, keeping only the names of the objects
/// that are open (memory grows with nesting depth, not with the file).
enum JSONTextScan {
    struct Found: Equatable {
        /// JSON path of the object (`testGroups[0].tests[3]`, `top level`).
        let location: String
        let key: String
    }

    private enum Frame {
        case object(keys: Set<String>, current: String?, expectingKey: Bool)
        case array(index: Int)
    }

    static func firstDuplicateKey(in data: Data) -> Found? { scan(data, integers: false) }

    /// The first number that is no integer `JSONDecoder` can read into an `Int` (a fraction, or past
    /// 64 bits): `JSONDecoder` reports those without any path, so the loader names the field itself.
    /// `key` is the number's text.
    static func firstNonInteger(in data: Data) -> Found? { scan(data, integers: true) }

    private static func scan(_ data: Data, integers: Bool) -> Found? {
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
                        return Found(location: path(stack[...], includingCurrentKey: true), key: key)
                    }
                    stack.append(.object(keys: keys, current: key, expectingKey: false))
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    let start = i
                    while i + 1 < bytes.count, isNumberByte(bytes[i + 1]) { i += 1 }
                    guard integers else { break }
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start...i]), as: UTF8.self)
                    if !fitsInt(text) {
                        return Found(location: path(stack[...], includingCurrentKey: true), key: text)
                    }
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

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
             UInt8(ascii: "e"), UInt8(ascii: "E"): return true
        default: return false
        }
    }

    /// Whether `JSONDecoder` reads the number into an `Int` (`1e3` and `2.0` it does).
    private static func fitsInt(_ text: String) -> Bool {
        if Int(text) != nil { return true }
        guard let value = Double(text), value.rounded() == value else { return false }
        return value >= -9.2e18 && value <= 9.2e18
    }

    /// The path of the innermost open object (or, `includingCurrentKey`, of the value being read), in
    /// `VectorFileError.jsonPath`'s notation.
    private static func path(_ frames: ArraySlice<Frame>, includingCurrentKey: Bool = false) -> String {
        var out = ""
        for (n, frame) in zip(frames.indices, frames) {
            switch frame {
            case .object(_, let current, _):
                let last = n == frames.index(before: frames.endIndex)
                if let current, !last || includingCurrentKey { out += out.isEmpty ? current : "." + current }
            case .array(let index):
                out += "[\(index)]"
            }
        }
        return out.isEmpty ? "top level" : out
    }
}
