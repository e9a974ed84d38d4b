import Crypto
import Foundation
import XCTest

final class MD5CLITests: XCTestCase {
    func testMD5OfAFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("md5cli-\(UUID().uuidString)")
        try Data("message digest".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        // RFC 1321 A.5: MD5("message digest").
        XCTAssertEqual(try CLIRunner.run(["md5", "--file", url.path]).stdout, "f96b697d7cb7938d525a2f31aaf161d0\n")
    }

    /// A file of several read buffers (1 MiB each) plus a tail, against swift-crypto's MD5.
    func testMD5OfAFileLargerThanOneReadBuffer() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("md5cli-big-\(UUID().uuidString)")
        let data = Data((0..<(3 << 20) + 77).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 12) })
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let expected = Insecure.MD5.hash(data: data).map { String(format: "%02x", $0) }.joined()
        XCTAssertEqual(try CLIRunner.run(["md5", "--file", url.path]).stdout, expected + "\n")
        XCTAssertEqual(try CLIRunner.run(["md5"], stdin: data).stdout, expected + "\n")
    }

    func testMD5OfStringHexAndStdin() throws {
        // RFC 1321 A.5: MD5("abc").
        XCTAssertEqual(try CLIRunner.run(["md5", "--data", "abc"]).stdout, "900150983cd24fb0d6963f7d28e17f72\n")
        XCTAssertEqual(try CLIRunner.run(["md5", "--data-hex", "616263"]).stdout, "900150983cd24fb0d6963f7d28e17f72\n")
        XCTAssertEqual(try CLIRunner.run(["md5"], stdin: Data("abc".utf8)).stdout, "900150983cd24fb0d6963f7d28e17f72\n")
        XCTAssertEqual(try CLIRunner.run(["md5"], stdin: Data()).stdout, "d41d8cd98f00b204e9800998ecf8427e\n")
    }

    func testBadInputIsOneLineError() throws {
        assertOneLineError(try CLIRunner.run(["md5", "--data-hex", "abc"]), exitCode: 2, mentioning: "odd")
        assertOneLineError(try CLIRunner.run(["md5", "--data-hex", "zz"]), exitCode: 2, mentioning: "hex")
        assertOneLineError(try CLIRunner.run(["md5", "--file", "/nonexistent/file"]), exitCode: 2, mentioning: "cannot read")
        assertOneLineError(try CLIRunner.run(["md5", "--no-such-flag"]), exitCode: 2)
        // A folder is not a file: one line, no Foundation trap.
        assertOneLineError(try CLIRunner.run(["md5", "--file", FileManager.default.temporaryDirectory.path]), exitCode: 2, mentioning: "folder")
    }
}
