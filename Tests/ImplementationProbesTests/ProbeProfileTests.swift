import Foundation
import XCTest

@testable import ImplementationProbes
import RSA

/// The probes without a JVM: a configurable in-process implementation (built on the RSA module and
/// swift-crypto's OAEP) whose behaviour is fixed by its configuration; the profile the probes detect
/// must be that configuration. This is what port-check's adapters go through too.
final class ProbeProfileTests: XCTestCase {
    /// An RsaUtils port in miniature: chunking, padding and output encoding as configured.
    final class ConfiguredPort: ImplementationUnderTest {
        struct Config {
            var encryptBlock: Int? = 117      // nil: one doFinal (no chunking)
            var encryptPadding = CipherPadding.pkcs1
            var hash = HashAlgorithm.md5
            var hex = false
            var operations: Set<ImplementationOperation> = [.genKeyPair, .sign, .verify, .encryptByPublicKey, .decryptByPrivateKey]
            var brokenDecrypt = false
        }

        let config: Config
        let key: RSAPrivateKey

        init(_ config: Config, key: RSAPrivateKey) {
            self.config = config
            self.key = key
        }

        var subject: ImplementationSubject {
            ImplementationSubject(name: "test.port", kind: "adapter", runtime: "in-process", defaultCharset: "UTF-8", location: [])
        }
        var operations: Set<ImplementationOperation> { config.operations }

        struct Refused: Error {}

        private func text(_ bytes: [UInt8]) -> ProducedValue { .text(config.hex ? Hex.encode(bytes) : LenientBase64.encode(bytes)) }
        private func bytes(_ value: EncodedBinary) -> [UInt8] {
            config.hex ? ((try? Hex.decode(value.text).get()) ?? []) : LenientBase64.decode(value.text)
        }

        func genKeyPair(bits: Int) throws -> GeneratedKeyPair {
            GeneratedKeyPair(publicKey: key.publicKey.rsaUtilsString, privateKey: key.rsaUtilsString, via: "genKeyPair")
        }

        func sign(algorithm: String, privateKey: String, data: ProbeData) throws -> ProducedValue {
            text(try RSAPrivateKey(keyText: privateKey).signature(for: data.bytes, hash: config.hash))
        }

        func verify(algorithm: String, publicKey: String, data: ProbeData, signature: EncodedBinary) throws -> Bool {
            try RSAPublicKey(keyText: publicKey).isValidSignature(bytes(signature), for: data.bytes, hash: config.hash)
        }

        func encryptByPublicKey(publicKey: String, data: ProbeData) throws -> ProducedValue {
            let pub = try RSAPublicKey(keyText: publicKey)
            guard let block = config.encryptBlock else {
                guard data.bytes.count <= config.encryptPadding.maximumMessage(k: pub.modulusByteCount) else {
                    throw ProbeError.threw("IllegalBlockSizeException")
                }
                return text(try SwiftCipher.encrypt(data.bytes, publicKey: pub, padding: config.encryptPadding, singleBlock: true))
            }
            return text(try SwiftCipher.encrypt(data.bytes, publicKey: pub, padding: config.encryptPadding, block: block))
        }

        func decryptByPrivateKey(privateKey: String, ciphertext: EncodedBinary) throws -> ProducedValue {
            let priv = try RSAPrivateKey(keyText: privateKey)
            let ct = bytes(ciphertext)
            if config.brokenDecrypt { throw ProbeError.threw("BadPaddingException") }
            if config.encryptBlock == nil, ct.count != priv.publicKey.modulusByteCount { throw ProbeError.threw("IllegalBlockSizeException") }
            do {
                return .bytes(try RsaUtilsCipher.decrypt(ct, privateKey: priv))
            } catch {
                throw ProbeError.threw("BadPaddingException")
            }
        }

        func encryptByPrivateKey(privateKey: String, data: ProbeData) throws -> ProducedValue { throw ProbeError.cannotDrive("absent") }
        func decryptByPublicKey(publicKey: String, ciphertext: EncodedBinary) throws -> ProducedValue { throw ProbeError.cannotDrive("absent") }
    }

    private static let key: Result<RSAPrivateKey, any Error> = Result { try RSAPrivateKey.generate(bits: 1024) }

    private func check(_ config: ConfiguredPort.Config) throws -> ImplementationReport {
        try ImplementationCheck.run(ConfiguredPort(config, key: try Self.key.get()), options: ProbeOptions(probePlatformCharset: false))
    }

    func testRsaUtilsDefaults() throws {
        let r = try check(.init())
        XCTAssertEqual(r.verdict, "compatible", r.matrix.filter { $0.verdict == .fail }.map(\.id).joined(separator: ", "))
        XCTAssertEqual(r.kind, "adapter")
        XCTAssertEqual(r.keySource, "class")
        XCTAssertEqual(r.keySize, 1024)
        XCTAssertEqual(r.signatureAlgorithm, "MD5withRSA")
        XCTAssertEqual(r.encryptChunking, "blocks")
        XCTAssertEqual(r.encryptBlock, 117)
        XCTAssertEqual(r.decryptBlock, 128)
        XCTAssertEqual(r.decryptChunking, "blocks")
        XCTAssertEqual(r.encryptPadding, "PKCS1")
        XCTAssertEqual(r.decryptPadding, "PKCS1")
        XCTAssertEqual(r.base64LineBreaks, false)
        XCTAssertEqual(r.base64Styles["encryptByPublicKey"], "no line breaks")
        XCTAssertEqual(r.longRoundTrip, true)
        XCTAssertEqual(r.exitCode, 0)
        XCTAssertNil(r.charset, "no String helpers in an adapter")
        XCTAssertTrue(r.skips.contains { $0.check == "charset" })
    }

    func testNoChunkingWithHexOutput() throws {
        let r = try check(.init(encryptBlock: nil, hash: .sha256, hex: true))
        XCTAssertEqual(r.verdict, "compatible", r.matrix.filter { $0.verdict == .fail }.map(\.id).joined(separator: ", "))
        XCTAssertEqual(r.encryptChunking, "none")
        XCTAssertEqual(r.decryptChunking, "none")
        XCTAssertNil(r.encryptBlock)
        XCTAssertEqual(r.signatureAlgorithm, "SHA256withRSA")
        XCTAssertEqual(r.base64Styles["encryptByPublicKey"], "hex")
        XCTAssertEqual(r.base64Styles["sign"], "hex")
        XCTAssertEqual(r.base64Styles["genKeyPair"], "no line breaks", "its keys are Base64, its values hex")
        XCTAssertEqual(r.base64LineBreaks, false)
        XCTAssertFalse(r.findings.joined().contains("MAX_ENCRYPT_BLOCK"))
        // Worded for a port (subject kind "adapter"), not for a Java class.
        let noChunking = r.findings.first { $0.hasPrefix("no chunking") } ?? ""
        XCTAssertTrue(noChunking.contains("longer messages fail in the port: split them in the protocol, "
            + "or add chunking to the port with blocks of 117/128"), noChunking)
        XCTAssertEqual(r.matrix.first { $0.id == "signatures.java-to-swift.empty" }?.name,
                       "The port signs (SHA256withRSA, empty) → Swift verifies")
        XCTAssertEqual(r.matrix.first { $0.id == "signatures.byte-exact.empty" }?.name,
                       "Swift's signature is byte-identical to the port's (empty)")
        let text = (r.findings + r.matrix.map(\.name) + r.skips.map(\.reason)).joined(separator: "\n")
        XCTAssertFalse(text.contains("Java") || text.contains("the class") || text.contains("JVM"), text)
    }

    func testOaepEncryptionPkcs1Decryption() throws {
        let r = try check(.init(encryptBlock: 86, encryptPadding: .oaepSHA1))
        XCTAssertEqual(r.verdict, "compatible", r.matrix.filter { $0.verdict == .fail }.map(\.id).joined(separator: ", "))
        XCTAssertEqual(r.encryptPadding, "OAEP")
        XCTAssertEqual(r.decryptPadding, "PKCS1")
        XCTAssertEqual(r.encryptBlock, 86, "128 - 42: the OAEP (SHA-1) limit")
        XCTAssertTrue(r.findings.contains { $0.contains("at most 86 bytes (not the PKCS#1 limit 117)") }, r.findings.joined(separator: "\n"))
    }

    func testBrokenDecryptionIsIncompatible() throws {
        let r = try check(.init(brokenDecrypt: true))
        XCTAssertEqual(r.verdict, "incompatible")
        XCTAssertEqual(r.exitCode, 1)
        XCTAssertEqual(r.matrix.first { $0.id == "encryption.swift-to-java.1" }?.verdict, .fail)
        XCTAssertEqual(r.matrix.first { $0.id == "encryption.java-to-swift.1" }?.verdict, .pass)
    }

    func testNothingToDriveIsNotEvaluable() throws {
        let r = try check(.init(operations: []))
        XCTAssertEqual(r.verdict, "not-evaluable")
        XCTAssertEqual(r.exitCode, 2)
        XCTAssertEqual(r.failed, 0, "limits of the probe are skips, never failures")
        XCTAssertEqual(r.keySource, "swift")
        XCTAssertNil(r.base64LineBreaks, "no output was seen at all")
        XCTAssertFalse(r.skips.isEmpty)
    }
}
