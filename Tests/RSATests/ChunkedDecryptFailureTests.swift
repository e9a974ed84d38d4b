import RSA
import XCTest

/// RsaUtils chunked decryption decrypts every block and reports a bad one once, at the end (no
/// early exit that would time which block failed); the verdict is the same opaque error wherever
/// the bad block is. (Constant time itself is measured by `conformance timing`, not here.)
final class ChunkedDecryptFailureTests: XCTestCase {
    func testABadBlockAnywhereIsOneOpaqueError() throws {
        let key = try RSAPrivateKey.generate(bits: 512)
        let k = key.publicKey.modulusByteCount
        let message = [UInt8](repeating: 0x41, count: 3 * (k - 11))
        let good = try RsaUtilsCipher.encrypt(message, publicKey: key.publicKey)
        XCTAssertEqual(try RsaUtilsCipher.decrypt(good, privateKey: key), message)

        // A block that decrypts to 00 02 followed by no zero separator (a padding error, c < n).
        var em = [UInt8](repeating: 0x5a, count: k)
        em[0] = 0x00
        em[1] = 0x02
        let bad = try key.publicKey.recoverEncodedMessage(em)  // EM^e mod n: the raw encryption of EM
        XCTAssertThrowsError(try key.decrypt(bad))
        for index in 0..<3 {
            var ct = good
            ct.replaceSubrange(index * k..<(index + 1) * k, with: bad)
            XCTAssertThrowsError(try RsaUtilsCipher.decrypt(ct, privateKey: key), "bad block \(index)") {
                XCTAssertEqual($0 as? RSAError, .decryptionFailed)
            }
        }
        // A block that is not below n fails the same way.
        var tooLarge = good
        tooLarge.replaceSubrange(0..<k, with: [UInt8](repeating: 0xff, count: k))
        XCTAssertThrowsError(try RsaUtilsCipher.decrypt(tooLarge, privateKey: key)) {
            XCTAssertEqual($0 as? RSAError, .decryptionFailed)
        }
    }
}
