import CGMP

// MARK: - Comparable

extension BigInt: Equatable, Comparable, Hashable {
    public static func == (lhs: BigInt, rhs: BigInt) -> Bool {
        __gmpz_cmp(&lhs.storage.z, &rhs.storage.z) == 0
    }

    public static func < (lhs: BigInt, rhs: BigInt) -> Bool {
        __gmpz_cmp(&lhs.storage.z, &rhs.storage.z) < 0
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(twosComplementBytes) }
}

// MARK: - Ring arithmetic

extension BigInt {
    public static func + (lhs: BigInt, rhs: BigInt) -> BigInt {
        make { __gmpz_add($0, &lhs.storage.z, &rhs.storage.z) }
    }

    public static func - (lhs: BigInt, rhs: BigInt) -> BigInt {
        make { __gmpz_sub($0, &lhs.storage.z, &rhs.storage.z) }
    }

    public static func * (lhs: BigInt, rhs: BigInt) -> BigInt {
        make { __gmpz_mul($0, &lhs.storage.z, &rhs.storage.z) }
    }

    public var negated: BigInt { BigInt.make { __gmpz_neg($0, &storage.z) } }

    /// Truncating quotient; nil on division by zero.
    public func quotient(dividingBy divisor: BigInt) -> BigInt? {
        guard !divisor.isZero else { return nil }
        return BigInt.make { __gmpz_tdiv_q($0, &storage.z, &divisor.storage.z) }
    }

    /// Non-negative residue in [0, |m|); nil when m is zero.
    public func modulo(_ m: BigInt) -> BigInt? {
        guard !m.isZero else { return nil }
        return BigInt.make { __gmpz_mod($0, &storage.z, &m.storage.z) }
    }

    /// Largest left shift: past it GMP would abort ("overflow in mpz type") or exhaust memory, so a
    /// larger count is clamped (callers bound their inputs far below; this keeps the operator total).
    public static let maximumShift = 1 << 31

    /// self · 2^rhs; a negative count shifts right (total: no trap for any Int).
    public static func << (lhs: BigInt, rhs: Int) -> BigInt {
        if rhs < 0 { return lhs >> (rhs == Int.min ? Int.max : -rhs) }
        return make { __gmpz_mul_2exp($0, &lhs.storage.z, mp_bitcnt_t(min(rhs, maximumShift))) }
    }

    /// ⌊self / 2^rhs⌋; a negative count shifts left (total: no trap for any Int).
    public static func >> (lhs: BigInt, rhs: Int) -> BigInt {
        if rhs < 0 { return lhs << (rhs == Int.min ? Int.max : -rhs) }
        return make { __gmpz_fdiv_q_2exp($0, &lhs.storage.z, mp_bitcnt_t(rhs)) }
    }

    public static func += (lhs: inout BigInt, rhs: BigInt) { lhs = lhs + rhs }
    public static func -= (lhs: inout BigInt, rhs: BigInt) { lhs = lhs - rhs }
    public static func *= (lhs: inout BigInt, rhs: BigInt) { lhs = lhs * rhs }

    public var absoluteValue: BigInt { BigInt.make { __gmpz_abs($0, &storage.z) } }

    /// Integer square root (floor) of a non-negative value; nil when negative.
    public var squareRoot: BigInt? {
        guard signum >= 0 else { return nil }
        return BigInt.make { __gmpz_sqrt($0, &storage.z) }
    }
}

// MARK: - Number theory

extension BigInt {
    public static func gcd(_ a: BigInt, _ b: BigInt) -> BigInt {
        make { __gmpz_gcd($0, &a.storage.z, &b.storage.z) }
    }

    public static func lcm(_ a: BigInt, _ b: BigInt) -> BigInt {
        make { __gmpz_lcm($0, &a.storage.z, &b.storage.z) }
    }

    /// Modular inverse in [0, m); nil when it does not exist.
    public func inverse(modulo m: BigInt) -> BigInt? {
        guard !m.isZero else { return nil }
        let s = Storage()
        let ok = __gmpz_invert(&s.z, &storage.z, &m.storage.z)
        guard ok != 0 else { return nil }
        return BigInt(storage: s)
    }

    /// self^e mod m, variable time: for public exponents only. nil for m ≤ 0 or e < 0.
    public func power(_ e: BigInt, modulo m: BigInt) -> BigInt? {
        guard m.signum > 0, e.signum >= 0 else { return nil }
        return BigInt.make { __gmpz_powm($0, &storage.z, &e.storage.z, &m.storage.z) }
    }

    /// self^e mod m with GMP's side-channel-silent `mpz_powm_sec`, for secret exponents.
    /// nil unless m is odd and positive and e > 0 (GMP's requirements).
    public func securePower(_ e: BigInt, modulo m: BigInt) -> BigInt? {
        guard m.signum > 0, m.isOdd, e.signum > 0 else { return nil }
        return BigInt.make { __gmpz_powm_sec($0, &storage.z, &e.storage.z, &m.storage.z) }
    }

    /// Miller–Rabin (plus Baillie–PSW in GMP) probable-prime test.
    public func isProbablePrime(rounds: Int = 40) -> Bool {
        __gmpz_probab_prime_p(&storage.z, Int32(clamping: max(1, min(rounds, 1000)))) > 0
    }
}

/// The version of the linked libgmp, e.g. "6.2.1".
public var gmpVersion: String { String(cString: cgmp_version()) }
