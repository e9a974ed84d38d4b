@testable import Conformance
import Foundation
import XCTest

/// A vector file whose cases cannot be told apart or explained is that file's one-line error: a
/// duplicate or out-of-range tcId, a flag missing from `notes`, a flag listed twice.
final class VectorCaseIdentityTests: XCTestCase {
    /// `VectorDecodingTests.md5File` with one edit (its four cases have tcIds 1...4; only flag "Edge"
    /// is defined in its notes, and case 2 uses it).
    func edited(_ from: String, _ to: String) -> String {
        let original = VectorDecodingTests.md5File
        let json = original.replacingOccurrences(of: from, with: to)
        XCTAssertNotEqual(json, original, "the edit did not apply: \(from)")
        return json
    }

    func load(_ json: String) throws -> LoadedVectorFile {
        switch VectorLoader.decode(Data(json.utf8), path: "inline.json", explicit: true) {
        case .loaded(let loaded): return loaded
        case .failed(let error): throw error
        case .ignored(let reason): throw VectorFileError(file: "inline.json", message: "ignored: \(reason)")
        }
    }

    func failure(_ json: String, file: StaticString = #filePath, line: UInt = #line) -> VectorFileError? {
        switch VectorLoader.decode(Data(json.utf8), path: "inline.json", explicit: true) {
        case .failed(let error): return error
        case .loaded: XCTFail("decoded a malformed file", file: file, line: line); return nil
        case .ignored(let reason): XCTFail("ignored: \(reason)", file: file, line: line); return nil
        }
    }

    func testDuplicateTcIdIsTheFilesError() throws {
        let error = try XCTUnwrap(failure(edited(#""tcId": 3,"#, #""tcId": 1,"#)))
        XCTAssertEqual(error.location, "testGroups[0].tests[2].tcId")
        XCTAssertEqual(error.message, "duplicate tcId 1 (also testGroups[0].tests[0])")
        XCTAssertEqual(error.description, "inline.json: testGroups[0].tests[2].tcId: duplicate tcId 1 (also testGroups[0].tests[0])")
    }

    func testDuplicateTcIdAcrossGroupsIsAnError() throws {
        // Two groups whose cases are 1, 4 and 4.
        func test(_ id: Int) -> String {
            #"{"tcId": \#(id), "comment": "", "flags": [], "msg": "", "digest": "d41d8cd98f00b204e9800998ecf8427e", "result": "valid"}"#
        }
        let group = #"{"type": "Md5Hash", "source": {"name": "test", "version": "1"}, "tests": "#
        let json = VectorDecodingTests.envelope(schema: "md5_schema_v1.json", algorithm: "MD5", count: 3,
                                                groups: group + "[\(test(1)), \(test(4))]}, " + group + "[\(test(4))]}")
        let error = try XCTUnwrap(failure(json))
        XCTAssertEqual(error.location, "testGroups[1].tests[0].tcId")
        XCTAssertEqual(error.message, "duplicate tcId 4 (also testGroups[0].tests[1])")
    }

    func testTcIdOutOfRangeIsAnError() throws {
        for bad in ["0", "-1", "2147483648", "9223372036854775807"] {
            let error = try XCTUnwrap(failure(edited(#""tcId": 2,"#, "\"tcId\": \(bad),")), bad)
            XCTAssertEqual(error.location, "testGroups[0].tests[1].tcId", bad)
            XCTAssertEqual(error.message, "tcId \(bad) is out of range (1 ... 2147483647)")
        }
        XCTAssertEqual(try load(edited(#""tcId": 2,"#, #""tcId": 2147483647,"#)).testCount, 4)
    }

    func testUndefinedFlagIsAnError() throws {
        let error = try XCTUnwrap(failure(edited(#""flags": ["Edge"]"#, #""flags": ["Edge", "Egde"]"#)))
        XCTAssertEqual(error.location, "testGroups[0].tests[1].flags")
        XCTAssertEqual(error.message, "flag 'Egde' is not defined in the file's notes")
        // A file without notes cannot use flags at all.
        let noNotes = edited(#""notes": {"Edge": {"bugType": "EDGE_CASE", "description": "an edge"}}"#, #""notes": {}"#)
        XCTAssertEqual(failure(noNotes)?.message, "flag 'Edge' is not defined in the file's notes")
    }

    func testFlagListedTwiceIsAnError() throws {
        let error = try XCTUnwrap(failure(edited(#""flags": ["Edge"]"#, #""flags": ["Edge", "Edge"]"#)))
        XCTAssertEqual(error.location, "testGroups[0].tests[1].flags")
        XCTAssertEqual(error.message, "flag 'Edge' is listed twice")
    }

    /// The stored vectors (and, in VectorDecodingTests/WycheproofUpstreamTests, the upstream files) have
    /// unique tcIds and define every flag they use: they still load.
    func testStoredVectorsStillLoad() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Vectors")
        let files = try VectorCollector.collect([folder])
        XCTAssertGreaterThan(files.count, 10)
        for found in files {
            switch VectorLoader.load(found.url, path: found.url.lastPathComponent, explicit: false) {
            case .loaded(let file): XCTAssertGreaterThan(file.testCount, 0, found.url.path)
            case .failed(let error): XCTFail("\(error)")
            case .ignored(let reason): XCTFail("\(found.url.path) ignored: \(reason)")
            }
        }
    }
}

/// A field named twice in one object (JSONDecoder would keep one value silently) is the file's error.
final class JSONTextScanTests: XCTestCase {
    func testDuplicateFieldsAreFoundWithTheirPath() {
        func find(_ json: String) -> JSONTextScan.Found? { JSONTextScan.firstDuplicateKey(in: Data(json.utf8)) }
        XCTAssertNil(find(#"{"a": 1, "b": {"a": 2}, "c": [{"a": 1}, {"a": 2}], "d": "\"a\": 1, \"a\""}"#))
        XCTAssertEqual(find(#"{"a": 1, "b": 2, "a": 3}"#), .init(location: "top level", key: "a"))
        XCTAssertEqual(find(#"{"t": [{"x": 1}, {"y": [1, {"k": 1}], "z": 2, "y": 3}]}"#), .init(location: "t[1]", key: "y"))
        XCTAssertEqual(find(#"{"g": [[], {"n": {"p": 1, "\u0070": 2}}]}"#), .init(location: "g[1].n", key: "p"))
        XCTAssertNil(find(#"{"a\\": 1, "a": 2, "\"": [], "a\"": 3}"#))
    }

    func testAVectorFileWithARepeatedFieldIsRejected() throws {
        let json = VectorDecodingTests.md5File.replacingOccurrences(
            of: #""result": "invalid"}"#, with: #""result": "invalid", "result": "valid"}"#)
        guard case .failed(let error) = VectorLoader.decode(Data(json.utf8), path: "inline.json", explicit: true) else {
            return XCTFail("a case with two results was accepted")
        }
        XCTAssertEqual(error.description, "inline.json: testGroups[0].tests[3]: field 'result' appears twice in one object")
    }
}

extension JSONTextScanTests {
    /// JSONDecoder keeps the first `schema`; the error names the repetition, not the value it kept.
    func testARepeatedSchemaIsNamedAsTheProblem() throws {
        let json = VectorDecodingTests.md5File.replacingOccurrences(of: #""schema": "#, with: #""schema": "x", "schema": "#)
        guard case .failed(let error) = VectorLoader.decode(Data(json.utf8), path: "inline.json", explicit: true) else {
            return XCTFail("accepted")
        }
        XCTAssertEqual(error.description, "inline.json: top level: field 'schema' appears twice in one object")
    }
}

extension JSONTextScanTests {
    /// JSONDecoder reports a fraction or a 65-bit number in an integer field as "not valid JSON" with no
    /// path; the error names the field and the number instead.
    func testANumberThatIsNoIntegerIsNamed() throws {
        XCTAssertNil(JSONTextScan.firstNonInteger(in: Data(#"{"a": [1, -2, 1e3, 2.0, "1.5"], "b": 9223372036854775807}"#.utf8)))
        XCTAssertEqual(JSONTextScan.firstNonInteger(in: Data(#"{"a": {"b": [1, 2.5]}}"#.utf8)), .init(location: "a.b[1]", key: "2.5"))
        for (bad, text) in [(#""tcId": 1.5,"#, "1.5"), (#""tcId": 18446744073709551616,"#, "18446744073709551616")] {
            let json = VectorDecodingTests.md5File.replacingOccurrences(of: #""tcId": 2,"#, with: bad)
            guard case .failed(let error) = VectorLoader.decode(Data(json.utf8), path: "inline.json", explicit: true) else {
                return XCTFail("accepted \(bad)")
            }
            XCTAssertEqual(error.description, "inline.json: testGroups[0].tests[1].tcId: \(text) is not an integer of at most 64 bits")
        }
    }
}
