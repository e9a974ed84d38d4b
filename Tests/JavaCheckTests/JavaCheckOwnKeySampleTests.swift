import Foundation
import XCTest

@testable import JavaCheck
import ImplementationProbes

/// The samples whose keys are hard-coded (data-only methods), whose methods take a charset, or
/// that encrypt without padding. Each expected value is read off the sample's source (its doc
/// comment says what it does), never off java-check's output.
extension JavaCheckTests {
    private func roleOf(_ r: JavaCheckReport, _ name: String) -> String? {
        r.methods.first { $0.name == name }?.role
    }

    /// RsaConstKeyUtils: PUBLIC_KEY / PRIVATE_KEY are private static final Base64 strings of one
    /// 1024-bit pair; encrypt(String)/decrypt(String) chunk 117/128 with PKCS1Padding; SHA1withRSA.
    func testSampleHardCodedKeysWithDataOnlyMethods() throws {
        let r = try check("com.sample.constkeys.RsaConstKeyUtils")
        XCTAssertEqual(r.verdict, "compatible", failures(r))
        XCTAssertEqual(r.keySource, "class-constant")
        XCTAssertEqual(r.keySize, 1024)
        XCTAssertEqual(r.signatureAlgorithm, "SHA1withRSA")
        XCTAssertEqual(r.encryptBlock, 117)
        XCTAssertEqual(r.decryptBlock, 128)
        XCTAssertEqual(r.encryptPadding, "PKCS1")
        XCTAssertEqual(roleOf(r, "encrypt"), "encryptByPublicKey")
        XCTAssertEqual(roleOf(r, "decrypt"), "decryptByPrivateKey")
        XCTAssertEqual(roleOf(r, "sign"), "sign")
        XCTAssertEqual(roleOf(r, "verify"), "verify")
        XCTAssertEqual(r.argumentOrder, [:], "no method has a key argument")
        let generator = r.keyGenerator ?? ""
        XCTAssertTrue(generator.contains("PUBLIC_KEY") && generator.contains("PRIVATE_KEY"), generator)
        // The recovered pair drives the matrix both ways: Java's ciphertexts decrypt in Swift, Swift's in Java,
        // and Swift's signatures made with the class's own key are accepted by its verify.
        for id in ["encryption.java-to-swift.5000", "encryption.swift-to-java.5000", "signatures.swift-to-java.ASCII", "signatures.byte-exact.ASCII"] {
            XCTAssertEqual(r.matrix.first { $0.id == id }?.verdict, .pass, id)
        }
        // Checks that need another key are skips with their reason, never failures.
        let swiftKey = try XCTUnwrap(r.skips.first { $0.check == "encryption.java-to-swift.swift-key" })
        XCTAssertTrue(swiftKey.reason.contains("hard-coded key"), swiftKey.reason)
        // The private key is never shown.
        let privateKey = try privateKeyConstant(of: "constkeys/com/sample/constkeys/RsaConstKeyUtils.java")
        let json = String(decoding: try JavaCheckReportWriter.json(r), as: UTF8.self)
        XCTAssertFalse(json.contains(String(privateKey.prefix(60).dropFirst(30))), "the report must not contain the private key")
        XCTAssertFalse(JavaCheckReportWriter.markdown(r).contains(String(privateKey.prefix(60).dropFirst(30))))
    }

    /// RsaService (ownkeys): instance fields PublicKey/PrivateKey read from PEM in the constructor;
    /// encrypt(String data, String charset) → lowercase hex, blocks 117/128; sign(byte[]) → byte[]; SHA256withRSA.
    func testSampleKeysInInstanceFieldsWithCharsetArgument() throws {
        let r = try check("org.sample.ownkeys.RsaService")
        XCTAssertEqual(r.verdict, "compatible", failures(r))
        XCTAssertEqual(r.keySource, "class-constant")
        XCTAssertEqual(r.keySize, 1024)
        XCTAssertEqual(r.signatureAlgorithm, "SHA256withRSA")
        XCTAssertEqual(r.encryptBlock, 117)
        XCTAssertEqual(r.charset, "UTF-8")
        XCTAssertEqual(r.base64Styles["encrypt"], "hex")
        XCTAssertEqual(roleOf(r, "encrypt"), "encryptByPublicKey")
        XCTAssertEqual(roleOf(r, "decrypt"), "decryptByPrivateKey")
        XCTAssertEqual(roleOf(r, "sign"), "sign")
        XCTAssertEqual(roleOf(r, "verify"), "verify")
        XCTAssertTrue(r.findings.contains { $0.contains("charset parameter") && $0.contains("String encrypt(String, String)") && $0.contains("caller's choice") },
                      r.findings.joined(separator: "\n"))
        XCTAssertTrue(r.keyGenerator?.contains("publicKey (PublicKey)") ?? false, r.keyGenerator ?? "")
    }

    /// RsaCharsetUtils: RsaUtils' methods with a trailing charset (String, or Charset for sign);
    /// Map genKeyPair(); MD5withRSA; blocks 117/128; data first.
    func testSampleCharsetArguments() throws {
        let r = try check("com.sample.charsetarg.RsaCharsetUtils")
        XCTAssertEqual(r.verdict, "compatible", failures(r))
        XCTAssertEqual(r.keySource, "class")
        XCTAssertEqual(r.signatureAlgorithm, "MD5withRSA")
        XCTAssertEqual(r.encryptBlock, 117)
        XCTAssertEqual(r.decryptBlock, 128)
        XCTAssertEqual(r.charset, "UTF-8")
        XCTAssertEqual(roleOf(r, "sign"), "sign", "a java.nio.charset.Charset parameter is driven too")
        XCTAssertEqual(roleOf(r, "verify"), "verify")
        XCTAssertEqual(r.argumentOrder, ["encryptByPublicKey": "data-first", "decryptByPrivateKey": "data-first",
                                         "sign": "data-first", "verify": "data-first"])
        XCTAssertTrue(r.findings.contains { $0.contains("driven with \"UTF-8\"") }, r.findings.joined(separator: "\n"))
    }

    /// RsaNoPaddingUtil: TRANSFORMATION = "RSA/ECB/NoPadding" for both directions; MD5withRSA signatures are fine.
    func testSampleNoPadding() throws {
        let r = try check("com.sample.nopadding.RsaNoPaddingUtil")
        XCTAssertEqual(r.verdict, "incompatible")
        XCTAssertNil(r.encryptPadding, "neither PKCS#1 nor OAEP")
        XCTAssertEqual(r.signatureAlgorithm, "MD5withRSA")
        XCTAssertEqual(roleOf(r, "encryptByPublicKey"), "encryptByPublicKey", "confirmed as raw encryption, not only by its name")
        XCTAssertEqual(roleOf(r, "decryptByPrivateKey"), "decryptByPrivateKey")
        let all = r.findings.joined(separator: "\n")
        let raw = try XCTUnwrap(r.findings.first { $0.hasPrefix("encryptByPublicKey uses raw (textbook) RSA without padding") }, all)
        XCTAssertTrue(raw.contains("TRANSFORMATION = \"RSA/ECB/PKCS1Padding\""), raw)
        XCTAssertTrue(r.findings.contains { $0.hasPrefix("decryptByPrivateKey uses raw (textbook) RSA without padding") }, all)
        XCTAssertFalse(all.contains("neither PKCS#1 v1.5 nor OAEP"), all)
        XCTAssertTrue(r.swiftSettingsCaveat?.contains("without padding") ?? false, r.swiftSettingsCaveat ?? "")
        XCTAssertEqual(r.matrix.first { $0.id == "signatures.java-to-swift.ASCII" }?.verdict, .pass)
    }

    /// RsaEncryptOnly: only a public key (a static PublicKey set in the static initializer from hex);
    /// encrypt(String) only. Nothing can be checked against Swift without the private key.
    func testSamplePublicKeyOnly() throws {
        let classes = try classes()
        let r = try JavaCheck.run(.init(classpath: classes, className: "com.sample.pubonly.RsaEncryptOnly", errorOutput: .discard))
        XCTAssertEqual(r.verdict, "not-evaluable")
        XCTAssertEqual(r.exitCode, 2)
        XCTAssertEqual(r.failed, 0, "a limit of the probe is never a failure")
        XCTAssertEqual(r.keySource, "swift")
        let skip = try XCTUnwrap(r.skips.first { $0.check == "keys.class-constant" })
        XCTAssertTrue(skip.reason.contains("only a public key") && skip.reason.contains("SERVER_KEY"), skip.reason)
        let all = r.findings.joined(separator: "\n")
        XCTAssertTrue(r.findings.contains { $0.contains("only a public key is hard-coded") && $0.contains("not evaluated") }, all)
        // What its output's shape still tells (PKCS1Padding is random; it chunks by 117 on a 1024-bit key).
        XCTAssertTrue(all.contains("a different one each time"), all)
        XCTAssertTrue(all.contains("118 bytes give two 128-byte blocks"), all)
        XCTAssertEqual(r.methods.first { $0.name == "encrypt" }?.role, "none", "not driven without the private key")
    }

    /// LoginPasswordDecoder: only SERVER_PRIVATE_KEY (2048-bit PKCS#8, java.util.Base64) is in the class;
    /// decryptData(String) is one PKCS1Padding doFinal (no chunking); signData(String) is SHA256withRSA.
    func testSamplePrivateKeyOnlyServerSide() throws {
        let r = try check("cn.sample.privonly.LoginPasswordDecoder")
        XCTAssertEqual(r.verdict, "compatible", failures(r))
        XCTAssertEqual(r.keySource, "class-constant", "the public half comes from the private key's n and e")
        XCTAssertEqual(r.keySize, 2048)
        XCTAssertEqual(r.signatureAlgorithm, "SHA256withRSA")
        XCTAssertEqual(r.decryptChunking, "none")
        XCTAssertEqual(roleOf(r, "decryptData"), "decryptByPrivateKey")
        XCTAssertEqual(roleOf(r, "signData"), "sign")
        XCTAssertEqual(r.matrix.first { $0.id == "signatures.byte-exact.ASCII" }?.verdict, .pass)
        XCTAssertTrue(r.matrix.contains { $0.id.hasPrefix("encryption.swift-to-java.") && $0.verdict == .pass })
        XCTAssertTrue(r.keyGenerator?.contains("SERVER_PRIVATE_KEY") ?? false, r.keyGenerator ?? "")
    }

    /// SessionCrypto: a KeyPair generated in the static initializer (another one in every JVM);
    /// Cipher "RSA" with one doFinal; getBytes() with the platform charset.
    func testSampleKeysMadeWhenTheClassLoads() throws {
        let r = try check("com.sample.loadkeys.SessionCrypto")
        XCTAssertEqual(r.verdict, "compatible", failures(r))
        XCTAssertEqual(r.keySource, "class-constant")
        XCTAssertEqual(r.keySize, 1024)
        XCTAssertEqual(r.encryptChunking, "none")
        XCTAssertEqual(r.decryptChunking, "none")
        XCTAssertTrue(r.keyGenerator?.contains("PAIR (static KeyPair)") ?? false, r.keyGenerator ?? "")
        // A second JVM holds another pair, so "fixed" vs "platform default" cannot be told: never claimed.
        XCTAssertNil(r.charsetSource)
        XCTAssertTrue(r.findings.contains { $0.contains("makes its own keys anew in each JVM") }, r.findings.joined(separator: "\n"))
    }

    /// RsaPemUtils: PRIVATE_KEY_PEM is PKCS#1 PEM ("BEGIN RSA PRIVATE KEY") wrapped into PKCS#8 by the
    /// class; PUBLIC_KEY is Base64 X.509; blocks 117/128; MD5withRSA.
    func testSamplePkcs1PemPrivateKey() throws {
        let r = try check("org.sample.pkcs1pem.RsaPemUtils")
        XCTAssertEqual(r.verdict, "compatible", failures(r))
        XCTAssertEqual(r.keySource, "class-constant")
        XCTAssertEqual(r.keySize, 1024)
        XCTAssertEqual(r.signatureAlgorithm, "MD5withRSA")
        XCTAssertEqual(r.encryptBlock, 117)
        XCTAssertTrue(r.keyGenerator?.contains("PRIVATE_KEY_PEM (static String), PEM of PKCS#1 DER") ?? false, r.keyGenerator ?? "")
    }

    /// The Base64 text of a sample's PRIVATE_KEY constant, read from its source.
    private func privateKeyConstant(of sample: String) throws -> String {
        let source = try String(contentsOf: Self.packageRoot.appendingPathComponent("Oracles/java/samples/\(sample)"), encoding: .utf8)
        let marker = "PRIVATE_KEY = \""
        let start = try XCTUnwrap(source.range(of: marker)).upperBound
        return String(source[start...].prefix { $0 != "\"" })
    }
}
