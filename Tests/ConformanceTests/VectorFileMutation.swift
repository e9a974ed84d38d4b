import Foundation
import XCTest

/// Builds modified copies of vector files for the tests.
enum VectorFileMutation {
    /// Copies a sig-gen file, flipping the first byte of `sig` of one case. Returns the tcId, the
    /// original and the flipped signature.
    static func flipSignatureByte(_ source: URL, to destination: URL, groupIndex: Int, testIndex: Int) throws
        -> (tcId: Int, original: [UInt8], flipped: [UInt8]) {
        var root = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: source)) as? [String: Any])
        var groups = try XCTUnwrap(root["testGroups"] as? [[String: Any]])
        var tests = try XCTUnwrap(groups[groupIndex]["tests"] as? [[String: Any]])
        let sigHex = try XCTUnwrap(tests[testIndex]["sig"] as? String)
        let original = try bytes(sigHex)
        var flipped = original
        flipped[0] ^= 0x01
        tests[testIndex]["sig"] = hex(flipped)
        let tcId = try XCTUnwrap(tests[testIndex]["tcId"] as? Int)
        groups[groupIndex]["tests"] = tests
        root["testGroups"] = groups
        try JSONSerialization.data(withJSONObject: root, options: [.sortedKeys]).write(to: destination)
        return (tcId, original, flipped)
    }

    /// Copies a verify file with every group's `sha` replaced.
    static func rewriteVerifyFile(_ source: URL, to destination: URL, sha: String) throws {
        var root = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: source)) as? [String: Any])
        var groups = try XCTUnwrap(root["testGroups"] as? [[String: Any]])
        for i in groups.indices { groups[i]["sha"] = sha }
        root["testGroups"] = groups
        try JSONSerialization.data(withJSONObject: root, options: [.sortedKeys]).write(to: destination)
    }

    static func bytes(_ hex: String) throws -> [UInt8] {
        let digits = Array(hex.utf8)
        var out = [UInt8]()
        var i = 0
        while i + 1 < digits.count {
            out.append(try XCTUnwrap(UInt8(String(decoding: digits[i...i + 1], as: UTF8.self), radix: 16)))
            i += 2
        }
        return out
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }
}
