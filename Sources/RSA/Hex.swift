/// Strict hexadecimal: an even number of [0-9a-fA-F].
public enum Hex {
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    public static func decode(_ text: String) -> Result<[UInt8], Problem> {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else {
            return .failure(Problem(description: "not a hex string: odd number of digits (\(digits.count))"))
        }
        var out = [UInt8]()
        out.reserveCapacity(digits.count / 2)
        var i = 0
        while i < digits.count {
            guard let hi = value(digits[i]), let lo = value(digits[i + 1]) else {
                let bad = value(digits[i]) == nil ? i : i + 1
                return .failure(Problem(description: "not a hex string: bad character at position \(bad + 1)"))
            }
            out.append(hi << 4 | lo)
            i += 2
        }
        return .success(out)
    }

    private static func value(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }

    public static func encode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
