@testable import BigNum
import Crypto
import _CryptoExtras
import Dispatch
import RSA
import XCTest

/// The private operation's blinding pairs and reused temporaries: signatures (deterministic in
/// PKCS#1 v1.5) must equal BoringSSL's (swift-crypto, an independent implementation) on every call,
/// across blinding refreshes, from many threads at once, and for keys without primes.
final class PrivateOperationTests: XCTestCase {
    private func boringSignature(_ key: RSAPrivateKey, _ message: [UInt8]) throws -> [UInt8] {
        let boring = try _RSA.Signing.PrivateKey(unsafeDERRepresentation: key.pkcs1DER)
        let signature = try boring.signature(for: SHA256.hash(data: message), padding: .insecurePKCS1v1_5)
        return Array(signature.rawRepresentation)
    }

    func testSignaturesMatchBoringSSLAcrossBlindingRefreshes() throws {
        let key = try RSAPrivateKey.generate(bits: 1024)
        // 70 calls: the pair is squared after each one and replaced after 32 (twice here).
        for i in 0..<70 {
            let message = (0..<(i * 7 % 200)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ i) }
            XCTAssertEqual(try key.signature(for: message, hash: .sha256), try boringSignature(key, message), "call \(i)")
        }
    }

    func testConcurrentSigningWithOneKey() throws {
        let key = try RSAPrivateKey.generate(bits: 1024)  // BoringSSL refuses smaller keys
        let messages = (0..<16).map { i in [UInt8](repeating: UInt8(i), count: 20 + i) }
        let expected = try messages.map { try boringSignature(key, $0) }
        let results = Results(count: messages.count * 8)
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for (i, message) in messages.enumerated() {
                results.set(thread * messages.count + i, try? key.signature(for: message, hash: .sha256))
            }
        }
        for index in 0..<(messages.count * 8) {
            XCTAssertEqual(results.get(index), expected[index % messages.count], "signature \(index)")
        }
    }

    func testKeyWithoutPrimesSignsLikeTheFullKey() throws {
        let full = try RSAPrivateKey.generate(bits: 1024)
        let bare = try RSAPrivateKey(modulus: full.modulus, publicExponent: full.publicExponent, privateExponent: full.privateExponent)
        let message = Array("without primes".utf8)
        for _ in 0..<3 {
            XCTAssertEqual(try bare.signature(for: message, hash: .sha256), try boringSignature(full, message))
        }
    }

    /// The fault check (mᵉ ≡ c modulo p and modulo q, on the blinded values) must stop a result that
    /// is wrong in either CRT half: a wrong half released would factor n (Boneh–DeMillo–Lipton:
    /// gcd(sᵉ − EM, n) is the other prime). A dP or dQ off by 2 stands in for a fault in that half
    /// (the key's constructor only checks n = p·q and qInv, so such a key can be built).
    func testAFaultInEitherCRTHalfIsCaught() throws {
        let key = try RSAPrivateKey.generate(bits: 1024)
        guard let primes = key.primes else { return XCTFail("a generated key has its primes") }
        let two = BigInt(2)
        let wrongP = RSAPrimes(p: primes.p, q: primes.q, dp: primes.dp + two, dq: primes.dq, qInv: primes.qInv)
        let wrongQ = RSAPrimes(p: primes.p, q: primes.q, dp: primes.dp, dq: primes.dq + two, qInv: primes.qInv)
        let message = Array("fault".utf8)
        for (name, faulty) in [("dP", wrongP), ("dQ", wrongQ)] {
            let bad = try RSAPrivateKey(modulus: key.modulus, publicExponent: key.publicExponent,
                                        privateExponent: key.privateExponent, primes: faulty)
            for _ in 0..<3 {  // the first call and calls with squared blinding pairs
                XCTAssertThrowsError(try bad.signature(for: message, hash: .md5), "wrong \(name)") {
                    XCTAssertEqual($0 as? RSAError, .faultDetected)
                }
            }
        }
        // Without primes: a wrong d is caught by the check modulo n.
        let bare = try RSAPrivateKey(modulus: key.modulus, publicExponent: key.publicExponent,
                                     privateExponent: key.privateExponent + two)
        XCTAssertThrowsError(try bare.signature(for: message, hash: .md5)) { XCTAssertEqual($0 as? RSAError, .faultDetected) }
    }

    /// A warm workspace reuses its GMP limbs: a signature frees no GMP block (a register that was both
    /// operand and output of a GMP call used to be copied on write, a fresh mpz_t per call). Counted
    /// through the freed-block hook of BigNum's memory functions; calls 2–11 of a fresh pair (the
    /// pair is replaced only on calls 1, 33, ...).
    func testAWarmSignatureFreesNoGMPMemory() throws {
        let key = try RSAPrivateKey.generate(bits: 1024)
        let message = Array("warm".utf8)
        _ = try key.signature(for: message, hash: .md5)
        final class Count: @unchecked Sendable { var blocks = 0 }
        let freed = Count()
        GMPMemory.freedBlockObserver = { _ in freed.blocks += 1 }
        defer { GMPMemory.freedBlockObserver = nil }
        for _ in 0..<10 { _ = try key.signature(for: message, hash: .md5) }
        XCTAssertEqual(freed.blocks, 0, "GMP blocks freed by 10 warm signatures")
    }

    func testCiphertextNotBelowTheModulusIsRejected() throws {
        let key = try RSAPrivateKey.generate(bits: 512)
        let n = key.modulus.serialize(count: key.publicKey.modulusByteCount) ?? []
        XCTAssertThrowsError(try key.decrypt(n)) { XCTAssertEqual($0 as? RSAError, .decryptionFailed) }
        let tooBig = [UInt8](repeating: 0xff, count: key.publicKey.modulusByteCount)
        XCTAssertThrowsError(try key.decrypt(tooBig)) { XCTAssertEqual($0 as? RSAError, .decryptionFailed) }
    }
}

/// Result slots written from several threads.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [[UInt8]?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: [UInt8]?) { lock.withLock { values[i] = value } }
    func get(_ i: Int) -> [UInt8]? { lock.withLock { values[i] } }
}
