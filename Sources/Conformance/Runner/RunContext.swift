import Foundation

/// `--java`: whether the live Java checks run.
public enum JavaMode: String, CaseIterable, Codable, Sendable {
    /// Run them when a JDK and commons-codec are found; otherwise report them as skipped.
    case auto
    /// Never start a JVM.
    case off
    /// A JDK must be found (else exit 2).
    case required
}

/// What a run knows besides the vectors; passed to every suite.
///
/// Check suites (cross-checks, live Java checks) read `javaMode` and `seed` from here; fields may be
/// added as the checks need them (e.g. an oracle handle), with defaults so callers keep compiling.
public struct RunContext: Sendable {
    public var javaMode: JavaMode
    /// Seed for the randomised cross-checks (nil: fresh randomness; the report records the seed used).
    public var seed: UInt64?
    /// The package root (folder with Package.swift and Vectors/), when known.
    public var packageRoot: URL?

    public init(javaMode: JavaMode = .auto, seed: UInt64? = nil, packageRoot: URL? = nil) {
        self.javaMode = javaMode
        self.seed = seed
        self.packageRoot = packageRoot
    }
}
