import ArgumentParser
import Bench
import Conformance
import JavaOracle
import Foundation
import StrictJSON

/// `conformance bench`: every operation for every implementation in one run (build with `-c release`).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Performance: ours vs BoringSSL (swift-crypto), the JDK and bare GMP, measured in one run.",
        discussion: """
            Rounds are interleaved across implementations; each figure is the median of its rounds. \
            Measure a release build: `swift run -c release conformance bench`.
            """)

    @Flag(help: "Print the report as JSON: {\"machine\", \"results\", \"skipped\", \"ratios\"}.")
    var json = false

    @Flag(help: "Fewer and shorter rounds (a smoke run; the figures are noisier).")
    var quick = false

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Only the operations whose name contains one of these (e.g. md5 rsa1024).", valueName: "name"))
    var only: [String] = []

    @Option(help: "auto: jdk rows when a JDK is found; off: never start a JVM.")
    var java: String = "auto"

    func run() throws {
        guard java == "auto" || java == "off" else { throw CLIFailure.usage("--java must be auto or off") }
        #if DEBUG
        writeStderr("note: this is a debug build; measure with `swift run -c release conformance bench`")
        #endif
        var oracle: JavaOracle?
        var absence = "--java off"
        if java == "auto" {
            do { oracle = try JavaOracle() } catch {
                absence = "no Java oracle: \(error)"
                writeStderr("note: no jdk rows (\(error))")
            }
        }
        defer { oracle?.close() }
        let jdk = try oracle.map { try OracleBenchClient(oracle: $0) }
        var benchmark = Benchmark(settings: quick ? .quick : .full, jdk: jdk, jdkAbsence: absence) {
            writeStderr("measuring \($0)…")
        }
        benchmark.only = only
        let report = try benchmark.run(machine: ["swift": BuildInfo.swiftVersion])
        print(json ? try report.json() : report.markdown)
    }
}

/// The oracle's `bench` op as the Bench target's JDK contender.
struct OracleBenchClient: JDKBenchmarking {
    let oracle: JavaOracle
    let version: String

    init(oracle: JavaOracle) throws {
        self.oracle = oracle
        version = (try? oracle.hello().java) ?? "unknown"
    }

    func round(_ r: JDKBenchRequest) throws -> Double {
        let answer = try oracle.call("bench", [
            "what": .string(r.what), "size": .int(r.size), "alg": .string(r.alg), "bits": .int(r.bits),
            "privateKey": .string(r.privateKey), "publicKey": .string(r.publicKey),
            "warmupMillis": .int(r.warmupMillis), "roundMillis": .int(r.roundMillis), "clock": .string(r.clock.rawValue),
        ])
        guard let nanos = answer["nanosPerOp"]?.doubleValue else { throw CLIFailure("bad bench answer from the JDK") }
        return nanos
    }
}
