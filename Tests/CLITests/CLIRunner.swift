import Foundation
import TestSupport
import XCTest

/// Runs the built `conformance` binary the way a user would, capturing stdout, stderr and the exit code.
struct CLIResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

enum CLIRunner {
    /// The products folder of this build (works for any --scratch-path).
    static var productsDirectory: URL {
        let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
            + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        for dir in candidates where FileManager.default.isExecutableFile(atPath: dir.appendingPathComponent("conformance").path) {
            return dir
        }
        return Bundle.main.bundleURL
    }

    static var binary: URL { productsDirectory.appendingPathComponent("conformance") }

    /// The package root (where Package.swift is).
    static var packageRoot: URL { TestPackage.root }

    @discardableResult
    static func run(_ arguments: [String], stdin: Data? = nil, currentDirectory: URL? = nil,
                    environment: [String: String]? = nil, executable: URL? = nil) throws -> CLIResult {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        process.currentDirectoryURL = currentDirectory ?? packageRoot
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        // stderr goes to a temp file so a chatty child can never block on a full pipe.
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("cli-stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errURL) }
        let errHandle = try FileHandle(forWritingTo: errURL)
        let out = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = errHandle
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errHandle.close()
        let errData = (try? Data(contentsOf: errURL)) ?? Data()
        return CLIResult(status: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// Asserts the contract for bad input: non-zero exit, exactly one `error: ...` line, no stack trace.
func assertOneLineError(_ result: CLIResult, exitCode: Int32? = nil, mentioning needle: String? = nil,
                        file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertNotEqual(result.status, 0, "expected failure, stdout: \(result.stdout)", file: file, line: line)
    if let exitCode { XCTAssertEqual(result.status, exitCode, result.stderr, file: file, line: line) }
    let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: true)
    XCTAssertEqual(lines.count, 1, "stderr: \(result.stderr)", file: file, line: line)
    XCTAssertTrue(result.stderr.hasPrefix("error: "), "stderr: \(result.stderr)", file: file, line: line)
    if let needle {
        XCTAssertTrue(result.stderr.localizedCaseInsensitiveContains(needle),
                      "stderr should mention \(needle): \(result.stderr)", file: file, line: line)
    }
}
