import BigNum

/// Finds the random probable primes of key generation (FIPS 186-4 B.3.3 steps 4–5 and appendix C.3):
///
/// 1. a random odd start x₀ with the top bit set and x₀ ≥ √2·2^(bits−1), from `randomBytes`;
/// 2. a sieve over the window x₀, x₀ + 2, …, x₀ + 2·(window − 1): every offset divisible by one of the
///    small odd primes below 2¹⁶ is struck out, from x₀'s residues (one word division per prime per
///    window, as OpenSSL's and the JDK's incremental searches do), so most composites never reach a
///    modular exponentiation;
/// 3. for each survivor in order: gcd(e, x − 1) = 1, then GMP's Baillie–PSW (`mpz_probab_prime_p`,
///    which rejects almost every composite with one base-2 exponentiation), then the Miller–Rabin
///    rounds FIPS 186-4 table C.3 asks for this prime size, with bases drawn from `randomBytes`;
/// 4. no survivor in the window: a fresh random start.
enum PrimeSearch {
    /// Offsets per window: a 1024-bit prime is found within 2·4096 numbers with probability ≈ 1 − e^−11.
    static let window = 4096

    /// The odd primes below 2¹⁶ (Eratosthenes, computed once).
    static let smallPrimes: [UInt] = {
        let limit = 1 << 16
        var composite = [Bool](repeating: false, count: limit)
        var primes = [UInt]()
        var i = 3
        while i < limit {
            if !composite[i] {
                primes.append(UInt(i))
                var j = i * i
                while j < limit {
                    composite[j] = true
                    j += 2 * i
                }
            }
            i += 2
        }
        return primes
    }()

    /// Miller–Rabin rounds with random bases for a prime of `bits` bits, after Baillie–PSW: FIPS 186-4
    /// table C.3 (error probability matching the key's security strength: 2⁻¹⁰⁰ for 512-bit primes,
    /// 2⁻¹¹² for 1024-bit, 2⁻¹²⁸ for 1536-bit and above); smaller primes (test keys) get more rounds.
    static func millerRabinRounds(bits: Int) -> Int {
        switch bits {
        case 1536...: return 4
        case 1024...: return 5
        case 512...: return 7
        default: return 40
        }
    }

    static func probablePrime(bits: Int, e: BigInt, randomBytes: (Int) throws -> [UInt8]) throws -> BigInt {
        let one = BigInt(1)
        let rounds = millerRabinRounds(bits: bits)
        while true {
            let start = try randomStart(bits: bits, randomBytes: randomBytes)
            guard RSAKeyGenerator.inPrimeRange(start, bits: bits) else { continue }
            let survivors = sieve(start)
            for offset in survivors {
                let candidate = start.adding(UInt(2 * offset))
                guard candidate.bitWidth <= bits else { break }  // ran past 2^bits: new start
                guard BigInt.gcd(e, candidate - one) == one else { continue }
                guard candidate.isProbablePrime(rounds: 1) else { continue }  // Baillie–PSW
                if try passesMillerRabin(candidate, rounds: rounds, randomBytes: randomBytes) { return candidate }
            }
        }
    }

    /// `bits` random bits with the top bit and the low bit set.
    static func randomStart(bits: Int, randomBytes: (Int) throws -> [UInt8]) throws -> BigInt {
        let count = (bits + 7) / 8
        var bytes: [UInt8]
        do { bytes = try randomBytes(count) } catch { throw RSAError.randomSourceFailed }
        guard bytes.count == count, count > 0 else { throw RSAError.randomSourceFailed }
        let excess = count * 8 - bits
        bytes[0] &= UInt8(0xff >> excess)
        bytes[0] |= UInt8(0x80 >> excess)
        bytes[count - 1] |= 1
        return BigInt(bigEndianBytes: bytes)
    }

    /// The offsets j in [0, window) for which start + 2j has no prime factor below 2¹⁶ (start > 2¹⁶).
    static func sieve(_ start: BigInt) -> [Int] {
        var struck = [Bool](repeating: false, count: window)
        for p in smallPrimes {
            guard let r = start.remainder(dividingBy: p) else { continue }
            // start + 2j ≡ 0 (mod p)  ⇔  j ≡ (p − r)·2⁻¹ (mod p), and 2⁻¹ = (p + 1)/2.
            var j = Int(((p - r) % p) * ((p + 1) / 2) % p)
            while j < window {
                struck[j] = true
                j += Int(p)
            }
        }
        return struck.indices.filter { !struck[$0] }
    }

    /// `rounds` Miller–Rabin rounds (FIPS 186-4 C.3.1) with bases uniform in [2, n − 2] from `randomBytes`.
    static func passesMillerRabin(_ n: BigInt, rounds: Int, randomBytes: (Int) throws -> [UInt8]) throws -> Bool {
        let one = BigInt(1)
        let nMinus1 = n - one
        var s = 0
        while !nMinus1.testBit(s) { s += 1 }
        let d = nMinus1 >> s
        let upper = n - BigInt(2)
        let count = (n.bitWidth + 7) / 8
        let excess = count * 8 - n.bitWidth
        var y = BigInt()
        for _ in 0..<rounds {
            var base: BigInt
            repeat {
                var bytes: [UInt8]
                do { bytes = try randomBytes(count) } catch { throw RSAError.randomSourceFailed }
                guard bytes.count == count else { throw RSAError.randomSourceFailed }
                bytes[0] &= UInt8(0xff >> excess)
                base = BigInt(bigEndianBytes: bytes)
            } while base <= one || base > upper
            guard y.formPower(base, d, modulo: n) else { return false }
            if y == one || y == nMinus1 { continue }
            var witness = true
            for _ in 1..<max(s, 1) {
                y.formSquare(modulo: n)
                if y == nMinus1 {
                    witness = false
                    break
                }
                if y == one { break }
            }
            if witness { return false }
        }
        return true
    }
}
