@_spi(TimingLeak) import RSA
import XCTest

/// `decryptionSucceeds` (the call `conformance timing` measures) agrees with `decrypt` on blocks
/// whose validity is known by construction: encryptions of messages (valid) and raw encryptions of
/// encoded messages with one RFC 8017 §7.2.2 defect each (invalid).
final class DecryptionSucceedsTests: XCTestCase {
    func testAgreesWithDecryptOnValidAndDefectiveBlocks() throws {
        let key = try RSAPrivateKey.generate(bits: 512)
        let k = key.publicKey.modulusByteCount
        for length in [0, 1, k - 11] {
            let message = [UInt8](repeating: 0x41, count: length)
            let ct = try key.publicKey.encrypt(message)
            XCTAssertEqual(try key.decrypt(ct), message)
            XCTAssertTrue(try key.decryptionSucceeds(ct))
        }
        // 00 02 ‖ eight 0x5a ‖ 00 ‖ message is valid; each edit below breaks one rule.
        var good = [UInt8](repeating: 0x5a, count: k)
        good[0] = 0x00
        good[1] = 0x02
        good[10] = 0x00
        XCTAssertEqual(try key.decrypt(try key.publicKey.recoverEncodedMessage(good)), Array(good[11...]))
        let defects: [(String, (inout [UInt8]) -> Void)] = [
            ("block type 1", { $0[1] = 0x01 }),
            ("no separator", { $0[10] = 0x5a }),
            ("separator in the first eight padding bytes", { $0[9] = 0x00 }),
        ]
        for (name, edit) in defects {
            var em = good
            edit(&em)
            let ct = try key.publicKey.recoverEncodedMessage(em)
            XCTAssertFalse(try key.decryptionSucceeds(ct), name)
            XCTAssertThrowsError(try key.decrypt(ct), name) { XCTAssertEqual($0 as? RSAError, .decryptionFailed) }
        }
        XCTAssertFalse(try key.decryptionSucceeds([UInt8](repeating: 0xff, count: k)), "c ≥ n")
        XCTAssertFalse(try key.decryptionSucceeds([0x00]), "wrong length")

        let chunked = try RsaUtilsCipher.encrypt([UInt8](repeating: 0x42, count: 3 * (k - 11)), publicKey: key.publicKey)
        XCTAssertTrue(try RsaUtilsCipher.decryptionSucceeds(chunked, privateKey: key))
        var broken = chunked
        broken.replaceSubrange((2 * k)..<(3 * k), with: try key.publicKey.recoverEncodedMessage({ var e = good; e[10] = 0x5a; return e }()))
        XCTAssertFalse(try RsaUtilsCipher.decryptionSucceeds(broken, privateKey: key))
    }
}
