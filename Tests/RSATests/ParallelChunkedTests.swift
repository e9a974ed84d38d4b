import RSA
import XCTest

/// Chunked operations run their blocks in parallel: the output keeps block order, and a block with
/// bad padding gives the one opaque error wherever it is and whichever thread met it (no padding oracle).
final class ParallelChunkedTests: XCTestCase {
    func testManyBlocksRoundTripInOrder() throws {
        let key = try RSAPrivateKey.generate(bits: 512)
        // 40 KiB of distinct bytes: 791 blocks of 53; any reordering changes the plaintext.
        let data = (0..<40_960).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) }
        let ciphertext = try RsaUtilsCipher.encrypt(data, publicKey: key.publicKey)
        XCTAssertEqual(try RsaUtilsCipher.decrypt(ciphertext, privateKey: key), data)
        // Private-key encryption (type 1, deterministic) is parallel too: each block decrypts alone.
        let signedBlocks = try RsaUtilsCipher.encrypt(data, privateKey: key)
        XCTAssertEqual(try RsaUtilsCipher.decrypt(signedBlocks, publicKey: key.publicKey), data)
        let k = key.publicKey.modulusByteCount
        for (index, start) in stride(from: 0, to: data.count, by: k - 11).enumerated().prefix(5) {
            let block = Array(signedBlocks[(index * k)..<((index + 1) * k)])
            XCTAssertEqual(try key.publicKey.decryptType1(block), Array(data[start..<min(start + k - 11, data.count)]))
        }
    }

    func testBadBlocksGiveOneOpaqueError() throws {
        let key = try RSAPrivateKey.generate(bits: 512)
        let k = key.publicKey.modulusByteCount
        let data = [UInt8](repeating: 0x41, count: 20 * (k - 11))
        var ciphertext = try RsaUtilsCipher.encrypt(data, publicKey: key.publicKey)
        XCTAssertEqual(ciphertext.count, 20 * k)
        // Blocks 7 and 12 (1-based) become raw encryptions of an EM without a zero separator: below n,
        // padding invalid. Whichever thread meets them, the error is the opaque one.
        var em = [UInt8](repeating: 0x5a, count: k)
        em[0] = 0x00
        em[1] = 0x02
        let bad = try key.publicKey.recoverEncodedMessage(em)
        for block in [12, 7] { ciphertext.replaceSubrange((block - 1) * k..<block * k, with: bad) }
        XCTAssertThrowsError(try RsaUtilsCipher.decrypt(ciphertext, privateKey: key)) {
            XCTAssertEqual($0 as? RSAError, .decryptionFailed)
        }
        // Below the parallel threshold (one block) the serial path fails the same way.
        let one = Array(ciphertext[(6 * k)..<(7 * k)])
        XCTAssertThrowsError(try RsaUtilsCipher.decrypt(one, privateKey: key)) {
            XCTAssertEqual($0 as? RSAError, .decryptionFailed)
        }
    }
}
