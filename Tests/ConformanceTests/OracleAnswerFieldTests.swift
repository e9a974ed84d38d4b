import XCTest

@testable import JavaOracle
import StrictJSON

/// Reading the bridge's answers without a JVM: the typed field readers and the JSON line parser.
/// (Regression tests for inputs found by `scripts/fuzz strict-decoders` / `oracle-answer`.)
final class OracleAnswerFieldTests: XCTestCase {
    func testBase64FieldsMustBeCanonical() throws {
        func read(_ text: String) -> [UInt8]? { try? JavaOracle.base64(["v": .string(text)], "v", "test") }
        XCTAssertEqual(read("QUJD"), [0x41, 0x42, 0x43])
        XCTAssertEqual(read("QQ=="), [0x41])
        XCTAssertEqual(read(""), [])
        // Fuzz finding: Foundation's decoder alone accepted these; commons-codec never writes them.
        XCTAssertNil(read("al=b"), "'=' inside the text")
        XCTAssertNil(read("QR=="), "non-zero trailing bits")
        XCTAssertNil(read("QQ"), "missing padding")
        XCTAssertNil(read("QUJD\n"), "line break")
        XCTAssertThrowsError(try JavaOracle.base64(["v": .int(1)], "v", "test"))
    }

    func testAnswerLinesRoundTrip() throws {
        // Hand-written answers of the protocol in DESIGN.md; printing gives one line that parses back.
        let lines = [
            #"{"id":1,"ok":true,"java":"17.0.15","commonsCodec":"1.15","charset":"UTF-8"}"#,
            #"{"id":2,"ok":false,"error":"javax.crypto.BadPaddingException: Decryption error"}"#,
            #"{"id":3,"ok":true,"text":"a\u0000b\n\u2028\ud83d\ude00","n":-0.5e3,"big":9223372036854775808}"#,
        ]
        for line in lines {
            let value = try JSONValue.parse(line)
            let printed = value.description
            XCTAssertFalse(printed.contains("\n") || printed.contains("\r"), printed)
            XCTAssertEqual(try JSONValue.parse(printed), value)
        }
        XCTAssertThrowsError(try JSONValue.parse(#"{"id":1,"id":2}"#), "duplicate key")
        XCTAssertThrowsError(try JSONValue.parse(#""\udc00""#), "lone low surrogate")
        // The number text is kept: -0.5e3 and 2^63 are printed as sent, not as -500.0 and 9.2e18.
        XCTAssertTrue(try JSONValue.parse(lines[2]).description.hasSuffix(#","n":-0.5e3,"big":9223372036854775808}"#))
    }
}

/// The checks of one answer line (`JavaOracle.answer`): an object with the request's id and ok.
final class OracleAnswerLineTests: XCTestCase {
    private func answer(_ text: String, id: Int = 5) throws -> JSONObject {
        try JavaOracle.answer(Array(text.utf8), op: "md5", id: id)
    }

    func testIdAndOkAreChecked() throws {
        XCTAssertEqual(try answer(#"{"id":5,"ok":true,"digestHex":"00"}"#)["digestHex"], "00")
        XCTAssertEqual(try answer(#"{"ok":true,"id":5.0}"#).keys, ["ok", "id"])  // 5.0 is the integer 5
        XCTAssertThrowsError(try answer(#"{"id":6,"ok":true}"#))
        XCTAssertThrowsError(try answer(#"{"id":5.5,"ok":true}"#))
        XCTAssertThrowsError(try answer(#"{"id":5,"ok":"true"}"#))
        XCTAssertThrowsError(try answer(#"[5]"#))
        XCTAssertThrowsError(try answer(#"{"id":5,"ok":false,"error":"java.lang.X: y"}"#)) { error in
            guard case JavaOracleError.javaException(let message)? = error as? JavaOracleError else { return XCTFail("\(error)") }
            XCTAssertEqual(message, "java.lang.X: y")
        }
    }
}
