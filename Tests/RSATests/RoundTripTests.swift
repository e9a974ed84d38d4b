import BigNum
import RSA
import XCTest

final class RoundTripTests: XCTestCase {
    func testRoundTripsAtEverySize() throws {
        let message = Array("RsaUtils 中文 round trip".utf8)
        let long = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        for bits in [512, 1024, 2048, 3072, 4096] {
            let key = try RSAPrivateKey.generate(bits: bits)
            XCTAssertEqual(key.publicKey.keySize, bits)
            XCTAssertEqual(key.publicKey.publicExponent, BigInt(65537))
            let primes = try XCTUnwrap(key.primes)
            XCTAssertTrue(primes.p > primes.q, "p > q as the JDK orders them")
            XCTAssertEqual(RSAKeyGenerator.violations(p: primes.p, q: primes.q, e: key.publicExponent, bits: bits), [])
            for hash in [HashAlgorithm.md5, .sha1, .sha256, .sha384, .sha512] where bits >= 1024 || hash.digestLength <= 32 {
                let signature = try key.signature(for: message, hash: hash)
                XCTAssertEqual(signature.count, key.publicKey.modulusByteCount)
                XCTAssertTrue(try key.publicKey.isValidSignature(signature, for: message, hash: hash))
                XCTAssertFalse(try key.publicKey.isValidSignature(signature, for: message + [0], hash: hash))
            }
            // Short messages put the separator far into the block (index > 255 for 3072/4096 bits).
            for short in [[], [0x01], Array(long.prefix(5))] as [[UInt8]] {
                XCTAssertEqual(try key.decrypt(try key.publicKey.encrypt(short)), short, "\(bits) bits, \(short.count) bytes")
                XCTAssertEqual(try key.publicKey.decryptType1(try key.encryptType1(short)), short)
            }
            let ct = try RsaUtilsCipher.encrypt(long, publicKey: key.publicKey)
            XCTAssertEqual(try RsaUtilsCipher.decrypt(ct, privateKey: key), long)
            let ct1 = try RsaUtilsCipher.encrypt(long, privateKey: key)
            XCTAssertEqual(try RsaUtilsCipher.decrypt(ct1, publicKey: key.publicKey), long)
            XCTAssertEqual(try RSAPrivateKey(pkcs1DER: key.pkcs1DER).pkcs8DER, key.pkcs8DER)
            XCTAssertEqual(try RSAPublicKey(pkcs1DER: key.publicKey.pkcs1DER), key.publicKey)
        }
    }

    func testSigningFromNEDAloneEqualsCRT() throws {
        let key = try RSAPrivateKey.generate(bits: 1024)
        let plain = try RSAPrivateKey(modulus: key.modulus, publicExponent: key.publicExponent, privateExponent: key.privateExponent)
        let message = Array("no primes".utf8)
        XCTAssertEqual(try plain.signature(for: message, hash: .md5), try key.signature(for: message, hash: .md5))
    }

    func testEmptyInputGivesEmptyOutput() throws {
        let key = try RSAPrivateKey.generate(bits: 512)
        XCTAssertEqual(try RsaUtilsCipher.encrypt([], publicKey: key.publicKey), [])
        XCTAssertEqual(try RsaUtilsCipher.decrypt([], privateKey: key), [])
    }

    func testRandomPaddingDiffersAndFixedPaddingIsDeterministic() throws {
        let key = try RSAPrivateKey.generate(bits: 512)
        let m: [UInt8] = [1, 2, 3]
        XCTAssertNotEqual(try key.publicKey.encrypt(m), try key.publicKey.encrypt(m))
        let ps = [UInt8](repeating: 0x5a, count: key.publicKey.modulusByteCount - 3 - m.count)
        XCTAssertEqual(try key.publicKey.encrypt(m, paddingString: ps), try key.publicKey.encrypt(m, paddingString: ps))
    }

    /// The RsaUtils defect: a 2048-bit key with blocks 117/128 encrypts, but decryption fails cleanly.
    func test2048BitKeyWithRsaUtilsConstants() throws {
        let key = try RSAPrivateKey.generate(bits: 2048)
        let data = [UInt8](repeating: 0x41, count: 500)
        let ct = try RsaUtilsCipher.encrypt(data, publicKey: key.publicKey, block: 117)
        XCTAssertEqual(ct.count, 5 * 256)
        XCTAssertThrowsError(try RsaUtilsCipher.decrypt(ct, privateKey: key, block: 128)) {
            XCTAssertEqual($0 as? RSAError, .decryptionFailed)
        }
        XCTAssertEqual(try RsaUtilsCipher.decrypt(ct, privateKey: key, block: 256), data)
    }
}
