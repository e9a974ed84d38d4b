import ArgumentParser
import Conformance
import JavaOracle
import Foundation

/// `conformance bench`: side-by-side performance table (build with `-c release`).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Side-by-side performance: pure-Swift MD5 and GMP RSA vs swift-crypto and the JDK.")

    @Option(help: "auto: include the JDK column when a JDK is found; off: never start a JVM.")
    var java: String = "auto"

    @Option(help: "Seconds spent measuring each operation.")
    var seconds: Double = 0.6

    func run() throws {
        guard java == "auto" || java == "off" else { throw CLIFailure.usage("--java must be auto or off") }
        guard seconds > 0, seconds <= 60 else { throw CLIFailure.usage("--seconds must be in (0, 60]") }
        #if DEBUG
        writeStderr("note: this is a debug build; measure with `swift run -c release conformance bench`")
        #endif
        var oracle: JavaOracle?
        if java == "auto" {
            do { oracle = try JavaOracle() } catch { writeStderr("note: no JDK column (\(error))") }
        }
        defer { oracle?.close() }
        var benchmark = Benchmark(minimumSeconds: seconds)
        if let oracle {
            benchmark.jdk = { what, bits, size, alg in
                let answer = try oracle.call("bench", ["what": .string(what), "bits": .int(bits), "size": .int(size), "alg": .string(alg)])
                switch answer["nanosPerOp"] {
                case .double(let nanos)?: return nanos
                case .int(let nanos)?: return Double(nanos)
                default: throw CLIFailure("bad bench answer from the JDK")
                }
            }
        }
        let rows = try benchmark.run { writeStderr("measuring \($0)…") }
        print(Benchmark.table(rows))
        print(String(format: "\npeak memory: %.1f MiB", Benchmark.peakMemoryMiB))
    }
}
