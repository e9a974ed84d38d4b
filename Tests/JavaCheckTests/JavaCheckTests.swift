import Foundation
import TestSupport
import XCTest

@testable import JavaCheck
import JavaOracle
import ImplementationProbes

/// `java-check` profile detection on the samples in Oracles/java/samples/ and on classes generated
/// here that it has never seen (other package and class names, SHA1withRSA, CRLF Base64, 2048-bit
/// constants on a 1024-bit key). Skipped (with the reason) when there is no JDK.
final class JavaCheckTests: XCTestCase {
    private static let toolchain: Result<JavaToolchain, any Error> = Result { try JavaToolchain.locate() }

    static var packageRoot: URL { TestPackage.root }

    /// Every sample and every generated class, compiled once into one temporary folder (their
    /// fully qualified names differ).
    private static let compiled: Result<String, any Error> = Result {
        let tc = try toolchain.get()
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("java-check-tests-\(UUID().uuidString)")
        let src = temp.appendingPathComponent("generated")
        let classes = temp.appendingPathComponent("classes")
        try FileManager.default.createDirectory(at: classes, withIntermediateDirectories: true)
        var files = try javaFiles(under: packageRoot.appendingPathComponent("Oracles/java/samples"))
        for (path, text) in try generatedSources() {
            let url = src.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            files.append(url.path)
        }
        let status = try JavaToolchain.run(tc.javac, ["-encoding", "UTF-8", "-nowarn", "-d", classes.path, "-cp", tc.commonsCodecJar] + files,
                                           outputPath: temp.appendingPathComponent("javac.log").path)
        guard status == 0 else {
            let log = (try? String(contentsOf: temp.appendingPathComponent("javac.log"), encoding: .utf8)) ?? ""
            throw NSError(domain: "javac", code: Int(status), userInfo: [NSLocalizedDescriptionKey: "javac failed: \(log)"])
        }
        return classes.path
    }

    /// The compiled classes live in a temporary folder: remove it when the class's tests are done.
    override class func tearDown() {
        if case .success(let classes) = compiled {
            try? FileManager.default.removeItem(at: URL(fileURLWithPath: classes).deletingLastPathComponent())
        }
        super.tearDown()
    }

    static func javaFiles(under dir: URL) throws -> [String] {
        guard let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil) else { return [] }
        return e.compactMap { ($0 as? URL)?.path }.filter { $0.hasSuffix(".java") }.sorted()
    }

    /// Unseen classes: the canonical sample rewritten under other names and conventions.
    static func generatedSources() throws -> [(String, String)] {
        let canonical = try String(contentsOf: packageRoot.appendingPathComponent("Oracles/java/samples/canonical/com/example/RsaUtils.java"),
                                   encoding: .utf8)
        func variant(package: String, className: String, bits: Int, algorithm: String, encrypt: Int, decrypt: Int,
                     chunkedBase64: Bool) -> (String, String) {
            var s = canonical
                .replacingOccurrences(of: "package com.example;", with: "package \(package);")
                .replacingOccurrences(of: "public class RsaUtils {", with: "public class \(className) {")
                .replacingOccurrences(of: "keyPairGen.initialize(1024);", with: "keyPairGen.initialize(\(bits));")
                .replacingOccurrences(of: "\"MD5withRSA\"", with: "\"\(algorithm)\"")
                .replacingOccurrences(of: "MAX_ENCRYPT_BLOCK = 117;", with: "MAX_ENCRYPT_BLOCK = \(encrypt);")
                .replacingOccurrences(of: "MAX_DECRYPT_BLOCK = 128;", with: "MAX_DECRYPT_BLOCK = \(decrypt);")
            if chunkedBase64 {
                s = s.replacingOccurrences(of: "Base64.encodeBase64String(", with: "chunked(")
                    .replacingOccurrences(of: "public class \(className) {", with: """
                        public class \(className) {
                            private static String chunked(byte[] bytes) {
                                return new String(Base64.encodeBase64Chunked(bytes), java.nio.charset.StandardCharsets.US_ASCII);
                            }
                        """)
            }
            return (package.replacingOccurrences(of: ".", with: "/") + "/\(className).java", s)
        }
        return [
            variant(package: "net.unseen.pay", className: "CryptoKit7", bits: 1024, algorithm: "SHA1withRSA",
                    encrypt: 117, decrypt: 128, chunkedBase64: true),
            variant(package: "org.other.sec", className: "Rsa4096Style", bits: 2048, algorithm: "SHA384withRSA",
                    encrypt: 245, decrypt: 256, chunkedBase64: false),
            variant(package: "io.half.upgraded", className: "RsaBigConstants", bits: 1024, algorithm: "SHA512withRSA",
                    encrypt: 245, decrypt: 256, chunkedBase64: false),
            ("io/none/Empty.java", "package io.none;\npublic class Empty { public static int answer() { return 42; } }\n"),
        ]
    }

    func classes() throws -> String {
        do {
            _ = try Self.toolchain.get()
        } catch let error as JavaOracleError {
            switch error {
            case .javaNotFound, .javacNotFound, .commonsCodecNotFound: throw XCTSkip(error.description)
            default: throw error
            }
        }
        return try Self.compiled.get()
    }

    /// Every RSA helper class of the compiled folder, checked once through `--jar` scanning (one
    /// JVM for all of them); the tests below read their reports.
    static let scanned: Result<(JarScan.Summary, [String: JavaCheckReport]), any Error> = Result {
        let classes = try compiled.get()
        let (summary, reports) = try JarScan.run(entries: [classes], options: .init(classpath: classes, className: "", errorOutput: .discard))
        return (summary, Dictionary(reports.map { ($0.className, $0) }, uniquingKeysWith: { a, _ in a }))
    }

    func check(_ className: String) throws -> JavaCheckReport {
        _ = try classes()
        let report = try XCTUnwrap(try Self.scanned.get().1[className], "\(className) was not found by the scan")
        XCTAssertEqual(report.className, className)
        return report
    }

    func failures(_ r: JavaCheckReport) -> String {
        r.matrix.filter { $0.verdict == .fail }.map { "\($0.id): \($0.actual ?? "")" }.joined(separator: "\n")
    }

    // MARK: - The samples

    func testCanonicalSample() throws {
        let r = try check("com.example.RsaUtils")
        XCTAssertEqual(r.keySize, 1024)
        XCTAssertEqual(r.signatureAlgorithm, "MD5withRSA")
        XCTAssertEqual(r.encryptBlock, 117)
        XCTAssertEqual(r.decryptBlock, 128)
        XCTAssertTrue(r.decryptBlockMeasured)
        XCTAssertEqual(r.privateEncryptBlock, 117)
        XCTAssertEqual(r.publicDecryptBlock, 128)
        XCTAssertEqual(r.base64LineBreaks, false)
        XCTAssertEqual(r.charset, "UTF-8")
        XCTAssertEqual(r.charsetSource, "platform default", "encryptedDataOnJava uses getBytes()")
        XCTAssertEqual(r.charsetByMethod["String decryptDataOnJava(String, String)"], "UTF-8")
        XCTAssertEqual(r.failOpen, true)
        XCTAssertEqual(r.longRoundTrip, true)
        XCTAssertTrue(r.compatible, failures(r))
        XCTAssertEqual(r.exitCode, 0)
        XCTAssertEqual(r.skipped, 0)
        XCTAssertTrue(r.swiftSettings.hasPrefix("MD5withRSA, blocks 117/128"), r.swiftSettings)
        XCTAssertNil(r.swiftSettingsCaveat)
        for group in ["keys", "signatures", "encryption", "private-encryption", "text", "self"] {
            XCTAssertTrue(r.matrix.contains { $0.group == group && $0.verdict == .pass }, "no passing \(group) check")
        }
        XCTAssertTrue(r.matrix.contains { $0.id == "signatures.byte-exact.ASCII" && $0.verdict == .pass })
        XCTAssertTrue(r.matrix.contains { $0.id == "private-encryption.byte-exact.5000" && $0.verdict == .pass })
        XCTAssertTrue(r.findings.contains { $0.contains("fails open") })
        XCTAssertEqual(Set(["genKeyPair", "getPublicKey", "getPrivateKey", "sign", "verify", "encryptByPublicKey",
                            "decryptByPrivateKey", "encryptByPrivateKey", "decryptByPublicKey", "encryptedDataOnJava",
                            "decryptDataOnJava"]),
                       Set(r.methods.filter { $0.role != "none" }.map(\.name)))
    }

    func testSha256Sample() throws {
        let r = try check("com.example.rsa2048.RsaUtils2048")
        XCTAssertEqual(r.keySize, 2048)
        XCTAssertEqual(r.signatureAlgorithm, "SHA256withRSA")
        XCTAssertEqual(r.encryptBlock, 245)
        XCTAssertEqual(r.decryptBlock, 256)
        XCTAssertTrue(r.decryptBlockMeasured)
        XCTAssertEqual(r.longRoundTrip, true)
        XCTAssertTrue(r.compatible, failures(r))
        XCTAssertTrue(r.swiftSettings.hasPrefix("SHA256withRSA, blocks 245/256, 2048-bit keys"), r.swiftSettings)
    }

    func testDefectiveSampleIsFlagged() throws {
        let r = try check("com.example.broken.RsaUtilsBroken")
        XCTAssertEqual(r.keySize, 2048)
        XCTAssertEqual(r.signatureAlgorithm, "MD5withRSA")
        XCTAssertEqual(r.encryptBlock, 117)
        XCTAssertEqual(r.decryptBlock, 128, "inferred: 117 + 11")
        XCTAssertFalse(r.decryptBlockMeasured, "no 256-byte block decrypts, so 128 cannot be observed")
        XCTAssertEqual(r.longRoundTrip, false)
        XCTAssertFalse(r.compatible)
        XCTAssertEqual(r.exitCode, 1)
        // Java → Swift works with Swift decrypting 256-byte blocks; Swift → Java cannot.
        XCTAssertEqual(r.matrix.first { $0.id == "encryption.java-to-swift.5000" }?.verdict, .pass)
        let swiftToJava = try XCTUnwrap(r.matrix.first { $0.id == "encryption.swift-to-java.5000" })
        XCTAssertEqual(swiftToJava.verdict, .fail)
        XCTAssertTrue(swiftToJava.actual?.contains("BadPaddingException") ?? false, swiftToJava.actual ?? "")
        XCTAssertEqual(r.matrix.first { $0.id == "self.long-round-trip" }?.verdict, .fail)
        XCTAssertEqual(r.matrix.first { $0.id == "signatures.byte-exact.ASCII" }?.verdict, .pass, "signatures are fine")
        let defect = try XCTUnwrap(r.findings.first { $0.hasPrefix("DEFECT") })
        XCTAssertTrue(defect.contains("117/128"), defect)
        XCTAssertTrue(defect.contains("blocks 117/256"), defect)
        XCTAssertTrue(defect.contains("MAX_DECRYPT_BLOCK = 256"), defect)
        XCTAssertTrue(r.swiftSettings.hasPrefix("MD5withRSA, blocks 117/256"), r.swiftSettings)
        XCTAssertNotNil(r.swiftSettingsCaveat)
    }

    func testUnseenSha1ClassWithCRLFBase64() throws {
        let r = try check("org.acme.security.RsaHelper")
        XCTAssertEqual(r.keySize, 1024)
        XCTAssertEqual(r.signatureAlgorithm, "SHA1withRSA")
        XCTAssertEqual(r.encryptBlock, 117)
        XCTAssertEqual(r.decryptBlock, 128)
        XCTAssertEqual(r.base64LineBreaks, true)
        XCTAssertEqual(r.base64Style, "CRLF every 76 characters")
        XCTAssertEqual(r.charset, "UTF-8")
        XCTAssertEqual(r.charsetSource, "fixed", "it uses StandardCharsets.UTF_8")
        XCTAssertEqual(r.failOpen, true)
        XCTAssertTrue(r.compatible, failures(r))
    }

    func testUnseenGbkClassWithStringMethods() throws {
        let r = try check("cn.demo.util.RsaGbkUtil")
        XCTAssertEqual(r.keySize, 1024)
        XCTAssertEqual(r.signatureAlgorithm, "SHA256withRSA")
        XCTAssertEqual(r.encryptBlock, 117)
        XCTAssertEqual(r.decryptBlock, 128)
        XCTAssertEqual(r.charset, "GBK")
        XCTAssertEqual(r.charsetSource, "fixed")
        XCTAssertEqual(r.failOpen, false, "its encryptedDataOnJava throws")
        XCTAssertNil(r.privateEncryptBlock)
        XCTAssertTrue(r.matrix.contains { $0.group == "private-encryption" && $0.verdict == .skip })
        XCTAssertTrue(r.compatible, failures(r))
        XCTAssertTrue(r.swiftSettings.contains("text as GBK"), r.swiftSettings)
    }

    func testGeneratedClassSha1Chunked() throws {
        let r = try check("net.unseen.pay.CryptoKit7")
        XCTAssertEqual(r.keySize, 1024)
        XCTAssertEqual(r.signatureAlgorithm, "SHA1withRSA")
        XCTAssertEqual(r.encryptBlock, 117)
        XCTAssertEqual(r.decryptBlock, 128)
        XCTAssertEqual(r.base64LineBreaks, true)
        XCTAssertTrue(r.base64Style.hasPrefix("CRLF every 76"), r.base64Style)
        XCTAssertTrue(r.compatible, failures(r))
    }

    func testGeneratedClassSha384With2048BitKeys() throws {
        let r = try check("org.other.sec.Rsa4096Style")
        XCTAssertEqual(r.keySize, 2048)
        XCTAssertEqual(r.signatureAlgorithm, "SHA384withRSA")
        XCTAssertEqual(r.encryptBlock, 245)
        XCTAssertEqual(r.decryptBlock, 256)
        XCTAssertTrue(r.compatible, failures(r))
    }

    /// The mirror image of the classic defect: 2048-bit constants (245/256) on a 1024-bit key.
    func testGeneratedClassWithConstantsTooLargeForItsKey() throws {
        let r = try check("io.half.upgraded.RsaBigConstants")
        XCTAssertEqual(r.keySize, 1024)
        XCTAssertEqual(r.signatureAlgorithm, "SHA512withRSA")
        XCTAssertNil(r.encryptBlock, "inputs over 117 bytes throw, so its chunk size cannot be observed")
        XCTAssertEqual(r.longRoundTrip, false)
        XCTAssertFalse(r.compatible)
        XCTAssertTrue(r.findings.contains { $0.contains("118 bytes fail") }, r.findings.joined(separator: "\n"))
    }

    // MARK: - Errors (exit 2 in the CLI)

    func testClassNotFound() throws {
        let cp = try classes()
        XCTAssertThrowsError(try JavaCheck.run(.init(classpath: cp, className: "com.example.Missing", errorOutput: .discard))) { error in
            guard case JavaCheckError.load(let text)? = error as? JavaCheckError else { return XCTFail("\(error)") }
            XCTAssertTrue(text.contains("com.example.Missing not found"), text)
        }
    }

    func testClassWithoutRsaUtilsMethods() throws {
        let cp = try classes()
        XCTAssertThrowsError(try JavaCheck.run(.init(classpath: cp, className: "io.none.Empty", errorOutput: .discard))) { error in
            guard case JavaCheckError.load(let text)? = error as? JavaCheckError else { return XCTFail("\(error)") }
            XCTAssertTrue(text.contains("no usable RsaUtils methods"), text)
        }
    }

    func testClasspathValidation() throws {
        let cwd = FileManager.default.temporaryDirectory.path
        XCTAssertThrowsError(try JavaCheck.classpathEntries("/definitely/not/here", currentDirectory: cwd)) { error in
            XCTAssertEqual(error as? JavaCheckError, .usage("--classpath: entry '/definitely/not/here' does not exist"))
        }
        XCTAssertThrowsError(try JavaCheck.classpathEntries("::", currentDirectory: cwd))
        XCTAssertThrowsError(try JavaCheck.classpathEntries("/etc/hostname", currentDirectory: cwd))
        XCTAssertEqual(try JavaCheck.classpathEntries("/tmp/../tmp:", currentDirectory: cwd), ["/tmp"])
        XCTAssertNoThrow(try JavaCheck.checkClassName("com.example.RsaUtils"))
        XCTAssertNoThrow(try JavaCheck.checkClassName("Outer$Inner"))
        for bad in ["", "com..X", "1abc.X", "com.example.", "a b"] {
            XCTAssertThrowsError(try JavaCheck.checkClassName(bad), bad)
        }
    }

    // MARK: - Reports

    func testReportsRoundTripAndMarkdown() throws {
        let r = try check("com.example.broken.RsaUtilsBroken")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("java-check-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try JavaCheckReportWriter.write(r, to: folder)
        XCTAssertEqual(written.map(\.lastPathComponent), ["java-check-com.example.broken.RsaUtilsBroken.json", "java-check-com.example.broken.RsaUtilsBroken.md"])
        let decoded = try JSONDecoder().decode(JavaCheckReport.self, from: Data(contentsOf: written[0]))
        XCTAssertEqual(decoded, r)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: written[0])) as? [String: Any])
        for key in ["class", "keySize", "signatureAlgorithm", "encryptBlock", "decryptBlock", "base64LineBreaks",
                    "charset", "failOpen", "compatible", "findings", "matrix", "swiftSettings"] {
            XCTAssertNotNil(object[key], key)
        }
        let md = try String(contentsOf: written[1], encoding: .utf8)
        XCTAssertTrue(md.contains("**NOT compatible**"))
        XCTAssertTrue(md.contains("| decryption | blocks of 128 (inferred) |"), md)
        XCTAssertTrue(md.contains("**FAIL**"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [], "no temporary files left behind")
    }
}
