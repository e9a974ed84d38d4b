/// Where the parts of a vector file are in its text: the top-level members, each group, its `tests`
/// array and each case, as byte ranges (found without building any value).
///
/// Used to decode a big file a slice of cases at a time (`ChunkedVectorFile`). The scan accepts only
/// what it fully understands (an object at the top, member names without escapes, nesting at most
/// `maximumDepth`); anything else gives nil and the file is decoded whole, which reports errors.
struct VectorFileLayout {
    struct Member {
        let name: String
        let value: Range<Int>
    }

    struct Group {
        let object: Range<Int>
        /// The `tests` array (brackets included), nil when the group has none.
        let tests: Range<Int>?
        let cases: [Range<Int>]
    }

    let members: [Member]
    let groups: [Group]
    var caseCount: Int { groups.reduce(0) { $0 + $1.cases.count } }

    static let maximumDepth = 64

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        var scanner = Scanner(bytes: bytes)
        guard let top = scanner.members(),
              scanner.skipWhitespace() == bytes.count,
              Set(top.map(\.name)).count == top.count else { return nil }
        members = top
        guard let groupsValue = top.first(where: { $0.name == "testGroups" })?.value,
              let elements = scanner.elements(at: groupsValue.lowerBound) else { return nil }
        var groups = [Group]()
        for element in elements {
            guard let fields = scanner.members(at: element.lowerBound) else { return nil }
            let tests = fields.first(where: { $0.name == "tests" })?.value
            var cases = [Range<Int>]()
            if let tests {
                guard let list = scanner.elements(at: tests.lowerBound) else { return nil }
                cases = list
            }
            groups.append(Group(object: element, tests: tests, cases: cases))
        }
        self.groups = groups
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        @discardableResult
        mutating func skipWhitespace() -> Int {
            while position < bytes.count, Self.isWhitespace(bytes[position]) { position += 1 }
            return position
        }

        mutating func expect(_ byte: UInt8) -> Bool {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        /// The members of the object at the current position (or at `start`).
        mutating func members(at start: Int? = nil) -> [Member]? {
            if let start { position = start }
            guard expect(UInt8(ascii: "{")) else { return nil }
            var out = [Member]()
            if expect(UInt8(ascii: "}")) { return out }
            repeat {
                skipWhitespace()
                guard let name = plainString(), expect(UInt8(ascii: ":")) else { return nil }
                let valueStart = skipWhitespace()
                guard skipValue(depth: 1) else { return nil }
                out.append(Member(name: name, value: valueStart..<position))
            } while expect(UInt8(ascii: ","))
            return expect(UInt8(ascii: "}")) ? out : nil
        }

        /// The element ranges of the array at `start`.
        mutating func elements(at start: Int) -> [Range<Int>]? {
            position = start
            guard expect(UInt8(ascii: "[")) else { return nil }
            var out = [Range<Int>]()
            if expect(UInt8(ascii: "]")) { return out }
            repeat {
                let valueStart = skipWhitespace()
                guard skipValue(depth: 1) else { return nil }
                out.append(valueStart..<position)
            } while expect(UInt8(ascii: ","))
            return expect(UInt8(ascii: "]")) ? out : nil
        }

        static func isWhitespace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x0a || byte == 0x0d || byte == 0x09
        }

        /// Bytes that end a number or literal.
        static func endsScalar(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ","),
                 UInt8(ascii: ":"), UInt8(ascii: "\""): return true
            default: return isWhitespace(byte)
            }
        }

        /// A member name without escapes (others are left to the whole-file decoding).
        mutating func plainString() -> String? {
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return nil }
            let start = position + 1
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
                if bytes[end] == UInt8(ascii: "\\") { return nil }
                end += 1
            }
            guard end < bytes.count else { return nil }
            position = end + 1
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }

        /// Moves past one value (its syntax is checked by the decoder later; this only finds its end).
        mutating func skipValue(depth: Int) -> Bool {
            guard depth <= VectorFileLayout.maximumDepth else { return false }
            skipWhitespace()
            guard position < bytes.count else { return false }
            switch bytes[position] {
            case UInt8(ascii: "\""):
                position += 1
                while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
                    position += bytes[position] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard position < bytes.count else { return false }
                position += 1
                return true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let close = bytes[position] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                let isObject = close == UInt8(ascii: "}")
                position += 1
                if expect(close) { return true }
                repeat {
                    if isObject {
                        skipWhitespace()
                        guard skipValue(depth: depth + 1), expect(UInt8(ascii: ":")) else { return false }
                    }
                    guard skipValue(depth: depth + 1) else { return false }
                } while expect(UInt8(ascii: ","))
                return expect(close)
            default:
                let start = position
                while position < bytes.count, !Self.endsScalar(bytes[position]) { position += 1 }
                return position > start
            }
        }
    }
}
