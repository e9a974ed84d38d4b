import MD5
import TokenSign
import XCTest

final class TokenSignerTests: XCTestCase {
    /// Known answers derived by hand outside Swift, once, with coreutils:
    ///   printf %s '3000115abc20121227180001165abc1.0密钥KEY' | md5sum
    ///     → b2e09353243a40b25910c3820574f0cb   (the Chinese is UTF-8: e5 af 86 e9 92 a5, checked with od)
    ///   printf %s '1000000000015a1b2c3d4e5f60718293a4b5c6d7e8f9020121227180001165a1b2c3d4e5f60718293a4b5c6d7e8f901.0appkey123' | md5sum
    ///     → e535a7d732ffb79096f74f689245279f
    /// The strings are the concatenation appId + businessType + msgId + timestamp + traceId + version + appKey
    /// written out by hand. md5sum prints lower case; the default sign is the same digits in upper case.
    func testKnownAnswers() {
        XCTAssertEqual(TokenSigner.sign(appId: "300011", businessType: "5", msgId: "abc", timestamp: "20121227180001165",
                                        traceId: "abc", version: "1.0", appKey: "密钥KEY"),
                       "B2E09353243A40B25910C3820574F0CB")
        XCTAssertEqual(TokenSigner.sign(appId: "300011", businessType: "5", msgId: "abc", timestamp: "20121227180001165",
                                        traceId: "abc", version: "1.0", appKey: "密钥KEY", letterCase: .lower),
                       "b2e09353243a40b25910c3820574f0cb")
        let id = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
        let request = TokenSignRequest(appId: "100000000001", businessType: "5", msgId: id, timestamp: "20121227180001165",
                                       traceId: id, version: "1.0", appKey: "appkey123", expandParams: "k=v")
        XCTAssertEqual(request.formulaSign, "E535A7D732FFB79096F74F689245279F")
        XCTAssertEqual(request.formulaSign(.lower), "e535a7d732ffb79096f74f689245279f")
        XCTAssertEqual(request.formulaString,
                       "1000000000015a1b2c3d4e5f60718293a4b5c6d7e8f9020121227180001165a1b2c3d4e5f60718293a4b5c6d7e8f901.0appkey123")
        XCTAssertEqual(request.signed().sign, "E535A7D732FFB79096F74F689245279F")
        XCTAssertEqual(request.signed(letterCase: .lower).sign, "e535a7d732ffb79096f74f689245279f")
        // Checks accept either case.
        XCTAssertNil(TokenRequestValidator.check(request.signed()))
        XCTAssertNil(TokenRequestValidator.check(request.signed(letterCase: .lower)))
    }

    func testExpandParamsAreNotPartOfTheFormula() {
        let a = validRequest(expandParams: nil), b = validRequest(expandParams: "phone=13800000000")
        XCTAssertEqual(a.formulaSign, b.formulaSign)
        XCTAssertEqual(a.formulaSign(.lower), a.sign)  // validRequest() signs in lower case (IndependentSign)
    }

    func testRandomASCIIFieldSetsMatchInsecureMD5() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            checkRandom(alphabet: RandomFields.ascii, maxLength: 40, rng: &rng)
        }
    }

    func testRandomChineseAndMixedFieldSetsMatchInsecureMD5() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<150 { checkRandom(alphabet: RandomFields.chinese, maxLength: 30, rng: &rng) }
        for _ in 0..<150 { checkRandom(alphabet: RandomFields.mixed, maxLength: 30, rng: &rng) }
    }

    func testLongValuesMatchInsecureMD5() {
        var rng = SystemRandomNumberGenerator()
        // Lengths around and far beyond one 64-byte MD5 block, up to ~100 KB in total.
        for length in [55, 56, 63, 64, 65, 1000, 4096, 16_000] {
            checkRandom(alphabet: RandomFields.mixed, maxLength: length, exactLength: true, rng: &rng)
        }
    }

    func testEmptyFieldsStillHash() {
        XCTAssertEqual(TokenSigner.sign(appId: "", businessType: "", msgId: "", timestamp: "", traceId: "", version: "",
                                        appKey: ""),
                       "D41D8CD98F00B204E9800998ECF8427E") // RFC 1321 A.5: MD5("") (written there in lower case)
    }

    func testSignMatchesIsCaseInsensitiveHexAndExact() {
        let expected = "b2e09353243a40b25910c3820574f0cb"
        XCTAssertTrue(TokenSigner.signMatches("b2e09353243a40b25910c3820574f0cb", expected: expected))
        XCTAssertTrue(TokenSigner.signMatches("B2E09353243A40B25910C3820574F0CB", expected: expected))
        XCTAssertTrue(TokenSigner.signMatches("b2E09353243a40B25910c3820574f0Cb", expected: expected))
        XCTAssertFalse(TokenSigner.signMatches("b2e09353243a40b25910c3820574f0cc", expected: expected))
        XCTAssertFalse(TokenSigner.signMatches("c2e09353243a40b25910c3820574f0cb", expected: expected))
        XCTAssertFalse(TokenSigner.signMatches("b2e09353243a40b25910c3820574f0c", expected: expected))
        XCTAssertFalse(TokenSigner.signMatches("b2e09353243a40b25910c3820574f0cb0", expected: expected))
        XCTAssertFalse(TokenSigner.signMatches(" b2e09353243a40b25910c3820574f0c", expected: expected))
        XCTAssertFalse(TokenSigner.signMatches("", expected: expected))
        // Folding touches only A–Z: '@' (0x40) and '[' (0x5b) stay distinct from '`' and '{'.
        XCTAssertFalse(TokenSigner.signMatches("@", expected: "`"))
        XCTAssertFalse(TokenSigner.signMatches("[", expected: "{"))
        XCTAssertTrue(TokenSigner.signMatches("AZ", expected: "az"))
    }

    private func checkRandom(alphabet: [Character], maxLength: Int, exactLength: Bool = false,
                             rng: inout SystemRandomNumberGenerator, line: UInt = #line) {
        func field() -> String {
            RandomFields.string(from: alphabet, length: exactLength ? maxLength : Int.random(in: 0...maxLength, using: &rng),
                                using: &rng)
        }
        // msgId and traceId differ here on purpose: the formula's term order is what is tested.
        let (appId, businessType, msgId, timestamp) = (field(), field(), field(), field())
        let (traceId, version, appKey) = (field(), field(), field())
        let expected = IndependentSign.sign(appId: appId, businessType: businessType, msgId: msgId, timestamp: timestamp,
                                            traceId: traceId, version: version, appKey: appKey)
        let got = TokenSigner.sign(appId: appId, businessType: businessType, msgId: msgId, timestamp: timestamp,
                                   traceId: traceId, version: version, appKey: appKey)
        XCTAssertEqual(got, expected.uppercased(), "fields \([appId, businessType, msgId, timestamp, traceId, version, appKey])",
                       line: line)
        let request = TokenSignRequest(appId: appId, businessType: businessType, msgId: msgId, timestamp: timestamp,
                                       traceId: traceId, version: version, appKey: appKey)
        XCTAssertEqual(request.formulaSign(.lower), expected, line: line)
    }
}
