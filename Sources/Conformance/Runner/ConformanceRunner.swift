import Foundation

/// Runs vector files and check suites and returns one `RunReport`.
///
/// ```swift
/// let runner = ConformanceRunner(context: RunContext(javaMode: .auto, seed: 42, packageRoot: root),
///                                checkSuites: CheckSuiteCatalog.suites(for: context),
///                                progress: { print($0) })
/// let report = try runner.run(vectorPaths: [root.appendingPathComponent("Vectors")])
/// ```
public struct ConformanceRunner {
    public var context: RunContext
    public var checkSuites: [any CheckSuite]
    /// Receives one line per suite while the run goes (`[ok] md5_test.json 140 cases (...) 0.05s`), in
    /// report order, from whichever thread finished the job (never two at once).
    public var progress: @Sendable (String) -> Void
    /// Filled into the report's metadata (e.g. JDK and commons-codec versions from the oracle).
    public var metadata: RunMetadata
    /// How many files and check suites run at once (1: one after the other). Reports do not depend on it.
    public var threads = ConformanceRunner.defaultThreads

    public init(context: RunContext, checkSuites: [any CheckSuite] = [], progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.context = context
        self.checkSuites = checkSuites
        self.progress = progress
        self.metadata = RunMetadata(startedAt: "")
        self.metadata.javaMode = context.javaMode.rawValue
        self.metadata.seed = context.seed
    }

    /// Collects the files under `vectorPaths` (files or folders), runs them, then the check suites.
    /// Throws `VectorFileError` only for a path that does not exist (bad usage).
    public func run(vectorPaths: [URL]) throws -> RunReport {
        let found = try VectorCollector.collect(vectorPaths)
        var meta = metadata
        meta.vectorPaths = vectorPaths.map { VectorCollector.displayPath($0, root: context.packageRoot) }
        return run(files: found, metadata: meta)
    }

    /// Runs already collected files, then the check suites, on `threads` threads (see `RunJobs`): the
    /// report lists them in that order whatever order they finished in.
    public func run(files: [VectorCollector.Found], metadata: RunMetadata? = nil) -> RunReport {
        let clock = ContinuousClock()
        let start = clock.now
        var meta = metadata ?? self.metadata
        meta.startedAt = Self.timestamp(Date())
        let jobs = RunJobs(files: files, checkSuites: checkSuites, context: context, progress: progress)
        var suites = [SuiteReport]()
        var ignored = [IgnoredFile]()
        for result in jobs.run(threads: threads) {
            switch result {
            case .ignored(let file): ignored.append(file)
            case .suite(let suite): suites.append(suite)
            }
        }
        for check in checkSuites { check.contribute(to: &meta) }
        meta.durationSeconds = Stopwatch.seconds(clock.now - start)
        return RunReport(metadata: meta, suites: suites, ignoredFiles: ignored)
    }

    /// Threads for a run: one per core, plus one for the live Java suite, which mostly waits on the JVM.
    public static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount + 1 }

    /// `[ok] md5_test.json 140 cases (140 pass, 0 fail, 0 skip) 0.05s`, plus how acceptable cases went.
    public static func progressLine(_ suite: SuiteReport) -> String {
        if let error = suite.error { return "[ERROR] \(error)" }
        let c = suite.counts
        var line = "[\(suite.status)] \(suite.name) \(c.cases) cases (\(c.passed) pass, \(c.failed) fail, \(c.skipped) skip)"
        if c.acceptableAccepted + c.acceptableRejected > 0 {
            line += " acceptable: \(c.acceptableAccepted) accepted, \(c.acceptableRejected) rejected"
        }
        return line + " " + formatSeconds(suite.durationSeconds)
    }

    public static func formatSeconds(_ seconds: Double) -> String {
        String(format: "%.2fs", seconds)
    }

    /// ISO 8601 in UTC with milliseconds.
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
