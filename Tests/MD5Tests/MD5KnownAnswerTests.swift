import MD5
import XCTest

/// RFC 1321 Appendix A.5 test suite: expected digests are the ones printed in the RFC.
final class MD5KnownAnswerTests: XCTestCase {
    func testRFC1321Suite() {
        let suite: [(String, String)] = [
            ("", "d41d8cd98f00b204e9800998ecf8427e"),
            ("a", "0cc175b9c0f1b6a831c399e269772661"),
            ("abc", "900150983cd24fb0d6963f7d28e17f72"),
            ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
            ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
            ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
            ("12345678901234567890123456789012345678901234567890123456789012345678901234567890",
             "57edf4a22be3c955ac49da2e2107b67a"),
        ]
        for (input, expected) in suite {
            XCTAssertEqual(MD5.hash(utf8: input).hexString, expected, "MD5(\"\(input)\")")
            XCTAssertEqual(MD5.hash(Array(input.utf8)).hexString, expected)
        }
    }

    /// One million 'a': the widely published value (also FIPS-style long-message check).
    func testMillionA() {
        var md5 = MD5()
        let chunk = [UInt8](repeating: 0x61, count: 1000)
        for _ in 0..<1000 { md5.update(chunk) }
        XCTAssertEqual(md5.finalize().hexString, "7707d6ae4e027c70eea2a935c2296f21")
    }
}
