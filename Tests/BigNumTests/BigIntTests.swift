@testable import BigNum
import XCTest

/// Expected encodings are hand-derived from the definitions (Java's BigInteger.toByteArray():
/// minimal big-endian two's complement) and checked by arithmetic identities, never by the code itself.
final class BigIntTests: XCTestCase {
    func testTwosComplementLikeJavaToByteArray() {
        let cases: [(Int, [UInt8])] = [
            (0, [0x00]), (1, [0x01]), (127, [0x7f]), (128, [0x00, 0x80]), (255, [0x00, 0xff]), (256, [0x01, 0x00]),
            (-1, [0xff]), (-128, [0x80]), (-129, [0xff, 0x7f]), (-256, [0xff, 0x00]), (65537, [0x01, 0x00, 0x01]),
        ]
        for (value, bytes) in cases {
            XCTAssertEqual(BigInt(value).twosComplementBytes, bytes, "\(value)")
            XCTAssertEqual(BigInt(twosComplementBytes: bytes), BigInt(value), "\(bytes)")
        }
    }

    func testUnsignedSerializing() {
        let n = BigInt(bigEndianBytes: [0x00, 0x01, 0x02])
        XCTAssertEqual(n, BigInt(258))
        XCTAssertEqual(n.bigEndianBytes, [0x01, 0x02])
        XCTAssertEqual(n.serialize(count: 4), [0, 0, 1, 2])
        XCTAssertNil(n.serialize(count: 1), "does not fit")
        XCTAssertEqual(BigInt(0).bigEndianBytes, [])
        XCTAssertEqual(BigInt(bigEndianBytes: []), BigInt(0))
        XCTAssertEqual(BigInt(hex: "00ff")?.bitWidth, 8)
        XCTAssertNil(BigInt(hex: "xyz"))
        XCTAssertNil(BigInt(hex: ""))
        XCTAssertNil(BigInt(decimal: "12a"))
        XCTAssertEqual(BigInt(decimal: "-42"), BigInt(-42))
        XCTAssertEqual(BigInt(hex: "deadbeef")?.hexString, "deadbeef")
    }

    func testCopiesAreIndependent() {
        var a = BigInt(1) << 200
        let b = a
        a += BigInt(1)
        XCTAssertEqual(b, BigInt(1) << 200)
        XCTAssertEqual(a - b, BigInt(1))
    }

    func testModularArithmeticIdentities() throws {
        // 17 · 53 = 901 ≡ 1 (mod 3120): the textbook RSA example (p = 61, q = 53, e = 17, d = 2753).
        let n = BigInt(3233), e = BigInt(17), d = BigInt(2753)
        XCTAssertEqual(e.inverse(modulo: BigInt(3120)), d)
        XCTAssertNil(BigInt(2).inverse(modulo: BigInt(4)))
        let m = BigInt(65)
        let c = try XCTUnwrap(m.power(e, modulo: n))
        XCTAssertEqual(c, BigInt(2790))
        XCTAssertEqual(c.securePower(d, modulo: n), m)
        XCTAssertNil(m.securePower(d, modulo: BigInt(3234)), "mpz_powm_sec needs an odd modulus")
        XCTAssertNil(m.securePower(BigInt(0), modulo: n), "and a positive exponent")
        XCTAssertNil(m.power(e, modulo: BigInt(0)))
        XCTAssertNil(m.modulo(BigInt(0)))
        XCTAssertEqual(BigInt(-7).modulo(BigInt(3)), BigInt(2), "non-negative residue")
        XCTAssertEqual(BigInt.gcd(BigInt(12), BigInt(18)), BigInt(6))
        XCTAssertEqual(BigInt.lcm(BigInt(4), BigInt(6)), BigInt(12))
        XCTAssertTrue(BigInt(2_147_483_647).isProbablePrime())
        XCTAssertFalse(BigInt(561).isProbablePrime(), "Carmichael number")
    }

    /// The constant-time reduction (mpn_sec_div_r) gives the same residues as GMP's ordinary division:
    /// by hand, 2790 · 65 = 181350 = 56·3233 + 302; then random 1024- and 2048-bit products against
    /// `mpz_mod` (`modulo`), operands aliasing the output, and the refusals.
    func testProductReducedInConstantTime() throws {
        var r = BigInt()
        XCTAssertTrue(r.formProductReducedInConstantTime(BigInt(2790), BigInt(65), modulo: BigInt(3233)))
        XCTAssertEqual(r, BigInt(302))
        XCTAssertTrue(r.formProductReducedInConstantTime(BigInt(3), BigInt(5), modulo: BigInt(1) << 200))
        XCTAssertEqual(r, BigInt(15), "a product below m is itself")
        for bits in [1024, 2048] {
            let m = try BigInt.random(bits: bits - 1) + (BigInt(1) << (bits - 1))  // exactly `bits` bits
            for _ in 0..<20 {
                let a = try BigInt.random(below: m), b = try BigInt.random(below: m)
                XCTAssertTrue(r.formProductReducedInConstantTime(a, b, modulo: m))
                XCTAssertEqual(r, (a * b).modulo(m))
                var x = a
                XCTAssertTrue(x.formProductReducedInConstantTime(x, x, modulo: m))
                XCTAssertEqual(x, (a * a).modulo(m))
            }
        }
        XCTAssertFalse(r.formProductReducedInConstantTime(BigInt(3), BigInt(5), modulo: BigInt(0)))
        XCTAssertFalse(r.formProductReducedInConstantTime(BigInt(-3), BigInt(5), modulo: BigInt(7)), "negative product")
    }

    func testRandomIsInRange() throws {
        let bound = BigInt(1000)
        for _ in 0..<200 {
            let r = try BigInt.random(below: bound)
            XCTAssertTrue(r >= BigInt(1) && r < bound)
        }
        XCTAssertLessThanOrEqual(try BigInt.random(bits: 13).bitWidth, 13)
        XCTAssertNotEqual(try SystemRandom.bytes(32), try SystemRandom.bytes(32))
    }
}

#if canImport(Glibc)
import CGMP
import Glibc

/// Live GMP heap blocks, counted by allocation functions installed for one test.
nonisolated(unsafe) private var liveGMPBlocks = 0
nonisolated(unsafe) private var totalGMPAllocations = 0
/// BigNum's own (zeroing) functions, which the counting ones pass every call on to.
nonisolated(unsafe) private var innerAlloc: (@convention(c) (Int) -> UnsafeMutableRawPointer?)?
nonisolated(unsafe) private var innerRealloc: (@convention(c) (UnsafeMutableRawPointer?, Int, Int) -> UnsafeMutableRawPointer?)?
nonisolated(unsafe) private var innerFree: (@convention(c) (UnsafeMutableRawPointer?, Int) -> Void)?

/// The mpz_t storage is freed with its last reference: every block GMP allocates while BigInt values
/// are created, copied and dropped is given back (counted through mp_set_memory_functions), and every
/// block GMP gives back has been zeroed first.
final class BigIntMemoryTests: XCTestCase {
    private func churn(_ rounds: Int) {
        let modulus = (BigInt(1) << 2048) - BigInt(159)
        var x = BigInt(3)
        for _ in 0..<rounds {
            let y = (x * x + BigInt(7)).modulo(modulus) ?? x
            x = y.power(BigInt(65537), modulo: modulus) ?? y
            let copy = x
            _ = copy.securePower(BigInt(12345), modulo: modulus)
            _ = x.twosComplementBytes
        }
        XCTAssertFalse(x.isZero)
    }

    func testEveryGMPBlockIsFreed() {
        // BigNum installs its zeroing functions on first use: do that first, then count on top of them.
        XCTAssertTrue(GMPMemory.installed)
        __gmp_get_memory_functions(&innerAlloc, &innerRealloc, &innerFree)
        XCTAssertNotNil(innerFree)
        __gmp_set_memory_functions(
            { size in liveGMPBlocks += 1; totalGMPAllocations += 1; return innerAlloc!(size) },
            { pointer, old, size in innerRealloc!(pointer, old, size) },
            { pointer, size in liveGMPBlocks -= 1; innerFree!(pointer, size) })
        defer { __gmp_set_memory_functions(innerAlloc, innerRealloc, innerFree) }

        let before = liveGMPBlocks
        churn(2_000)
        XCTAssertEqual(liveGMPBlocks, before, "GMP blocks still allocated after every BigInt was dropped")
        XCTAssertGreaterThan(totalGMPAllocations, 0, "the counting functions were not in the path")
    }

    /// Every block GMP frees, directly or when realloc moves a number, is all zero bytes: a secret
    /// pattern (0xA5 bytes) written into the limbs is never left in freed memory.
    func testFreedLimbsAreZeroed() {
        XCTAssertTrue(GMPMemory.installed)
        final class Seen: @unchecked Sendable { var blocks = 0; var dirty = 0; var bytes = 0 }
        let seen = Seen()
        GMPMemory.freedBlockObserver = { block in
            seen.blocks += 1
            seen.bytes += block.count
            if block.contains(where: { $0 != 0 }) { seen.dirty += 1 }
        }
        defer { GMPMemory.freedBlockObserver = nil }

        let secret = [UInt8](repeating: 0xA5, count: 256)
        do {
            let key = BigInt(bigEndianBytes: secret)
            // In-place growth: GMP reallocates the limbs of `grown` (old block zeroed, then freed).
            let grown = BigInt(bigEndianBytes: secret)
            withUnsafeMutablePointer(to: &grown.storage.z) { z in __gmpz_mul_2exp(z, z, 1 << 16) }
            let modulus = (BigInt(1) << 2048) - BigInt(159)
            _ = key.securePower(key, modulo: modulus)
            XCTAssertEqual(grown.bitWidth, key.bitWidth + (1 << 16))
        }
        XCTAssertGreaterThan(seen.blocks, 2, "the zeroing free was not called")
        XCTAssertGreaterThanOrEqual(seen.bytes, 2 * secret.count, "the blocks holding the secret were not seen")
        XCTAssertEqual(seen.dirty, 0, "\(seen.dirty) of \(seen.blocks) freed GMP blocks still held data")
    }
}
#endif
