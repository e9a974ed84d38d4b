import ArgumentParser
import Conformance
import Foundation
import OneLineText
import ProcessGroups
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
        // First: a signal at any point ends child JVMs/adapters, removes temporary files and exits
        // 128 + signal (SIGINT 130, SIGTERM 143, SIGHUP 129).
        TerminationCleanup.install()
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
        // The error alone (no usage text); user values in it are escaped by writeStderr.
        var message = self.message(for: error).trimmingCharacters(in: .whitespacesAndNewlines)
        if message.isEmpty { message = "\(error)" }
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

/// Writes one line to stderr. Every error printer goes through here: control characters in the text
/// (newlines, ESC, other C0/C1 controls, DEL), which usually come from echoed user values, are
/// escaped so that an error is always exactly one line.
func writeStderr(_ line: String) {
    let body = line.hasSuffix("\n") ? String(line.dropLast()) : line
    let text = OneLineText.escape(body) + "\n"
    try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
}
