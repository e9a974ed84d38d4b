import BigNum
import Foundation
import JavaOracle
import MD5
import RSA
import TokenSign

/// Live interop with the JDK through one oracle JVM, both directions: key strings, signatures
/// (byte-exact), chunked encryption at every block boundary for both key roles, the 2048-bit
/// RsaUtils-constants defect, encryptedDataOnJava, MD5 and the getToken sign.
struct JavaLiveCrossCheck: CheckSuite {
    let name = "live Java: Swift ↔ JDK RsaUtils"
    let keySizes: [Int]
    /// What the oracle said about itself during `run`, for the report's metadata.
    private let seen = SeenVersions()

    init(keySizes: [Int] = [512, 1024, 2048]) { self.keySizes = keySizes }

    final class SeenVersions: @unchecked Sendable {
        var hello: JavaOracle.Hello?
    }

    func contribute(to metadata: inout RunMetadata) {
        guard let hello = seen.hello else { return }
        metadata.jdkVersion = hello.java
        metadata.commonsCodecVersion = hello.commonsCodec
    }

    var notes: [String: VectorNote] {
        [
            "SwiftToJava": VectorNote(bugType: "FUNCTIONALITY", description: "Produced by Swift, consumed by the JDK."),
            "JavaToSwift": VectorNote(bugType: "FUNCTIONALITY", description: "Produced by the JDK, consumed by Swift."),
            "ByteExact": VectorNote(bugType: "FUNCTIONALITY", description: "Deterministic output: Swift and the JDK must agree byte for byte."),
            "RsaUtilsConstants": VectorNote(bugType: "KNOWN_DEFECT",
                                            description: "RsaUtils hard-codes blocks 117/128: with a 2048-bit key it encrypts but cannot decrypt."),
            "FailOpen": VectorNote(bugType: "KNOWN_DEFECT",
                                   description: "encryptedDataOnJava returns the plaintext unchanged on any error."),
        ]
    }

    func run(context: RunContext) -> [Outcome] {
        var recorder = CheckRecorder(suite: name)
        LiveJavaSession.run("live Java checks", suite: name, context: context, recorder: &recorder) { oracle, source, recorder in
            seen.hello = try? oracle.hello()
            for bits in keySizes {
                runKeyChecks(bits: bits, oracle: oracle, source: source, recorder: &recorder)
            }
            runDefectChecks(oracle: oracle, source: source, recorder: &recorder)
            runDigestChecks(oracle: oracle, source: source, recorder: &recorder)
        }
        return recorder.outcomes
    }

    // MARK: - Keys, signatures, chunked encryption

    private func runKeyChecks(bits: Int, oracle: JavaOracle, source: SeededByteSource, recorder: inout CheckRecorder) {
        var swiftKey: RSAPrivateKey?
        recorder.check("\(bits): Swift key strings load in Java KeyFactory, re-encoded identically", flags: ["SwiftToJava", "ByteExact"]) {
            let key = try RSAKeyGenerator.generate(bits: bits, randomBytes: source.bytes)
            swiftKey = key
            let pub = try oracle.parsePublicKey(key.publicKey.rsaUtilsString)
            let priv = try oracle.parsePrivateKey(key.rsaUtilsString)
            guard pub.der == key.publicKey.spkiDER else { return CheckRecorder.same(key.publicKey.spkiDER, pub.der, "SPKI DER") }
            return CheckRecorder.same(key.pkcs8DER, priv.der, "PKCS#8 DER")
        }
        var javaKey: RSAPrivateKey?
        var javaStrings: JavaOracle.KeyPair?
        recorder.check("\(bits): JDK key strings parse in Swift, re-encoded identically", flags: ["JavaToSwift", "ByteExact"]) {
            let pair = try oracle.keygen(bits: bits, seed: source.bytes(32))
            javaStrings = pair
            let priv = try RSAPrivateKey(rsaUtilsString: pair.privateKey)
            javaKey = priv
            guard priv.rsaUtilsString == pair.privateKey else {
                return .fail(reason: "private key string differs", expected: Array(pair.privateKey.utf8), actual: Array(priv.rsaUtilsString.utf8))
            }
            let pub = try RSAPublicKey(rsaUtilsString: pair.publicKey)
            return CheckRecorder.truth(pub.rsaUtilsString == pair.publicKey && pub == priv.publicKey, "public key string differs")
        }
        guard let swiftKey, let javaKey, let javaStrings else { return }
        let swiftStrings = JavaOracle.KeyPair(publicKey: swiftKey.publicKey.rsaUtilsString, privateKey: swiftKey.rsaUtilsString)
        let k = swiftKey.publicKey.modulusByteCount
        let messages: [[UInt8]] = [[], Array("中国移动本机号码校验".utf8), source.bytes(1000)]
        for alg in ["MD5withRSA", "SHA1withRSA", "SHA256withRSA"] {
            guard let hash = HashAlgorithm(jcaSignatureName: alg), bits >= 1024 || hash != .sha512 else { continue }
            for message in messages {
                recorder.check("\(bits) \(alg): Swift signature = JDK signature, JDK verifies it (\(message.count) B)",
                               flags: ["SwiftToJava", "ByteExact"]) {
                    let ours = try swiftKey.signature(for: message, hash: hash)
                    let theirs = try oracle.sign(alg: alg, privateKey: swiftStrings.privateKey, data: message)
                    guard ours == theirs else { return CheckRecorder.same(theirs, ours, "signatures") }
                    return CheckRecorder.truth(try oracle.verify(alg: alg, publicKey: swiftStrings.publicKey, data: message, signature: ours),
                                               "the JDK rejected the Swift signature")
                }
                recorder.check("\(bits) \(alg): JDK signature verifies in Swift and equals Swift's (\(message.count) B)",
                               flags: ["JavaToSwift", "ByteExact"]) {
                    let theirs = try oracle.sign(alg: alg, privateKey: javaStrings.privateKey, data: message)
                    guard try javaKey.publicKey.isValidSignature(theirs, for: message, hash: hash) else {
                        return .fail(reason: "Swift rejected the JDK signature")
                    }
                    return CheckRecorder.same(theirs, try javaKey.signature(for: message, hash: hash), "signatures")
                }
            }
        }
        // Chunk boundaries of RsaUtils with blocks k−11 / k.
        let lengths = [0, 1, k - 12, k - 11, k - 10, 2 * (k - 11), 2 * (k - 11) + 1, 5000]
        let plain = source.bytes(5000)
        // RsaUtils' own constants (117/128) are exactly k−11/k for 1024-bit keys: use them there.
        let javaEncryptBlock: Int? = bits == 1024 ? nil : k - 11
        let javaDecryptBlock: Int? = bits == 1024 ? nil : k
        for length in lengths {
            let data = Array(plain.prefix(length))
            recorder.check("\(bits): Swift encryptByPublicKey → JDK decryptByPrivateKey, \(length) B", flags: ["SwiftToJava"]) {
                let ct = try RsaUtilsCipher.encrypt(data, publicKey: swiftKey.publicKey)
                return CheckRecorder.same(data, try oracle.decryptByPrivateKey(privateKey: swiftStrings.privateKey, ciphertext: ct,
                                                                               block: javaDecryptBlock), "plaintexts")
            }
            recorder.check("\(bits): JDK encryptByPublicKey → Swift decryptByPrivateKey, \(length) B", flags: ["JavaToSwift"]) {
                let ct = try oracle.encryptByPublicKey(publicKey: javaStrings.publicKey, data: data, block: javaEncryptBlock)
                return CheckRecorder.same(data, try RsaUtilsCipher.decrypt(ct, privateKey: javaKey), "plaintexts")
            }
            recorder.check("\(bits): Swift encryptByPrivateKey = JDK's, JDK decryptByPublicKey reads it, \(length) B",
                           flags: ["SwiftToJava", "ByteExact"]) {
                let ours = try RsaUtilsCipher.encrypt(data, privateKey: swiftKey)
                let theirs = try oracle.encryptByPrivateKey(privateKey: swiftStrings.privateKey, data: data, block: javaEncryptBlock)
                guard ours == theirs else { return CheckRecorder.same(theirs, ours, "type-1 ciphertexts") }
                return CheckRecorder.same(data, try oracle.decryptByPublicKey(publicKey: swiftStrings.publicKey, ciphertext: ours,
                                                                              block: javaDecryptBlock), "plaintexts")
            }
            recorder.check("\(bits): JDK encryptByPrivateKey → Swift decryptByPublicKey, \(length) B", flags: ["JavaToSwift"]) {
                let ct = try oracle.encryptByPrivateKey(privateKey: javaStrings.privateKey, data: data, block: javaEncryptBlock)
                return CheckRecorder.same(data, try RsaUtilsCipher.decrypt(ct, publicKey: javaKey.publicKey), "plaintexts")
            }
        }
    }

    // MARK: - Documented RsaUtils defects

    private func runDefectChecks(oracle: JavaOracle, source: SeededByteSource, recorder: inout CheckRecorder) {
        guard let pair = try? oracle.keygen(bits: 2048, seed: source.bytes(32)), let key = try? RSAPrivateKey(rsaUtilsString: pair.privateKey) else {
            recorder.check("2048-bit JDK key for the defect checks") { .fail(reason: "the JDK could not make a 2048-bit key") }
            return
        }
        let data = source.bytes(600)
        recorder.check("2048 with RsaUtils constants: JDK encrypts (117-byte blocks), neither side decrypts with 128",
                       flags: ["RsaUtilsConstants"], expected: .invalid) {
            let ct = try oracle.encryptByPublicKey(publicKey: pair.publicKey, data: data)  // RsaUtils' 117
            guard ct.count == 6 * 256 else { return .fail(reason: "expected 6 blocks of 256 bytes, got \(ct.count) bytes") }
            let javaFails = (try? oracle.decryptByPrivateKey(privateKey: pair.privateKey, ciphertext: ct)) == nil
            let swiftFails = (try? RsaUtilsCipher.decrypt(ct, privateKey: key, block: 128)) == nil
            guard javaFails && swiftFails else {
                return .fail(reason: "decryption with block 128 should fail on both sides (JDK failed: \(javaFails), Swift failed: \(swiftFails))")
            }
            return CheckRecorder.same(data, try RsaUtilsCipher.decrypt(ct, privateKey: key, block: 256), "plaintexts with block 256")
        }
        let text = "中文 13800138000 手机号"
        recorder.check("encryptedDataOnJava with a Swift-readable key: Swift decrypts the platform-charset bytes", flags: ["JavaToSwift"]) {
            let hello = try oracle.hello()
            let result = try oracle.encryptedDataOnJava(publicKey: pair.publicKey, text: text)
            // encodeBase64String output: canonical Base64 (fail-open would hand back the plaintext).
            let ct = LenientBase64.decode(result)
            guard LenientBase64.encode(ct) == result else { return .fail(reason: "the result is not Base64: \(result)") }
            let plain = try RsaUtilsCipher.decrypt(ct, privateKey: key, block: 256)
            guard hello.charset.uppercased() == "UTF-8" else {
                return .skip(reason: "JVM platform charset is \(hello.charset), not UTF-8: String.getBytes() differs from Swift's UTF-8")
            }
            return CheckRecorder.same(Array(text.utf8), plain, "plaintexts")
        }
        recorder.check("encryptedDataOnJava fails open: a bad key returns the plaintext unchanged", flags: ["FailOpen"], expected: .invalid) {
            let result = try oracle.encryptedDataOnJava(publicKey: "not a key", text: text)
            return CheckRecorder.truth(result == text, "expected the plaintext back, got \(result.prefix(40))")
        }
    }

    // MARK: - MD5 and getToken sign against the JDK's MessageDigest

    private func runDigestChecks(oracle: JavaOracle, source: SeededByteSource, recorder: inout CheckRecorder) {
        for length in [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 100_000] {
            let data = source.bytes(length)
            recorder.check("MD5 of \(length) B: pure Swift = JDK MessageDigest", flags: ["ByteExact"]) {
                CheckRecorder.same(try oracle.md5(data: data), MD5.hash(data).bytes, "digests")
            }
        }
        for i in 0..<20 {
            let hex = { (n: Int) in source.bytes(n).map { String($0, radix: 16) }.joined() }
            let id = hex(16)
            let appKey = i % 2 == 0 ? "密钥" + hex(8) : hex(16)
            let fields = (appId: "3000" + hex(3), msgId: id, timestamp: "2026112\(i % 10)120000123", appKey: appKey)
            recorder.check("getToken sign #\(i + 1): TokenSigner = JDK MD5 of the formula", flags: ["ByteExact"]) {
                let theirs = try oracle.tokenSign(appId: fields.appId, businessType: "5", msgId: fields.msgId, timestamp: fields.timestamp,
                                                  traceId: fields.msgId, version: "1.0", appKey: fields.appKey)
                // The bridge answers DigestUtils-style lower case; compare that case, then the default upper one.
                let ours = TokenSigner.sign(appId: fields.appId, businessType: "5", msgId: fields.msgId, timestamp: fields.timestamp,
                                            traceId: fields.msgId, version: "1.0", appKey: fields.appKey, letterCase: .lower)
                let upper = TokenSigner.sign(appId: fields.appId, businessType: "5", msgId: fields.msgId, timestamp: fields.timestamp,
                                             traceId: fields.msgId, version: "1.0", appKey: fields.appKey)
                guard theirs == ours else { return CheckRecorder.same(Array(theirs.utf8), Array(ours.utf8), "signs") }
                return CheckRecorder.same(Array(theirs.uppercased().utf8), Array(upper.utf8), "upper-case signs")
            }
        }
    }
}

extension JavaOracleError {
    /// True when the machine simply lacks Java or commons-codec (a skip under `--java auto`).
    public var meansNoJDK: Bool {
        switch self {
        case .javaNotFound, .javacNotFound, .commonsCodecNotFound: return true
        default: return false
        }
    }
}
