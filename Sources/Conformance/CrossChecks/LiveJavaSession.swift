import JavaOracle

/// The setup every live-Java cross-check shares: `--java off` skips its checks; so does a machine
/// without Java or commons-codec under `--java auto` (visibly, with the reason); a JDK whose oracle
/// does not build or start is a failure. Otherwise `body` gets one running oracle JVM (closed
/// afterwards) and the suite's seeded byte source (keys and inputs reproducible with `--seed`).
enum LiveJavaSession {
    /// - Parameter checks: what the skip or failure line names ("live Java checks").
    static func run(_ checks: String, suite: String, context: RunContext, recorder: inout CheckRecorder,
                    _ body: (JavaOracle, SeededByteSource, inout CheckRecorder) -> Void) {
        if context.javaMode == .off {
            recorder.skip(checks, reason: "--java off")
            return
        }
        let oracle: JavaOracle
        do {
            oracle = try JavaOracle(packageRoot: context.packageRoot?.path)
        } catch let error as JavaOracleError where error.meansNoJDK && context.javaMode == .auto {
            recorder.skip(checks, reason: "no Java oracle: \(error)")
            return
        } catch {
            recorder.check("start the Java oracle") { .fail(reason: "\(error)") }
            return
        }
        defer { oracle.close() }
        body(oracle, SeededByteSource(SeededRandom.forSuite(suite, seed: context.effectiveSeed)), &recorder)
    }
}
