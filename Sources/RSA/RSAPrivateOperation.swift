import BigNum
import Foundation

/// The state one private-key operation needs, reused from call to call: a blinding pair and the
/// temporaries of the CRT computation (their GMP limbs stay allocated, so a warm workspace makes
/// no allocation per call).
///
/// The blinding pair is OpenSSL's BN_BLINDING: A = rᵉ mod n and Ai = r⁻¹ mod n for a secret r from
/// the system CSPRNG. After each use both are squared ((r²)ᵉ and (r²)⁻¹ are again a pair), which
/// costs two modular squarings instead of a fresh inversion; every `usesPerSecret` uses a new r is
/// drawn. A workspace is only ever used by one operation at a time (see `PrivateOperationPool`), and
/// neither r nor the pair leaves it.
final class PrivateWorkspace {
    /// As OpenSSL's BN_BLINDING_COUNTER.
    static let usesPerSecret = 32

    private var blindingFactor = BigInt()  // A = rᵉ mod n
    private var unblindingFactor = BigInt()  // Ai = r⁻¹ mod n
    private var uses = PrivateWorkspace.usesPerSecret  // forces a fresh pair on first use

    private var blinded = BigInt(), cp = BigInt(), cq = BigInt(), m1 = BigInt(), m2 = BigInt()
    private var h = BigInt(), blindedResult = BigInt(), result = BigInt()
    private var checkInput = BigInt(), checkResult = BigInt(), checkReduced = BigInt()

    /// c^d mod n for 0 ≤ c < n, blinded, by CRT when the primes are known, checked with e.
    func run(_ c: BigInt, key: RSAPrivateKey) throws -> BigInt {
        let n = key.modulus
        if uses >= PrivateWorkspace.usesPerSecret { try refreshSecret(key) }

        // Blind: c' = c·A mod n, so that c'^d = m·r.
        guard blinded.formProduct(c, blindingFactor, modulo: n) else { throw RSAError.faultDetected }
        if let primes = key.primes {
            // CRT (RFC 8017 §5.1.2 step 2.b): m1 = c'^dP mod p, m2 = c'^dQ mod q, h = qInv·(m1 − m2) mod p.
            guard cp.formRemainder(blinded, modulo: primes.p), cq.formRemainder(blinded, modulo: primes.q),
                  m1.formSecurePower(cp, primes.dp, modulo: primes.p),
                  m2.formSecurePower(cq, primes.dq, modulo: primes.q)
            else { throw RSAError.faultDetected }
            h.formDifference(m1, m2)
            guard h.multiply(by: primes.qInv, modulo: primes.p) else { throw RSAError.faultDetected }
            blindedResult.formProduct(h, primes.q)
            blindedResult.add(m2)
        } else {
            guard blindedResult.formSecurePower(blinded, key.privateExponent, modulo: n) else { throw RSAError.faultDetected }
        }
        // Unblind: m = m'·Ai mod n.
        guard result.formProduct(blindedResult, unblindingFactor, modulo: n) else { throw RSAError.faultDetected }
        try check(result, against: c, key: key)

        // Next pair: (A², Ai²).
        blindingFactor.formSquare(modulo: n)
        unblindingFactor.formSquare(modulo: n)
        uses += 1
        return result
    }

    /// Fault check before anything is released: mᵉ ≡ c (mod n). With the primes it is checked modulo
    /// p and modulo q (equivalent by the CRT since n = p·q, half the work); c mod p and c mod q are
    /// reduced afresh from the caller's c, so a fault in the CRT half's own reduction is caught.
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

    /// (m mod prime)ᵉ mod prime == c mod prime.
    private func holds(_ m: BigInt, _ c: BigInt, modulo prime: BigInt, e: BigInt) -> Bool {
        checkReduced.formRemainder(m, modulo: prime) && checkResult.formPower(checkReduced, e, modulo: prime)
            && checkInput.formRemainder(c, modulo: prime) && checkResult == checkInput
    }

    /// A new secret r ∈ [2, n) with an inverse: A = rᵉ, Ai = r⁻¹ (the only inversion).
    private func refreshSecret(_ key: RSAPrivateKey) throws {
        let n = key.modulus
        let one = BigInt(1)
        while true {
            let r: BigInt
            do { r = try BigInt.random(below: n) } catch { throw RSAError.randomSourceFailed }
            guard r != one, let inverse = r.inverse(modulo: n) else { continue }
            guard blindingFactor.formPower(r, key.publicExponent, modulo: n) else { throw RSAError.faultDetected }
            unblindingFactor = inverse
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
