@testable import Conformance
import Foundation
import XCTest

/// A big file decoded and run a chunk of cases at a time gives the outcomes a whole-file run gives, and
/// a malformed part gives the whole-file error. Small chunk sizes stand in for big files here.
final class ChunkedVectorFileTests: XCTestCase {
    static let vectors = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Vectors")

    /// What a report shows of an outcome, without its timing.
    func shown(_ outcomes: [Outcome]) -> [String] {
        outcomes.map { o in
            "\(o.id) g\(o.groupIndex.map(String.init) ?? "-") \(o.comment) \(o.flags) \(o.expected) \(String(describing: o.actual)) "
                + "\(o.verdict) \(String(describing: o.javaVerdict))"
        }
    }

    func chunked(_ data: Data, chunkSize: Int) throws -> LoadedVectorFile {
        guard case .loaded(let file)? = ChunkedVectorFile.load(data, path: "f.json", chunkSize: chunkSize, threshold: 0) else {
            throw XCTSkip("not chunked")
        }
        return file
    }

    func testEveryStoredFileRunsTheSameInChunks() throws {
        let context = RunContext(javaMode: .off, seed: 1)
        for name in ["md5_test.json", "rsa_keygen_test.json", "rsa_pkcs1_padding_test.json", "rsautils_verify_md5_1024_test.json",
                     "gettoken_sign_test.json", "number_check_test.json"] {
            let data = try Data(contentsOf: Self.vectors.appendingPathComponent(name))
            guard case .loaded(let whole) = VectorLoader.decodeWhole(data, path: "f.json", explicit: true) else {
                return XCTFail("\(name) does not load")
            }
            let parts = try XCTUnwrap(ChunkedVectorFile.load(data, path: "f.json", chunkSize: 7, threshold: 0).flatMap {
                if case .loaded(let file) = $0 { return file } else { return nil }
            }, name)
            XCTAssertEqual(parts.testCount, whole.testCount, name)
            XCTAssertEqual(parts.header, whole.header, name)
            XCTAssertEqual(parts.notes, whole.notes, name)
            let expected = shown(whole.run(context: context))
            XCTAssertEqual(shown(parts.run(context: context)), expected, name)
            XCTAssertGreaterThan(expected.count, 7, name)
        }
    }

    /// 4 cases: tcIds 1...4 (VectorDecodingTests.md5File), chunks of one case.
    func testAMalformedLaterChunkIsTheWholeFilesError() throws {
        let md5 = VectorDecodingTests.md5File
        let badHex = try chunked(Data(md5.replacingOccurrences(of: #""digest": "00000000000000000000000000000000""#,
                                                               with: #""digest": "0g""#).utf8), chunkSize: 1)
        guard case .failure(let error) = badHex.runLog(context: RunContext(javaMode: .off)) else { return XCTFail("ran") }
        XCTAssertEqual(error.location, "testGroups[0].tests[3].digest")
        let repeated = try chunked(Data(md5.replacingOccurrences(of: #""tcId": 4,"#, with: #""tcId": 1,"#).utf8), chunkSize: 1)
        guard case .failure(let dup) = repeated.runLog(context: RunContext(javaMode: .off)) else { return XCTFail("ran") }
        XCTAssertEqual(dup.description, "f.json: testGroups[0].tests[3].tcId: duplicate tcId 1 (also testGroups[0].tests[0])")
    }

    func testWhatTheLayoutDoesNotTakeIsDecodedWhole() {
        let md5 = VectorDecodingTests.md5File
        for text in [md5.replacingOccurrences(of: #""numberOfTests": 4"#, with: #""numberOfTests": 5"#),
                     md5.replacingOccurrences(of: #""tests": ["#, with: #""te\u0073ts": ["#),
                     md5 + "x", "[]", ""] {
            XCTAssertNil(ChunkedVectorFile.load(Data(text.utf8), path: "f.json", chunkSize: 1, threshold: 0), text)
        }
    }

    func testTooManyCasesIsRefusedFromTheLayout() throws {
        let many = Array(repeating: "0", count: VectorLimits.maximumCasesPerFile + 1).joined(separator: ",")
        let json = #"{"schema": "md5_schema_v1.json", "testGroups": [{"tests": ["# + many + #"]}]}"#
        guard case .failed(let error)? = ChunkedVectorFile.load(Data(json.utf8), path: "f.json") else { return XCTFail("not refused") }
        XCTAssertEqual(error.description, "f.json: testGroups: 100001 cases is too many (the limit is 100000 per file)")
    }
}
