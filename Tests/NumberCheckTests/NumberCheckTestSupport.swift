import Foundation
import RSA
import XCTest

/// Keys shared by the tests (generated once: key generation is the slow part).
enum TestKeys {
    static let customer = try? RSAKeyGenerator.generate(bits: 1024)
    static let platform = try? RSAKeyGenerator.generate(bits: 1024)
    static let other = try? RSAKeyGenerator.generate(bits: 1024)

    static func all() throws -> (customer: RSAPrivateKey, platform: RSAPrivateKey, other: RSAPrivateKey) {
        guard let customer, let platform, let other else { throw XCTSkip("key generation failed") }
        return (customer, platform, other)
    }
}

/// Runs python3 with a script on stdin-free arguments; nil when python3 or `cryptography` is missing.
enum Python {
    static func hasCryptography() -> Bool {
        (try? run(["-c", "import cryptography"]))?.status == 0
    }

    static func run(_ arguments: [String], input: Data? = nil) throws -> (status: Int32, stdout: Data, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(input) }
        try inPipe.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, stdout, String(decoding: stderr, as: UTF8.self))
    }
}
