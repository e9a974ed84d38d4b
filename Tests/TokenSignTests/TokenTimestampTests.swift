import Foundation
import TokenSign
import XCTest

/// Expected instants were computed outside Swift with Python's datetime (UTC), e.g.
/// `datetime(2012,12,27,10,0,1,165000,tzinfo=timezone.utc).timestamp()` → 1356602401.165;
/// the 17-digit strings are those instants shifted by +8 h, written by hand.
final class TokenTimestampTests: XCTestCase {
    func testSeedExampleFromFixedDate() throws {
        // The seed's example timestamp 20121227180001165 is 2012-12-27 18:00:01.165 in UTC+8.
        let date = Date(timeIntervalSince1970: 1_356_602_401.165)
        XCTAssertEqual(try TokenTimestamp(date: date).string, "20121227180001165")
    }

    func testFormattingAcrossDayAndYearBoundaries() throws {
        let cases: [(Double, String)] = [
            (0, "19700101080000000"),                        // epoch = 08:00 in UTC+8
            (1_709_137_800.999, "20240229003000999"),        // 2024-02-28 16:30:00.999 UTC → leap day in UTC+8
            (-28_800.001, "19691231235959999"),              // 1969-12-31 15:59:59.999 UTC (negative, floors)
            (-28_800, "19700101000000000"),
            (1_704_038_400, "20240101000000000"),            // 2023-12-31 16:00:00 UTC → new year in UTC+8
            (253_402_271_999.5, "99991231235959500"),        // last representable half second
            (-62_167_248_000, "00000101000000000"),          // 0000-01-01 00:00 UTC+8 (year 0 is leap: 366 days)
        ]
        for (seconds, expected) in cases {
            XCTAssertEqual(try TokenTimestamp(date: Date(timeIntervalSince1970: seconds)).string, expected, "\(seconds)")
        }
    }

    func testMillisecondsAreTruncatedNotRounded() throws {
        XCTAssertEqual(try TokenTimestamp(date: Date(timeIntervalSince1970: 1_356_602_401.1659)).string, "20121227180001165")
        XCTAssertEqual(try TokenTimestamp(date: Date(timeIntervalSince1970: 1_356_602_401.9999)).string, "20121227180001999")
    }

    func testOutOfRangeDatesThrow() {
        for seconds in [253_402_272_000.0, -62_167_248_000.5, .infinity, -.infinity, .nan, 1e300] {
            XCTAssertThrowsError(try TokenTimestamp(date: Date(timeIntervalSince1970: seconds)), "\(seconds)") { error in
                guard case TokenSignError.timestampOutOfRange = error else { return XCTFail("\(error)") }
            }
        }
    }

    func testParsingBack() throws {
        let parsed = try TokenTimestamp(parsing: "20121227180001165")
        XCTAssertEqual([parsed.year, parsed.month, parsed.day, parsed.hour, parsed.minute, parsed.second, parsed.millisecond],
                       [2012, 12, 27, 18, 0, 1, 165])
        XCTAssertEqual(parsed.date.timeIntervalSince1970, 1_356_602_401.165, accuracy: 1e-6)
        XCTAssertEqual(parsed.string, "20121227180001165")
        XCTAssertEqual(try TokenTimestamp(parsing: "19691231235959999").date.timeIntervalSince1970, -28_800.001, accuracy: 1e-6)
        XCTAssertEqual(try TokenTimestamp(parsing: "00000101000000000").date.timeIntervalSince1970, -62_167_248_000, accuracy: 1e-3)
    }

    func testRoundTripOfRandomInstants() throws {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let millis = Int64.random(in: -62_167_248_000_000...253_402_271_999_999, using: &rng)
            let date = Date(timeIntervalSince1970: Double(millis) / 1000)
            let stamp = try TokenTimestamp(date: date)
            let back = try TokenTimestamp(parsing: stamp.string)
            XCTAssertEqual(back, stamp)
            XCTAssertEqual(back.string.count, 17)
            // A whole-millisecond instant comes back as the very same Date.
            XCTAssertEqual(back.date, date, "\(millis) ms")
        }
    }

    func testFormatterAgreesWithFoundationCalendarForModernDates() throws {
        // Independent route: Foundation's Gregorian calendar in a fixed GMT+8 zone.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try XCTUnwrap(TimeZone(secondsFromGMT: 8 * 3600))
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let seconds = Double(Int64.random(in: 0...4_102_444_800, using: &rng))   // 1970…2100, whole seconds
            let date = Date(timeIntervalSince1970: seconds)
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let expected = String(format: "%04d%02d%02d%02d%02d%02d000", c.year ?? -1, c.month ?? -1, c.day ?? -1,
                                  c.hour ?? -1, c.minute ?? -1, c.second ?? -1)
            XCTAssertEqual(try TokenTimestamp(date: date).string, expected)
        }
    }

    func testCalendarRules() {
        let valid = [
            "20240229000000000",   // 2024 is a leap year
            "20000229000000000",   // divisible by 400
            "00000229000000000",   // year 0000 is a leap year
            "99991231235959999", "00000101000000000",
            "20230131235959999", "20230430000000000", "20231231000000000",
        ]
        for text in valid {
            XCTAssertNoThrow(try TokenTimestamp(parsing: text), text)
        }
        let invalid: [(String, String)] = [
            ("20231327180001165", "month 13"),
            ("20230027180001165", "month 00"),
            ("20230231180001165", "day 31"),
            ("20230229180001165", "day 29"),     // 2023 is not a leap year
            ("19000229000000000", "day 29"),     // century not divisible by 400
            ("20230431000000000", "day 31"),
            ("20230100000000000", "day 00"),
            ("20121227240001165", "hour 24"),
            ("20121227186001165", "minute 60"),
            ("20121227180060165", "second 60"),
        ]
        for (text, needle) in invalid {
            XCTAssertThrowsError(try TokenTimestamp(parsing: text), text) { error in
                guard case TokenSignError.invalidTimestamp(let reason) = error else { return XCTFail("\(error)") }
                XCTAssertTrue(reason.contains(needle), "\(text): \(reason)")
            }
        }
    }

    func testShapeRules() {
        let invalid = [
            "2012122718000116",       // 16 digits
            "201212271800011650",     // 18 digits
            "",
            "2012122718000116a",      // a letter
            "2012-12-27 18:00:01",
            " 2012122718000116",      // leading space, 17 characters
            "２０１２１２２７１８０００１１６５", // 17 full-width digits are not ASCII
            "2012122718000116٥",      // Arabic-Indic digit
            "+2012122718000116",
            "-2012122718000116",
        ]
        for text in invalid {
            XCTAssertThrowsError(try TokenTimestamp(parsing: text), text) { error in
                guard case TokenSignError.invalidTimestamp = error else { return XCTFail("\(error)") }
            }
        }
    }

    func testFieldInitValidates() {
        XCTAssertNoThrow(try TokenTimestamp(year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59, millisecond: 999))
        XCTAssertThrowsError(try TokenTimestamp(year: 2023, month: 2, day: 29, hour: 0, minute: 0, second: 0, millisecond: 0))
        XCTAssertThrowsError(try TokenTimestamp(year: 10000, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0))
        XCTAssertThrowsError(try TokenTimestamp(year: -1, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0))
        XCTAssertThrowsError(try TokenTimestamp(year: 2024, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 1000))
    }

    func testLeapYearAndMonthLengths() {
        XCTAssertTrue(TokenTimestamp.isLeapYear(2024))
        XCTAssertTrue(TokenTimestamp.isLeapYear(2000))
        XCTAssertTrue(TokenTimestamp.isLeapYear(0))
        XCTAssertFalse(TokenTimestamp.isLeapYear(2023))
        XCTAssertFalse(TokenTimestamp.isLeapYear(1900))
        XCTAssertEqual((1...12).map { TokenTimestamp.daysInMonth($0, year: 2023) }, [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
        XCTAssertEqual(TokenTimestamp.daysInMonth(2, year: 2024), 29)
        XCTAssertEqual(TokenTimestamp.daysInMonth(13, year: 2024), 0)
    }

    func testNowIsSeventeenDigitsNearTheClock() throws {
        let before = Date()
        let now = try TokenTimestamp.now()
        XCTAssertEqual(now.string.count, 17)
        XCTAssertEqual(now.date.timeIntervalSince1970, before.timeIntervalSince1970, accuracy: 5)
    }
}
