import NumberCheck
import RSA
import XCTest

final class NumberCheckJSONTests: XCTestCase {
    func testCanonicalTextKeepsOrderAndBytes() throws {
        let r = NumberCheckRequest(version: "1.0", msgId: "m", appId: "a", timestamp: "20240229123456789", expandParams: "",
                                   phoneNum: "ab+/cd==", token: "t", sign: "s/", userInformation: "中国\"移动\"\\\n\u{1}😀")
        // Written out by hand from NUMBER_CHECK.md's field order and RFC 8259's minimal escaping.
        let expected = #"{"header":{"version":"1.0","msgId":"m","appId":"a","timestamp":"20240229123456789"},"#
            + #""body":{"expandParams":"","phoneNum":"ab+/cd==","token":"t","sign":"s/","userInformation":"中国\"移动\"\\\n\u0001😀"}}"#
        XCTAssertEqual(r.jsonText(), expected)
        XCTAssertEqual(try NumberCheckRequest(json: r.jsonText()), r)
        XCTAssertEqual(try NumberCheckRequest(json: r.jsonText(pretty: true)), r)
        XCTAssertEqual(r.signString, "amab+/cd==20240229123456789t1.0")
    }

    func testEscapedInputReadsToTheSameText() throws {
        let text = #"{"body":{"userInformation":"\u4e2d\u56fd\ud83d\ude00\/"},"header":{"appId":"x","extra":[1,{"a":null}]}}"#
        let r = try NumberCheckRequest(json: text)
        XCTAssertEqual(r.userInformation, "中国😀/")
        XCTAssertEqual(r.appId, "x")
        XCTAssertNil(r.version)
    }

    func testResponseShapes() throws {
        func parse(_ text: String) throws -> NumberCheckResponse { try NumberCheckResponse(json: Array(text.utf8)) }
        let app = try parse(#"{"header":{"appId":"1","msgId":"m","timestamp":"t","resultCode":"000"},"body":{"resultDesc":"是本机号码","taskId":"x"}}"#)
        XCTAssertEqual(app.shape, .app)
        XCTAssertEqual(app.outcome, .localNumber)
        XCTAssertEqual(app.description, "是本机号码")
        XCTAssertEqual(app.taskId, "x")
        XCTAssertEqual(try parse(#"{"header":{"resultCode":"001"},"body":{}}"#).outcome, .notLocalNumber)
        let unknown = try parse(#"{"header":{"resultCode":"777"},"body":{"message":"新错误"}}"#)
        XCTAssertEqual(unknown.outcome, .error)
        XCTAssertEqual(unknown.code, "777")
        XCTAssertNil(unknown.known)
        XCTAssertEqual(unknown.displayDescription, "新错误")
        XCTAssertEqual(try parse(#"{"header":{"resultCode":"302"},"body":{}}"#).known, .signCheckFailed)
        let h5 = try parse(#"{"resultCode":"103000","desc":"成功","data":{"taskId":"9"}}"#)
        XCTAssertEqual(h5.shape, .h5)
        XCTAssertEqual(h5.outcome, .localNumber)
        XCTAssertEqual(try parse(#"{"resultCode":104012,"desc":"x"}"#).outcome, .notLocalNumber)
        XCTAssertEqual(try parse(#"{"resultCode":"104013"}"#).known?.english, "sign check failed")
        XCTAssertEqual(try parse(#"{"resultCode":"104013"}"#).raw, Array(#"{"resultCode":"104013"}"#.utf8))
        for bad in ["", "[1]", "{\"header\":{}}", "{\"resultCode\":true}", "{\"a\":1,\"a\":2}"] {
            XCTAssertThrowsError(try parse(bad), bad)
        }
    }
}
