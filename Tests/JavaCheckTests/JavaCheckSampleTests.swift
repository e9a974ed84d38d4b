import Foundation
import XCTest

@testable import JavaCheck
import ImplementationProbes

/// One test per real-world pattern sample (Oracles/java/samples/): the profile fields must say what
/// the sample's code does (each sample's doc comment states it), and `--jar` over all of them must
/// list each with its verdict.
extension JavaCheckTests {
    private func role(_ r: JavaCheckReport, _ name: String) -> String? {
        r.methods.first { $0.name == name }?.role
    }

    func testSampleKeyFirst() throws {
        let r = try check("cn.sample.keyfirst.RSAUtils")
        XCTAssertEqual(r.verdict, "compatible", failures(r))
        XCTAssertEqual(r.keySource, "class")
        XCTAssertEqual(r.signatureAlgorithm, "SHA256withRSA")
        XCTAssertEqual(r.argumentOrder, ["encryptByPublicKey": "key-first", "decryptByPrivateKey": "key-first",
                                         "sign": "key-first", "verify": "key-first"])
        XCTAssertEqual(r.encryptChunking, "blocks")
        XCTAssertEqual(r.encryptBlock, 117)
        XCTAssertEqual(r.charset, "UTF-8")
        XCTAssertTrue(r.findings.contains { $0.contains("the key comes first") }, r.findings.joined(separator: "\n"))
    }

    func testSampleBeanKeyPair() throws {
        let r = try check("com.sample.bean.RsaKeyHelper")
        XCTAssertEqual(r.verdict, "compatible", failures(r))
        XCTAssertEqual(r.keySource, "class")
        XCTAssertEqual(r.keySize, 1024)
        XCTAssertEqual(r.signatureAlgorithm, "SHA1withRSA")
        XCTAssertEqual(role(r, "signature"), "sign")
        XCTAssertEqual(role(r, "verifySign"), "verify")
        XCTAssertEqual(role(r, "encryptStringByPublicKey"), "encryptByPublicKey")
        XCTAssertEqual(role(r, "decryptStringByPrivateKey"), "decryptByPrivateKey")
        XCTAssertEqual(r.argumentOrder["verify"], "data-first")
        XCTAssertTrue(r.keyGenerator?.contains("generateKeyPair") ?? false, r.keyGenerator ?? "")
    }

    func testSampleMapOfKeyObjects() throws {
        let r = try check("org.sample.mapkey.RSAUtils")
        XCTAssertEqual(r.verdict, "compatible", failures(r))
        XCTAssertEqual(r.keySource, "class", "the Key objects are told apart by type, whatever the map's key names")
        XCTAssertTrue(r.keyGenerator?.contains("Base64 of getEncoded() by the probe") ?? false, r.keyGenerator ?? "")
        XCTAssertEqual(r.keySize, 1024)
        XCTAssertEqual(r.signatureAlgorithm, "MD5withRSA")
        XCTAssertEqual(r.encryptBlock, 117)
        XCTAssertEqual(r.decryptBlock, 128)
    }

    func testSampleCreateKeysWithSize() throws {
        let r = try check("io.sample.createkeys.RSAUtil")
        XCTAssertEqual(r.verdict, "compatible", failures(r))
        XCTAssertEqual(r.keySize, 1024, "createKeys(int) was asked for 1024 bits")
        XCTAssertTrue(r.keyGenerator?.contains("createKeys(int)") ?? false, r.keyGenerator ?? "")
        XCTAssertNil(r.signatureAlgorithm, "it has no sign/verify")
        XCTAssertEqual(role(r, "publicEncrypt"), "encryptByPublicKey")
        XCTAssertEqual(role(r, "privateDecrypt"), "decryptByPrivateKey")
        XCTAssertEqual(role(r, "privateEncrypt"), "encryptByPrivateKey")
        XCTAssertEqual(role(r, "publicDecrypt"), "decryptByPublicKey")
        XCTAssertEqual(r.base64Styles["publicEncrypt"], "no line breaks, URL-safe alphabet, no padding")
        XCTAssertEqual(r.base64LineBreaks, false)
        XCTAssertTrue(r.skips.contains { $0.check == "sign" })
    }

    func testSampleKeyParameters() throws {
        let r = try check("net.sample.keyparams.RsaCipher")
        XCTAssertEqual(r.verdict, "compatible", failures(r))
        XCTAssertEqual(r.keySource, "class")
        XCTAssertTrue(r.keyGenerator?.contains("genKeyPair1024()") ?? false, r.keyGenerator ?? "")
        XCTAssertEqual(r.signatureAlgorithm, "SHA256withRSA")
        XCTAssertEqual(r.argumentOrder["encryptByPublicKey"], "key-first")
        XCTAssertEqual(r.argumentOrder["verify"], "key-first")
        XCTAssertEqual(role(r, "encrypt"), "encryptByPublicKey")
        XCTAssertEqual(role(r, "decrypt"), "decryptByPrivateKey")
        XCTAssertNil(r.base64LineBreaks, "byte[] in and out: no Base64 output to judge")
        XCTAssertEqual(r.base64Styles, [:])
        XCTAssertTrue(r.findings.contains { $0.contains("Key-typed parameters") }, r.findings.joined(separator: "\n"))
    }

    func testSampleInstanceMethods() throws {
        let r = try check("com.sample.instance.RsaService")
        XCTAssertEqual(r.verdict, "compatible", failures(r))
        XCTAssertEqual(r.keySource, "class", "void genKeyPair(int) + getters of the stored keys")
        XCTAssertEqual(r.signatureAlgorithm, "MD5withRSA")
        XCTAssertEqual(r.methods.first { $0.name == "sign" }?.isStatic, false)
        XCTAssertEqual(role(r, "encryptByPublicKey"), "encryptByPublicKey")
        XCTAssertEqual(r.encryptBlock, 117)
        XCTAssertEqual(r.decryptBlock, 128)
        XCTAssertTrue(r.findings.contains { $0.contains("instance methods") }, r.findings.joined(separator: "\n"))
    }

    func testSampleNoChunking() throws {
        let r = try check("com.sample.nochunk.RSAUtils")
        XCTAssertEqual(r.verdict, "compatible", failures(r))
        XCTAssertEqual(r.encryptChunking, "none")
        XCTAssertEqual(r.decryptChunking, "none")
        XCTAssertEqual(r.encryptPadding, "PKCS1")
        XCTAssertNil(r.encryptBlock)
        XCTAssertEqual(role(r, "encrypt"), "encryptByPublicKey")
        XCTAssertEqual(role(r, "decrypt"), "decryptByPrivateKey")
        let all = r.findings.joined(separator: "\n")
        XCTAssertFalse(all.contains("MAX_ENCRYPT_BLOCK"), "it has no such constant: \(all)")
        XCTAssertFalse(all.contains("constants"), all)
        XCTAssertTrue(all.contains("no chunking"), all)
        XCTAssertTrue(r.swiftSettings.contains("no chunking"), r.swiftSettings)
        XCTAssertTrue(r.matrix.contains { $0.id == "encryption.java-refuses.118" && $0.verdict == .pass })
    }

    func testSampleOaepEncryptPkcs1Decrypt() throws {
        let r = try check("com.sample.oaep.RsaOaepUtil")
        XCTAssertEqual(r.verdict, "compatible", failures(r))
        XCTAssertEqual(r.keySize, 2048)
        XCTAssertEqual(r.encryptPadding, "OAEP")
        XCTAssertEqual(r.decryptPadding, "PKCS1")
        XCTAssertEqual(r.encryptBlock, 214)
        XCTAssertEqual(r.encryptChunking, "blocks")
        XCTAssertEqual(r.decryptBlock, 256)
        let padding = try XCTUnwrap(r.findings.first { $0.hasPrefix("padding:") })
        XCTAssertTrue(padding.contains("at most 214 bytes (not the PKCS#1 limit 245)"), padding)
        XCTAssertFalse(r.findings.joined().contains("MAX_ENCRYPT_BLOCK = 214"), "no advice to set what it already has")
    }

    func testSampleHexOutput() throws {
        let r = try check("com.sample.hex.RsaHexUtil")
        XCTAssertEqual(r.verdict, "compatible", failures(r))
        XCTAssertEqual(r.base64Styles["encryptByPublicKey"], "hex")
        XCTAssertEqual(r.base64Styles["sign"], "hex")
        XCTAssertEqual(r.base64Styles["genKeyPair"], "no line breaks", "its keys are Base64")
        XCTAssertEqual(r.signatureAlgorithm, "MD5withRSA")
        XCTAssertTrue(r.findings.contains { $0.contains("hex, not Base64") }, r.findings.joined(separator: "\n"))
    }

    func testSamplePrivateMethodsAreNotCounted() throws {
        let r = try check("com.sample.hidden.RsaPrivateUtil")
        XCTAssertEqual(r.verdict, "not-evaluable")
        XCTAssertEqual(r.exitCode, 2)
        XCTAssertEqual(r.passed, 0, "private methods are never called")
        XCTAssertEqual(r.failed, 0, "a limit of the probe is never a failure")
        XCTAssertEqual(r.methods.first { $0.name == "encryptByPublicKey" }?.visibility, "private")
        XCTAssertEqual(r.methods.first { $0.name == "sign" }?.visibility, "protected")
        XCTAssertTrue(r.findings.contains { $0.contains("not public") && $0.contains("private byte[] encryptByPublicKey(byte[], String)") },
                      r.findings.joined(separator: "\n"))
        XCTAssertFalse(r.skips.isEmpty)
    }

    func testSampleSunMiscLineBreaks() throws {
        let r = try check("com.sample.mime.RsaMimeUtils")
        XCTAssertEqual(r.verdict, "compatible", failures(r))
        XCTAssertEqual(r.base64LineBreaks, true)
        XCTAssertEqual(r.base64Styles["encryptByPublicKey"], "LF every 76 characters")
        XCTAssertEqual(r.base64Styles["sign"], "LF every 76 characters")
        XCTAssertEqual(r.base64Style, "LF every 76 characters")
    }

    /// `--jar` over everything: every sample listed with its verdict, one JSON report per class.
    func testJarScanListsEverySampleWithItsVerdict() throws {
        _ = try classes()
        let summary = try Self.scanned.get().0
        let verdicts = Dictionary(summary.classes.map { ($0.className, $0.verdict) }, uniquingKeysWith: { a, _ in a })
        let expected: [String: String] = [
            "com.example.RsaUtils": "compatible", "com.example.rsa2048.RsaUtils2048": "compatible",
            "com.example.broken.RsaUtilsBroken": "incompatible", "org.acme.security.RsaHelper": "compatible",
            "cn.demo.util.RsaGbkUtil": "compatible", "cn.sample.keyfirst.RSAUtils": "compatible",
            "com.sample.bean.RsaKeyHelper": "compatible", "org.sample.mapkey.RSAUtils": "compatible",
            "io.sample.createkeys.RSAUtil": "compatible", "net.sample.keyparams.RsaCipher": "compatible",
            "com.sample.instance.RsaService": "compatible", "com.sample.nochunk.RSAUtils": "compatible",
            "com.sample.oaep.RsaOaepUtil": "compatible", "com.sample.hex.RsaHexUtil": "compatible",
            "com.sample.hidden.RsaPrivateUtil": "not-evaluable", "com.sample.mime.RsaMimeUtils": "compatible",
            "com.sample.constkeys.RsaConstKeyUtils": "compatible", "org.sample.ownkeys.RsaService": "compatible",
            "com.sample.charsetarg.RsaCharsetUtils": "compatible", "com.sample.nopadding.RsaNoPaddingUtil": "incompatible",
            "cn.sample.privonly.LoginPasswordDecoder": "compatible", "com.sample.loadkeys.SessionCrypto": "compatible",
            "org.sample.pkcs1pem.RsaPemUtils": "compatible",
        ]
        for (name, verdict) in expected {
            XCTAssertEqual(verdicts[name], verdict, name)
        }
        XCTAssertNil(verdicts["io.none.Empty"], "a class without RSA methods is not listed")
        XCTAssertNil(verdicts["com.sample.pubonly.RsaEncryptOnly"], "one role (encrypt) is not a helper class")
        XCTAssertNil(verdicts["com.sample.bean.RsaKeyHelper$RsaKeyPair"], "the bean is not a helper")
        XCTAssertEqual(summary.verdict, "incompatible", "a class is incompatible")
        XCTAssertEqual(summary.exitCode, 1)
        let table = JarScan.table(summary)
        // Columns are padded to the longest class name.
        XCTAssertTrue(table.split(separator: "\n").contains { $0.split(separator: " ").prefix(2) == ["com.example.broken.RsaUtilsBroken", "incompatible"] }, table)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("java-check-scan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try JarScan.write(summary, to: folder)
        let decoded = try JSONDecoder().decode(JarScan.Summary.self, from: Data(contentsOf: written[0]))
        XCTAssertEqual(decoded.classes.map(\.className), summary.classes.map(\.className))
    }
}
