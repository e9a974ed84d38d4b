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

    /// Blinding factor A and unblinding factor Ai, modulo n.
    private var blindN = BigInt(), unblindN = BigInt()
    private var uses = PrivateWorkspace.usesPerSecret  // forces a fresh pair on first use

    private var input = BigInt(), blinded = BigInt(), x1 = BigInt(), x2 = BigInt(), h = BigInt()
    private var blindedResult = BigInt(), result = BigInt()
    private var checkInput = BigInt(), checkResult = BigInt(), checkReduced = BigInt()

    /// I2OSP(c^d mod n, k) for the k-byte big-endian c; nil when c ≥ n (RFC 8017 §5.1.2 step 1).
    /// Blinded, by CRT when the primes are known, checked with e before anything is returned.
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
            guard x1.formRemainder(blinded, modulo: primes.p), x1.formSecurePower(x1, primes.dp, modulo: primes.p),
                  x2.formRemainder(blinded, modulo: primes.q), x2.formSecurePower(x2, primes.dq, modulo: primes.q)
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
        guard result.formProduct(blindedResult, unblindN, modulo: n),
              let out = result.serialize(count: key.publicKey.modulusByteCount) else { throw RSAError.faultDetected }

        // Next pair: (A², Ai²).
        blindN.formSquare(modulo: n)
        unblindN.formSquare(modulo: n)
        uses += 1
        return out
    }

    /// Fault check before anything is released: mᵉ ≡ c (mod n). With the primes it is checked modulo
    /// p and modulo q (equivalent by the CRT since n = p·q, half the work); c mod p and c mod q are
    /// reduced afresh from c, so a fault in the reductions the computation used is caught too.
    private func check(_ m: BigInt, against c: BigInt, key: RSAPrivateKey) throws {
        if let primes = key.primes {
            guard holds(m, c, modulo: primes.p, e: key.publicExponent), holds(m, c, modulo: primes.q, e: key.publicExponent)
            else { throw RSAError.faultDetected }
        } else {
            guard checkResult.formSecurePower(m, key.publicExponent, modulo: key.modulus), checkResult == c else {  // see `holds`
                throw RSAError.faultDetected
            }
        }
    }

    /// (m mod prime)ᵉ mod prime == c mod prime. The power is `mpz_powm_sec` although e is public:
    /// its base is the unblinded result reduced modulo a secret prime, and `mpz_powm_ui`'s time
    /// depends on that base (`conformance timing` saw it: |t| > 20 for fixed vs random input, which a
    /// chosen-message attacker could turn into a Schindler-style attack on p from signatures).
    private func holds(_ m: BigInt, _ c: BigInt, modulo prime: BigInt, e: BigInt) -> Bool {
        guard checkReduced.formRemainder(m, modulo: prime) else { return false }
        let powered = checkResult.formSecurePower(checkReduced, e, modulo: prime)
        return powered && checkInput.formRemainder(c, modulo: prime) && checkResult == checkInput
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
