import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `conformance`: the CI conformance gate (default verb `run`) and a practical RSA/MD5/getToken tool.
@main
struct Conformance: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conformance",
        abstract: "Proves a Swift RsaUtils (RSA, PKCS#1 v1.5, MD5withRSA, chunking, getToken sign) agrees with Java.",
        subcommands: [
            RunCommand.self,
            MD5Command.self,
            KeygenCommand.self,
            SignCommand.self,
            VerifyCommand.self,
            EncryptCommand.self,
            DecryptCommand.self,
            KeyCommand.self,
            TokenSignCommand.self,
            NumberCheckCommand.self,
            BenchCommand.self,
            TimingCommand.self,
            JavaCheckCommand.self,
            VectorsCommand.self,
            PortCheckCommand.self,
            AdapterCommand.self,
        ],
        defaultSubcommand: RunCommand.self
    )

    /// Own entry point so that every failure is one `error: ...` line with the contract's exit code
    /// (2 for bad usage instead of ArgumentParser's 64).
    static func main() {
        do {
            var command = try parseAsRoot(DashValues.repaired(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch {
            exitWithContractCode(error)
        }
    }

    static func exitWithContractCode(_ error: Error) -> Never {
        if let failure = error as? CLIFailure {
            writeStderr("error: \(failure.message)")
            Glibc.exit(failure.exitCode)
        }
        if let code = error as? ExitCode { Glibc.exit(code.rawValue) }
        let code = exitCode(for: error)
        if code == .success {
            // --help / --version: ArgumentParser prints them itself.
            self.exit(withError: error)
        }
        let message = fullMessage(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
        writeStderr(message.hasPrefix("error:") || message.hasPrefix("Error:")
            ? "error:" + message.dropFirst(6) : "error: \(message)")
        // ArgumentParser reports usage errors as 64 (EX_USAGE); the contract says 2.
        Glibc.exit(code.rawValue == 64 || code.rawValue == 1 ? 2 : code.rawValue)
    }
}

/// A failure the CLI reports as one line with a specific exit code.
struct CLIFailure: Error {
    let message: String
    let exitCode: Int32

    init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }

    /// Bad usage or unreadable input: exit 2.
    static func usage(_ message: String) -> CLIFailure { CLIFailure(message, exitCode: 2) }
}

func writeStderr(_ line: String) {
    var text = line
    if !text.hasSuffix("\n") { text += "\n" }
    try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
}
