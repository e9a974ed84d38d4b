import RSA
import XCTest

/// RsaUtils chunked decryption: public defects (a partial last block, a slice longer than one RSA
/// block, an integer not below n, and with the public key any failure) name their block; a padding
/// failure with the private key is one opaque error, reported after every block was decrypted, that
/// names no block (no padding oracle across blocks). Constant time itself is measured by
/// `conformance timing`, not here. Expected messages are written out by hand from the rule in
/// `CiphertextBlock`: blocks counted from 1, offsets from 0.
final class ChunkedDecryptFailureTests: XCTestCase {
    /// 512-bit keys: k = 64 bytes, so the offsets below are multiples of 64.
    private static let key = Result { try RSAPrivateKey.generate(bits: 512) }

    /// A block that decrypts to 00 02 followed by no zero separator (a padding error, c < n).
    private func badPaddingBlock(_ key: RSAPrivateKey) throws -> [UInt8] {
        var em = [UInt8](repeating: 0x5a, count: key.publicKey.modulusByteCount)
        em[0] = 0x00
        em[1] = 0x02
        return try key.publicKey.recoverEncodedMessage(em)  // EM^e mod n: the raw encryption of EM
    }

    private func message(_ body: () throws -> Any) -> String? {
        do { _ = try body() } catch { return "\(error)" }
        return nil
    }

    func testABadPaddingBlockAnywhereIsOneOpaqueError() throws {
        let key = try Self.key.get()
        let k = key.publicKey.modulusByteCount
        let message = [UInt8](repeating: 0x41, count: 3 * (k - 11))
        let good = try RsaUtilsCipher.encrypt(message, publicKey: key.publicKey)
        XCTAssertEqual(try RsaUtilsCipher.decrypt(good, privateKey: key), message)
        let bad = try badPaddingBlock(key)
        XCTAssertThrowsError(try key.decrypt(bad))
        for index in 0..<3 {
            var ct = good
            ct.replaceSubrange(index * k..<(index + 1) * k, with: bad)
            XCTAssertThrowsError(try RsaUtilsCipher.decrypt(ct, privateKey: key), "bad block \(index)") {
                XCTAssertEqual($0 as? RSAError, .decryptionFailed)
                XCTAssertEqual("\($0)", "decryption failed (bad ciphertext or padding)")
            }
        }
    }

    func testABlockNotBelowTheModulusIsNamed() throws {
        let key = try Self.key.get()
        let k = key.publicKey.modulusByteCount
        XCTAssertEqual(k, 64)
        var ct = try RsaUtilsCipher.encrypt([UInt8](repeating: 0x41, count: 3 * (k - 11)), publicKey: key.publicKey)
        // 64 bytes of 0xff = 2^512 − 1 ≥ n for every 512-bit n.
        ct.replaceSubrange(k..<(2 * k), with: [UInt8](repeating: 0xff, count: k))
        XCTAssertEqual(message { try RsaUtilsCipher.decrypt(ct, privateKey: key) },
                       "ciphertext block 2 of 3 (counted from 1; offset 64, 64 bytes): its integer is not below the modulus n")
        // n itself is not below n either.
        ct.replaceSubrange(k..<(2 * k), with: key.modulus.serialize(count: k) ?? [])
        XCTAssertThrowsError(try RsaUtilsCipher.decrypt(ct, privateKey: key)) {
            XCTAssertEqual($0 as? RSAError, .ciphertextBlockRejected(CiphertextBlock(number: 2, count: 3, offset: 64, length: 64),
                                                                     reason: "its integer is not below the modulus n"))
        }
        // The public check runs before any private-key operation: a padding failure in front of it is
        // not what is reported (and is never named).
        ct.replaceSubrange(0..<k, with: try badPaddingBlock(key))
        XCTAssertEqual(message { try RsaUtilsCipher.decrypt(ct, privateKey: key) },
                       "ciphertext block 2 of 3 (counted from 1; offset 64, 64 bytes): its integer is not below the modulus n")
    }

    func testAPartialLastBlockIsNamed() throws {
        let key = try Self.key.get()
        let ct = try RsaUtilsCipher.encrypt([UInt8](repeating: 0x41, count: 3 * 53), publicKey: key.publicKey)  // 3 × 64 bytes
        // 192 + 10 bytes: blocks 1–3 whole, block 4 holds the last 10 bytes from offset 192.
        XCTAssertEqual(message { try RsaUtilsCipher.decrypt(ct + [UInt8](repeating: 1, count: 10), privateKey: key) },
                       "ciphertext of 202 bytes is not a whole number of 64-byte blocks: the last one, block 4 of 4 (counted from 1; offset 192, 10 bytes), is partial")
        // Blocks of 50 bytes: 192 = 3 × 50 + 42, so block 4 starts at 150 and has 42 bytes.
        XCTAssertEqual(message { try RsaUtilsCipher.decrypt(ct, privateKey: key, block: 50) },
                       "ciphertext of 192 bytes is not a whole number of 50-byte blocks: the last one, block 4 of 4 (counted from 1; offset 150, 42 bytes), is partial")
        // A --block as large as Int allows is one partial block, without overflow.
        XCTAssertEqual(message { try RsaUtilsCipher.decrypt(Array(ct.prefix(100)), privateKey: key, block: Int.max) },
                       "ciphertext of 100 bytes is not a whole number of \(Int.max)-byte blocks: the last one, block 1 of 1 (counted from 1; offset 0, 100 bytes), is partial")
    }

    func testASliceLongerThanOneRSABlockIsNamed() throws {
        let key = try Self.key.get()
        let ct = try RsaUtilsCipher.encrypt([UInt8](repeating: 0x41, count: 3 * 53), publicKey: key.publicKey)  // 192 bytes
        // Blocks of 96: two slices of 96 bytes, the first already longer than k = 64.
        XCTAssertEqual(message { try RsaUtilsCipher.decrypt(ct, privateKey: key, block: 96) },
                       "invalid block size: ciphertext block 1 of 2 (counted from 1; offset 0, 96 bytes) is longer than one 512-bit RSA block (64 bytes)")
    }

    func testPublicKeyDecryptionNamesTheFirstBadBlock() throws {
        let key = try Self.key.get()
        let k = key.publicKey.modulusByteCount
        let data = [UInt8](repeating: 0x42, count: 3 * (k - 11))
        var ct = try RsaUtilsCipher.encrypt(data, privateKey: key)  // type 1, decryptByPublicKey reads it
        XCTAssertEqual(try RsaUtilsCipher.decrypt(ct, publicKey: key.publicKey), data)
        // Block 3 becomes a type-2 block (public-key encryption): nothing is secret with the public key.
        ct.replaceSubrange((2 * k)..<(3 * k), with: try key.publicKey.encrypt([1, 2, 3]))
        XCTAssertEqual(message { try RsaUtilsCipher.decrypt(ct, publicKey: key.publicKey) },
                       "ciphertext block 3 of 3 (counted from 1; offset 128, 64 bytes): raised to e it is not a PKCS#1 v1.5 type-1 block (made by the private key, as encryptByPrivateKey does)")
        ct.replaceSubrange(0..<k, with: [UInt8](repeating: 0xff, count: k))
        XCTAssertEqual(message { try RsaUtilsCipher.decrypt(ct, publicKey: key.publicKey) },
                       "ciphertext block 1 of 3 (counted from 1; offset 0, 64 bytes): its integer is not below the modulus n")
    }
}
