/// Base64 as Apache commons-codec 1.15 does it (`Base64.decodeBase64` / `encodeBase64String`),
/// which is what RsaUtils key strings and ciphertexts go through.
///
/// Decoding is lenient: every byte outside the alphabet (CR, LF, spaces, stray characters,
/// non-ASCII) is skipped; both the standard ('+', '/') and URL-safe ('-', '_') letters decode;
/// the first '=' ends the input; leftover bits of an incomplete final group are dropped.
public enum LenientBase64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static let decodeTable: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = Int8(i) }
        table[Int(UInt8(ascii: "-"))] = 62
        table[Int(UInt8(ascii: "_"))] = 63
        return table
    }()

    public static func decode(_ text: String) -> [UInt8] {
        decode(Array(text.utf8))
    }

    public static func decode(_ input: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(input.count * 3 / 4)
        var work: UInt32 = 0
        var modulus = 0
        for byte in input {
            if byte == UInt8(ascii: "=") { break }
            let value = decodeTable[Int(byte)]
            if value < 0 { continue }
            work = (work << 6) | UInt32(value)
            modulus += 1
            if modulus == 4 {
                out.append(UInt8(truncatingIfNeeded: work >> 16))
                out.append(UInt8(truncatingIfNeeded: work >> 8))
                out.append(UInt8(truncatingIfNeeded: work))
                work = 0
                modulus = 0
            }
        }
        switch modulus {
        case 2:  // 12 bits: one byte, 4 bits dropped
            out.append(UInt8(truncatingIfNeeded: work >> 4))
        case 3:  // 18 bits: two bytes, 2 bits dropped
            out.append(UInt8(truncatingIfNeeded: work >> 10))
            out.append(UInt8(truncatingIfNeeded: work >> 2))
        default:  // 0: complete; 1: 6 bits, ignored entirely as commons-codec does
            break
        }
        return out
    }

    /// Standard alphabet, '=' padding, no line breaks (commons-codec `encodeBase64String`).
    public static func encode(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 3 <= bytes.count {
            let v = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out.append(alphabet[Int(v >> 18 & 63)])
            out.append(alphabet[Int(v >> 12 & 63)])
            out.append(alphabet[Int(v >> 6 & 63)])
            out.append(alphabet[Int(v & 63)])
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let v = UInt32(bytes[i]) << 16
            out.append(alphabet[Int(v >> 18 & 63)])
            out.append(alphabet[Int(v >> 12 & 63)])
            out.append(contentsOf: Array("==".utf8))
        } else if rest == 2 {
            let v = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out.append(alphabet[Int(v >> 18 & 63)])
            out.append(alphabet[Int(v >> 12 & 63)])
            out.append(alphabet[Int(v >> 6 & 63)])
            out.append(UInt8(ascii: "="))
        }
        return String(decoding: out, as: UTF8.self)
    }
}
