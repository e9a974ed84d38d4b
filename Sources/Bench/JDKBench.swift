/// One timed round inside the JDK (the oracle's `bench` op, OracleBench.java). The first round of an
/// operation prepares and warms it up in the JVM; the caller interleaves rounds with its own.
public struct JDKBenchRequest: Sendable, Equatable {
    /// md5, sign, verify, keygen, decryptByPrivateKey.
    public var what: String
    public var size = 0
    public var alg = ""
    public var bits = 0
    /// RsaUtils key strings (Base64 of PKCS#8 / X.509 DER), so the JDK uses the same key as the others.
    public var privateKey = ""
    public var publicKey = ""
    public var warmupMillis = 300
    public var roundMillis = 100
    /// The JVM times the round with the bench thread's CPU time (ThreadMXBean) or with System.nanoTime.
    public var clock = BenchClock.threadCPU

    public init(what: String) { self.what = what }
}

/// Times one round in a JDK: nanoseconds per operation.
public protocol JDKBenchmarking {
    /// What the JDK calls itself (e.g. "17.0.12"), for the machine section.
    var version: String { get }
    func round(_ request: JDKBenchRequest) throws -> Double
}
