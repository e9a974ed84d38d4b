import ArgumentParser
import Foundation
import RSA
import TimingLeak

/// `conformance timing`: dudect-style constant-time test of PKCS#1 v1.5 decryption and of the
/// private-key operations (build with `-c release`; a loaded machine adds noise, not bias).
struct TimingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timing",
        abstract: "Timing-leak test (dudect Welch t-test): padding checks and private-key operations.",
        discussion: """
            Each experiment times one operation on two input classes drawn at random and interleaved, \
            and computes Welch's t over all timings, over timings below 100 percentiles (cropping), and \
            over squared deviations (second order). Exit 0 when every |t| < 4.5, 1 otherwise, 2 on bad usage.
            """)

    @Option(help: "Measurements per experiment (both classes together), \(TimingLeakRunner.measurementRange.lowerBound)…\(TimingLeakRunner.measurementRange.upperBound).")
    var measurements: Int = 100_000

    @Option(help: "Key size of the fresh RSA key (1024 as RsaUtils, or 2048).")
    var bits: Int = 1024

    @Flag(help: "Print every t statistic, not only raw, second order and the largest cropped one.")
    var verbose = false

    func run() throws {
        guard TimingLeakRunner.measurementRange.contains(measurements) else {
            throw CLIFailure.usage("--measurements must be between \(TimingLeakRunner.measurementRange.lowerBound) and \(TimingLeakRunner.measurementRange.upperBound), got \(measurements)")
        }
        guard bits == 1024 || bits == 2048 else { throw CLIFailure.usage("--bits must be 1024 or 2048, got \(bits)") }
        #if DEBUG
        writeStderr("note: this is a debug build; measure with `swift run -c release conformance timing`")
        #endif
        let key: RSAPrivateKey
        do { key = try RSAPrivateKey.generate(bits: bits) } catch { throw CLIFailure("cannot generate a key: \(error)") }
        print("timing: \(bits)-bit key, \(measurements) measurements per experiment, threshold |t| < \(TimingResult.threshold)")
        var allPassed = true
        for experiment in RSATimingExperiments.all(key: key) {
            writeStderr("measuring \(experiment.name): \(experiment.classNames.0) vs \(experiment.classNames.1)…")
            let result: TimingResult
            do {
                result = try TimingLeakRunner.run(experiment, measurements: measurements)
            } catch {
                throw CLIFailure("\(experiment.name): \(error)")
            }
            print(Self.describe(result, verbose: verbose))
            allPassed = allPassed && result.passed
        }
        print(allPassed ? "PASS: no timing difference found (every |t| < \(TimingResult.threshold))"
                        : "FAIL: a timing difference was found (|t| ≥ \(TimingResult.threshold))")
        if !allPassed { throw ExitCode(1) }
    }

    static func describe(_ result: TimingResult, verbose: Bool) -> String {
        func figure(_ s: TStatistic) -> String { String(format: "%.2f", abs(s.t)) }
        var lines = ["\(result.experiment): \(result.classNames.0) vs \(result.classNames.1)"]
        lines.append(String(format: "  median %.0f ns vs %.0f ns", result.medianNanoseconds.0, result.medianNanoseconds.1))
        let stats = result.statistics
        if verbose {
            for s in stats { lines.append("  |t| \(s.name): \(figure(s)) (n \(s.samples))") }
        } else {
            for s in stats where s.kind == .raw || s.kind == .secondOrder { lines.append("  |t| \(s.name): \(figure(s)) (n \(s.samples))") }
            let cropped = stats.filter { if case .cropped = $0.kind { return true } else { return false } }
            if let top = cropped.max(by: { abs($0.t) < abs($1.t) }) {
                lines.append("  |t| largest cropped (\(top.name)): \(figure(top)) (n \(top.samples), \(cropped.count) cropped tests)")
            }
        }
        let largest = result.largest.map(figure) ?? "n/a"
        lines.append("  max |t| \(largest): \(result.passed ? "ok" : "LEAK")")
        return lines.joined(separator: "\n")
    }
}
