import Foundation
import XCTest

/// `conformance java-check` end to end: exit codes 0/1/2, `--json` fields, reports written.
/// Skipped (with the reason) when there is no JDK or commons-codec jar.
final class JavaCheckCLITests: XCTestCase {
    private struct Toolchain {
        let javac: String
        let jar: String
    }

    private static let toolchain: Result<Toolchain, any Error> = Result {
        let env = ProcessInfo.processInfo.environment
        var dirs: [String] = []
        if let home = env["JAVA_HOME"], !home.isEmpty { dirs.append(home + "/bin") }
        dirs += (env["PATH"] ?? "").split(separator: ":").map(String.init)
        guard let javac = dirs.map({ $0 + "/javac" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("no javac (JDK) found")
        }
        let jars = [env["COMMONS_CODEC_JAR"], "/usr/share/java/commons-codec.jar"].compactMap { $0 }
        guard let jar = jars.first(where: { FileManager.default.isReadableFile(atPath: $0) }) else {
            throw XCTSkip("no commons-codec jar found")
        }
        return Toolchain(javac: javac, jar: jar)
    }

    /// The samples plus a class without RsaUtils methods, compiled once.
    private static let compiled: Result<URL, any Error> = Result {
        let tc = try toolchain.get()
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("java-check-cli-\(UUID().uuidString)")
        let classes = temp.appendingPathComponent("classes")
        let extra = temp.appendingPathComponent("src/org/nothing/Plain.java")
        try FileManager.default.createDirectory(at: extra.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: classes, withIntermediateDirectories: true)
        try "package org.nothing;\npublic class Plain { public String greet(String name) { return \"hi \" + name; } }\n"
            .write(to: extra, atomically: true, encoding: .utf8)
        // A class whose genKeyPair never returns: java-check must time out, not hang.
        let hang = temp.appendingPathComponent("src/org/nothing/Hang.java")
        try ("package org.nothing;\nimport java.util.Map;\npublic class Hang {\n"
            + "  public static Map<String, Object> genKeyPair() throws Exception { while (true) { Thread.sleep(1000); } }\n"
            + "  public static String getPublicKey(Map<String, Object> m) { return \"\"; }\n"
            + "  public static String getPrivateKey(Map<String, Object> m) { return \"\"; }\n"
            + "  public static String sign(byte[] d, String k) { return \"\"; }\n}\n")
            .write(to: hang, atomically: true, encoding: .utf8)
        // Data-only methods whose key accessor never returns / ends the JVM: reading its own keys must
        // time out or fail with one line, never hang or leave a JVM behind.
        let hangKey = temp.appendingPathComponent("src/org/nothing/HangKey.java")
        try ("package org.nothing;\npublic class HangKey {\n"
            + "  public static String getPublicKey() throws Exception { while (true) { Thread.sleep(1000); } }\n"
            + "  public static String encrypt(String data) { return data; }\n"
            + "  public static String decrypt(String data) { return data; }\n}\n")
            .write(to: hangKey, atomically: true, encoding: .utf8)
        let exitKey = temp.appendingPathComponent("src/org/nothing/ExitKey.java")
        try ("package org.nothing;\npublic class ExitKey {\n"
            + "  private static String getPrivateKey() { System.exit(3); return null; }\n"
            + "  public static String encrypt(String data) { return data; }\n"
            + "  public static String decrypt(String data) { return data; }\n}\n")
            .write(to: exitKey, atomically: true, encoding: .utf8)
        let samples = CLIRunner.packageRoot.appendingPathComponent("Oracles/java/samples")
        var files = [extra.path, hang.path, hangKey.path, exitKey.path]
        if let e = FileManager.default.enumerator(at: samples, includingPropertiesForKeys: nil) {
            files += e.compactMap { ($0 as? URL)?.path }.filter { $0.hasSuffix(".java") }
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tc.javac)
        process.arguments = ["-encoding", "UTF-8", "-nowarn", "-d", classes.path, "-cp", tc.jar] + files
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "javac failed on the samples"]) }
        return classes
    }

    private func classes() throws -> URL { try Self.compiled.get() }

    /// The compiled samples live in a temporary folder: remove it when the class's tests are done.
    override class func tearDown() {
        if case .success(let classes) = compiled { try? FileManager.default.removeItem(at: classes.deletingLastPathComponent()) }
        super.tearDown()
    }

    private func tempDir() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("java-check-cli-reports-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    private func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
    }

    // MARK: - Exit 0 / 1

    func testCompatibleClassExitsZeroAndWritesReports() throws {
        let reports = tempDir()
        let result = try CLIRunner.run(["java-check", "--classpath", try classes().path, "--class", "com.example.RsaUtils",
                                        "--report-dir", reports.path])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(result.stderr, "", "the class's stack traces (fail-open probe) must not reach the terminal")
        XCTAssertTrue(result.stdout.contains("signature algorithm  MD5withRSA"), result.stdout)
        XCTAssertTrue(result.stdout.contains("Swift settings: MD5withRSA, blocks 117/128"), result.stdout)
        XCTAssertTrue(result.stdout.contains("COMPATIBLE"))
        let jsonFile = reports.appendingPathComponent("java-check-com.example.RsaUtils.json")
        let mdFile = reports.appendingPathComponent("java-check-com.example.RsaUtils.md")
        let object = try json(String(contentsOf: jsonFile, encoding: .utf8))
        XCTAssertEqual(object["compatible"] as? Bool, true)
        XCTAssertEqual(object["keySize"] as? Int, 1024)
        let md = try String(contentsOf: mdFile, encoding: .utf8)
        XCTAssertTrue(md.hasPrefix("# java-check: com.example.RsaUtils"))
        XCTAssertTrue(md.contains("Swift settings: **MD5withRSA, blocks 117/128"))
    }

    func testJsonHasTheProfileFields() throws {
        let result = try CLIRunner.run(["java-check", "--classpath", try classes().path,
                                        "--class", "com.example.rsa2048.RsaUtils2048", "--json", "--no-report"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let o = try json(result.stdout)
        XCTAssertEqual(o["class"] as? String, "com.example.rsa2048.RsaUtils2048")
        XCTAssertEqual(o["keySize"] as? Int, 2048)
        XCTAssertEqual(o["signatureAlgorithm"] as? String, "SHA256withRSA")
        XCTAssertEqual(o["encryptBlock"] as? Int, 245)
        XCTAssertEqual(o["decryptBlock"] as? Int, 256)
        XCTAssertEqual(o["base64LineBreaks"] as? Bool, false)
        XCTAssertEqual(o["charset"] as? String, "UTF-8")
        XCTAssertEqual(o["failOpen"] as? Bool, true)
        XCTAssertEqual(o["compatible"] as? Bool, true)
        XCTAssertFalse((o["findings"] as? [String] ?? []).isEmpty)
        let matrix = try XCTUnwrap(o["matrix"] as? [[String: Any]])
        XCTAssertGreaterThan(matrix.count, 30)
        XCTAssertTrue(matrix.allSatisfy { ["pass", "skip"].contains($0["verdict"] as? String ?? "") })
        XCTAssertTrue(matrix.allSatisfy { $0["id"] is String && $0["name"] is String && $0["group"] is String })
    }

    func testDefectiveClassExitsOne() throws {
        let reports = tempDir()
        let result = try CLIRunner.run(["java-check", "--classpath", try classes().path,
                                        "--class", "com.example.broken.RsaUtilsBroken", "--json", "--report-dir", reports.path])
        XCTAssertEqual(result.status, 1, result.stderr)
        let o = try json(result.stdout)
        XCTAssertEqual(o["compatible"] as? Bool, false)
        XCTAssertEqual(o["keySize"] as? Int, 2048)
        XCTAssertEqual(o["encryptBlock"] as? Int, 117)
        XCTAssertEqual(o["decryptBlock"] as? Int, 128)
        XCTAssertEqual(o["longRoundTrip"] as? Bool, false)
        let findings = o["findings"] as? [String] ?? []
        XCTAssertTrue(findings.contains { $0.contains("DEFECT") && $0.contains("blocks 117/256") }, findings.joined(separator: "\n"))
        let matrix = try XCTUnwrap(o["matrix"] as? [[String: Any]])
        let failed = matrix.filter { $0["verdict"] as? String == "fail" }
        XCTAssertFalse(failed.isEmpty)
        XCTAssertTrue(failed.allSatisfy { $0["expected"] is String && $0["actual"] is String }, "each mismatch has expected and actual")
        XCTAssertTrue(FileManager.default.fileExists(atPath: reports.appendingPathComponent("java-check-com.example.broken.RsaUtilsBroken.md").path))
        // The human table says it too.
        let table = try CLIRunner.run(["java-check", "--classpath", try classes().path,
                                       "--class", "com.example.broken.RsaUtilsBroken", "--no-report"])
        XCTAssertEqual(table.status, 1)
        XCTAssertTrue(table.stdout.contains("NOT COMPATIBLE"), table.stdout)
        XCTAssertTrue(table.stdout.contains("FAIL"), table.stdout)
    }

    func testUnseenCRLFClass() throws {
        let result = try CLIRunner.run(["java-check", "--classpath", try classes().path,
                                        "--class", "org.acme.security.RsaHelper", "--json", "--no-report"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let o = try json(result.stdout)
        XCTAssertEqual(o["signatureAlgorithm"] as? String, "SHA1withRSA")
        XCTAssertEqual(o["base64LineBreaks"] as? Bool, true)
    }

    // MARK: - Exit 2

    func testClassNotFoundExitsTwo() throws {
        let result = try CLIRunner.run(["java-check", "--classpath", try classes().path, "--class", "com.example.NoSuchClass", "--no-report"])
        assertOneLineError(result, exitCode: 2, mentioning: "com.example.NoSuchClass not found")
    }

    func testMissingClasspathEntryExitsTwo() throws {
        let result = try CLIRunner.run(["java-check", "--classpath", "/no/such/folder", "--class", "com.example.RsaUtils"])
        assertOneLineError(result, exitCode: 2, mentioning: "/no/such/folder")
    }

    func testClassWithoutRsaUtilsMethodsExitsTwo() throws {
        let result = try CLIRunner.run(["java-check", "--classpath", try classes().path, "--class", "org.nothing.Plain", "--no-report"])
        assertOneLineError(result, exitCode: 2, mentioning: "no usable RsaUtils methods")
    }

    func testUsageErrorsExitTwo() throws {
        assertOneLineError(try CLIRunner.run(["java-check", "--class", "a.B"]), exitCode: 2, mentioning: "--classpath")
        assertOneLineError(try CLIRunner.run(["java-check", "--classpath", "/tmp", "--class", "not a class"]), exitCode: 2,
                           mentioning: "not a Java class name")
    }

    func testAMethodThatNeverReturnsTimesOut() throws {
        let result = try CLIRunner.run(["java-check", "--classpath", try classes().path, "--class", "org.nothing.Hang",
                                        "--timeout", "2", "--no-report"])
        assertOneLineError(result, exitCode: 2, mentioning: "did not return within 2 s")
    }

    func testAKeyAccessorThatNeverReturnsTimesOut() throws {
        let result = try CLIRunner.run(["java-check", "--classpath", try classes().path, "--class", "org.nothing.HangKey",
                                        "--timeout", "2", "--no-report"])
        assertOneLineError(result, exitCode: 2, mentioning: "did not return within 2 s")
    }

    func testAKeyAccessorThatExitsTheJVMIsOneError() throws {
        let result = try CLIRunner.run(["java-check", "--classpath", try classes().path, "--class", "org.nothing.ExitKey", "--no-report"])
        assertOneLineError(result, exitCode: 2, mentioning: "System.exit")
    }

    /// Hard-coded keys, data-only methods: the JSON says where the keys came from, never the private key.
    func testHardCodedKeysJson() throws {
        let result = try CLIRunner.run(["java-check", "--classpath", try classes().path, "--class", "com.sample.constkeys.RsaConstKeyUtils",
                                        "--json", "--no-report"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let o = try json(result.stdout)
        XCTAssertEqual(o["keySource"] as? String, "class-constant")
        XCTAssertEqual(o["verdict"] as? String, "compatible")
        // The sample's PRIVATE_KEY constant (its PKCS#8 Base64 starts with this) must appear nowhere.
        XCTAssertFalse(result.stdout.contains("MIICdwIBADANBgkqhkiG9w0BAQEFAASCAmEwggJd"), "the private key must not be printed")
    }

    // MARK: - The JSON contract and --jar

    func testJsonContractFields() throws {
        let result = try CLIRunner.run(["java-check", "--classpath", try classes().path, "--class", "net.sample.keyparams.RsaCipher",
                                        "--json", "--no-report"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let o = try json(result.stdout)
        for key in ["verdict", "keySource", "encryptChunking", "decryptChunking", "encryptPadding", "decryptPadding", "argumentOrder",
                    "methods", "base64Styles", "skips", "base64LineBreaks", "compatible", "keySize", "signatureAlgorithm", "matrix"] {
            XCTAssertTrue(o.keys.contains(key), "missing \(key)")
        }
        XCTAssertEqual(o["verdict"] as? String, "compatible")
        XCTAssertEqual(o["keySource"] as? String, "class")
        XCTAssertEqual(o["encryptChunking"] as? String, "blocks")
        XCTAssertEqual(o["encryptPadding"] as? String, "PKCS1")
        XCTAssertTrue(o["base64LineBreaks"] is NSNull, "no Base64 output was observed")
        XCTAssertEqual((o["argumentOrder"] as? [String: String])?["sign"], "key-first")
        let methods = try XCTUnwrap(o["methods"] as? [[String: Any]])
        let encrypt = try XCTUnwrap(methods.first { $0["name"] as? String == "encrypt" })
        XCTAssertEqual(encrypt["role"] as? String, "encryptByPublicKey")
        XCTAssertEqual(encrypt["parameters"] as? [String], ["Key", "byte[]"])
        XCTAssertEqual(encrypt["returns"] as? String, "byte[]")
        XCTAssertEqual(encrypt["isStatic"] as? Bool, true)
        XCTAssertEqual(encrypt["visibility"] as? String, "public")
        XCTAssertTrue((o["skips"] as? [[String: Any]])?.allSatisfy { $0["check"] is String && $0["reason"] is String } ?? false)
    }

    func testJarScanPrintsOneRowPerHelperAndWritesTheSummary() throws {
        let reports = tempDir()
        let result = try CLIRunner.run(["java-check", "--jar", try classes().path, "--report-dir", reports.path])
        XCTAssertEqual(result.status, 1, "the defective sample is incompatible: " + result.stderr)
        // Columns are padded to the longest class name.
        XCTAssertTrue(result.stdout.split(separator: "\n").contains { $0.split(separator: " ").prefix(2) == ["com.example.broken.RsaUtilsBroken", "incompatible"] },
                      result.stdout)
        XCTAssertTrue(result.stdout.contains("com.sample.nochunk.RSAUtils"), result.stdout)
        XCTAssertFalse(result.stdout.contains("org.nothing.Plain"), "not an RSA helper")
        let summary = try json(String(contentsOf: reports.appendingPathComponent("java-check-summary.json"), encoding: .utf8))
        let rows = try XCTUnwrap(summary["classes"] as? [[String: Any]])
        XCTAssertTrue(rows.contains { $0["class"] as? String == "com.example.RsaUtils" && $0["verdict"] as? String == "compatible" })
        XCTAssertTrue(FileManager.default.fileExists(atPath: reports.appendingPathComponent("java-check-com.sample.hex.RsaHexUtil.json").path))
    }
}
