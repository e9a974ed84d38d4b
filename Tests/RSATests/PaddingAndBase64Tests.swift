import BigNum
import RSA
import XCTest

final class PaddingAndBase64Tests: XCTestCase {
    /// Hand-derived: "ABC" is 0x41 0x42 0x43 = 010000 010100 001001 000011 = Q U J D.
    func testLenientBase64LikeCommonsCodec() {
        XCTAssertEqual(LenientBase64.decode("QUJD"), [0x41, 0x42, 0x43])
        XCTAssertEqual(LenientBase64.decode("Q U\r\nJ\tD"), [0x41, 0x42, 0x43], "whitespace and CR/LF skipped")
        XCTAssertEqual(LenientBase64.decode("Q!U*J#D"), [0x41, 0x42, 0x43], "stray characters skipped")
        XCTAssertEqual(LenientBase64.decode("QUI="), [0x41, 0x42])
        XCTAssertEqual(LenientBase64.decode("QUI=QUJD"), [0x41, 0x42], "the first '=' ends the input")
        XCTAssertEqual(LenientBase64.decode("QUI"), [0x41, 0x42], "missing padding is fine")
        XCTAssertEqual(LenientBase64.decode("QUJDR"), [0x41, 0x42, 0x43], "a lone trailing 6 bits are dropped")
        // '-' and '_' decode as '+' and '/': "+/8=" is fb ff; so is "-_8=".
        XCTAssertEqual(LenientBase64.decode("-_8="), [0xfb, 0xff])
        XCTAssertEqual(LenientBase64.decode("+/8="), [0xfb, 0xff])
        XCTAssertEqual(LenientBase64.encode([0x41, 0x42, 0x43, 0x44]), "QUJDRA==")
        XCTAssertEqual(LenientBase64.encode([]), "")
    }

    /// RFC 8017 §9.2 note 1 lists these DigestInfo prefixes.
    func testDigestInfoPrefixesFromRFC8017() {
        let hex: (HashAlgorithm) -> String = { $0.digestInfoPrefix.map { String(format: "%02x", $0) }.joined() }
        XCTAssertEqual(hex(.md5), "3020300c06082a864886f70d020505000410")
        XCTAssertEqual(hex(.sha1), "3021300906052b0e03021a05000414")
        XCTAssertEqual(hex(.sha256), "3031300d060960864801650304020105000420")
        XCTAssertEqual(hex(.sha384), "3041300d060960864801650304020205000430")
        XCTAssertEqual(hex(.sha512), "3051300d060960864801650304020305000440")
        XCTAssertEqual(hex(.sha224), "302d300d06096086480165030402040500041c")
    }

    func testType1PaddingLayout() throws {
        let em = try PKCS1.padType1([0xaa, 0xbb], modulusByteCount: 16)
        XCTAssertEqual(em, [0x00, 0x01] + [UInt8](repeating: 0xff, count: 11) + [0x00, 0xaa, 0xbb])
        XCTAssertThrowsError(try PKCS1.padType1([UInt8](repeating: 1, count: 6), modulusByteCount: 16))
    }

    /// The parameter checks of FIPS 186-4 reject each broken rule.
    func testKeyParameterRules() throws {
        let key = try RSAPrivateKey.generate(bits: 1024)
        let primes = try XCTUnwrap(key.primes)
        let e = BigInt(65537)
        XCTAssertEqual(RSAKeyGenerator.violations(p: primes.p, q: primes.q, e: e, bits: 1024), [])
        XCTAssertTrue(RSAKeyGenerator.violations(p: primes.p, q: primes.q, e: BigInt(3), bits: 1024).contains(.exponentOutOfRange))
        XCTAssertTrue(RSAKeyGenerator.violations(p: primes.p, q: primes.q, e: BigInt(65536), bits: 1024).contains(.exponentNotOdd))
        XCTAssertTrue(RSAKeyGenerator.violations(p: primes.p + BigInt(2), q: primes.q, e: e, bits: 1024).contains(.pNotPrime)
            || (primes.p + BigInt(2)).isProbablePrime())
        XCTAssertTrue(RSAKeyGenerator.violations(p: primes.p, q: primes.p, e: e, bits: 1024).contains(.primesTooClose))
        XCTAssertTrue(RSAKeyGenerator.violations(p: primes.p, q: primes.q, e: e, bits: 2048).contains(.modulusWrongLength))
    }
}
