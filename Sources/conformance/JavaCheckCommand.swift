import ArgumentParser
import Conformance
import JavaCheck
import JavaOracle
import Foundation

/// `conformance java-check --classpath CP --class FQCN [--json] [--report-dir DIR]`: probes a
/// user's own RsaUtils class and says whether (and with which settings) the Swift side is compatible.
/// Exit 0 compatible, 1 not, 2 on usage or load errors.
struct JavaCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "java-check",
        abstract: "Probe your own Java RsaUtils class and check it against the Swift side.",
        discussion: """
            Loads the class by reflection in a JVM (commons-codec is added to the classpath when the class \
            needs it), detects its profile by calling it (key size, signature algorithm, chunk sizes, Base64 \
            line breaks, charset, fail-open, long ciphertexts), runs the matrix Java<->Swift with that \
            profile and writes reports/java-check-<Class>.json and .md.
            """)

    @Option(name: .customLong("classpath"), help: ArgumentHelp("Folders and jars, separated by ':' (dir/* = every jar in dir).", valueName: "cp"))
    var classpath: String

    @Option(name: .customLong("class"), help: ArgumentHelp("Fully qualified class name, e.g. com.example.RsaUtils.", valueName: "fqcn"))
    var className: String

    @Flag(name: .customLong("json"), help: "Print the result as one JSON object instead of tables.")
    var json = false

    @Option(name: .customLong("report-dir"), help: ArgumentHelp("Where to write the reports (default: reports/ of the package).", valueName: "dir"))
    var reportDir: String?

    @Flag(name: .customLong("no-report"), help: "Do not write report files.")
    var noReport = false

    @Flag(name: .customLong("verbose"), help: "Progress lines on stderr.")
    var verbose = false

    @Option(name: .customLong("timeout"), help: ArgumentHelp("Longest wait in seconds for one call into the class.", valueName: "seconds"))
    var timeout: Double = 60

    func validate() throws {
        guard timeout > 0, timeout <= 3600 else { throw ValidationError("--timeout must be between 0 and 3600 seconds") }
        if let reportDir, reportDir.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--report-dir needs a folder path")
        }
    }

    func run() throws {
        let cwd = FileManager.default.currentDirectoryPath
        let options = JavaCheck.Options(classpath: classpath, className: className, currentDirectory: cwd,
                                        callTimeoutSeconds: timeout)
        let report: JavaCheckReport
        do {
            report = try JavaCheck.run(options, progress: { if verbose { writeStderr("java-check: \($0)") } })
        } catch let error as JavaCheckError {
            throw CLIFailure.usage(error.description)
        } catch {
            throw CLIFailure.usage("java-check: \(error)")
        }

        var written: [URL] = []
        if !noReport {
            let folder: URL
            if let reportDir {
                folder = URL(fileURLWithPath: reportDir, relativeTo: URL(fileURLWithPath: cwd, isDirectory: true)).standardizedFileURL
            } else {
                let root = (try? JavaToolchain.locate())?.packageRoot ?? cwd
                folder = URL(fileURLWithPath: root, isDirectory: true).appendingPathComponent("reports", isDirectory: true)
            }
            do {
                written = try JavaCheckReportWriter.write(report, to: folder)
            } catch {
                throw CLIFailure.usage("\(error)")
            }
        }

        if json {
            let data = try JavaCheckReportWriter.json(report)
            FileHandle.standardOutput.write(data)
        } else {
            print(JavaCheckReportWriter.text(report))
            if !written.isEmpty { print("reports: " + written.map(\.path).joined(separator: ", ")) }
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
