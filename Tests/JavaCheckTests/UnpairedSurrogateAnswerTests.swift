import XCTest

@testable import JavaCheck
@testable import JavaOracle

/// A user method that returns a Java string with a lone UTF-16 surrogate: the bridge writes it as a
/// `\uD800` escape (Json.java escapes unpaired surrogates), the Swift reader refuses the line, and
/// java-check must name the method's return value, not blame the bridge (issue 8 item 3). No JVM:
/// the answer line below is the one the bridge writes for `return "a\uD800";`.
final class UnpairedSurrogateAnswerTests: XCTestCase {
    func testLoneSurrogateInAnAnswerIsTheUserMethodsFault() {
        for value in [#"a\ud800"#, #"\udfff"#, #"\uD800\u0041"#] {
            let line = Array(#"{"id":7,"ok":true,"result":{"type":"string","value":"\#(value)"}}"#.utf8)
            XCTAssertThrowsError(try JavaOracle.answer(line, op: "userCall", id: 7), value) { error in
                guard let error = error as? JavaOracleError, case .badAnswer(let detail) = error else {
                    return XCTFail("not a bad answer: \(error)")
                }
                XCTAssertTrue(detail.hasPrefix("invalid JSON ("), detail)
                XCTAssertEqual(JavaUserClass.stopped(calling: "encrypt", of: "a.B", error),
                               "encrypt of a.B returned a string with an unpaired UTF-16 surrogate (not valid Unicode text; no charset can encode it)")
            }
        }
        // A pair is text: the same line with D83D DE00 (U+1F600) reads.
        let pair = Array(#"{"id":7,"ok":true,"result":{"type":"string","value":"\ud83d\ude00"}}"#.utf8)
        XCTAssertEqual(try JavaOracle.answer(pair, op: "userCall", id: 7)["result"]?["value"], "😀")
        // Other broken lines are the bridge's fault: no mention of a surrogate.
        let broken = Array(#"{"id":7,"ok":true,"id":8}"#.utf8)
        XCTAssertThrowsError(try JavaOracle.answer(broken, op: "userCall", id: 7)) { error in
            XCTAssertFalse("\(error)".contains("surrogate"), "\(error)")
        }
    }
}
