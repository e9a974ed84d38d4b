@testable import Conformance
import Foundation
import XCTest

/// The stored number-check file: strict decoding, and a changed byte fails exactly that case.
final class NumberCheckVectorTests: XCTestCase {
    static var storedFile: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Vectors/number_check_test.json")
    }

    func outcomes(_ data: Data) throws -> [Outcome] {
        switch VectorLoader.decode(data, path: "number_check_test.json", explicit: true) {
        case .loaded(let file): return file.run(context: RunContext(javaMode: .off))
        case .failed(let error): throw error
        case .ignored(let reason): throw VectorFileError(file: "number_check_test.json", message: reason)
        }
    }

    func mutated(_ change: (inout [String: Any]) -> Void) throws -> Data {
        var root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: Self.storedFile)) as? [String: Any])
        change(&root)
        return try JSONSerialization.data(withJSONObject: root)
    }

    /// Edits test `index` of group 0.
    func editCase(_ index: Int, _ edit: @escaping (inout [String: Any]) -> Void) throws -> Data {
        try mutated { root in
            guard var groups = root["testGroups"] as? [[String: Any]], var tests = groups[0]["tests"] as? [[String: Any]] else { return }
            edit(&tests[index])
            groups[0]["tests"] = tests
            root["testGroups"] = groups
        }
    }

    func testStoredFilePassesAndAChangedCaseFailsAlone() throws {
        let all = try outcomes(Data(contentsOf: Self.storedFile))
        XCTAssertGreaterThanOrEqual(all.count, 60)
        XCTAssertTrue(all.allSatisfy { $0.verdict == .pass })
        // tcId 1 can be rebuilt: one changed PS byte must fail it (phoneNum differs), nothing else.
        let changed = try outcomes(try editCase(0) { test in
            let ps = test["ps"] as? String ?? ""
            test["ps"] = (ps.hasPrefix("01") ? "02" : "01") + ps.dropFirst(2)
        })
        XCTAssertEqual(changed.filter { $0.verdict.isFailure }.map(\.tcId), [1])
        // A code the verifier does not give fails that case.
        let wrongCode = try outcomes(try editCase(1) { $0["resultCode"] = "302"; $0["result"] = "invalid" })
        XCTAssertEqual(wrongCode.filter { $0.verdict.isFailure }.map(\.tcId), [2])
    }

    func testInconsistentOrUnknownFieldsAreFileErrors() throws {
        for edit in [{ (t: inout [String: Any]) in t["result"] = "invalid" },  // resultCode 000 but invalid
                     { (t: inout [String: Any]) in t["extra"] = 1 }] {
            XCTAssertThrowsError(try outcomes(try editCase(0, edit)))
        }
    }
}
