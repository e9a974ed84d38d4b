import Foundation
import OneLineText

/// The getToken `timestamp`: the send time in China Standard Time (UTC+8, no daylight saving),
/// 17 ASCII digits `yyyyMMddHHmmssSSS`, e.g. 2012-12-27 10:00:01.165 UTC → "20121227180001165".
///
/// The calendar is the proleptic Gregorian one, validated by hand (no `Calendar`, no locale):
/// year 0000–9999, month 01–12, day 01…days of that month (29 February only in leap years:
/// divisible by 4, except centuries not divisible by 400; year 0000 is a leap year), hour 00–23,
/// minute 00–59, second 00–59 (no leap seconds), millisecond 000–999.
public struct TokenTimestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int
    public let minute: Int
    public let second: Int
    public let millisecond: Int

    /// China Standard Time: UTC+8.
    public static let utcOffsetSeconds = 8 * 3600
    /// Number of digits of the textual form.
    public static let digitCount = 17

    /// A validated timestamp from its fields.
    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, millisecond: Int) throws {
        if let problem = TokenTimestamp.problem(year: year, month: month, day: day, hour: hour, minute: minute,
                                                second: second, millisecond: millisecond) {
            throw TokenSignError.invalidTimestamp(problem)
        }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.millisecond = millisecond
    }

    /// Parses and validates 17 ASCII digits. Throws `TokenSignError.invalidTimestamp` naming the defect.
    public init(parsing text: String) throws {
        let scalars = Array(text.unicodeScalars)
        let expected = "expected \(TokenTimestamp.digitCount) ASCII digits yyyyMMddHHmmssSSS"
        guard scalars.count == TokenTimestamp.digitCount else {
            throw TokenSignError.invalidTimestamp("\(OneLineText.quoted(text)) has \(scalars.count) characters, \(expected)")
        }
        if let bad = scalars.firstIndex(where: { !("0"..."9").contains($0) }) {
            throw TokenSignError.invalidTimestamp(
                "\(OneLineText.quoted(text)) has a non-digit at position \(bad + 1), \(expected)")
        }
        let bytes = Array(text.utf8)   // 17 ASCII digits, one byte each
        func number(_ from: Int, _ count: Int) -> Int {
            bytes[from..<(from + count)].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        let fields = (year: number(0, 4), month: number(4, 2), day: number(6, 2), hour: number(8, 2),
                      minute: number(10, 2), second: number(12, 2), millisecond: number(14, 3))
        if let problem = TokenTimestamp.problem(year: fields.year, month: fields.month, day: fields.day,
                                                hour: fields.hour, minute: fields.minute, second: fields.second,
                                                millisecond: fields.millisecond) {
            throw TokenSignError.invalidTimestamp("\(OneLineText.quoted(text)) is not a real date and time: \(problem)")
        }
        try self.init(year: fields.year, month: fields.month, day: fields.day, hour: fields.hour,
                      minute: fields.minute, second: fields.second, millisecond: fields.millisecond)
    }

    /// The instant `date` as seen in UTC+8, truncated to the millisecond.
    /// Throws `TokenSignError.timestampOutOfRange` outside the years 0000–9999 (UTC+8).
    public init(date: Date) throws {
        let seconds = date.timeIntervalSince1970
        // Year 0000-01-01 and 10000-01-01 (UTC+8) are about ±2.6e14 ms from 1970: well inside Int64.
        let approx = (seconds * 1000).rounded(.down)
        guard approx.isFinite, abs(approx) < 1e15 else {
            throw TokenSignError.timestampOutOfRange("\(seconds) s since 1970 is not representable")
        }
        // Truncate to the millisecond as Foundation represents it: the largest k such that the
        // Date of k ms is not after `date`. (A Double near 2e11 s resolves only ~30 µs, so the Date
        // made from "…485.650" can lie a few µs below .650; plain flooring would give .649.)
        var utcMillis = Int64(approx)
        var steps = 0   // the estimate is off by at most one or two; the bound only guards the loops
        while steps < 4, TokenTimestamp.date(utcMillis: utcMillis + 1) <= date { utcMillis += 1; steps += 1 }
        while steps < 8, TokenTimestamp.date(utcMillis: utcMillis) > date { utcMillis -= 1; steps += 1 }
        let millis = utcMillis + Int64(TokenTimestamp.utcOffsetSeconds) * 1000
        let days = TokenTimestamp.floorDiv(millis, 86_400_000)
        let msOfDay = Int(millis - days * 86_400_000)
        let (y, m, d) = TokenTimestamp.civil(fromDays: days)
        guard (0...9999).contains(y) else {
            throw TokenSignError.timestampOutOfRange("year \(y) in UTC+8 has no 4-digit form")
        }
        try self.init(year: Int(y), month: m, day: d, hour: msOfDay / 3_600_000, minute: msOfDay / 60_000 % 60,
                      second: msOfDay / 1000 % 60, millisecond: msOfDay % 1000)
    }

    /// The current time in UTC+8.
    public static func now() throws -> TokenTimestamp {
        try TokenTimestamp(date: Date())
    }

    /// The 17-digit form `yyyyMMddHHmmssSSS`.
    public var string: String {
        pad(year, 4) + pad(month, 2) + pad(day, 2) + pad(hour, 2) + pad(minute, 2) + pad(second, 2) + pad(millisecond, 3)
    }

    public var description: String { string }

    /// The instant this UTC+8 wall-clock time denotes.
    public var date: Date {
        let days = TokenTimestamp.days(fromCivil: Int64(year), month, day)
        let millis = days * 86_400_000 + Int64(hour) * 3_600_000 + Int64(minute) * 60_000 + Int64(second) * 1000
            + Int64(millisecond) - Int64(TokenTimestamp.utcOffsetSeconds) * 1000
        return TokenTimestamp.date(utcMillis: millis)
    }

    /// The Date of a whole number of milliseconds since 1970-01-01T00:00Z.
    static func date(utcMillis: Int64) -> Date {
        Date(timeIntervalSince1970: Double(utcMillis) / 1000)
    }

    public static func < (lhs: TokenTimestamp, rhs: TokenTimestamp) -> Bool {
        lhs.string < rhs.string
    }

    // MARK: - Calendar rules

    /// Gregorian leap year (proleptic for years before 1582).
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days of `month` (1–12) in `year`; 0 for a month outside 1–12.
    public static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    /// Why these fields are not a valid timestamp, or nil when they are.
    static func problem(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int,
                        millisecond: Int) -> String? {
        let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                          "September", "October", "November", "December"]
        guard (0...9999).contains(year) else { return "year \(year) is outside 0000–9999" }
        guard (1...12).contains(month) else { return "month \(pad(month, 2)) is outside 01–12" }
        let days = daysInMonth(month, year: year)
        guard (1...days).contains(day) else {
            return "day \(pad(day, 2)) does not exist in \(monthNames[month - 1]) \(pad(year, 4)) (01–\(days))"
        }
        guard (0...23).contains(hour) else { return "hour \(pad(hour, 2)) is outside 00–23" }
        guard (0...59).contains(minute) else { return "minute \(pad(minute, 2)) is outside 00–59" }
        guard (0...59).contains(second) else { return "second \(pad(second, 2)) is outside 00–59" }
        guard (0...999).contains(millisecond) else { return "millisecond \(pad(millisecond, 3)) is outside 000–999" }
        return nil
    }

    // MARK: - Day arithmetic (H. Hinnant's days_from_civil / civil_from_days, proleptic Gregorian)

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// Days since 1970-01-01 of a civil date.
    static func days(fromCivil year: Int64, _ month: Int, _ day: Int) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yoe = y - era * 400                                              // [0, 399]
        let mp = Int64((month + 9) % 12)                                     // March = 0
        let doy = (153 * mp + 2) / 5 + Int64(day) - 1                        // [0, 365]
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy                      // [0, 146096]
        return era * 146_097 + doe - 719_468
    }

    /// Civil date of a day count since 1970-01-01.
    static func civil(fromDays days: Int64) -> (year: Int64, month: Int, day: Int) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097                                          // [0, 146096]
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365     // [0, 399]
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)                    // [0, 365]
        let mp = (5 * doy + 2) / 153                                         // [0, 11]
        let day = Int(doy - (153 * mp + 2) / 5 + 1)                          // [1, 31]
        let month = Int(mp < 10 ? mp + 3 : mp - 9)                          // [1, 12]
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
