/// The check suites a default run includes (cross-checks, live Java checks), after the vector files.
///
/// Extension point for the cross-checks: return them here (they read `context.javaMode` and
/// `context.seed`). `conformance run` calls this once per run.
public enum CheckSuiteCatalog {
    public static func suites(for context: RunContext) -> [any CheckSuite] {
        CrossChecks.all()
    }
}
