import Foundation

/// Runs timing experiments the dudect way: measurements in batches, each batch's classes drawn at
/// random (a fair coin per measurement, so the two classes interleave and drifts hit both alike),
/// inputs built before the batch is timed, one monotonic-clock reading (ns) before and after each call.
public enum TimingLeakRunner {
    /// Bounds of `--measurements` (total over both classes).
    public static let measurementRange = 1_000...10_000_000
    static let batchSize = 5_000
    /// dudect drops the first measurements (cold caches, lazy set-up).
    static let warmUp = 10

    public enum RunError: Error, CustomStringConvertible {
        case measurementsOutOfRange(Int)
        case preparationFailed(String)

        public var description: String {
            switch self {
            case .measurementsOutOfRange(let n):
                return "the number of measurements must be between \(measurementRange.lowerBound) and \(measurementRange.upperBound), got \(n)"
            case .preparationFailed(let why): return "cannot prepare the inputs: \(why)"
            }
        }
    }

    /// `progress` is called after each batch with the measurements done so far.
    public static func run(_ experiment: TimingExperiment, measurements: Int,
                           progress: (Int) -> Void = { _ in }) throws -> TimingResult {
        guard measurementRange.contains(measurements) else { throw RunError.measurementsOutOfRange(measurements) }
        var generator = SystemRandomNumberGenerator()
        var analysis = DudectAnalysis()
        var medians: [[Double]] = [[], []]
        var done = 0
        var skipped = 0
        while done < measurements {
            let count = min(batchSize, measurements - done)
            let classes = (0..<count).map { _ in Int.random(in: 0...1, using: &generator) }
            let operations: [() -> Void]
            do {
                operations = try classes.map { try experiment.prepare($0) }
            } catch {
                throw RunError.preparationFailed("\(error)")
            }
            var times = [Double](repeating: 0, count: count)
            for index in 0..<count {
                let start = now()
                operations[index]()
                times[index] = Double(now() &- start)
            }
            var batch: [(inputClass: Int, time: Double)] = []
            batch.reserveCapacity(count)
            for index in 0..<count {
                if skipped < warmUp { skipped += 1; continue }
                batch.append((classes[index], times[index]))
                if medians[classes[index]].count < 20_000 { medians[classes[index]].append(times[index]) }
            }
            analysis.add(batch)
            done += count
            progress(done)
        }
        return TimingResult(
            experiment: experiment.name, classNames: experiment.classNames, measurements: measurements,
            statistics: analysis.statistics, medianNanoseconds: (median(medians[0]), median(medians[1])))
    }

    /// Monotonic clock in nanoseconds (vDSO on Linux: a few tens of ns, far below the operations timed).
    @inline(__always)
    static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC_RAW, &spec)
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
