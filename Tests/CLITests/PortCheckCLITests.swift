import Foundation
import TestSupport
import XCTest

/// `conformance port-check` end to end with the reference ports of Adapters/ (each skips visibly when
/// its runtime is missing: run scripts/install-deps.sh), the README's adapter, and the CLI's
/// handling of broken adapters and signals.
final class PortCheckCLITests: XCTestCase {
    static var root: URL { CLIRunner.packageRoot }

    /// Runs port-check with `--json`; returns the exit code and the parsed object.
    func portCheck(_ command: String, extra: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws
        -> (status: Int32, report: [String: Any], stderr: String, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("port-check-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["port-check", "--exec", command, "--json", "--report-dir", folder.path] + extra)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        guard let object else {
            XCTFail("no JSON object on stdout: \(result.stdout.prefix(300)) stderr: \(result.stderr)", file: file, line: line)
            return (result.status, [:], result.stderr, folder)
        }
        return (result.status, object, result.stderr, folder)
    }

    func vectorSummary(_ report: [String: Any]) -> [String: Int] {
        ((report["vectors"] as? [String: Any])?["summary"] as? [String: Int]) ?? [:]
    }

    func suites(_ report: [String: Any]) -> [String: [String: Any]] {
        let list = ((report["vectors"] as? [String: Any])?["suites"] as? [[String: Any]]) ?? []
        return Dictionary(list.map { (($0["suite"] as? String) ?? "", $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The java-check profile fields every reference port must show.
    func assertProfile(_ r: [String: Any], keySize: Int, encryptBlock: Int, decryptBlock: Int,
                       file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r["kind"] as? String, "adapter", file: file, line: line)
        XCTAssertEqual(r["keySize"] as? Int, keySize, file: file, line: line)
        XCTAssertEqual(r["signatureAlgorithm"] as? String, "MD5withRSA", file: file, line: line)
        XCTAssertEqual(r["encryptBlock"] as? Int, encryptBlock, file: file, line: line)
        XCTAssertEqual(r["decryptBlock"] as? Int, decryptBlock, file: file, line: line)
        XCTAssertEqual(r["encryptChunking"] as? String, "blocks", file: file, line: line)
        XCTAssertEqual(r["encryptPadding"] as? String, "PKCS1", file: file, line: line)
        for field in ["verdict", "findings", "matrix", "decryptChunking", "base64Style", "skips", "adapter", "vectors"] {
            XCTAssertTrue(r.keys.contains(field), "missing \(field)", file: file, line: line)
        }
    }

    func passed(_ suite: [String: Any]?) -> Int { ((suite?["counts"] as? [String: Int])?["passed"]) ?? -1 }
    func failed(_ suite: [String: Any]?) -> Int { ((suite?["counts"] as? [String: Int])?["failed"]) ?? -1 }

    // MARK: - Reference ports

    func testSwiftLibraryThroughTheAdapterVerb() throws {
        let (status, report, stderr, folder) = try portCheck("'\(CLIRunner.binary.path)' adapter")
        XCTAssertEqual(status, 0, stderr)
        XCTAssertEqual(report["verdict"] as? String, "compatible")
        XCTAssertEqual((report["adapter"] as? [String: Any])?["name"] as? String, "rsautils-conformance-swift")
        assertProfile(report, keySize: 1024, encryptBlock: 117, decryptBlock: 128)
        XCTAssertEqual(((report["summary"] as? [String: Int]) ?? [:])["failed"], 0)
        let summary = vectorSummary(report)
        XCTAssertEqual(summary["failed"], 0)
        XCTAssertGreaterThan(summary["passed"] ?? 0, 900)
        let s = suites(report)
        // Every algorithm the library has runs byte for byte; the JDK's chunked ciphertexts decrypt.
        for name in ["sign MD5withRSA 1024", "sign SHA256withRSA 2048", "verify SHA1withRSA 1024",
                     "decryptByPrivateKey 1024 blocks 117/128", "encryptByPrivateKey 1024 blocks 117/128",
                     "md5", "tokenSign", "numberCheckRequest phone+appKey+timestamp"] {
            XCTAssertGreaterThan(passed(s[name]), 0, name)
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertTrue(files.contains("port-check-rsautils-conformance-swift.json"), "\(files)")
        XCTAssertTrue(files.contains("port-check-rsautils-conformance-swift.md"), "\(files)")
        XCTAssertTrue(files.contains("port-check-rsautils-conformance-swift.stderr.log"), "\(files)")
    }

    func testPythonPortOnCryptography() throws {
        let python = try Self.requirePythonVenv()
        let (status, report, stderr, _) = try portCheck("'\(python)' Adapters/python/adapter.py")
        XCTAssertEqual(status, 0, stderr)
        XCTAssertEqual(report["verdict"] as? String, "compatible")
        assertProfile(report, keySize: 1024, encryptBlock: 117, decryptBlock: 128)
        let s = suites(report)
        XCTAssertEqual(passed(s["sign MD5withRSA 1024"]), 36)
        XCTAssertEqual(passed(s["decryptByPrivateKey 1024 blocks 117/128"]), 18)  // two groups, two keys
        XCTAssertEqual(passed(s["numberCheckRequest phone+appKey+timestamp"]), 12)
        // A fixed MD5withRSA port: the other algorithms are skips, not failures.
        XCTAssertEqual(failed(s["sign SHA256withRSA 1024"]), 0)
        XCTAssertEqual(passed(s["sign SHA256withRSA 1024"]), 0)
        let findings = (report["findings"] as? [String]) ?? []
        XCTAssertTrue(findings.contains { $0.contains("upper case") }, "\(findings)")
    }

    func testNodePortOnCrypto() throws {
        let node = try Self.requireNode()
        let (status, report, stderr, _) = try portCheck("'\(node)' Adapters/node/adapter.js")
        XCTAssertEqual(status, 0, stderr)
        XCTAssertEqual(report["verdict"] as? String, "compatible")
        assertProfile(report, keySize: 1024, encryptBlock: 117, decryptBlock: 128)
        XCTAssertEqual(report["privateEncryptBlock"] as? Int, 117)
        let s = suites(report)
        XCTAssertEqual(passed(s["verify MD5withRSA 2048"]), 49)
        XCTAssertEqual(passed(s["decryptByPublicKey 1024 blocks 117/128"]), 18)
        XCTAssertEqual(passed(s["encryptByPrivateKey 1024 blocks 117/128"]), 18)
    }

    /// PHP is not installed by scripts/install-deps.sh: this runs where `php` (with openssl) is present.
    func testPHPPortOnOpenSSL() throws {
        let php = try Self.requireTool("php", hint: "apt-get install php-cli")
        let (status, report, stderr, _) = try portCheck("'\(php)' Adapters/php/adapter.php")
        XCTAssertEqual(status, 0, stderr)
        XCTAssertEqual(report["verdict"] as? String, "compatible")
        assertProfile(report, keySize: 1024, encryptBlock: 117, decryptBlock: 128)
        XCTAssertGreaterThan(passed(suites(report)["decryptByPrivateKey 1024 blocks 117/128"]), 0)
    }

    func testDefective2048PortIsFlagged() throws {
        let node = try Self.requireNode()
        let (status, report, stderr, _) = try portCheck("'\(node)' Adapters/node/adapter.js Adapters/defective/rsautils2048.js")
        XCTAssertEqual(status, 1, stderr)
        XCTAssertEqual(report["verdict"] as? String, "incompatible")
        // The profile names the defect: 2048-bit keys, 1024-bit chunk constants.
        assertProfile(report, keySize: 2048, encryptBlock: 117, decryptBlock: 128)
        XCTAssertEqual(report["longRoundTrip"] as? Bool, false)
        let findings = (report["findings"] as? [String]) ?? []
        XCTAssertTrue(findings.contains { $0.contains("2048-bit-key-with-117/128 defect") && $0.contains("245") && $0.contains("256") }, "\(findings)")
        let s = suites(report)
        // 128-byte slices of 256-byte blocks: the JDK's 2048-bit ciphertexts do not decrypt.
        XCTAssertGreaterThan(failed(s["decryptByPrivateKey 2048 blocks 245/256"]), 0)
        XCTAssertEqual(passed(s["sign MD5withRSA 2048"]), 36)
    }

    func testReadmeAdapterIsTheTestedOneAndPasses() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let adapter = try String(contentsOf: Self.root.appendingPathComponent("Adapters/readme/adapter.py"), encoding: .utf8)
        let marker = "```python\n#!/usr/bin/env python3\n# A complete port-check adapter"
        guard let start = readme.range(of: marker) else { return XCTFail("README has no python adapter block") }
        let body = readme[readme.index(start.lowerBound, offsetBy: "```python\n".count)...]
        guard let end = body.range(of: "\n```\n") else { return XCTFail("unterminated block") }
        XCTAssertEqual(String(body[..<end.lowerBound]) + "\n", adapter, "README block and Adapters/readme/adapter.py must be the same")
        let python = try Self.requirePythonVenv()
        let (status, report, stderr, _) = try portCheck("'\(python)' Adapters/readme/adapter.py")
        XCTAssertEqual(status, 0, stderr)
        XCTAssertEqual(report["verdict"] as? String, "compatible")
        assertProfile(report, keySize: 1024, encryptBlock: 117, decryptBlock: 128)
    }

    // MARK: - Broken adapters and signals

    func testAdapterPrintingNonJSONIsOneErrorLine() throws {
        let folder = try TestPackage.temporaryFolder(self, prefix: "port-check-cli")
        let result = try CLIRunner.run(["port-check", "--exec", "echo 'Warning: PHP Startup'; cat", "--report-dir", folder.path])
        assertOneLineError(result, exitCode: 2, mentioning: "not JSON")
        XCTAssertTrue(result.stderr.contains("\"Warning: PHP Startup\""), result.stderr)
    }

    func testAdapterCrashingDuringTheProbeIsOneErrorLine() throws {
        let folder = try TestPackage.temporaryFolder(self, prefix: "port-check-cli")
        // Answers hello listing sign, then dies on the first real request.
        let hello = #"{"id":1,"ok":true,"name":"crashes","version":"0","ops":["sign","genKeyPair"]}"#
        let result = try CLIRunner.run(["port-check", "--exec", "read l; echo '\(hello)'; read l; echo 'Segmentation fault' >&2; exit 139",
                                        "--report-dir", folder.path, "--json"])
        assertOneLineError(result, exitCode: 2, mentioning: "exited before answering request 2 (genKeyPair)")
        XCTAssertTrue(result.stderr.contains("exit status 139"), result.stderr)
        XCTAssertEqual(result.stdout, "", "no report on stdout when the check could not finish")
    }

    func testAdapterWithNoOperationsIsNotEvaluable() throws {
        let folder = try TestPackage.temporaryFolder(self, prefix: "port-check-cli")
        let hello = #"{"id":1,"ok":true,"name":"empty","version":"0","ops":[]}"#
        let result = try CLIRunner.run(["port-check", "--exec", "read l; echo '\(hello)'; cat >/dev/null",
                                        "--report-dir", folder.path, "--json"])
        XCTAssertEqual(result.status, 2)
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(report?["verdict"] as? String, "not-evaluable")
        assertOneLineError(CLIResult(status: result.status, stdout: "", stderr: result.stderr), exitCode: 2, mentioning: "nothing could be evaluated")
    }

    func testMissingAdapterProgramNamesTheShellsComplaint() throws {
        let folder = try TestPackage.temporaryFolder(self, prefix: "port-check-cli")
        let result = try CLIRunner.run(["port-check", "--exec", "no-such-adapter-program --serve", "--report-dir", folder.path])
        assertOneLineError(result, exitCode: 2, mentioning: "exited before answering request 1 (hello) (exit status 127)")
        XCTAssertTrue(result.stderr.contains("not found"), result.stderr)
    }

    func testUsageErrors() throws {
        assertOneLineError(try CLIRunner.run(["port-check"]), exitCode: 2, mentioning: "--exec")
        assertOneLineError(try CLIRunner.run(["port-check", "--exec", "true", "--timeout", "0"]), exitCode: 2, mentioning: "--timeout")
        assertOneLineError(try CLIRunner.run(["port-check", "--exec", "  "]), exitCode: 2, mentioning: "--exec")
    }

    func testSIGINTStopsTheAdapterGroup() throws {
        let folder = try TestPackage.temporaryFolder(self, prefix: "port-check-cli")
        // Answers hello, then hangs with a background child that ignores SIGTERM.
        let (process, group) = try startHangingPortCheck(
            in: folder, adapter: "(trap '' TERM; exec sleep 60) & read l; echo '$HELLO'; exec sleep 60")
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 130)
        let stderr = try String(contentsOf: folder.appendingPathComponent("stderr.txt"), encoding: .utf8)
        XCTAssertEqual(stderr.split(separator: "\n").count, 1, stderr)
        XCTAssertTrue(stderr.hasPrefix("error: interrupted by SIGINT"), stderr)
        XCTAssertFalse(ProcessGroupProbe.hasLiveMembers(group), "the adapter's process group outlived the tool")
    }

    func testSIGKILLedToolLeavesNoAdapter() throws {
        // Ignores SIGTERM and its stdin's end: only the watchdog's SIGKILL to the group ends it.
        let folder = try TestPackage.temporaryFolder(self, prefix: "port-check-cli")
        let (process, group) = try startHangingPortCheck(
            in: folder, adapter: "trap '' TERM; read l; echo '$HELLO'; while :; do sleep 1; done")
        kill(process.processIdentifier, SIGKILL)
        // The watchdog sends SIGTERM, waits its 1 s grace, then SIGKILL.
        let deadline = Date().addingTimeInterval(10)
        while ProcessGroupProbe.hasLiveMembers(group), Date() < deadline { usleep(50_000) }
        XCTAssertFalse(ProcessGroupProbe.hasLiveMembers(group), "the adapter's process group outlived the SIGKILLed tool")
        kill(-group, SIGKILL)  // when it failed: leave nothing behind
        process.waitUntilExit()
    }

    /// Starts port-check on `adapter` (a shell script; `$HELLO` stands for its hello answer), waits
    /// until the adapter runs and has answered hello; returns the tool's process and the adapter's group.
    private struct AdapterNeverStarted: Error {}

    private func startHangingPortCheck(in folder: URL, adapter: String) throws -> (Process, Int32) {
        let pidFile = folder.appendingPathComponent("adapter.pid").path
        let hello = #"{"id":1,"ok":true,"name":"hangs","version":"0","ops":["md5"]}"#
        let script = "echo $$ > '\(pidFile)'; " + adapter.replacingOccurrences(of: "$HELLO", with: hello)
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["port-check", "--exec", script, "--report-dir", folder.path]
        process.currentDirectoryURL = Self.root
        let errURL = folder.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var group: Int32?
        let deadline = Date().addingTimeInterval(20)
        while group == nil, Date() < deadline {
            usleep(50_000)
            group = (try? String(contentsOfFile: pidFile, encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        guard let group else {
            process.terminate()
            throw AdapterNeverStarted()
        }
        usleep(300_000)  // let it answer hello
        return (process, group)
    }

    // MARK: - Environment

    static func requirePythonVenv() throws -> String {
        let python = root.appendingPathComponent(".build/venv/bin/python").path
        let check = Process()
        check.executableURL = URL(fileURLWithPath: python)
        check.arguments = ["-c", "import cryptography"]
        check.standardOutput = FileHandle.nullDevice
        check.standardError = FileHandle.nullDevice
        guard FileManager.default.isExecutableFile(atPath: python), (try? check.run()) != nil else {
            throw XCTSkip("no Python venv at \(python): run scripts/install-deps.sh (it installs Adapters/python/requirements.txt)")
        }
        check.waitUntilExit()
        guard check.terminationStatus == 0 else {
            throw XCTSkip("\(python) has no cryptography package: run scripts/install-deps.sh")
        }
        return python
    }

    static func requireNode() throws -> String {
        try requireTool("node", hint: "run scripts/install-deps.sh (apt package nodejs)")
    }

    static func requireTool(_ name: String, hint: String) throws -> String {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw XCTSkip("\(name) is not installed: \(hint)")
    }
}
