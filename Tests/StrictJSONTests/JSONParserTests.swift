import Foundation
import StrictJSON
import XCTest

/// The reader against RFC 8259 and this package's stricter rules. Every expected value and byte
/// offset is written out by hand from the input text (offsets count bytes from 0).
final class JSONParserTests: XCTestCase {
    private func parse(_ text: String) throws -> JSONValue { try JSONParser().parse(text) }

    /// The error for `text`, or a failure when it parses.
    private func failure(_ text: String, parser: JSONParser = JSONParser(),
                         file: StaticString = #filePath, line: UInt = #line) -> JSONSyntaxError? {
        failure(Array(text.utf8), parser: parser, file: file, line: line)
    }

    private func failure(_ bytes: [UInt8], parser: JSONParser = JSONParser(),
                         file: StaticString = #filePath, line: UInt = #line) -> JSONSyntaxError? {
        do {
            let value = try parser.parse(bytes)
            XCTFail("accepted: \(value)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testValuesKeepOrderAndNumberText() throws {
        let value = try parse(#" {"b":[1,-0,1e400,2.50],"a":{"z":null,"y":true},"c":"x"} "#)
        XCTAssertEqual(value.objectValue?.keys, ["b", "a", "c"])
        XCTAssertEqual(value["a"]?.objectValue?.keys, ["z", "y"])
        XCTAssertEqual(value["b"]?.arrayValue?.compactMap { if case .number(let n) = $0 { n.text } else { nil } },
                       ["1", "-0", "1e400", "2.50"])
        XCTAssertEqual(value["a"]?["y"], .bool(true))
        XCTAssertEqual(value["a"]?["z"], .null)
        XCTAssertNil(value["a"]?["missing"])
        XCTAssertEqual(value["c"], "x")
        // Scalars at the top level (RFC 8259 §2 allows any value there).
        XCTAssertEqual(try parse("null"), .null)
        XCTAssertEqual(try parse("\t\r\n 7 "), 7)
        XCTAssertEqual(try parse(#""""#), "")
        XCTAssertEqual(try parse("[]"), .array([]))
        XCTAssertEqual(try parse("{}"), .object([:]))
    }

    func testEscapesAndSurrogatePairs() throws {
        // Each escape of RFC 8259 §7, then é (U+00E9) escaped and raw, then U+1F600 as the pair D83D DE00.
        let value = try parse(#""\"\\\/\b\f\n\r\t\u00e9é\ud83d\uDE00\u0000""#)
        XCTAssertEqual(value.stringValue.map { Array($0.unicodeScalars.map(\.value)) },
                       [0x22, 0x5c, 0x2f, 0x08, 0x0c, 0x0a, 0x0d, 0x09, 0xe9, 0xe9, 0x1f600, 0x00])
        // U+10FFFF, the last scalar: DBFF DFFF.
        XCTAssertEqual(try parse(#""\udbff\udfff""#).stringValue?.unicodeScalars.first?.value, 0x10ffff)
        // "é" precomposed and decomposed are different strings here (no normalisation).
        XCTAssertNotEqual(try parse(#""\u00e9""#), try parse(#""e\u0301""#))
    }

    func testLoneSurrogatesAreRejectedNamingTheSurrogate() {
        // Offsets point at the backslash of the escape: `"` is byte 0, `a` byte 1, `\` byte 2.
        XCTAssertEqual(failure(#""a\udc00""#), JSONSyntaxError("unpaired low surrogate escape", at: 2))
        XCTAssertEqual(failure(#""a\ud800""#), JSONSyntaxError("unpaired high surrogate escape", at: 2))
        XCTAssertEqual(failure(#""a\ud800x""#), JSONSyntaxError("unpaired high surrogate escape", at: 2))
        XCTAssertEqual(failure(#""a\ud800\u0041""#), JSONSyntaxError("high surrogate escape not followed by a low surrogate", at: 2))
        XCTAssertEqual(failure(#""a\ud800\ud800""#), JSONSyntaxError("high surrogate escape not followed by a low surrogate", at: 2))
        XCTAssertEqual(failure(#""\u12""#), JSONSyntaxError("incomplete \\u escape", at: 1))
        XCTAssertEqual(failure(#""\u12g4""#), JSONSyntaxError("invalid hex digit in a \\u escape", at: 5))
    }

    func testStringsMustBeUTF8WithoutRawControlCharacters() {
        XCTAssertEqual(failure("\"a\u{1}\""), JSONSyntaxError("unescaped control character in a string", at: 2))
        XCTAssertEqual(failure("\"\t\""), JSONSyntaxError("unescaped control character in a string", at: 1))
        XCTAssertEqual(failure("\"\n\""), JSONSyntaxError("unescaped control character in a string", at: 1))
        XCTAssertEqual(failure(#""\x""#), JSONSyntaxError("invalid escape", at: 1))
        XCTAssertEqual(failure(#""\'""#), JSONSyntaxError("invalid escape", at: 1))
        XCTAssertEqual(failure(#""abc"#), JSONSyntaxError("unterminated string", at: 0))
        XCTAssertEqual(failure(#"["\"#), JSONSyntaxError("unterminated escape", at: 2))
        // Not UTF-8: a lone continuation byte, an overlong "/" (C0 AF), an encoded surrogate
        // (ED A0 80 = U+D800), a truncated 3-byte sequence, a code point above U+10FFFF (F4 90 80 80).
        for bad: [UInt8] in [[0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe4, 0xb8], [0xf4, 0x90, 0x80, 0x80]] {
            XCTAssertEqual(failure([0x22] + bad + [0x22]), JSONSyntaxError("string is not valid UTF-8", at: 0), "\(bad)")
        }
        // DEL and U+2028 are not control characters to RFC 8259: accepted raw.
        XCTAssertEqual(try parse("\"\u{7f}\u{2028}\"").stringValue, "\u{7f}\u{2028}")
    }

    func testNumbersFollowTheGrammar() {
        XCTAssertEqual(failure("01"), JSONSyntaxError("leading zero in a number", at: 0))
        XCTAssertEqual(failure("-01"), JSONSyntaxError("leading zero in a number", at: 0))
        XCTAssertEqual(failure("+1"), JSONSyntaxError("unexpected character", at: 0))
        XCTAssertEqual(failure(".5"), JSONSyntaxError("unexpected character", at: 0))
        XCTAssertEqual(failure("-"), JSONSyntaxError("invalid number", at: 0))
        XCTAssertEqual(failure("1."), JSONSyntaxError("invalid number (no digits after '.')", at: 2))
        XCTAssertEqual(failure("1e"), JSONSyntaxError("invalid number (no exponent digits)", at: 2))
        XCTAssertEqual(failure("1e+"), JSONSyntaxError("invalid number (no exponent digits)", at: 3))
        XCTAssertEqual(failure("NaN"), JSONSyntaxError("unexpected character", at: 0))
        XCTAssertEqual(failure("-Infinity"), JSONSyntaxError("invalid number", at: 0))
        XCTAssertEqual(failure("0x10"), JSONSyntaxError("unexpected content after the JSON value", at: 1))
    }

    func testDuplicateMembersAreRejected() {
        // The second "a" starts at byte 7: {"a":1,"a":2}
        XCTAssertEqual(failure(#"{"a":1,"a":2}"#), JSONSyntaxError(#"duplicate member "a""#, at: 7))
        // The same name spelt with an escape is the same name.
        XCTAssertEqual(failure(#"{"ab":1,"a\u0062":2}"#)?.offset, 8)
        // Nested objects have their own names; precomposed and decomposed é are two names.
        XCTAssertNoThrow(try parse(#"{"a":{"a":1},"b":{"a":2}}"#))
        XCTAssertNoThrow(try parse(#"{"\u00e9":1,"e\u0301":2}"#))
    }

    func testStructureErrors() {
        XCTAssertEqual(failure(""), JSONSyntaxError("unexpected end of input", at: 0))
        XCTAssertEqual(failure("  "), JSONSyntaxError("unexpected end of input", at: 2))
        XCTAssertEqual(failure("{"), JSONSyntaxError("expected a member name", at: 1))
        XCTAssertEqual(failure("[1,]"), JSONSyntaxError("unexpected character", at: 3))
        XCTAssertEqual(failure(#"{"a":1,}"#), JSONSyntaxError("expected a member name", at: 7))
        XCTAssertEqual(failure(#"{"a" 1}"#), JSONSyntaxError("expected ':'", at: 5))
        XCTAssertEqual(failure(#"{"a":1 "b":2}"#), JSONSyntaxError("expected ',' or '}'", at: 7))
        XCTAssertEqual(failure("[1 2]"), JSONSyntaxError("expected ',' or ']'", at: 3))
        XCTAssertEqual(failure("[1"), JSONSyntaxError("unexpected end of input in an array", at: 2))
        XCTAssertEqual(failure(#"{"a":1"#), JSONSyntaxError("unexpected end of input in an object", at: 6))
        XCTAssertEqual(failure("{1:2}"), JSONSyntaxError("expected a member name", at: 1))
        XCTAssertEqual(failure("nul"), JSONSyntaxError("invalid literal (expected null)", at: 0))
        XCTAssertEqual(failure("True"), JSONSyntaxError("unexpected character", at: 0))
        XCTAssertEqual(failure("[1] x"), JSONSyntaxError("unexpected content after the JSON value", at: 4))
        XCTAssertEqual(failure("{} {}"), JSONSyntaxError("unexpected content after the JSON value", at: 3))
        XCTAssertEqual(failure("1\u{0}"), JSONSyntaxError("unexpected content after the JSON value", at: 1))
        // Only space, tab, LF and CR are whitespace (RFC 8259 §2): not form feed, not NBSP.
        XCTAssertEqual(failure("\u{0C}1"), JSONSyntaxError("unexpected character", at: 0))
        XCTAssertEqual(failure("1\u{a0}"), JSONSyntaxError("unexpected content after the JSON value", at: 1))
        XCTAssertEqual(JSONSyntaxError("expected ':'", at: 5).description, "expected ':' at byte 5")
    }

    func testByteOrderMarkIsRejected() {
        XCTAssertEqual(failure([0xEF, 0xBB, 0xBF] + Array("{}".utf8)),
                       JSONSyntaxError("byte order mark before the value (not allowed, RFC 8259 §8.1)", at: 0))
    }

    func testSizeLimit() throws {
        let parser = JSONParser(maximumBytes: 8)
        XCTAssertEqual(try parser.parse(#""123456""#), "123456")  // 8 bytes
        XCTAssertThrowsError(try parser.parse(#""1234567""#)) { error in
            XCTAssertEqual(error as? JSONSyntaxError, JSONSyntaxError("text longer than 8 bytes", at: 8))
        }
    }

    /// The deepest accepted nesting (257 arrays: depths 0...256) parses on a thread with a small
    /// (512 KiB) stack; one more level is an error at the byte of the 258th `[` (offset 257).
    func testNestingLimitOnASmallStack() throws {
        XCTAssertEqual(JSONParser.defaultMaximumDepth, 256)
        let deepest = String(repeating: "[", count: 257) + String(repeating: "]", count: 257)
        let tooDeep = "[" + deepest + "]"
        let deepObjects = String(repeating: #"{"a":"#, count: 258) + "1" + String(repeating: "}", count: 258)
        let done = expectation(description: "parsed")
        nonisolated(unsafe) var results: [Result<JSONValue, JSONSyntaxError>] = []
        let thread = Thread {
            for text in [deepest, tooDeep, deepObjects] {
                results.append(Result { () throws(JSONSyntaxError) -> JSONValue in try JSONParser().parse(text) })
            }
            done.fulfill()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        wait(for: [done], timeout: 60)
        XCTAssertEqual(results.count, 3)
        guard results.count == 3 else { return }
        XCTAssertNoThrow(try results[0].get())
        XCTAssertEqual(results[1].failure, JSONSyntaxError("nesting deeper than 256", at: 257))
        // 258 objects: the value of the 257th "a" (depth 257) is the 258th `{` at 5 × 257 = 1285.
        XCTAssertEqual(results[2].failure, JSONSyntaxError("nesting deeper than 256", at: 1285))
        // Scalars count too (as in the oracle's Json.java): with limit 1, `[1]` and `[[]]` are the deepest.
        XCTAssertNoThrow(try JSONParser(maximumDepth: 1).parse("[1]"))
        XCTAssertNoThrow(try JSONParser(maximumDepth: 1).parse("[[]]"))
        XCTAssertEqual(failure(#"[{"a":1}]"#, parser: JSONParser(maximumDepth: 1)), JSONSyntaxError("nesting deeper than 1", at: 6))
    }
}

private extension Result {
    var failure: Failure? { if case .failure(let error) = self { error } else { nil } }
}
