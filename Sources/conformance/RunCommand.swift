import ArgumentParser
import Conformance
import JavaOracle
import Foundation

extension JavaMode: ExpressibleByArgument {}

/// `conformance run` (also `conformance` alone): the CI conformance gate.
///
/// Runs every stored vector file (`Vectors/` of the package), then the files and folders given with
/// `--vectors` (in addition, read the same way), then the cross-checks and (with a JDK) the live Java
/// checks; prints a progress line per suite and a summary table; writes `conformance.json`,
/// `junit.xml` and `summary.md` atomically. Exit 0 all pass, 1 a case failed, 2 bad usage or an
/// unreadable/malformed vector file.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the stored vectors, extra vector files and the cross-checks; write reports (the default verb).",
        discussion: """
            Vector files are picked by their "schema" field. Folders are searched recursively for *.json \
            (hidden entries and schemas/ folders skipped; JSON files that are not vector files are listed as \
            ignored). The package root is $CONFORMANCE_ROOT or the first folder up from here with \
            Package.swift and Vectors/.
            """)

    @Option(name: .customLong("vectors"), parsing: .upToNextOption,
            help: ArgumentHelp("Extra vector files or folders, run after the stored Vectors/.", valueName: "path"))
    var vectors: [String] = []

    @Option(name: .customLong("report-dir"), help: ArgumentHelp("Where to write the reports (default: reports/ of the package).", valueName: "dir"))
    var reportDir: String?

    @Option(name: .customLong("java"), help: "Live Java checks: auto (when a JDK is found), off, required (exit 2 without a JDK).")
    var java: JavaMode = .auto

    @Option(name: .customLong("seed"), help: "Seed of the randomised cross-checks (default: a fresh one, printed so the run can be replayed).")
    var seed: UInt64?

    @Flag(name: .customLong("no-stored"), help: "Do not run the stored Vectors/, only the --vectors paths.")
    var noStored = false

    @Flag(name: .customLong("no-cross-checks"), help: "Skip the cross-checks and live Java checks (vector files only).")
    var noCrossChecks = false

    func validate() throws {
        if noStored && vectors.isEmpty {
            throw ValidationError("--no-stored needs at least one --vectors path")
        }
        if let reportDir, reportDir.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--report-dir needs a folder path")
        }
        if vectors.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("--vectors needs a file or folder path")
        }
    }

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let root: URL?
        do {
            root = try PackageRoot.locate()
        } catch {
            // Without a package root there are no stored vectors; that is fine only with --no-stored.
            guard noStored else { throw CLIFailure.usage("\(error) (or give --no-stored --vectors PATH)") }
            root = nil
        }

        if java == .required {
            // Before any work: the JDK must not only be found but compile and answer (a bad
            // COMMONS_CODEC_JAR, a JRE without javac, a broken JVM are environment errors: exit 2).
            do {
                let oracle = try JavaOracle(packageRoot: root?.path)
                defer { oracle.close() }
                _ = try oracle.hello()
            } catch {
                throw CLIFailure.usage("--java required: \(error)")
            }
        }

        var paths = [URL]()
        if !noStored, let root { paths.append(root.appendingPathComponent("Vectors", isDirectory: true)) }
        for path in vectors {
            let url = URL(fileURLWithPath: path, relativeTo: cwd).standardizedFileURL
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw CLIFailure.usage("--vectors: '\(path)': no such file or folder")
            }
            paths.append(url)
        }

        // Before any work: the report folder must be writable, and until the run ends it holds
        // "incomplete" reports (never an earlier run's PASS).
        let reportFolder = reportDir.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL }
            ?? (root ?? cwd).appendingPathComponent("reports", isDirectory: true)
        do {
            try ReportWriter.markIncomplete(reportFolder, startedAt: ConformanceRunner.timestamp(Date()))
        } catch {
            throw CLIFailure.usage("--report-dir: \(error)")
        }

        let runSeed = seed ?? UInt64.random(in: 0...UInt64.max)
        let context = RunContext(javaMode: java, seed: runSeed, packageRoot: root)
        print("conformance run: seed \(runSeed) (replay with --seed \(runSeed)), java \(java.rawValue)")
        let checks = noCrossChecks ? [] : CheckSuiteCatalog.suites(for: context)
        let runner = ConformanceRunner(context: context, checkSuites: checks, progress: { line in
            print(line)
            fflush(nil)
        })
        let report: RunReport
        do {
            report = try runner.run(vectorPaths: paths)
        } catch {
            throw CLIFailure.usage("\(error)")
        }

        let written: [URL]
        do {
            written = try ReportWriter.write(report, to: reportFolder)
        } catch {
            throw CLIFailure.usage("\(error)")
        }

        print("")
        print(SummaryTable.render(report))
        print("reports: " + written.map { VectorCollector.displayPath($0, root: root) }.joined(separator: ", "))
        fflush(nil)

        for suite in report.suites {
            if let error = suite.error { writeStderr("error: \(error)") }
        }
        if report.errors == 0, report.totals.failed == 0, let reason = report.emptyReason {
            writeStderr("error: nothing was checked: \(reason)")
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}

/// The plain-text table printed at the end of a run.
enum SummaryTable {
    /// Failures printed under the table (all of them are in the reports).
    static let failureLines = 20

    static func render(_ report: RunReport) -> String {
        let header = ["suite", "cases", "pass", "fail", "skip", "time"]
        var rows = report.suites.map { suite -> [String] in
            let c = suite.counts
            let name = suite.error == nil ? suite.name : suite.name + " (ERROR)"
            return [name, "\(c.cases)", "\(c.passed)", "\(c.failed)", "\(c.skipped)",
                    ConformanceRunner.formatSeconds(suite.durationSeconds)]
        }
        let t = report.totals
        rows.append(["total", "\(t.cases)", "\(t.passed)", "\(t.failed)", "\(t.skipped)",
                     ConformanceRunner.formatSeconds(report.metadata.durationSeconds)])
        let widths = header.indices.map { i in ([header] + rows).map { $0[i].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
                return i == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        var out = [line(header), line(widths.map { String(repeating: "-", count: $0) })]
        out += rows.dropLast().map(line)
        out.append(line(widths.map { String(repeating: "-", count: $0) }))
        out.append(line(rows[rows.count - 1]))
        if t.acceptableAccepted + t.acceptableRejected > 0 {
            out.append("acceptable cases: \(t.acceptableAccepted) accepted, \(t.acceptableRejected) rejected (both pass)")
        }
        let failures = report.failures
        for outcome in failures.prefix(failureLines) {
            out.append("FAIL \(outcome.id): \(outcome.verdict.reason ?? "")")
        }
        if failures.count > failureLines { out.append("... and \(failures.count - failureLines) more failures (see the reports)") }
        switch report.exitCode {
        case 0: out.append("PASS: every case conforms")
        case 1: out.append("FAIL: \(t.failed) case\(t.failed == 1 ? "" : "s") failed")
        default:
            if report.errors == 0, let reason = report.emptyReason {
                out.append("ERROR: nothing was checked: \(reason)")
            } else {
                out.append("ERROR: \(report.errors) vector file\(report.errors == 1 ? "" : "s") could not be read")
            }
        }
        return out.joined(separator: "\n")
    }
}
