import StrictJSON
import XCTest

/// The writer's exact bytes, written out by hand from RFC 8259 §7 and the two escapings.
final class JSONSerializerTests: XCTestCase {
    private let tricky = "a\"\\/\u{8}\u{c}\n\r\t\u{1}\u{1f}\u{7f}\u{2028}\u{2029}中😀"

    func testMinimalEscaping() {
        XCTAssertEqual(JSONSerializer.quoted(tricky, escaping: .minimal),
                       "\"a\\\"\\\\/\\b\\f\\n\\r\\t\\u0001\\u001f\u{7f}\u{2028}\u{2029}中😀\"")
    }

    func testLineSafeEscaping() {
        XCTAssertEqual(JSONSerializer.quoted(tricky, escaping: .lineSafe),
                       #""a\"\\/\u0008\u000c\n\r\t\u0001\u001f\u007f\u2028\u2029中😀""#)
    }

    func testMemberOrderSortingAndNumbers() throws {
        let value = try JSONParser().parse(#"{"b":1.50,"a":{"d":true,"c":null},"B":[-0,1E400]}"#)
        XCTAssertEqual(JSONSerializer().string(value), #"{"b":1.50,"a":{"d":true,"c":null},"B":[-0,1E400]}"#)
        // By UTF-8 bytes: "B" (0x42) < "a" (0x61) < "b" (0x62), at every level.
        XCTAssertEqual(JSONSerializer(sortedKeys: true).string(value), #"{"B":[-0,1E400],"a":{"c":null,"d":true},"b":1.50}"#)
        XCTAssertEqual(value.description, #"{"b":1.50,"a":{"d":true,"c":null},"B":[-0,1E400]}"#)
    }

    func testProtocolLine() {
        // What the Java bridge and an adapter receive: sorted names, one line.
        let request: JSONObject = ["op": "genKeyPair", "id": 3, "bits": 1024, "text": "x\u{2028}y"]
        XCTAssertEqual(JSONSerializer.protocolLine.string(.object(request)), #"{"bits":1024,"id":3,"op":"genKeyPair","text":"x\u2028y"}"#)
    }

    func testPretty() throws {
        let value = try JSONParser().parse(#"{"a":[1,{}],"b":{"c":"x"},"d":[]}"#)
        XCTAssertEqual(JSONSerializer(pretty: true).string(value), """
            {
              "a": [
                1,
                {}
              ],
              "b": {
                "c": "x"
              },
              "d": []
            }
            """)
    }

    func testWrittenTextReadsBackToTheSameValue() throws {
        let value: JSONValue = .array([.string(tricky), .object(["k\u{0}": .null, "é": .bool(false)]), .double(-2.5), .int(Int.min)])
        for serializer in [JSONSerializer(), JSONSerializer.line, JSONSerializer(pretty: true)] {
            let text = serializer.string(value)
            XCTAssertEqual(try JSONParser().parse(text), value, text)
        }
        XCTAssertFalse(JSONSerializer.line.string(value).contains { $0.isNewline })
    }

    func testObjectMembers() {
        var object: JSONObject = ["b": 1, "a": 2, "b": 3]
        XCTAssertEqual(object.keys, ["b", "a"])  // a repeated literal name keeps its place, takes the last value
        XCTAssertEqual(object["b"], 3)
        object["c"] = "x"
        object["b"] = nil
        XCTAssertEqual(object.keys, ["a", "c"])
        XCTAssertEqual(JSONObject(["z": 1, "y": 2, "Z": 3]).keys, ["Z", "y", "z"])
        XCTAssertNotEqual(JSONObject(["z": 1, "y": 2]) as JSONObject, ["z": 1, "y": 2] as JSONObject)  // order counts
        XCTAssertEqual((["id": 1] as JSONObject).merging(["ok": true, "id": 2]).keys, ["id", "ok"])
    }
}
