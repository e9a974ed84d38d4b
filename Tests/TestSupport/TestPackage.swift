import Foundation
import XCTest

/// Where the tests find the package and put their temporary files.
public enum TestPackage {
    /// The package root (where Package.swift is), found from this source file
    /// (Tests/TestSupport/TestPackage.swift).
    public static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// A fresh folder under the temporary directory, named `<prefix>-<UUID>`, removed when `test` ends.
    public static func temporaryFolder(_ test: XCTestCase, prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}
