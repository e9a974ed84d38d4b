import Foundation

/// What a round is timed with. Single-threaded operations use the calling thread's CPU time, so that
/// other processes on a busy machine (which take the core away, not make the code slower) stay out of
/// the figures, as `openssl speed` does; operations that use several threads use wall time.
public enum BenchClock: String, Sendable {
    case threadCPU = "cpu"
    case wall

    /// Nanoseconds on this clock.
    var now: UInt64 {
        switch self {
        case .wall:
            return DispatchTime.now().uptimeNanoseconds
        case .threadCPU:
            var t = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
            return UInt64(t.tv_sec) &* 1_000_000_000 &+ UInt64(t.tv_nsec)
        }
    }
}

/// One implementation of one operation, ready to time.
struct Contender {
    let implementation: String
    let note: String?
    /// Runs the operation for one round of at least `seconds` (at least once) and returns seconds per
    /// operation.
    let round: (_ seconds: Double) throws -> Double

    /// A Swift closure timed here: run in batches of `batch` calls between clock reads.
    static func local(_ implementation: String, note: String? = nil, batch: Int = 1, clock: BenchClock = .threadCPU,
                      _ body: @escaping () throws -> Void) -> Contender {
        Contender(implementation: implementation, note: note) { seconds in
            let start = clock.now
            var count = 0
            var elapsed: UInt64 = 0
            repeat {
                for _ in 0..<batch { try body() }
                count += batch
                elapsed = clock.now - start
            } while Double(elapsed) < seconds * 1e9
            return Double(elapsed) / 1e9 / Double(count)
        }
    }
}

/// Interleaved rounds: round 1 of every contender, then round 2 of every contender, and so on, so that
/// a burst of load from elsewhere on the machine hits all of them alike; each contender's figure is the
/// median of its rounds. A first, untimed round warms each one up (caches, branch predictors, the JIT).
enum Rounds {
    struct Outcome {
        var secondsPerOp: [String: [Double]] = [:]
        var failures: [String: String] = [:]
    }

    static func run(_ contenders: [Contender], rounds: Int, roundSeconds: Double, warmupSeconds: Double) -> Outcome {
        var outcome = Outcome()
        var live = contenders
        func attempt(_ contender: Contender, _ seconds: Double) -> Double? {
            do { return try contender.round(seconds) } catch {
                outcome.failures[contender.implementation] = "\(error)"
                live.removeAll { $0.implementation == contender.implementation }
                return nil
            }
        }
        for contender in contenders { _ = attempt(contender, warmupSeconds) }
        for _ in 0..<rounds {
            for contender in live {
                if let value = attempt(contender, roundSeconds) { outcome.secondsPerOp[contender.implementation, default: []].append(value) }
            }
        }
        return outcome
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}

/// Keeps a value alive so the optimiser cannot drop the work that made it.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
