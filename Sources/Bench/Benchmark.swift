import Crypto
import _CryptoExtras
import Foundation
import MD5
import RSA

/// `conformance bench`: each operation measured for each implementation in the same run.
///
/// - ours: pure-Swift MD5, GMP-backed RSA (CRT, `mpz_powm_sec`, blinding, result check), parallel
///   chunked decryption;
/// - boringssl: swift-crypto (`Insecure.MD5`, `_RSA`: BoringSSL's own bignum and assembly);
/// - jdk: timed inside the oracle JVM (OracleBench.java), same keys;
/// - gmp-c: the bare GMP primitive in C (CGMPBench), no blinding, no check: the limit for GMP.
///
/// Rounds are interleaved across the implementations and each figure is the median of its rounds
/// (see `Rounds`). Single-threaded except `chunked-decrypt-1MiB-1024` for ours, which uses every core.
public struct Benchmark {
    public struct Settings: Sendable {
        public var rounds: Int
        public var roundSeconds: Double
        public var warmupSeconds: Double
        /// Keys per implementation for keygen2048 (the median is over them).
        public var keygenKeys: Int
        /// Rounds (one decryption each) for chunked-decrypt-1MiB-1024.
        public var chunkedRounds: Int

        public static let full = Settings(rounds: 9, roundSeconds: 0.15, warmupSeconds: 0.3, keygenKeys: 21, chunkedRounds: 5)
        public static let quick = Settings(rounds: 5, roundSeconds: 0.05, warmupSeconds: 0.1, keygenKeys: 5, chunkedRounds: 3)
    }

    public var settings: Settings
    public var jdk: (any JDKBenchmarking)?
    /// Why there are no jdk rows (no JDK, --java off...), when `jdk` is nil.
    public var jdkAbsence: String
    public var progress: (String) -> Void
    /// Only operations whose name contains one of these (all when empty).
    public var only: [String] = []

    public init(settings: Settings, jdk: (any JDKBenchmarking)?, jdkAbsence: String = "no JDK",
                progress: @escaping (String) -> Void = { _ in }) {
        self.settings = settings
        self.jdk = jdk
        self.jdkAbsence = jdkAbsence
        self.progress = progress
    }

    private struct Collector {
        var results = [BenchResult]()
        var skipped = [SkippedBench]()
    }

    public func run(machine extra: [String: String] = [:]) throws -> BenchReport {
        var machine = MachineInfo.current()
        machine.merge(extra) { _, new in new }
        if let jdk { machine["jdk"] = jdk.version }
        machine["loadAverageBefore"] = MachineInfo.loadAverage
        machine["clock"] = "thread CPU time for single-threaded operations (all implementations), wall time for chunked-decrypt"
        var collector = Collector()
        func wanted(_ names: String...) -> Bool {
            only.isEmpty || names.contains { name in only.contains { name.contains($0) } }
        }
        if wanted("md5-64B", "md5-1MiB") { try md5(&collector) }
        for bits in [1024, 2048] where wanted("rsa\(bits)-sign", "rsa\(bits)-verify") { try rsa(bits: bits, &collector) }
        if wanted("keygen2048") { keygen(&collector) }
        if wanted("chunked-decrypt-1MiB-1024") { try chunked(&collector) }
        machine["loadAverageAfter"] = MachineInfo.loadAverage
        return BenchReport(machine: machine, results: collector.results, skipped: collector.skipped,
                           ratios: BenchReport.ratios(collector.results))
    }

    /// Times `contenders` for `operation`, converts seconds per op to `unit`, records absent ones.
    private func measure(_ operation: String, unit: String, _ contenders: [Contender], absent: [(String, String)],
                         rounds: Int? = nil, roundSeconds: Double? = nil, convert: (Double) -> Double,
                         _ collector: inout Collector) {
        progress(operation)
        let count = rounds ?? settings.rounds
        let outcome = Rounds.run(contenders, rounds: count, roundSeconds: roundSeconds ?? settings.roundSeconds,
                                 warmupSeconds: roundSeconds == 0 ? 0 : settings.warmupSeconds)
        for contender in contenders {
            if let failure = outcome.failures[contender.implementation] {
                collector.skipped.append(SkippedBench(operation: operation, implementation: contender.implementation,
                                                      reason: "failed: \(failure)"))
            } else if let values = outcome.secondsPerOp[contender.implementation] {
                collector.results.append(BenchResult(operation: operation, implementation: contender.implementation,
                                                     value: convert(Rounds.median(values)), unit: unit,
                                                     rounds: values.count, note: contender.note))
            }
        }
        for (implementation, reason) in absent {
            collector.skipped.append(SkippedBench(operation: operation, implementation: implementation, reason: reason))
        }
        if jdk == nil {
            collector.skipped.append(SkippedBench(operation: operation, implementation: "jdk", reason: jdkAbsence))
        }
    }

    private func jdkContender(_ request: JDKBenchRequest, note: String? = nil) -> [Contender] {
        guard let jdk else { return [] }
        var first = true
        return [Contender(implementation: "jdk", note: note) { seconds in
            var r = request
            r.roundMillis = max(0, Int(seconds * 1000))
            if !first { r.warmupMillis = 0 }
            first = false
            return try jdk.round(r) / 1e9
        }]
    }

    // MARK: - Operations

    private func md5(_ collector: inout Collector) throws {
        for (name, size, batch) in [("md5-64B", 64, 2000), ("md5-1MiB", 1 << 20, 1)] {
            let data = [UInt8](repeating: 0x42, count: size)
            let ours = Contender.local("ours", batch: batch) {
                data.withUnsafeBytes { blackHole(MD5.hash($0)) }
            }
            let boring = Contender.local("boringssl", batch: batch) {
                data.withUnsafeBytes { blackHole(Insecure.MD5.hash(data: $0)) }
            }
            var request = JDKBenchRequest(what: "md5")
            request.size = size
            let mb = Double(size) / 1e6
            measure(name, unit: "MB/s", [ours, boring] + jdkContender(request),
                    absent: [("gmp-c", "gmp-c is the bare RSA primitive only (no hash)")], convert: { mb / $0 }, &collector)
        }
    }

    private func rsa(bits: Int, _ collector: inout Collector) throws {
        progress("rsa\(bits): making the key")
        let key = try RSAPrivateKey.generate(bits: bits)
        let boringKey = try _RSA.Signing.PrivateKey(unsafeDERRepresentation: key.pkcs1DER)
        let gmp = try GMPReference(key)
        let message = [UInt8](repeating: 0x42, count: 100)
        let sha256Note = "SHA256withRSA: swift-crypto has no MD5withRSA"
        let gmpNote = "EMSA-PKCS1-v1_5 encoding in Swift around the bare C primitive"

        // Sign.
        var gmpOut = [UInt8](repeating: 0, count: gmp.k)
        let sign: [Contender] = [
            .local("ours") { blackHole(try key.signature(for: message, hash: .md5)) },
            .local("boringssl", note: sha256Note) {
                blackHole(try boringKey.signature(for: SHA256.hash(data: message), padding: .insecurePKCS1v1_5))
            },
            .local("gmp-c", note: gmpNote) {
                let em = try PKCS1.emsaEncode(message: message, hash: .md5, modulusByteCount: gmp.k)
                try gmp.privateOp(em, into: &gmpOut)
            },
        ]
        var request = JDKBenchRequest(what: "sign")
        request.alg = "MD5withRSA"
        request.size = message.count
        request.privateKey = key.rsaUtilsString
        request.publicKey = key.publicKey.rsaUtilsString
        measure("rsa\(bits)-sign", unit: "ops/s", sign + jdkContender(request), absent: [], convert: { 1 / $0 }, &collector)

        // Verify (every contender checks a valid signature and must accept it).
        let signature = try key.signature(for: message, hash: .md5)
        let boringSignature = try boringKey.signature(for: SHA256.hash(data: message), padding: .insecurePKCS1v1_5)
        let boringPublic = boringKey.publicKey
        struct Rejected: Error, CustomStringConvertible { let description = "a valid signature was rejected" }
        var gmpEM = [UInt8](repeating: 0, count: gmp.k)
        let verify: [Contender] = [
            .local("ours", batch: 10) {
                guard try key.publicKey.isValidSignature(signature, for: message, hash: .md5) else { throw Rejected() }
            },
            .local("boringssl", note: sha256Note, batch: 10) {
                guard boringPublic.isValidSignature(boringSignature, for: SHA256.hash(data: message), padding: .insecurePKCS1v1_5)
                else { throw Rejected() }
            },
            .local("gmp-c", note: gmpNote, batch: 10) {
                try gmp.publicOp(signature, into: &gmpEM)
                let expected = try PKCS1.emsaEncode(message: message, hash: .md5, modulusByteCount: gmp.k)
                guard gmpEM == expected else { throw Rejected() }
            },
        ]
        request.what = "verify"
        measure("rsa\(bits)-verify", unit: "ops/s", verify + jdkContender(request), absent: [], convert: { 1 / $0 }, &collector)
    }

    private func keygen(_ collector: inout Collector) {
        let keygen: [Contender] = [
            .local("ours") { blackHole(try RSAPrivateKey.generate(bits: 2048)) },
            .local("boringssl") { blackHole(try _RSA.Signing.PrivateKey(keySize: .bits2048)) },
        ]
        var request = JDKBenchRequest(what: "keygen")
        request.bits = 2048
        request.warmupMillis = 0
        measure("keygen2048", unit: "ms", keygen + jdkContender(request), absent: [("gmp-c", "gmp-c is the bare RSA primitive only")],
                rounds: settings.keygenKeys, roundSeconds: 0, convert: { $0 * 1e3 }, &collector)
    }

    private func chunked(_ collector: inout Collector) throws {
        progress("chunked-decrypt-1MiB-1024: making the ciphertext")
        let key = try RSAPrivateKey.generate(bits: 1024)
        let plain = [UInt8](repeating: 0x42, count: 1 << 20)
        let ciphertext = try RsaUtilsCipher.encrypt(plain, publicKey: key.publicKey, block: 117)
        struct Wrong: Error, CustomStringConvertible { let description = "the decryption differs from the plaintext" }
        let ours = Contender.local("ours", note: "blocks decrypted in parallel on \(ProcessInfo.processInfo.activeProcessorCount) cores",
                                   clock: .wall) {
            guard try RsaUtilsCipher.decrypt(ciphertext, privateKey: key, block: 128) == plain else { throw Wrong() }
        }
        var request = JDKBenchRequest(what: "decryptByPrivateKey")
        request.size = plain.count
        request.privateKey = key.rsaUtilsString
        request.publicKey = key.publicKey.rsaUtilsString
        request.warmupMillis = 0
        request.clock = .wall
        measure("chunked-decrypt-1MiB-1024", unit: "ms", [ours] + jdkContender(request, note: "RsaUtils.decryptByPrivateKey (one thread)"),
                absent: [("boringssl", "swift-crypto has no PKCS#1 v1.5 decryption"),
                         ("gmp-c", "gmp-c is the bare RSA primitive only")],
                rounds: settings.chunkedRounds, roundSeconds: 0, convert: { $0 * 1e3 }, &collector)
    }
}
