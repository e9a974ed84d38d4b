import ArgumentParser
import Conformance
import Foundation
import PortCheck

/// `conformance port-check --exec CMD [--json] [--report-dir DIR] [--timeout S]`: checks an RsaUtils
/// port in any language through its adapter (docs/ADAPTER.md). Exit 0 compatible, 1 a real
/// incompatibility, 2 usage or adapter-protocol errors.
struct PortCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "port-check",
        abstract: "Check an RsaUtils port in any language through a small adapter (JSON lines on stdin/stdout).",
        discussion: """
            Starts CMD with /bin/sh -c in its own process group, asks `hello`, runs the stored vectors its \
            operations can run and writes reports/port-check-<name>.json and .md (the adapter's stderr goes \
            to port-check-<name>.stderr.log there). The protocol is docs/ADAPTER.md.
            """)

    @Option(name: .customLong("exec"), help: ArgumentHelp("The adapter command (run with /bin/sh -c).", valueName: "cmd"))
    var command: String

    @Flag(name: .customLong("json"), help: "Print the result as one JSON object instead of tables.")
    var json = false

    @Option(name: .customLong("report-dir"), help: ArgumentHelp("Where to write the reports (default: reports/ of the package).", valueName: "dir"))
    var reportDir: String?

    @Option(name: .customLong("timeout"), help: ArgumentHelp("Longest wait in seconds for one answer of the adapter.", valueName: "seconds"))
    var timeout: Double = 30

    @Flag(name: .customLong("verbose"), help: "Progress lines on stderr.")
    var verbose = false

    func validate() throws {
        guard timeout > 0, timeout <= 3600 else { throw ValidationError("--timeout must be between 0 and 3600 seconds") }
        guard !command.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ValidationError("--exec needs a command") }
        if let reportDir, reportDir.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--report-dir needs a folder path")
        }
    }

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let root: URL
        do { root = try PackageRoot.locate() } catch { throw CLIFailure.usage("port-check: \(error)") }
        let folder = reportDir.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL }
            ?? root.appendingPathComponent("reports", isDirectory: true)
        let options = PortCheck.Options(command: command, reportFolder: folder,
                                        vectorFolder: root.appendingPathComponent("Vectors", isDirectory: true),
                                        timeoutSeconds: timeout)
        let report: PortCheckReport
        do {
            report = try PortCheck.run(options, progress: { if verbose { writeStderr("port-check: \($0)") } })
        } catch let error as PortCheckError {
            throw CLIFailure.usage(error.description)
        }
        let written: [URL]
        do { written = try PortCheckReportWriter.write(report, to: folder) } catch { throw CLIFailure.usage("\(error)") }
        if json {
            FileHandle.standardOutput.write(try PortCheckReportWriter.json(report))
        } else {
            print(PortCheckReportWriter.text(report))
            print("reports: " + written.map(\.path).joined(separator: ", "))
        }
        if report.verdict == "not-evaluable" {
            writeStderr("error: port-check: nothing could be evaluated (no matrix check and no stored vector could run with the operations the adapter lists)")
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
