import Foundation
import PortCheck
import XCTest

/// The JSON both ways on the adapter protocol: requests are one line with sorted names; the
/// number-check request a port returns is kept as the port built it (member order, number text).
/// Expected texts are written out by hand.
final class AdapterJSONTests: XCTestCase {
    private static let hello = #"{"id":1,"ok":true,"name":"n","version":"1","ops":["numberCheckRequest"]}"#

    /// Runs an adapter that says hello, records request 2 and answers it with `answer`.
    private func numberCheckRequest(answer: String) throws -> (request: String, text: String) {
        let folder = try TestFolder(self)
        let recorded = folder.url.appendingPathComponent("request2.json").path
        let port = try AdapterPort(AdapterClient.Options(
            command: try folder.script("""
                read l; printf '%s\\n' '\(Self.hello)'
                read -r l; printf '%s\\n' "$l" > '\(recorded)'; printf '%s\\n' '\(answer)'
                cat >/dev/null
                """),
            stderrLog: folder.log, timeoutSeconds: 10))
        let text = try port.numberCheckRequest(["token": "t\u{2028}", "appId": "a/b"])
        try port.finish()
        return (try String(contentsOfFile: recorded, encoding: .utf8), text)
    }

    func testRequestObjectKeepsItsOrderAndNumbers() throws {
        let request = #"{"header":{"version":"1.0","msgId":"m"},"body":{"token":"t","n":1.50,"x":"\u4e2d\/"}}"#
        let (sent, text) = try numberCheckRequest(answer: #"{"id":2,"ok":true,"request":\#(request)}"#)
        // The request line: names sorted, U+2028 escaped, "/" not escaped.
        XCTAssertEqual(sent, #"{"appId":"a/b","id":2,"op":"numberCheckRequest","token":"t\u2028"}"# + "\n")
        // Written back in the port's order, 1.50 as sent, 中 as UTF-8 and "/" unescaped (minimal escaping).
        XCTAssertEqual(text, #"{"header":{"version":"1.0","msgId":"m"},"body":{"token":"t","n":1.50,"x":"中/"}}"#)
    }

    func testRequestStringIsReturnedAsSent() throws {
        let (_, text) = try numberCheckRequest(answer: #"{"id":2,"ok":true,"request":"{\"b\": 1,  \"a\":[]}"}"#)
        XCTAssertEqual(text, #"{"b": 1,  "a":[]}"#)
    }

    func testRequestStringThatIsNotStrictJSONIsAViolation() throws {
        // A duplicate member: which one counts would be a guess.
        XCTAssertThrowsError(try numberCheckRequest(answer: #"{"id":2,"ok":true,"request":"{\"a\":1,\"a\":2}"}"#)) { error in
            XCTAssertTrue("\(error)".contains("no JSON object \"request\""), "\(error)")
        }
    }
}
