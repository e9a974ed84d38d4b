import TokenSign
import XCTest

final class TokenRequestValidatorTests: XCTestCase {
    private func assertFails(_ request: TokenSignRequest, code: String, rule: TokenCheckRule, mentioning needle: String? = nil,
                             file: StaticString = #filePath, line: UInt = #line) {
        guard let failure = TokenRequestValidator.check(request) else {
            return XCTFail("expected \(code), the request passed", file: file, line: line)
        }
        XCTAssertEqual(failure.code, code, failure.description, file: file, line: line)
        XCTAssertEqual(failure.rule, rule, failure.description, file: file, line: line)
        XCTAssertFalse(failure.description.contains("\n"), file: file, line: line)
        if let needle {
            XCTAssertTrue(failure.message.contains(needle), "\(failure.message) should mention \(needle)", file: file, line: line)
        }
        XCTAssertThrowsError(try TokenRequestValidator.validate(request), file: file, line: line) { error in
            XCTAssertEqual(error as? TokenCheckFailure, failure, file: file, line: line)
        }
    }

    func testValidRequestsPass() throws {
        XCTAssertNil(TokenRequestValidator.check(validRequest()))
        XCTAssertNil(TokenRequestValidator.check(validRequest(appId: "应用", appKey: "密钥", expandParams: "a=b")))
        var upper = validRequest()
        upper.sign = upper.sign.uppercased()
        XCTAssertNil(TokenRequestValidator.check(upper), "hex sign compared case-insensitively")
        var configured = validRequest()
        configured.configuredBusinessType = "5"
        XCTAssertNil(TokenRequestValidator.check(configured))
        XCTAssertNoThrow(try TokenRequestValidator.validate(validRequest()))
    }

    // MARK: 130010

    func testEachEmptyRequiredParameterIs130010() {
        let fields: [(String, WritableKeyPath<TokenSignRequest, String>)] = [
            ("version", \.version), ("sign", \.sign), ("appId", \.appId), ("traceId", \.traceId),
            ("msgId", \.msgId), ("timestamp", \.timestamp), ("appKey", \.appKey),
        ]
        for (name, path) in fields {
            for blank in ["", " ", "\t", " \r\n ", "\u{3000}", "\u{2003}", "\u{1F}"] {
                var request = validRequest()
                request[keyPath: path] = blank
                assertFails(request, code: "130010", rule: .emptyParameter, mentioning: name)
            }
        }
    }

    func testNoBreakSpaceIsNotBlankAsInJava() {
        // Java's Character.isWhitespace excludes U+00A0, U+2007, U+202F, so isBlank() is false.
        var request = validRequest()
        request.version = "\u{00A0}"
        XCTAssertNotEqual(TokenRequestValidator.check(request)?.code, "130010")
        XCTAssertFalse(TokenRequestValidator.isBlank("\u{00A0}"))
        XCTAssertFalse(TokenRequestValidator.isBlank("\u{2007}"))
        XCTAssertFalse(TokenRequestValidator.isBlank("\u{202F}"))
        XCTAssertFalse(TokenRequestValidator.isBlank("\u{0}"))
        XCTAssertTrue(TokenRequestValidator.isBlank(""))
        XCTAssertTrue(TokenRequestValidator.isBlank("\u{2028}\u{2029}\u{B}\u{C}"))
    }

    func testAllEmptyParametersAreNamedInOrder() {
        let request = TokenSignRequest(appId: "", businessType: "", msgId: "", timestamp: "", traceId: "", version: "", appKey: "")
        let failure = TokenRequestValidator.check(request)
        XCTAssertEqual(failure?.code, "130010")
        XCTAssertTrue(failure?.message.contains("version, sign, appId, traceId, msgId, timestamp, appKey") ?? false,
                      failure?.message ?? "")
    }

    func testEmptyBusinessTypeIs110025Not130010() {
        var request = validRequest()
        request.businessType = ""
        assertFails(request, code: "110025", rule: .businessType)
    }

    // MARK: 105112

    func testIllegalTimestampsAre105112() {
        let cases: [(String, String)] = [
            ("20231327180001165", "month 13"),
            ("20230231180001165", "day 31"),
            ("20230229180001165", "day 29"),     // 2023: no 29 February
            ("20121227240001165", "hour 24"),
            ("20121227186001165", "minute 60"),
            ("20121227180060165", "second 60"),
            ("2012122718000116", "16 characters"),
            ("201212271800011650", "18 characters"),
            ("2012122718000116a", "non-digit"),
            ("abcdefghijklmnopq", "non-digit"),
            ("20121227 18000116", "non-digit"),
        ]
        for (timestamp, needle) in cases {
            // A correct sign for the bad timestamp, so that only the timestamp rule can fail.
            assertFails(validRequest(timestamp: timestamp), code: "105112", rule: .illegalTimestamp, mentioning: needle)
        }
    }

    func testLeapDay2024PassesAnd2023Fails() {
        XCTAssertNil(TokenRequestValidator.check(validRequest(timestamp: "20240229120000000")))
        assertFails(validRequest(timestamp: "20230229120000000"), code: "105112", rule: .illegalTimestamp)
    }

    func testNoFreshnessWindow() {
        XCTAssertNil(TokenRequestValidator.check(validRequest(timestamp: "00000101000000000")))
        XCTAssertNil(TokenRequestValidator.check(validRequest(timestamp: "99991231235959999")))
    }

    func testTimestampWithNewlineGivesOneLineMessage() {
        assertFails(validRequest(timestamp: "2012\n1227180001165"), code: "105112", rule: .illegalTimestamp, mentioning: "\\n")
    }

    // MARK: 110025 / 110024

    func testBusinessTypeOtherThanFiveIs110025() {
        for businessType in ["4", "05", "5 ", " 5", "５", "6", "five", "55"] {
            var request = validRequest()
            request.businessType = businessType
            request.sign = IndependentSign.sign(appId: request.appId, businessType: businessType, msgId: request.msgId,
                                                timestamp: request.timestamp, traceId: request.traceId,
                                                version: request.version, appKey: request.appKey)
            assertFails(request, code: "110025", rule: .businessType)
        }
    }

    func testConfiguredBusinessTypeMismatchIs110024() {
        var request = validRequest()
        request.configuredBusinessType = "3"
        assertFails(request, code: "110024", rule: .businessTypeConfiguration, mentioning: "'3'")
        request.configuredBusinessType = ""
        assertFails(request, code: "110024", rule: .businessTypeConfiguration)
    }

    // MARK: 103101

    func testMsgIdDifferentFromTraceIdIs103101() {
        var request = validRequest()
        request.msgId = "another-id"
        // Even a sign that matches the formula with this msgId is rejected: msgId must equal traceId.
        request.sign = IndependentSign.sign(appId: request.appId, businessType: "5", msgId: "another-id",
                                            timestamp: request.timestamp, traceId: request.traceId,
                                            version: request.version, appKey: request.appKey)
        assertFails(request, code: "103101", rule: .msgIdTraceIdMismatch)
        XCTAssertEqual(TokenRequestValidator.check(request)?.message, "msgId must equal traceId")
    }

    func testMsgIdComparedByBytesNotCanonicalEquivalence() {
        var request = validRequest()
        request.traceId = "caf\u{E9}"          // precomposed é
        request.msgId = "cafe\u{301}"          // e + combining acute: Swift's == says equal, Java's equals does not
        request.sign = "0123456789abcdef0123456789abcdef"
        assertFails(request, code: "103101", rule: .msgIdTraceIdMismatch)
    }

    func testWrongSignIs103101() {
        let good = validRequest()
        var flipped = Array(good.sign)
        flipped[31] = flipped[31] == "0" ? "1" : "0"
        for sign in [String(flipped), String(good.sign.dropLast()), good.sign + "0", "not-a-sign", good.sign + " ",
                     IndependentSign.md5Hex("wrong formula")] {
            var request = good
            request.sign = sign
            assertFails(request, code: "103101", rule: .signMismatch)
        }
        // Changing any formula field (with the old sign) breaks the sign.
        var changedKey = good
        changedKey.appKey += "x"
        assertFails(changedKey, code: "103101", rule: .signMismatch)
        var changedVersion = good
        changedVersion.version = "1.1"
        assertFails(changedVersion, code: "103101", rule: .signMismatch)
    }

    // MARK: order

    func testOrderOfChecks() {
        // Everything wrong at once: 130010 wins.
        var request = TokenSignRequest(appId: "a", businessType: "3", msgId: "m", timestamp: "2023022918000116",
                                       traceId: "t", version: "", appKey: "k", sign: "bad", configuredBusinessType: "4")
        assertFails(request, code: "130010", rule: .emptyParameter)
        request.version = "1.0"
        assertFails(request, code: "105112", rule: .illegalTimestamp)      // before businessType
        request.timestamp = "20240229180001165"
        assertFails(request, code: "110025", rule: .businessType)          // before 110024
        request.businessType = "5"
        assertFails(request, code: "110024", rule: .businessTypeConfiguration) // before msgId
        request.configuredBusinessType = nil
        assertFails(request, code: "103101", rule: .msgIdTraceIdMismatch)  // before the sign
        request.msgId = "t"
        assertFails(request, code: "103101", rule: .signMismatch)
        request.sign = IndependentSign.md5Hex("a5t20240229180001165t1.0k")
        XCTAssertNil(TokenRequestValidator.check(request))
    }

    func testEmptyTimestampIs130010NotTimestampError() {
        assertFails(validRequest(timestamp: ""), code: "130010", rule: .emptyParameter, mentioning: "timestamp")
    }
}
