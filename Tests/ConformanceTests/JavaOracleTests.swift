import Foundation
import XCTest

@testable import Conformance
@testable import JavaOracle

/// Live tests of the Java oracle bridge: one JVM shared by the whole class.
/// Skipped (with the reason) when java, javac or the commons-codec jar is missing.
final class JavaOracleTests: XCTestCase {
    private static let toolchain: Result<JavaToolchain, any Error> = Result { try JavaToolchain.locate() }
    private static let shared: Result<JavaOracle, any Error> = Result {
        try JavaOracle(toolchain: toolchain.get(), errorOutput: .logFile)
    }

    override class func tearDown() {
        if case .success(let oracle) = shared { oracle.close() }
        super.tearDown()
    }

    /// The toolchain, or XCTSkip when the machine has no JDK / commons-codec.
    private func requireToolchain() throws -> JavaToolchain {
        do {
            return try Self.toolchain.get()
        } catch let error as JavaOracleError {
            switch error {
            case .javaNotFound, .javacNotFound, .commonsCodecNotFound:
                throw XCTSkip(error.description)
            default:
                throw error
            }
        }
    }

    private func oracle() throws -> JavaOracle {
        _ = try requireToolchain()
        return try Self.shared.get()
    }

    // MARK: - Bridge

    func testHello() throws {
        let hello = try oracle().hello()
        XCTAssertTrue(hello.java.first?.isNumber ?? false, "java version: \(hello.java)")
        XCTAssertFalse(hello.commonsCodec.isEmpty)
        XCTAssertFalse(hello.charset.isEmpty)
    }

    func testKeygenAndParseKeys() throws {
        let oracle = try oracle()
        let pair = try oracle.keygen(bits: 1024)
        let pub = try oracle.parsePublicKey(pair.publicKey)
        XCTAssertEqual(pub.modulusBitCount, 1024)
        XCTAssertEqual(pub.publicExponent, [0x01, 0x00, 0x01])
        XCTAssertEqual(pub.modulus.first, 0x00, "two's complement: a 1024-bit modulus has a leading zero byte")
        XCTAssertEqual(pub.der, Data(base64Encoded: pair.publicKey).map { [UInt8]($0) })

        let priv = try oracle.parsePrivateKey(pair.privateKey)
        XCTAssertEqual(priv.modulus, pub.modulus)
        XCTAssertEqual(priv.publicExponent, pub.publicExponent)
        XCTAssertNotNil(priv.prime1)
        XCTAssertNotNil(priv.coefficient)
        XCTAssertEqual(priv.der, Data(base64Encoded: pair.privateKey).map { [UInt8]($0) })
    }

    func testSignVerifyMD5withRSA() throws {
        let oracle = try oracle()
        let pair = try oracle.keygen()
        let message = Array("手机号码校验 sign me".utf8)
        let signature = try oracle.sign(alg: "MD5withRSA", privateKey: pair.privateKey, data: message)
        XCTAssertEqual(signature.count, 128)
        XCTAssertTrue(try oracle.verify(alg: "MD5withRSA", publicKey: pair.publicKey, data: message, signature: signature))
        // Deterministic (PKCS#1 v1.5).
        XCTAssertEqual(try oracle.sign(alg: "MD5withRSA", privateKey: pair.privateKey, data: message), signature)

        var tampered = signature
        tampered[40] ^= 0x01
        XCTAssertFalse(try oracle.verify(alg: "MD5withRSA", publicKey: pair.publicKey, data: message, signature: tampered))
        XCTAssertFalse(try oracle.verify(alg: "MD5withRSA", publicKey: pair.publicKey, data: message + [0], signature: signature))

        // One byte short: the JDK throws instead of returning false.
        XCTAssertThrowsError(try oracle.verify(alg: "MD5withRSA", publicKey: pair.publicKey, data: message,
                                               signature: Array(signature.dropLast()))) { error in
            guard case JavaOracleError.javaException(let text) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(text.hasPrefix("SignatureException"), text)
        }

        // Another JCA algorithm goes through the generic Signature path.
        let sha256 = try oracle.sign(alg: "SHA256withRSA", privateKey: pair.privateKey, data: message)
        XCTAssertNotEqual(sha256, signature)
        XCTAssertTrue(try oracle.verify(alg: "SHA256withRSA", publicKey: pair.publicKey, data: message, signature: sha256))
        XCTAssertFalse(try oracle.verify(alg: "MD5withRSA", publicKey: pair.publicKey, data: message, signature: sha256))
    }

    func testChunkedEncryptionBothKeyRoles() throws {
        let oracle = try oracle()
        let pair = try oracle.keygen()
        let data = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }

        // Public key encrypts (type 2, random), private key decrypts: 117 + 117 + 66 → 3 blocks.
        let c1 = try oracle.encryptByPublicKey(publicKey: pair.publicKey, data: data)
        XCTAssertEqual(c1.count, 3 * 128)
        XCTAssertEqual(try oracle.decryptByPrivateKey(privateKey: pair.privateKey, ciphertext: c1), data)
        XCTAssertNotEqual(try oracle.encryptByPublicKey(publicKey: pair.publicKey, data: data), c1, "type 2 padding is random")

        // Private key encrypts (type 1, deterministic), public key decrypts.
        let c2 = try oracle.encryptByPrivateKey(privateKey: pair.privateKey, data: data)
        XCTAssertEqual(c2.count, 3 * 128)
        XCTAssertEqual(try oracle.encryptByPrivateKey(privateKey: pair.privateKey, data: data), c2)
        XCTAssertEqual(try oracle.decryptByPublicKey(publicKey: pair.publicKey, ciphertext: c2), data)

        // Explicit block sizes: 50-byte slices → 6 blocks; decrypting with the wrong block fails.
        let c3 = try oracle.encryptByPublicKey(publicKey: pair.publicKey, data: data, block: 50)
        XCTAssertEqual(c3.count, 6 * 128)
        XCTAssertEqual(try oracle.decryptByPrivateKey(privateKey: pair.privateKey, ciphertext: c3, block: 128), data)
        XCTAssertThrowsError(try oracle.decryptByPrivateKey(privateKey: pair.privateKey, ciphertext: c3, block: 100))
        XCTAssertThrowsError(try oracle.encryptByPublicKey(publicKey: pair.publicKey, data: data, block: 0))

        // Empty input gives empty output.
        XCTAssertEqual(try oracle.encryptByPublicKey(publicKey: pair.publicKey, data: []), [])
    }

    func testRawPublicRecoversType1Block() throws {
        let oracle = try oracle()
        let pair = try oracle.keygen()
        let message: [UInt8] = [0xde, 0xad, 0xbe, 0xef]
        let block = try oracle.encryptByPrivateKey(privateKey: pair.privateKey, data: message)
        let em = try oracle.rawPublic(publicKey: pair.publicKey, data: block)
        XCTAssertEqual(em.count, 128)
        XCTAssertEqual(Array(em.prefix(2)), [0x00, 0x01])
        XCTAssertEqual(Array(em[2..<(128 - 5)]), [UInt8](repeating: 0xff, count: 128 - 7))
        XCTAssertEqual(Array(em.suffix(5)), [0x00] + message)
        // NoPadding with the private key inverts it.
        XCTAssertEqual(try oracle.rawPrivate(privateKey: pair.privateKey, data: em), block)
    }

    func testDigestsAndTokenSign() throws {
        let oracle = try oracle()
        XCTAssertEqual(JavaOracle.hexString(try oracle.md5(data: [])), "d41d8cd98f00b204e9800998ecf8427e")
        XCTAssertEqual(JavaOracle.hexString(try oracle.md5(data: Array("abc".utf8))), "900150983cd24fb0d6963f7d28e17f72")
        let sign = try oracle.tokenSign(appId: "300011", businessType: "5", msgId: "m1", timestamp: "20240102030405678",
                                        traceId: "m1", version: "1.0", appKey: "key")
        let joined = "300011" + "5" + "m1" + "20240102030405678" + "m1" + "1.0" + "key"
        XCTAssertEqual(sign, JavaOracle.hexString(try oracle.md5(data: Array(joined.utf8))))
    }

    func testGarbageKeyIsAnErrorAndTheBridgeKeepsAnswering() throws {
        let oracle = try oracle()
        XCTAssertThrowsError(try oracle.parsePublicKey("this is not a key")) { error in
            guard case JavaOracleError.javaException(let text) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(text.hasPrefix("InvalidKeySpecException"), text)
        }
        XCTAssertThrowsError(try oracle.call("noSuchOp")) { error in
            XCTAssertEqual(error as? JavaOracleError, .javaException("IllegalArgumentException: unknown op \"noSuchOp\""))
        }
        XCTAssertThrowsError(try oracle.call("md5", ["data": "xyz"]))
        // Fail-open: encryptedDataOnJava hands the plaintext back when the key is bad.
        // (The text also checks that non-ASCII, quotes and control characters survive both JSON directions.)
        let text = "13800138000 手机号 😀 \"q\" \\ \n\t\u{1}"
        XCTAssertEqual(try oracle.encryptedDataOnJava(publicKey: "garbage", text: text), text)
        XCTAssertFalse(try oracle.hello().java.isEmpty)
    }

    func testEncryptedDataOnJavaDecrypts() throws {
        let oracle = try oracle()
        let pair = try oracle.keygen()
        let result = try oracle.encryptedDataOnJava(publicKey: pair.publicKey, text: "13800138000")
        let ciphertext = try XCTUnwrap(Data(base64Encoded: result))
        XCTAssertEqual(try oracle.decryptByPrivateKey(privateKey: pair.privateKey, ciphertext: [UInt8](ciphertext)),
                       Array("13800138000".utf8))
    }

    func testDeadBridgeIsReportedInOneLine() throws {
        let toolchain = try requireToolchain()
        let oracle = try JavaOracle(toolchain: toolchain, errorOutput: .discard)
        try oracle.call("quit")
        XCTAssertThrowsError(try oracle.hello()) { error in
            guard case JavaOracleError.bridgeExited(let status, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(status, 0)
            XCTAssertFalse("\(error)".contains("\n"))
        }
        // Stays dead, and close() is harmless.
        XCTAssertThrowsError(try oracle.hello())
        oracle.close()
        XCTAssertThrowsError(try oracle.hello()) { XCTAssertEqual($0 as? JavaOracleError, .closed) }
    }

    // MARK: - Toolchain

    func testCompiledClassesAreReused() throws {
        let toolchain = try requireToolchain()
        let first = try toolchain.compile()
        let second = try toolchain.compile()
        XCTAssertEqual(first.directory, second.directory)
        XCTAssertTrue(second.reused, "the second compile must reuse \(first.directory)")
        XCTAssertTrue(first.directory.hasSuffix("/.build/java-oracle/" + first.hash))
        XCTAssertEqual(first.hash.count, 32)
        XCTAssertEqual(try toolchain.sourceHash(), first.hash)
        XCTAssertTrue(FileManager.default.fileExists(
            atPath: first.classesDirectory + "/rsautils/oracle/OracleBridge.class"))
        XCTAssertTrue(second.classpath.hasSuffix(":" + toolchain.commonsCodecJar))
    }

    func testMissingSourcesAndJarAreClearErrors() throws {
        XCTAssertThrowsError(try JavaToolchain.locate(packageRoot: "/nonexistent-root")) { error in
            guard let error = error as? JavaOracleError else { return XCTFail("\(error)") }
            switch error {
            case .sourcesNotFound, .javaNotFound, .javacNotFound, .commonsCodecNotFound: break
            default: XCTFail("\(error)")
            }
        }
        // A COMMONS_CODEC_JAR that does not exist is passed over, never returned.
        let jar = try? JavaToolchain.findCommonsCodec(environment: ["COMMONS_CODEC_JAR": "/nonexistent.jar"])
        XCTAssertNotEqual(jar, "/nonexistent.jar")
        XCTAssertTrue(JavaOracleError.commonsCodecNotFound(searched: ["x"]).description.contains("apt-get install libcommons-codec-java"))
    }
}
