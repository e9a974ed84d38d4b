import Foundation

/// The jobs of one run, executed by several threads and collected in report order.
///
/// Job i is vector file i (read, decode, run) for i < files.count, then the check suites in order.
/// Threads take jobs from a shared cursor in `executionOrder` (check suites first: the live Java
/// suite mostly waits on the JVM, so it starts early and overlaps the files); each result goes into
/// its own slot, and progress lines are released strictly in report order as soon as every earlier
/// job is done. The report is assembled from the slots in order, so it is the same as a serial run's
/// except for the timings.
final class RunJobs: @unchecked Sendable {
    enum Result {
        case ignored(IgnoredFile)
        case suite(SuiteReport)
    }

    private let files: [VectorCollector.Found]
    private let checkSuites: [any CheckSuite]
    private let context: RunContext
    private let progress: @Sendable (String) -> Void
    private let executionOrder: [Int]

    private let lock = NSLock()
    private var cursor = 0
    private var slots: [Result?]
    private var nextToReport = 0

    init(files: [VectorCollector.Found], checkSuites: [any CheckSuite], context: RunContext, progress: @escaping @Sendable (String) -> Void) {
        self.files = files
        self.checkSuites = checkSuites
        self.context = context
        self.progress = progress
        slots = Array(repeating: nil, count: files.count + checkSuites.count)
        executionOrder = Array(files.count..<(files.count + checkSuites.count)) + Array(0..<files.count)
    }

    var count: Int { slots.count }

    /// Runs every job on `threads` threads (1: serially, on the caller's thread) and returns the results
    /// in report order.
    func run(threads: Int) -> [Result] {
        if threads <= 1 || count <= 1 {
            worker()
        } else {
            DispatchQueue.concurrentPerform(iterations: min(threads, count)) { _ in self.worker() }
        }
        return lock.withLock { slots.compactMap { $0 } }
    }

    private func worker() {
        while let job = takeJob() {
            let result = run(job)
            finish(job, result)
        }
    }

    private func takeJob() -> Int? {
        lock.withLock {
            guard cursor < executionOrder.count else { return nil }
            defer { cursor += 1 }
            return executionOrder[cursor]
        }
    }

    /// Stores a result and prints every progress line that is now next in report order. Printing under
    /// the lock keeps the lines in order; they are short.
    private func finish(_ job: Int, _ result: Result) {
        lock.withLock {
            slots[job] = result
            while nextToReport < slots.count, let ready = slots[nextToReport] {
                progress(Self.progressLine(ready))
                nextToReport += 1
            }
        }
    }

    private func run(_ job: Int) -> Result {
        if job >= files.count {
            let check = checkSuites[job - files.count]
            let (outcomes, seconds) = Stopwatch.measure { check.run(context: context) }
            return .suite(SuiteReport(name: check.name, kind: .check, notes: check.notes, durationSeconds: seconds, outcomes: outcomes))
        }
        let item = files[job]
        let path = VectorCollector.displayPath(item.url, root: context.packageRoot)
        switch VectorLoader.load(item.url, path: path, explicit: item.explicit) {
        case .ignored(let reason):
            return .ignored(IgnoredFile(path: path, reason: reason))
        case .failed(let error):
            return .suite(SuiteReport(name: path, kind: .vectors, file: path, durationSeconds: 0, error: error.description, outcomes: []))
        case .loaded(let file):
            let (result, seconds) = Stopwatch.measure { file.runLog(context: context) }
            switch result {
            case .success(let log):
                return .suite(SuiteReport(name: path, kind: .vectors, file: path, schema: file.schema, algorithm: file.algorithm,
                                          header: file.header, notes: file.notes, durationSeconds: seconds, log: log))
            case .failure(let error):
                return .suite(SuiteReport(name: path, kind: .vectors, file: path, durationSeconds: 0, error: error.description, outcomes: []))
            }
        }
    }

    static func progressLine(_ result: Result) -> String {
        switch result {
        case .ignored(let file): return "[--] \(file.path) ignored: \(file.reason)"
        case .suite(let suite): return ConformanceRunner.progressLine(suite)
        }
    }
}
