import TokenSign
import XCTest

final class TokenErrorCodeTests: XCTestCase {
    /// The seed's table (§3.2.3), copied by hand from the document, in its order.
    func testSeedTableInOrder() {
        let seed: [(String, String)] = [
            ("103000", "token 获取成功"),
            ("130010", "参数为空"), ("105112", "时间戳非法"), ("103101", "错误的请求签名"),
            ("110024", "businessType 配置错误"), ("110025", "businessType 错误"), ("110023", "应用没有权益"),
            ("110025", "权益已失效"), ("103111", "WAP 网关 IP 错误"), ("111002", "黑名单号码用户"),
            ("103609", "物联网 IP 不允许取号"), ("105002", "移动网关取号失败"), ("103211", "其他错误"),
        ]
        XCTAssertEqual(TokenErrorCode.seedTable.map(\.code), seed.map(\.0))
        XCTAssertEqual(TokenErrorCode.seedTable.map(\.chinese), seed.map(\.1))
        for row in TokenErrorCode.seedTable {
            XCTAssertFalse(row.english.isEmpty, row.code)
        }
        XCTAssertEqual(Set(TokenErrorCode.seedTable).count, 13, "rows are distinct even though 110025 repeats")
    }

    func testLookup() {
        XCTAssertEqual(TokenErrorCode.rows(forCode: "110025").map(\.chinese), ["businessType 错误", "权益已失效"])
        XCTAssertEqual(TokenErrorCode.rows(forCode: " 130010\n"), [TokenErrorCode.emptyParameter])
        XCTAssertEqual(TokenErrorCode.rows(forCode: "999"), [])
        XCTAssertEqual(TokenErrorCode.rows(forCode: ""), [])
        XCTAssertTrue(TokenErrorCode.success.isSuccess)
        XCTAssertFalse(TokenErrorCode.wrongSign.isSuccess)
        XCTAssertEqual(TokenErrorCode.emptyParameter.description, "130010 参数为空 (empty parameter)")
    }

    func testFailureDescriptionIsOneLineWithCode() {
        let failure = TokenCheckFailure(rule: .signMismatch, error: .wrongSign, message: "detail")
        XCTAssertEqual(failure.code, "103101")
        XCTAssertEqual(failure.description, "103101 错误的请求签名 (wrong request sign): detail")
    }
}
