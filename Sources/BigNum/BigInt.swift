import CGMP

/// An arbitrary-precision signed integer backed by GMP's `mpz_t`.
///
/// Value semantics with copy-on-write: the `mpz_t` lives in a final class that
/// clears it in `deinit`, so copies never alias and nothing leaks.
public struct BigInt: Sendable {
    // MARK: - Storage

    final class Storage: @unchecked Sendable {
        // Accessed for every GMP call; copy-on-write (`unique()`) already keeps writers exclusive, so the
        // runtime exclusivity check would only add cost (measured: ~2 % of an RSA-1024 signature).
        @exclusivity(unchecked) var z = __mpz_struct()
        init() {
            _ = GMPMemory.installed
            __gmpz_init(&z)
        }
        init(copying other: Storage) {
            _ = GMPMemory.installed
            __gmpz_init_set(&z, &other.z)
        }
        deinit { __gmpz_clear(&z) }
    }

    var storage: Storage

    init(storage: Storage) { self.storage = storage }

    /// Gives a uniquely referenced storage before a mutation.
    mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
        return storage
    }

    /// Builds a fresh value by running a GMP call that writes into `result`.
    static func make(_ body: (UnsafeMutablePointer<__mpz_struct>) -> Void) -> BigInt {
        let s = Storage()
        body(&s.z)
        return BigInt(storage: s)
    }

    // MARK: - Initialisers

    public init() { storage = Storage() }

    public init(_ value: Int) {
        storage = Storage()
        __gmpz_set_si(&storage.z, value)
    }

    public init(_ value: UInt) {
        storage = Storage()
        __gmpz_set_ui(&storage.z, value)
    }

    /// Unsigned big-endian magnitude (OS2IP). Empty input is zero.
    public init<C: Collection>(bigEndianBytes bytes: C) where C.Element == UInt8 {
        storage = Storage()
        let array = Array(bytes)
        if array.isEmpty { return }
        array.withUnsafeBytes { raw in
            __gmpz_import(&storage.z, array.count, 1, 1, 1, 0, raw.baseAddress)
        }
    }

    /// Big-endian two's complement, as Java's `BigInteger(byte[])` and Wycheproof's BigInt.
    public init<C: Collection>(twosComplementBytes bytes: C) where C.Element == UInt8 {
        let array = Array(bytes)
        self.init(bigEndianBytes: array)
        if let first = array.first, first & 0x80 != 0 {
            // Negative: value = magnitude − 2^(8·count).
            self = self - (BigInt(1) << (8 * array.count))
        }
    }

    /// Parses unsigned hexadecimal (no prefix, no sign); nil when not hex.
    public init?(hex: String) {
        guard !hex.isEmpty, hex.utf8.allSatisfy({ BigInt.isHexDigit($0) }) else { return nil }
        storage = Storage()
        let ok = hex.withCString { __gmpz_set_str(&storage.z, $0, 16) }
        if ok != 0 { return nil }
    }

    /// Parses a decimal string with optional leading '-'; nil when malformed.
    public init?(decimal: String) {
        let body = decimal.hasPrefix("-") ? decimal.dropFirst() : Substring(decimal)
        guard !body.isEmpty, body.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        storage = Storage()
        let ok = decimal.withCString { __gmpz_set_str(&storage.z, $0, 10) }
        if ok != 0 { return nil }
    }

    static func isHexDigit(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
    }

    // MARK: - Properties

    public var signum: Int { Int(cgmp_mpz_sgn(&storage.z)) }
    public var isZero: Bool { signum == 0 }
    public var isNegative: Bool { signum < 0 }
    public var isOdd: Bool { cgmp_mpz_odd_p(&storage.z) != 0 }

    /// Number of bits of the magnitude; 0 for zero.
    public var bitWidth: Int { isZero ? 0 : Int(cgmp_mpz_sizeinbase2(&storage.z)) }

    /// Number of bytes of the magnitude; 0 for zero.
    public var byteCount: Int { (bitWidth + 7) / 8 }

    /// Bit `index` of the two's complement value; false for a negative index.
    public func testBit(_ index: Int) -> Bool {
        guard index >= 0 else { return false }
        return __gmpz_tstbit(&storage.z, mp_bitcnt_t(index)) != 0
    }

    /// The value as an Int when it fits.
    public var intValue: Int? {
        guard __gmpz_fits_slong_p(&storage.z) != 0 else { return nil }
        return __gmpz_get_si(&storage.z)
    }

    // MARK: - Serializing

    /// Minimal unsigned big-endian magnitude; empty for zero.
    public var bigEndianBytes: [UInt8] {
        let count = byteCount
        if count == 0 { return [] }
        var out = [UInt8](repeating: 0, count: count)
        var written = 0
        out.withUnsafeMutableBytes { raw in
            _ = __gmpz_export(raw.baseAddress, &written, 1, 1, 1, 0, &storage.z)
        }
        return out
    }

    /// I2OSP: the magnitude left-padded with zeros to exactly `count` bytes; nil if it does not fit.
    public func serialize(count: Int) -> [UInt8]? {
        guard count >= 0, byteCount <= count else { return nil }
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = serialize(into: UnsafeMutableRawBufferPointer(buffer))
            initialized = count
        }
    }

    /// Minimal big-endian two's complement, as Java's `BigInteger.toByteArray()`.
    public var twosComplementBytes: [UInt8] {
        if signum >= 0 {
            let bytes = bigEndianBytes
            if bytes.isEmpty { return [0] }
            return bytes[0] & 0x80 != 0 ? [0] + bytes : bytes
        }
        // Negative: find the smallest n with −2^(8n−1) ≤ value, encode value + 2^(8n).
        var n = (self.negated.bitWidth + 8) / 8
        if n == 0 { n = 1 }
        let encoded = self + (BigInt(1) << (8 * n))
        var bytes = encoded.serialize(count: n) ?? []
        while bytes.count > 1, bytes[0] == 0xff, bytes[1] & 0x80 != 0 { bytes.removeFirst() }
        return bytes
    }

    /// Lowercase hexadecimal of the magnitude with a leading '-' when negative.
    public var hexString: String { string(radix: 16) }

    public func string(radix: Int32) -> String {
        let size = __gmpz_sizeinbase(&storage.z, radix) + 2
        var buffer = [CChar](repeating: 0, count: size + 1)
        buffer.withUnsafeMutableBufferPointer { p in
            _ = __gmpz_get_str(p.baseAddress, radix, &storage.z)
        }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension BigInt: CustomStringConvertible {
    public var description: String { string(radix: 10) }
}

extension BigInt: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}
