import BigNum
import Crypto
import _CryptoExtras
import Foundation
import MD5
import RSA

#if canImport(Glibc)
import Glibc
#endif

/// One line of the side-by-side table: the same operation measured on each implementation.
public struct BenchRow: Sendable, Codable {
    public let operation: String
    /// "MB/s" (higher is better) or "ms/op" (lower is better).
    public let unit: String
    public let ours: Double
    public let swiftCrypto: Double?
    public let jdk: Double?
    public let note: String
}

/// `conformance bench`: pure-Swift MD5 and GMP RSA against swift-crypto (BoringSSL) and the JDK.
///
/// Each measurement repeats the operation until `minimumSeconds` have passed and reports the best of
/// `rounds` rounds, to keep a busy machine's noise out of the numbers. Build with `-c release`.
public struct Benchmark {
    public var minimumSeconds: Double
    public var rounds: Int
    /// Measures an operation in the JDK: (what, bits, size, alg) → nanoseconds per operation.
    public var jdk: ((String, Int, Int, String) throws -> Double)?

    public init(minimumSeconds: Double = 0.5, rounds: Int = 3, jdk: ((String, Int, Int, String) throws -> Double)? = nil) {
        self.minimumSeconds = minimumSeconds
        self.rounds = rounds
        self.jdk = jdk
    }

    /// Seconds per operation: best round of repeated runs.
    func secondsPerOp(_ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<rounds {
            var count = 0
            let start = DispatchTime.now().uptimeNanoseconds
            var elapsed = 0.0
            repeat {
                try body()
                count += 1
                elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            } while elapsed < minimumSeconds / Double(rounds)
            best = min(best, elapsed / Double(count))
        }
        return best
    }

    func jdkMillis(_ what: String, bits: Int = 0, size: Int = 0, alg: String = "") -> Double? {
        guard let jdk, let nanos = try? jdk(what, bits, size, alg) else { return nil }
        return nanos / 1e6
    }

    public func run(progress: (String) -> Void = { _ in }) throws -> [BenchRow] {
        var rows = [BenchRow]()
        // MD5 throughput on 64 MiB.
        let big = [UInt8](repeating: 0x61, count: 64 << 20)
        progress("MD5 64 MiB")
        let oursMD5 = try secondsPerOp { _ = big.withUnsafeBytes { MD5.hash($0) } }
        let theirsMD5 = try secondsPerOp { _ = Insecure.MD5.hash(data: big) }
        let jdkMD5 = jdkMillis("md5", size: big.count)
        let mb = Double(big.count) / 1e6
        rows.append(BenchRow(operation: "MD5, 64 MiB", unit: "MB/s", ours: mb / oursMD5, swiftCrypto: mb / theirsMD5,
                             jdk: jdkMD5.map { mb / ($0 / 1e3) }, note: "pure Swift vs BoringSSL assembly vs MessageDigest"))
        let small = [UInt8](repeating: 0x61, count: 64)
        let oursSmall = try secondsPerOp { for _ in 0..<1000 { _ = MD5.hash(small) } } / 1000
        let theirsSmall = try secondsPerOp { for _ in 0..<1000 { _ = Insecure.MD5.hash(data: small) } } / 1000
        rows.append(BenchRow(operation: "MD5, 64-byte messages", unit: "MB/s", ours: 64e-6 / oursSmall, swiftCrypto: 64e-6 / theirsSmall,
                             jdk: nil, note: "one-shot calls (no allocation per call)"))

        for bits in [1024, 2048] {
            progress("RSA-\(bits)")
            let keygen = try secondsPerOp { _ = try RSAPrivateKey.generate(bits: bits) }
            let theirsKeygen = try secondsPerOp { _ = try _RSA.Signing.PrivateKey(unsafeKeySize: .init(bitCount: bits)) }
            rows.append(BenchRow(operation: "RSA-\(bits) key generation", unit: "ms/op", ours: keygen * 1e3, swiftCrypto: theirsKeygen * 1e3,
                                 jdk: jdkMillis("keygen", bits: bits), note: "probable primes, e = 65537"))
            let key = try RSAPrivateKey.generate(bits: bits)
            let theirs = try _RSA.Signing.PrivateKey(unsafeDERRepresentation: key.pkcs1DER)
            let message = [UInt8](repeating: 0x42, count: 100)
            let sign = try secondsPerOp { _ = try key.signature(for: message, hash: .sha256) }
            let theirsSign = try secondsPerOp { _ = try theirs.signature(for: SHA256.hash(data: message), padding: .insecurePKCS1v1_5) }
            rows.append(BenchRow(operation: "RSA-\(bits) sign SHA256withRSA", unit: "ms/op", ours: sign * 1e3, swiftCrypto: theirsSign * 1e3,
                                 jdk: jdkMillis("sign", bits: bits, size: 100, alg: "SHA256withRSA"), note: "CRT + powm_sec + blinding + check"))
            let md5Sign = try secondsPerOp { _ = try key.signature(for: message, hash: .md5) }
            rows.append(BenchRow(operation: "RSA-\(bits) sign MD5withRSA", unit: "ms/op", ours: md5Sign * 1e3, swiftCrypto: nil,
                                 jdk: jdkMillis("sign", bits: bits, size: 100, alg: "MD5withRSA"), note: "swift-crypto has no MD5withRSA"))
            let signature = try key.signature(for: message, hash: .sha256)
            let verify = try secondsPerOp { _ = try key.publicKey.isValidSignature(signature, for: message, hash: .sha256) }
            let rsaSignature = _RSA.Signing.RSASignature(rawRepresentation: signature)
            let theirsVerify = try secondsPerOp {
                _ = theirs.publicKey.isValidSignature(rsaSignature, for: SHA256.hash(data: message), padding: .insecurePKCS1v1_5)
            }
            rows.append(BenchRow(operation: "RSA-\(bits) verify SHA256withRSA", unit: "ms/op", ours: verify * 1e3, swiftCrypto: theirsVerify * 1e3,
                                 jdk: jdkMillis("verify", bits: bits, size: 100, alg: "SHA256withRSA"), note: ""))
            let plain = [UInt8](repeating: 0x43, count: 5000)
            let encrypt = try secondsPerOp { _ = try RsaUtilsCipher.encrypt(plain, publicKey: key.publicKey) }
            rows.append(BenchRow(operation: "RSA-\(bits) RsaUtils encrypt 5,000 B", unit: "ms/op", ours: encrypt * 1e3, swiftCrypto: nil,
                                 jdk: jdkMillis("encrypt", bits: bits, size: 5000), note: "chunks of k−11, PKCS#1 type 2"))
            let ct = try RsaUtilsCipher.encrypt(plain, publicKey: key.publicKey)
            let decrypt = try secondsPerOp { _ = try RsaUtilsCipher.decrypt(ct, privateKey: key) }
            rows.append(BenchRow(operation: "RSA-\(bits) RsaUtils decrypt 5,000 B", unit: "ms/op", ours: decrypt * 1e3, swiftCrypto: nil,
                                 jdk: jdkMillis("decrypt", bits: bits, size: 5000), note: "swift-crypto has no PKCS#1 v1.5 encryption"))
        }
        return rows
    }

    /// Peak resident memory of this process, in MiB (getrusage).
    public static var peakMemoryMiB: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// The table as Markdown.
    public static func table(_ rows: [BenchRow]) -> String {
        func cell(_ value: Double?) -> String {
            guard let value else { return "—" }
            return value >= 100 ? String(format: "%.0f", value) : String(format: "%.3f", value)
        }
        var lines = ["| operation | unit | ours (Swift/GMP) | swift-crypto | JDK | note |", "|---|---|---:|---:|---:|---|"]
        for row in rows {
            lines.append("| \(row.operation) | \(row.unit) | \(cell(row.ours)) | \(cell(row.swiftCrypto)) | \(cell(row.jdk)) | \(row.note) |")
        }
        return lines.joined(separator: "\n")
    }
}
