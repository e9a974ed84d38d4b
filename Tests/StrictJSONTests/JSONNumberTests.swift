import StrictJSON
import XCTest

/// Numbers are kept as text; the typed accessors convert exactly or refuse. Expected values are
/// worked out by hand (decimal arithmetic in the comments).
final class JSONNumberTests: XCTestCase {
    private func number(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> JSONNumber? {
        let n = JSONNumber(text: text)
        XCTAssertNotNil(n, "not a number: \(text)", file: file, line: line)
        return n
    }

    func testGrammar() {
        for good in ["0", "-0", "1", "-12", "1.5", "0.0", "1e5", "1E+5", "1e-5", "-0.5e-0", "123456789012345678901234567890"] {
            XCTAssertEqual(JSONNumber(text: good)?.text, good)
        }
        for bad in ["", "-", "01", "-01", "+1", ".5", "1.", "1e", "1e+", " 1", "1 ", "0x1", "NaN", "Infinity", "1_000", "١"] {
            XCTAssertNil(JSONNumber(text: bad), bad)
        }
    }

    func testIntValueIsExactOrNil() {
        let cases: [(String, Int?)] = [
            ("0", 0), ("-0", 0), ("7", 7), ("-7", -7),
            ("1.0", 1), ("1.000", 1), ("1e2", 100), ("1E+2", 100), ("100e-2", 1), ("0.5e1", 5), ("10.5e1", 105),
            ("2.5", nil), ("25e-1", nil), ("1.0000000000000000000001", nil), ("0.1", nil),
            // Int's bounds: ±2^63 (−2^63 is representable, +2^63 is not).
            ("9223372036854775807", Int.max), ("-9223372036854775808", Int.min),
            ("9223372036854775808", nil), ("-9223372036854775809", nil), ("922337203685477580.8e1", nil), ("922337203685477580.7e1", Int.max),
            // 20 digits × 10^-10 = 1234567890.0000000000
            ("12345678900000000000e-10", 1_234_567_890),
            // 0.(45 zeros)1 = 10^-46; × 10^50 = 10^4
            ("0." + String(repeating: "0", count: 45) + "1e50", 10_000),
            ("1e400", nil), ("1e-400", nil), ("0e400", 0), ("-0.0e-400", 0),
            // Exponents far beyond any integer's range: no overflow, no trap.
            ("1e99999999999999999999999", nil), ("1e-99999999999999999999999", nil), ("0e99999999999999999999999", 0),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(number(text)?.intValue, expected, text)
        }
    }

    func testDoubleValueIsNearestOrNil() {
        XCTAssertEqual(number("2.5")?.doubleValue, 2.5)
        XCTAssertEqual(number("0.1")?.doubleValue, 0.1)
        XCTAssertEqual(number("-0")?.doubleValue?.sign, .minus)
        // 2^53 + 1 = 9007199254740993 lies halfway between 2^53 and 2^53 + 2: ties to even gives 2^53.
        XCTAssertEqual(number("9007199254740993")?.doubleValue, 9_007_199_254_740_992)
        XCTAssertNil(number("1e400")?.doubleValue)
        XCTAssertNil(number("-1e400")?.doubleValue)
        XCTAssertEqual(number("1e-400")?.doubleValue, 0)
    }

    func testMadeFromSwiftNumbers() {
        XCTAssertEqual(JSONNumber(-42).text, "-42")
        XCTAssertEqual(JSONNumber(Int.min).text, "-9223372036854775808")
        XCTAssertEqual(JSONNumber(2.5)?.text, "2.5")
        XCTAssertEqual(JSONNumber(1e-5)?.text, "1e-05")
        XCTAssertNil(JSONNumber(Double.infinity))
        XCTAssertNil(JSONNumber(Double.nan))
        XCTAssertEqual(JSONValue.double(.nan), .null)
        XCTAssertEqual(JSONValue.int(3), 3)
        // Equal when the texts are: 1 and 1.0 are two values (the text is what a signature covers).
        XCTAssertNotEqual(JSONNumber(text: "1"), JSONNumber(text: "1.0"))
        XCTAssertEqual(JSONValue.number(JSONNumber(1)).intValue, JSONValue.double(1.0).intValue)
    }
}
