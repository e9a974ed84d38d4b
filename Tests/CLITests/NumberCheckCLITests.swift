import Foundation
import Conformance
import JavaOracle
import TestSupport
import XCTest

/// `conformance number-check`: a request built by the CLI is accepted by an independent implementation
/// (Python `cryptography` = OpenSSL), `verify` gives each rule's code and exit status, bad input is one line.
final class NumberCheckCLITests: XCTestCase {
    struct Pair { let publicKey: String; let privateKey: String }

    static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("numcheck-cli-\(UUID().uuidString)")

    override class func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Two key pairs from `conformance keygen`, written to files (the README's flow).
    func keys() throws -> (customer: Pair, platform: Pair) {
        try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
        func pair(_ name: String) throws -> Pair {
            let result = try CLIRunner.run(["keygen", "--bits", "1024"])
            XCTAssertEqual(result.status, 0, result.stderr)
            let lines = result.stdout.split(separator: "\n").map(String.init)
            guard lines.count == 2 else { throw XCTSkip("keygen printed \(lines.count) lines") }
            let pub = Self.folder.appendingPathComponent("\(name).pub"), priv = Self.folder.appendingPathComponent("\(name).key")
            try lines[0].write(to: pub, atomically: true, encoding: .utf8)
            try lines[1].write(to: priv, atomically: true, encoding: .utf8)
            return Pair(publicKey: "@" + pub.path, privateKey: "@" + priv.path)
        }
        return (try pair("customer"), try pair("platform"))
    }

    func build(_ keys: (customer: Pair, platform: Pair), extra: [String] = []) throws -> String {
        let result = try CLIRunner.run(["number-check", "build", "--app-id", "300011862498", "--app-key", "AK-中文",
                                        "--token", "STsid000001", "--phone", "13800138000",
                                        "--customer-private-key", keys.customer.privateKey,
                                        "--platform-public-key", keys.platform.publicKey,
                                        "--user-information", "浏览器指纹/\"x\""] + extra)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout.trimmingCharacters(in: .newlines)
    }

    func verify(_ request: String, _ keys: (customer: Pair, platform: Pair), extra: [String] = []) throws -> CLIResult {
        let file = Self.folder.appendingPathComponent("req-\(UUID().uuidString).json")
        try request.write(to: file, atomically: true, encoding: .utf8)
        return try CLIRunner.run(["number-check", "verify", "--request", "@" + file.path, "--customer-public-key", keys.customer.publicKey,
                                  "--platform-private-key", keys.platform.privateKey, "--app-key", "AK-中文"] + extra)
    }

    func testPythonCryptographyAcceptsACLIBuiltRequest() throws {
        guard (try? Python.run(["-c", "import cryptography"]))?.status == 0 else {
            throw XCTSkip("python3 with the cryptography package is not installed")
        }
        let keys = try keys()
        let request = try build(keys, extra: ["--timestamp", "20240229123456789", "--msg-id", "m-0001"])
        func keyText(_ argument: String) throws -> String { try String(contentsOfFile: String(argument.dropFirst()), encoding: .utf8) }
        // Written independently of the Swift code: MD5withRSA over the concatenation with the customer
        // public key, PKCS#1 v1.5 decryption of phoneNum with the platform private key.
        let script = #"""
import base64, json, sys
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding
a = json.load(sys.stdin)
req = json.loads(a["request"]); h, b = req["header"], req["body"]
pub = serialization.load_der_public_key(base64.b64decode(a["customerPublic"]))
s = h["appId"] + h["msgId"] + b["phoneNum"] + h["timestamp"] + b["token"] + h["version"]
pub.verify(base64.b64decode(b["sign"], validate=True), s.encode("utf-8"), padding.PKCS1v15(), hashes.MD5())
priv = serialization.load_der_private_key(base64.b64decode(a["platformPrivate"]), None)
plain = priv.decrypt(base64.b64decode(b["phoneNum"], validate=True), padding.PKCS1v15())
assert plain == ("13800138000" + "AK-中文" + "20240229123456789").encode("utf-8"), plain
assert (h["version"], h["msgId"], h["timestamp"], b["userInformation"]) == ("1.0", "m-0001", "20240229123456789", '浏览器指纹/"x"')
print("ok")
"""#
        let input = try JSONSerialization.data(withJSONObject: [
            "request": request, "customerPublic": try keyText(keys.customer.publicKey), "platformPrivate": try keyText(keys.platform.privateKey),
        ])
        let result = try Python.run(["-c", script], input: input)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(String(decoding: result.stdout, as: UTF8.self), "ok\n")
    }

    /// The JDK route: the Java reference (rsautils.oracle.NumberCheck, RsaUtils + commons-codec) verifies a
    /// CLI-built request, and `number-check verify` accepts a Java-built one.
    func testJDKAndCLIAcceptEachOthersRequests() throws {
        let oracle: JavaOracle
        do { oracle = try JavaOracle() } catch let error as JavaOracleError where error.meansNoJDK {
            throw XCTSkip("no JDK: \(error)")
        }
        defer { oracle.close() }
        let keys = try keys()
        func keyText(_ argument: String) throws -> String {
            try String(contentsOfFile: String(argument.dropFirst()), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let request = try build(keys)
        let verdict = try oracle.numberCheckVerify(request: request, customerPublicKey: try keyText(keys.customer.publicKey),
                                                   platformPrivateKey: try keyText(keys.platform.privateKey), appKey: "AK-中文",
                                                   expectedPhone: "13800138000", plaintextRule: "phone+appKey+timestamp")
        XCTAssertEqual(verdict.code, "000", verdict.reason)
        let javaBuilt = try oracle.numberCheckBuild(
            appId: "300011862498", appKey: "AK-中文", token: "tok", phone: "13912345678", userInformation: "指纹",
            expandParams: "", msgId: "m1", timestamp: "20240229123456789", plaintextRule: "phone+appKey+timestamp",
            customerPrivateKey: try keyText(keys.customer.privateKey), platformPublicKey: try keyText(keys.platform.publicKey))
        let ok = try verify(javaBuilt, keys, extra: ["--expect-phone", "13912345678"])
        XCTAssertEqual(ok.status, 0, ok.stdout + ok.stderr)
        XCTAssertTrue(ok.stdout.hasPrefix("000 "), ok.stdout)
    }

    func testVerifyCodesAndExitStatus() throws {
        let keys = try keys()
        let request = try build(keys)
        let ok = try verify(request, keys, extra: ["--expect-phone", "13800138000", "--max-age", "600"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(ok.stdout.hasPrefix("000 "), ok.stdout)
        XCTAssertEqual(try verify(request, keys, extra: ["--max-age", "1e300"]).status, 0)
        let old = try build(keys, extra: ["--timestamp", "20200101000000000"])
        let stale = try verify(old, keys, extra: ["--max-age", "120"])
        XCTAssertTrue(stale.stdout.hasPrefix("102 ") && stale.stdout.contains("window ±120 s"), stale.stdout)
        assertOneLineError(try verify(request, keys, extra: ["--max-age", "nan"]), exitCode: 2)
        let mismatch = try verify(request, keys, extra: ["--expect-phone", "13800138001"])
        XCTAssertEqual(mismatch.status, 1)
        XCTAssertTrue(mismatch.stdout.hasPrefix("001 "), mismatch.stdout)
        // Keys swapped: the sign no longer verifies (302).
        let swapped = try verify(request, (keys.platform, keys.customer))
        XCTAssertEqual(swapped.status, 1)
        XCTAssertTrue(swapped.stdout.hasPrefix("302 "), swapped.stdout)
        // The token changed after signing: 302.
        let tampered = try verify(request.replacingOccurrences(of: "STsid000001", with: "STsid000002"), keys)
        XCTAssertTrue(tampered.stdout.hasPrefix("302 "), tampered.stdout)
        // Built with the bare-phone rule, verified with the default rule: 004.
        let barePhone = try build(keys, extra: ["--phone-plaintext", "phone"])
        XCTAssertTrue(try verify(barePhone, keys).stdout.hasPrefix("004 "))
        XCTAssertTrue(try verify(barePhone, keys, extra: ["--phone-plaintext", "phone"]).stdout.hasPrefix("000 "))
        XCTAssertTrue(try verify("{\"header\":{}}", keys).stdout.hasPrefix("102 "))
        XCTAssertTrue(try verify("{\"header\":", keys).stdout.hasPrefix("303 "))
        XCTAssertEqual(try verify("{\"header\":", keys).status, 1)
    }

    func testBadInputIsOneErrorLine() throws {
        let keys = try keys()
        assertOneLineError(try CLIRunner.run(["number-check", "verify", "--request", "@/nonexistent/req.json",
                                              "--customer-public-key", keys.customer.publicKey, "--platform-private-key",
                                              keys.platform.privateKey, "--app-key", "k"]), exitCode: 2, mentioning: "--request")
        assertOneLineError(try CLIRunner.run(["number-check", "verify", "--request", "{}", "--customer-public-key", "not-a-key",
                                              "--platform-private-key", keys.platform.privateKey, "--app-key", "k"]), exitCode: 2)
        let base = ["number-check", "build", "--app-id", "a", "--app-key", "k", "--token", "t", "--phone", "1",
                    "--customer-private-key", keys.customer.privateKey, "--platform-public-key", keys.platform.publicKey]
        assertOneLineError(try CLIRunner.run(base + ["--timestamp", "20230229000000000"]), exitCode: 2, mentioning: "timestamp")
        assertOneLineError(try CLIRunner.run(base + ["--phone-plaintext", "appkey"]), exitCode: 2, mentioning: "--phone-plaintext")
        assertOneLineError(try CLIRunner.run(base + ["--phone", " "]), exitCode: 2, mentioning: "phone")
        assertOneLineError(try CLIRunner.run(Array(base.dropLast(2))), exitCode: 2)
        assertOneLineError(try CLIRunner.run(["number-check", "parse-response", "not json"]), exitCode: 2)
        assertOneLineError(try CLIRunner.run(["number-check", "parse-response", "@/"]), exitCode: 2, mentioning: "cannot read")
        // A bare path (forgotten @) is read as the file.
        let file = Self.folder.appendingPathComponent("resp.json")
        try #"{"header":{"resultCode":"000"},"body":{}}"#.write(to: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLIRunner.run(["number-check", "parse-response", file.path]).status, 0)
    }

    func testParseResponseExitStatus() throws {
        let local = try CLIRunner.run(["number-check", "parse-response", #"{"header":{"resultCode":"000"},"body":{"resultDesc":"是本机号码"}}"#])
        XCTAssertEqual(local.status, 0, local.stderr)
        XCTAssertTrue(local.stdout.contains("result: is the local number\n") && local.stdout.contains("description: 是本机号码"))
        let unknown = try CLIRunner.run(["number-check", "parse-response", "-"], stdin: Data(#"{"resultCode":"109999","desc":"新"}"#.utf8))
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stdout.contains("code: 109999\n") && unknown.stdout.contains("known code: no"), unknown.stdout)
    }
}
