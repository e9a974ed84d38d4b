import Foundation
import TestSupport
import XCTest

/// Paths used by the conformance tests: the package root (from this file) and the shared Wycheproof folder.
enum TestPaths {
    static var packageRoot: URL { TestPackage.root }

    /// `../shared/wycheproof/testvectors_v1` relative to the package root.
    static var wycheproofVectors: URL {
        // $CONFORMANCE_WYCHEPROOF overrides (a checkout elsewhere, e.g. a git worktree).
        if let folder = ProcessInfo.processInfo.environment["CONFORMANCE_WYCHEPROOF"], !folder.isEmpty {
            return URL(fileURLWithPath: folder, isDirectory: true)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/wycheproof/testvectors_v1")
    }

    /// The Wycheproof folder, or an XCTSkip naming the missing path (visible in the test log).
    static func requireWycheproof() throws -> URL {
        let url = wycheproofVectors
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw XCTSkip("upstream Wycheproof vectors not found at \(url.path) (expected ../shared/wycheproof/testvectors_v1)")
        }
        return url
    }

    /// A fresh temporary folder, removed at the end of the test.
    static func temporaryFolder(_ test: XCTestCase) throws -> URL {
        try TestPackage.temporaryFolder(test, prefix: "conformance-test")
    }
}
