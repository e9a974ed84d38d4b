import ArgumentParser
import Conformance
import JavaCheck
import JavaOracle
import Foundation

/// `conformance java-check --classpath CP --class FQCN [--json] [--report-dir DIR]`: probes a
/// user's own RsaUtils class and says whether (and with which settings) the Swift side is compatible.
/// `--jar APP.jar` (repeatable) without `--class` finds and checks every RSA helper class on it.
/// Exit 0 compatible, 1 not, 2 on usage or load errors or when nothing could be evaluated.
struct JavaCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "java-check",
        abstract: "Probe your own Java RsaUtils class and check it against the Swift side.",
        discussion: """
            Loads the class by reflection in a JVM (commons-codec is added to the classpath when the class \
            needs it), detects its profile by calling it (key size, signature algorithm, chunk sizes, Base64 \
            line breaks, charset, fail-open, long ciphertexts), runs the matrix Java<->Swift with that \
            profile and writes reports/java-check-<fully.qualified.Class>.json and .md. With --jar and no \
            --class it finds every class that looks like an RSA helper, checks each, prints a summary table \
            and writes reports/java-check-summary.json and .md as well.
            """)

    @Option(name: .customLong("classpath"), help: ArgumentHelp("Folders and jars, separated by ':' (dir/* = every jar in dir).", valueName: "cp"))
    var classpath: String?

    @Option(name: .customLong("class"), help: ArgumentHelp("Fully qualified class name, e.g. com.example.RsaUtils.", valueName: "fqcn"))
    var className: String?

    @Option(name: .customLong("jar"), help: ArgumentHelp("A jar, a folder or a classpath to scan for RSA helper classes (repeatable).", valueName: "path"))
    var jars: [String] = []

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
        if className == nil && jars.isEmpty { throw ValidationError("give --class with --classpath, or --jar to scan a jar, folder or classpath") }
        if className != nil && classpath == nil && jars.isEmpty { throw ValidationError("--class needs --classpath (or --jar)") }
        guard timeout > 0, timeout <= 3600 else { throw ValidationError("--timeout must be between 0 and 3600 seconds") }
        if let reportDir, reportDir.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--report-dir needs a folder path")
        }
    }

    func run() throws {
        let cwd = FileManager.default.currentDirectoryPath
        let classpathText = ([classpath].compactMap { $0 } + jars).joined(separator: ":")
        let options = JavaCheck.Options(classpath: classpathText, className: className ?? "", currentDirectory: cwd,
                                        callTimeoutSeconds: timeout)
        let progress: (String) -> Void = { if verbose { writeStderr("java-check: \($0)") } }
        let folder = reportFolder(cwd: cwd)
        if className == nil {
            try scan(options, folder: folder, progress: progress)
            return
        }
        let report: JavaCheckReport
        do {
            report = try JavaCheck.run(options, progress: progress)
        } catch let error as JavaCheckError {
            throw CLIFailure.usage(error.description)
        } catch {
            throw CLIFailure.usage("java-check: \(error)")
        }

        var written: [URL] = []
        if let folder {
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

    /// `--jar` without `--class`: every RSA helper class, one summary.
    private func scan(_ options: JavaCheck.Options, folder: URL?, progress: @escaping (String) -> Void) throws {
        let summary: JarScan.Summary
        var written: [URL] = []
        do {
            let entries = try JavaCheck.classpathEntries(options.classpath, currentDirectory: options.currentDirectory)
            (summary, _) = try JarScan.run(entries: entries, options: options, progress: progress) { report in
                guard let folder else { return [] }
                return try JavaCheckReportWriter.write(report, to: folder)
            }
            if let folder { written = try JarScan.write(summary, to: folder) }
        } catch let error as JavaCheckError {
            throw CLIFailure.usage(error.description)
        } catch {
            throw CLIFailure.usage("java-check: \(error)")
        }
        if json {
            FileHandle.standardOutput.write(try JarScan.json(summary))
        } else {
            print(JarScan.table(summary))
            if !written.isEmpty { print("reports: " + written.map(\.path).joined(separator: ", ") + " (+ one per class)") }
        }
        if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
    }

    private func reportFolder(cwd: String) -> URL? {
        if noReport { return nil }
        if let reportDir {
            return URL(fileURLWithPath: reportDir, relativeTo: URL(fileURLWithPath: cwd, isDirectory: true)).standardizedFileURL
        }
        let root = (try? JavaToolchain.locate())?.packageRoot ?? cwd
        return URL(fileURLWithPath: root, isDirectory: true).appendingPathComponent("reports", isDirectory: true)
    }
}
