import BigNum

/// The rules a candidate (p, q, e) must satisfy for an nlen-bit key (FIPS 186-4 B.3.1 and B.3.3).
public enum RSAKeyParameterRule: String, CaseIterable, Sendable, Codable {
    case exponentNotOdd = "ExponentNotOdd"
    case exponentOutOfRange = "ExponentOutOfRange"  // 2^16 < e < 2^256
    case pNotPrime = "PNotPrime"
    case qNotPrime = "QNotPrime"
    case pOutOfRange = "POutOfRange"  // √2·2^(nlen/2−1) ≤ p < 2^(nlen/2)
    case qOutOfRange = "QOutOfRange"
    case primesTooClose = "PrimesTooClose"  // |p − q| > 2^(nlen/2−100)
    case exponentNotCoprimeToPMinus1 = "GcdEPMinus1"
    case exponentNotCoprimeToQMinus1 = "GcdEQMinus1"
    case modulusWrongLength = "ModulusWrongLength"
}

/// RSA key generation over GMP with probable primes from the system CSPRNG.
public enum RSAKeyGenerator {
    /// GMP's `mpz_probab_prime_p` reps for checking a prime given to `violations`: above 24, GMP runs
    /// trial division, Baillie–PSW, then reps − 24 Miller–Rabin rounds, so this is Baillie–PSW plus the
    /// FIPS 186-4 table C.3 rounds for the prime's size (as the generator uses).
    static func primalityRounds(_ x: BigInt) -> Int { 24 + PrimeSearch.millerRabinRounds(bits: x.bitWidth) }

    /// Checks candidate parameters for an nlen-bit key; returns the violated rules (empty = acceptable).
    ///
    /// Total for any input: a key size outside 1 ... `RSAPublicKey.maximumBits` breaks
    /// `modulusWrongLength` and both prime ranges, and numbers far larger than the key are reported
    /// without running the (slow) primality test on them: p and q are tested for primality only when
    /// they are in their range (a number out of range is reported as such, not as composite). Below nlen = 200 the distance bound
    /// 2^(nlen/2−100) is taken as 1.
    public static func violations(p: BigInt, q: BigInt, e: BigInt, bits nlen: Int) -> [RSAKeyParameterRule] {
        var broken = [RSAKeyParameterRule]()
        let one = BigInt(1)
        guard nlen >= 1, nlen <= RSAPublicKey.maximumBits,
              p.bitWidth <= RSAPublicKey.maximumBits, q.bitWidth <= RSAPublicKey.maximumBits else {
            if !e.isOdd { broken.append(.exponentNotOdd) }
            if !(e > (one << 16) && e < (one << 256)) { broken.append(.exponentOutOfRange) }
            return broken + [.pOutOfRange, .qOutOfRange, .modulusWrongLength]
        }
        if !e.isOdd { broken.append(.exponentNotOdd) }
        if !(e > (one << 16) && e < (one << 256)) { broken.append(.exponentOutOfRange) }
        let half = (nlen + 1) / 2
        let pInRange = inPrimeRange(p, bits: half), qInRange = inPrimeRange(q, bits: nlen - half)
        // The primality test (the slow part) only for numbers of the right size: a number outside its
        // range already breaks the rules, and testing a 16384-bit prime takes tens of seconds.
        if pInRange, !p.isProbablePrime(rounds: primalityRounds(p)) { broken.append(.pNotPrime) }
        if qInRange, !q.isProbablePrime(rounds: primalityRounds(q)) { broken.append(.qNotPrime) }
        if !pInRange { broken.append(.pOutOfRange) }
        if !qInRange { broken.append(.qOutOfRange) }
        if (p - q).absoluteValue <= one << max(0, nlen / 2 - 100) { broken.append(.primesTooClose) }
        if p > one, BigInt.gcd(e, p - one) != one { broken.append(.exponentNotCoprimeToPMinus1) }
        if q > one, BigInt.gcd(e, q - one) != one { broken.append(.exponentNotCoprimeToQMinus1) }
        if (p * q).bitWidth != nlen { broken.append(.modulusWrongLength) }
        return broken
    }

    /// √2·2^(bits−1) ≤ x < 2^bits, i.e. x² ≥ 2^(2·bits−1) and x has at most `bits` bits.
    static func inPrimeRange(_ x: BigInt, bits: Int) -> Bool {
        bits >= 1 && x.signum > 0 && x.bitWidth <= bits && x * x >= BigInt(1) << (2 * bits - 1)
    }

    /// A new key of exactly `bits` bits (RsaUtils default 1024), e = 65537 by default.
    /// The primes are ordered p > q as the JDK orders them; d = e⁻¹ mod lcm(p−1, q−1).
    ///
    /// `randomBytes` is the source of the candidates: the system CSPRNG unless a caller passes a
    /// seeded generator to replay a cross-check (never do that for real keys).
    public static func generate(bits: Int = 1024, publicExponent e: BigInt = BigInt(65537),
                                randomBytes: (Int) throws -> [UInt8] = SystemRandom.bytes) throws -> RSAPrivateKey {
        guard bits >= RSAPublicKey.minimumBits, bits <= RSAPublicKey.maximumBits else {
            throw RSAError.unsupportedKeySize(bits: bits)
        }
        guard e.isOdd, e >= BigInt(3), e.bitWidth < 256 else {
            throw RSAError.keyGenerationFailed("the public exponent must be odd, at least 3 and below 2^256")
        }
        let pBits = (bits + 1) / 2
        let qBits = bits - pBits
        let minimumDistance = BigInt(1) << (bits / 2 - 100)
        while true {
            let p = try probablePrime(bits: pBits, e: e, randomBytes: randomBytes)
            var q: BigInt
            repeat {
                q = try probablePrime(bits: qBits, e: e, randomBytes: randomBytes)
            } while (p - q).absoluteValue <= minimumDistance
            guard (p * q).bitWidth == bits else { continue }
            let (big, small) = p > q ? (p, q) : (q, p)
            let key = try RSAPrivateKey(prime1: big, prime2: small, publicExponent: e)
            // FIPS 186-4 B.3.1: d > 2^(nlen/2); practically always true, retried otherwise.
            if key.privateExponent > BigInt(1) << (bits / 2) { return key }
        }
    }

    /// A random probable prime x in [√2·2^(bits−1), 2^bits) with gcd(e, x−1) = 1 (B.3.3 steps 4–5):
    /// sieve, Baillie–PSW and the Miller–Rabin rounds of FIPS 186-4 table C.3 (see `PrimeSearch`).
    static func probablePrime(bits: Int, e: BigInt, randomBytes: (Int) throws -> [UInt8]) throws -> BigInt {
        try PrimeSearch.probablePrime(bits: bits, e: e, randomBytes: randomBytes)
    }
}

extension RSAKeyGenerator {
    /// A public exponent as a user types it: decimal or 0x-prefixed hexadecimal; odd, at least 3 and
    /// below 2^256 (what `generate` accepts). The error says which rule failed.
    public static func publicExponent(parsing text: String) throws -> BigInt {
        let trimmed = text.trimmingWhitespace
        let lower = trimmed.lowercased()
        let value = lower.hasPrefix("0x") ? BigInt(hex: String(lower.dropFirst(2))) : BigInt(decimal: trimmed)
        guard let value, !value.isNegative else {
            throw RSAError.keyGenerationFailed("the public exponent '\(text.escapingControlCharacters)' is not a decimal or 0x-hexadecimal number")
        }
        guard value >= BigInt(3) else { throw RSAError.keyGenerationFailed("the public exponent must be at least 3") }
        guard value.isOdd else { throw RSAError.keyGenerationFailed("the public exponent must be odd") }
        guard value.bitWidth < 256 else { throw RSAError.keyGenerationFailed("the public exponent must be below 2^256") }
        return value
    }
}

private extension String {
    var trimmingWhitespace: String {
        String(drop(while: { $0.isWhitespace }).reversed().drop(while: { $0.isWhitespace }).reversed())
    }
}

extension RSAPrivateKey {
    /// A new key pair: see `RSAKeyGenerator.generate`.
    public static func generate(bits: Int = 1024, publicExponent: BigInt = BigInt(65537)) throws -> RSAPrivateKey {
        try RSAKeyGenerator.generate(bits: bits, publicExponent: publicExponent)
    }
}
