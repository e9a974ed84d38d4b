import BigNum
import Foundation

/// The state one private-key operation needs, reused from call to call: a blinding pair and the
/// temporaries of the CRT computation (their GMP limbs stay allocated, so a warm workspace makes
/// no allocation per call besides the output array).
///
/// The blinding pair is OpenSSL's BN_BLINDING: A = rᵉ and Ai = r⁻¹ mod n for a secret r from the
/// system CSPRNG. After each use both are squared ((r²)ᵉ and (r²)⁻¹ are again a pair), which costs
/// modular squarings instead of a fresh inversion; every `usesPerSecret` uses a new r is drawn.
/// Blinding comes first, modulo n, and the fault check runs on the blinded values (OpenSSL's order):
/// nothing after the first multiplication sees the caller's c or the unblinded result but the last
/// unblinding multiplication. (Keeping the pair modulo p and q was cheaper, but reduced the caller's
/// c and the unblinded m modulo the secret primes, which `conformance timing` could see.)
/// A workspace is only ever used by one operation at a time (see `PrivateOperationPool`), and neither
/// r nor the pair leaves it.
final class PrivateWorkspace {
    /// As OpenSSL's BN_BLINDING_COUNTER.
    static let usesPerSecret = 32

    // The registers below are only touched by `run` and `refreshSecret` of the one operation that holds
    // this workspace (the pool hands it to one caller at a time), so the runtime exclusivity checks of
    // class properties would only add cost to every GMP call.

    /// Blinding factor A and unblinding factor Ai, modulo n.
    @exclusivity(unchecked) private var blindN = BigInt()
    @exclusivity(unchecked) private var unblindN = BigInt()
    private var uses = PrivateWorkspace.usesPerSecret  // forces a fresh pair on first use

    @exclusivity(unchecked) private var input = BigInt()
    @exclusivity(unchecked) private var blinded = BigInt()
    @exclusivity(unchecked) private var x1 = BigInt()
    @exclusivity(unchecked) private var x2 = BigInt()
    @exclusivity(unchecked) private var h = BigInt()
    @exclusivity(unchecked) private var blindedResult = BigInt()
    @exclusivity(unchecked) private var result = BigInt()
    @exclusivity(unchecked) private var checkInput = BigInt()
    @exclusivity(unchecked) private var checkResult = BigInt()

    /// I2OSP(c^d mod n, k) for the k-byte big-endian c; nil when c ≥ n (RFC 8017 §5.1.2 step 1).
    /// Blinded, by CRT when the primes are known, checked with e before anything is returned.
    /// Every register is written from other registers (never `x.form…(x, …)`): an operand that is
    /// also the output would be a second reference to its storage and force a copy-on-write
    /// allocation on every call.
    func run(_ bytes: [UInt8], key: RSAPrivateKey) throws -> [UInt8]? {
        let n = key.modulus
        bytes.withUnsafeBytes { input.setBigEndianBytes($0) }
        guard input < n else { return nil }
        if uses >= PrivateWorkspace.usesPerSecret { try refreshSecret(key) }

        // Blind modulo n first (OpenSSL's order): every later reduction, the CRT halves and the fault
        // check see c·rᵉ, a random value, not the caller's c (`conformance timing` saw GMP's
        // variable-time reductions of the unblinded c and m through fixed vs random inputs).
        guard blinded.formProduct(input, blindN, modulo: n) else { throw RSAError.faultDetected }
        if let primes = key.primes {
            // RFC 8017 §5.1.2 step 2.b on the blinded c': m1 = c'^dP mod p, m2 = c'^dQ mod q.
            // `mpz_powm_sec` reduces c' modulo the prime itself, in constant time.
            guard x1.formSecurePower(blinded, primes.dp, modulo: primes.p),
                  x2.formSecurePower(blinded, primes.dq, modulo: primes.q)
            else { throw RSAError.faultDetected }
            // h = qInv·(m1 − m2) mod p, m' = m2 + h·q.
            h.formDifference(x1, x2)
            guard h.multiply(by: primes.qInv, modulo: primes.p) else { throw RSAError.faultDetected }
            blindedResult.formProduct(h, primes.q)
            blindedResult.add(x2)
        } else {
            guard blindedResult.formSecurePower(blinded, key.privateExponent, modulo: n) else { throw RSAError.faultDetected }
        }
        try check(blindedResult, against: blinded, key: key)
        // Unblind: m = m'·Ai mod n. The remainder is the result itself (a secret plaintext when
        // decrypting), so this one reduction is `mpn_sec_div_r`, whose time does not depend on it
        // (0.3 µs more than `mpz_mod` at 1024 bits; `conformance timing` saw the signing of a fixed vs a
        // random message come closer to its threshold with `mpz_mod` here).
        guard result.formProductReducedInConstantTime(blindedResult, unblindN, modulo: n),
              let out = result.serialize(count: key.publicKey.modulusByteCount) else { throw RSAError.faultDetected }

        // Next pair: (A², Ai²).
        blindN.formSquare(modulo: n)
        unblindN.formSquare(modulo: n)
        uses += 1
        return out
    }

    /// Fault check before anything is released: mᵉ ≡ c (mod n). With the primes it is checked modulo
    /// p and modulo q (equivalent by the CRT since n = p·q, and cheaper than one power modulo n:
    /// 3.5 against 5.5 µs at 1024 bits); m and c are reduced afresh (inside the power, and here), so
    /// a fault in the reductions or the recombination the computation used is caught too.
    ///
    /// The power is GMP's variable-time `mpz_powm` (e is public, as OpenSSL's BN_mod_exp_mont check):
    /// both m and c are blinded here (m·r and c·rᵉ for a secret r), so its time depends on random
    /// values, not on the caller's c or the result. Never call it on unblinded values: reduced modulo
    /// a secret prime, their time would leak it (`conformance timing` saw |t| > 20 when the check
    /// raised the unblinded result). `mpz_powm_sec` here cost 16 µs of a 136 µs RSA-1024 signature.
    private func check(_ m: BigInt, against c: BigInt, key: RSAPrivateKey) throws {
        if let primes = key.primes {
            guard holds(m, c, modulo: primes.p, e: key.publicExponent), holds(m, c, modulo: primes.q, e: key.publicExponent)
            else { throw RSAError.faultDetected }
        } else {
            guard checkResult.formPower(m, key.publicExponent, modulo: key.modulus), checkResult == c else {
                throw RSAError.faultDetected
            }
        }
    }

    /// mᵉ mod prime == c mod prime, for the blinded m and c (see `check`).
    private func holds(_ m: BigInt, _ c: BigInt, modulo prime: BigInt, e: BigInt) -> Bool {
        checkResult.formPower(m, e, modulo: prime) && checkInput.formRemainder(c, modulo: prime) && checkResult == checkInput
    }

    /// A new secret r ∈ [2, n) with an inverse: A = rᵉ, Ai = r⁻¹ (the only inversion), and their halves.
    private func refreshSecret(_ key: RSAPrivateKey) throws {
        let n = key.modulus
        let one = BigInt(1)
        while true {
            let r: BigInt
            do { r = try BigInt.random(below: n) } catch { throw RSAError.randomSourceFailed }
            guard r != one, let inverse = r.inverse(modulo: n) else { continue }
            guard blindN.formPower(r, key.publicExponent, modulo: n) else { throw RSAError.faultDetected }
            unblindN = inverse
            uses = 0
            return
        }
    }
}

/// The idle workspaces of one key. An operation takes one (or makes one), uses it alone, and gives it
/// back: concurrent operations on the same key (parallel chunked decryption) never share a blinding
/// pair or temporaries. A workspace whose operation failed is dropped, not returned.
final class PrivateOperationPool: @unchecked Sendable {
    /// Enough for every core of a typical machine; more concurrent callers just make fresh ones.
    static let maximumIdle = 16

    private let lock = NSLock()
    private var idle = [PrivateWorkspace]()

    init() {}

    func withWorkspace<T>(_ body: (PrivateWorkspace) throws -> T) rethrows -> T {
        let workspace = lock.withLock { idle.popLast() } ?? PrivateWorkspace()
        let value = try body(workspace)
        lock.withLock {
            if idle.count < PrivateOperationPool.maximumIdle { idle.append(workspace) }
        }
        return value
    }
}
