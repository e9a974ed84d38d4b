@testable import RSA
import BigNum
import XCTest

/// Key generation's prime search: the sieve strikes exactly the offsets with a small factor,
/// Miller–Rabin with random bases separates known primes from known (pseudo)primes, and the rounds
/// follow FIPS 186-4 table C.3.
final class PrimeSearchTests: XCTestCase {
    func testSieveStrikesExactlyTheOffsetsWithASmallFactor() throws {
        let start = try PrimeSearch.randomStart(bits: 256, randomBytes: SystemRandom.bytes)
        let survivors = Set(PrimeSearch.sieve(start))
        let probes = PrimeSearch.smallPrimes.prefix(200).map { BigInt(Int($0)) }
        for j in 0..<600 {
            let x = start + BigInt(2 * j)
            // Independent check with the value operators (mpz_mod), over the first 200 small primes.
            let hasSmallFactor = probes.contains { x.modulo($0)?.isZero == true }
            if hasSmallFactor { XCTAssertFalse(survivors.contains(j), "offset \(j) has a small factor") }
        }
        // Survivors are a small fraction (Mertens: about 10 % of odd numbers have no factor below 2^16).
        XCTAssertLessThan(survivors.count, PrimeSearch.window / 4)
        XCTAssertEqual(PrimeSearch.smallPrimes.count, 6541)  // π(2^16) − 1 (the prime 2 is left out)
    }

    func testMillerRabinWithRandomBases() throws {
        let one = BigInt(1)
        // Mersenne primes 2^127 − 1 and 2^521 − 1.
        for prime in [(one << 127) - one, (one << 521) - one] {
            XCTAssertTrue(try PrimeSearch.passesMillerRabin(prime, rounds: 20, randomBytes: SystemRandom.bytes))
        }
        // 3215031751 = 151·751·28351 is a strong pseudoprime to bases 2, 3, 5 and 7; 2^128 + 1 (F7) is
        // composite; 561 is a Carmichael number. Random bases expose them (error ≤ 4^−40 each).
        for composite in [BigInt(3_215_031_751), (one << 128) + one, BigInt(561)] {
            XCTAssertFalse(try PrimeSearch.passesMillerRabin(composite, rounds: 40, randomBytes: SystemRandom.bytes), "\(composite)")
        }
    }

    func testRoundsFollowTableC3() {
        XCTAssertEqual(PrimeSearch.millerRabinRounds(bits: 512), 7)
        XCTAssertEqual(PrimeSearch.millerRabinRounds(bits: 1024), 5)
        XCTAssertEqual(PrimeSearch.millerRabinRounds(bits: 1536), 4)
        XCTAssertEqual(PrimeSearch.millerRabinRounds(bits: 2048), 4)
        XCTAssertEqual(PrimeSearch.millerRabinRounds(bits: 256), 40)
    }

    func testGeneratedPrimesHaveTheirSizeAndPassGMP() throws {
        let e = BigInt(65537)
        for bits in [256, 512] {
            let p = try PrimeSearch.probablePrime(bits: bits, e: e, randomBytes: SystemRandom.bytes)
            XCTAssertEqual(p.bitWidth, bits)
            XCTAssertTrue(p.isProbablePrime(rounds: 50))
            XCTAssertTrue(RSAKeyGenerator.inPrimeRange(p, bits: bits))
            XCTAssertEqual(BigInt.gcd(e, p - BigInt(1)), BigInt(1))
        }
    }
}
