import XCTest

@testable import JavaOracle

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
            let value = try JavaOracle.JSONValue.parse(line)
            let printed = value.description
            XCTAssertFalse(printed.contains("\n") || printed.contains("\r"), printed)
            XCTAssertEqual(try JavaOracle.JSONValue.parse(printed), value)
        }
        XCTAssertThrowsError(try JavaOracle.JSONValue.parse(#"{"id":1,"id":2}"#), "duplicate key")
        XCTAssertThrowsError(try JavaOracle.JSONValue.parse(#""\udc00""#), "lone low surrogate")
    }
}
