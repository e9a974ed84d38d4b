import BigNum
import Foundation

/// The state one private-key operation needs, reused from call to call: a blinding pair and the
/// temporaries of the CRT computation (their GMP limbs stay allocated, so a warm workspace makes
/// no allocation per call besides the output array).
///
/// The blinding pair is OpenSSL's BN_BLINDING: A = rᵉ and Ai = r⁻¹ mod n for a secret r from the
/// system CSPRNG. After each use both are squared ((r²)ᵉ and (r²)⁻¹ are again a pair), which costs
/// modular squarings instead of a fresh inversion; every `usesPerSecret` uses a new r is drawn. With
/// the primes known the pair is kept modulo p and modulo q (A mod p, Ai mod p, A mod q, Ai mod q):
/// blinding, unblinding and squaring then work on half-size numbers, a quarter of the cost each.
/// A workspace is only ever used by one operation at a time (see `PrivateOperationPool`), and neither
/// r nor the pair leaves it.
final class PrivateWorkspace {
    /// As OpenSSL's BN_BLINDING_COUNTER.
    static let usesPerSecret = 32

    /// Modulo n (keys without primes) or the halves modulo p and q: blinding factor A, unblinding Ai.
    private var blindN = BigInt(), unblindN = BigInt()
    private var blindP = BigInt(), unblindP = BigInt(), blindQ = BigInt(), unblindQ = BigInt()
    private var uses = PrivateWorkspace.usesPerSecret  // forces a fresh pair on first use

    private var input = BigInt(), x1 = BigInt(), x2 = BigInt(), h = BigInt(), result = BigInt()
    private var checkInput = BigInt(), checkResult = BigInt(), checkReduced = BigInt()

    /// I2OSP(c^d mod n, k) for the k-byte big-endian c; nil when c ≥ n (RFC 8017 §5.1.2 step 1).
    /// Blinded, by CRT when the primes are known, checked with e before anything is returned.
    func run(_ bytes: [UInt8], key: RSAPrivateKey) throws -> [UInt8]? {
        let n = key.modulus
        bytes.withUnsafeBytes { input.setBigEndianBytes($0) }
        guard input < n else { return nil }
        if uses >= PrivateWorkspace.usesPerSecret { try refreshSecret(key) }

        if let primes = key.primes {
            // Blind each half: c'ₚ = (c mod p)·(A mod p) mod p, likewise for q.
            guard x1.formRemainder(input, modulo: primes.p), x1.multiply(by: blindP, modulo: primes.p),
                  x2.formRemainder(input, modulo: primes.q), x2.multiply(by: blindQ, modulo: primes.q),
                  // RFC 8017 §5.1.2 step 2.b: m1 = c'^dP mod p, m2 = c'^dQ mod q (then unblinded by Ai).
                  x1.formSecurePower(x1, primes.dp, modulo: primes.p), x1.multiply(by: unblindP, modulo: primes.p),
                  x2.formSecurePower(x2, primes.dq, modulo: primes.q), x2.multiply(by: unblindQ, modulo: primes.q)
            else { throw RSAError.faultDetected }
            // h = qInv·(m1 − m2) mod p, m = m2 + h·q.
            h.formDifference(x1, x2)
            guard h.multiply(by: primes.qInv, modulo: primes.p) else { throw RSAError.faultDetected }
            result.formProduct(h, primes.q)
            result.add(x2)
        } else {
            guard x1.formProduct(input, blindN, modulo: n), x2.formSecurePower(x1, key.privateExponent, modulo: n),
                  result.formProduct(x2, unblindN, modulo: n)
            else { throw RSAError.faultDetected }
        }
        try check(result, against: input, key: key)
        guard let out = result.serialize(count: key.publicKey.modulusByteCount) else { throw RSAError.faultDetected }

        // Next pair: (A², Ai²).
        if let primes = key.primes {
            blindP.formSquare(modulo: primes.p)
            unblindP.formSquare(modulo: primes.p)
            blindQ.formSquare(modulo: primes.q)
            unblindQ.formSquare(modulo: primes.q)
        } else {
            blindN.formSquare(modulo: n)
            unblindN.formSquare(modulo: n)
        }
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
            if let primes = key.primes {
                guard blindP.formRemainder(blindN, modulo: primes.p), unblindP.formRemainder(unblindN, modulo: primes.p),
                      blindQ.formRemainder(blindN, modulo: primes.q), unblindQ.formRemainder(unblindN, modulo: primes.q)
                else { throw RSAError.faultDetected }
            }
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
