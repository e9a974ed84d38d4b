import Crypto
import Foundation
import XCTest

/// The CLI takes what Java's RsaUtils and openssl users hold: files and stdin, values that begin with
/// dashes, inline PEM, Base64 of both alphabets, binary signatures, every key form; `key show/convert`,
/// `keygen --exponent`, the UTF-8 check of `--data`, and openssl's signatures and ciphertexts.
final class AgreementCLITests: XCTestCase {
    private var tmp: URL!

    override func setUpWithError() throws {
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("agree-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    private func path(_ name: String) -> String { tmp.appendingPathComponent(name).path }

    private func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        try Data(bytes).write(to: tmp.appendingPathComponent(name))
        return path(name)
    }

    private func out(_ args: [String], stdin: Data? = nil) throws -> String {
        let result = try CLIRunner.run(args, stdin: stdin)
        XCTAssertEqual(result.status, 0, "\(args.prefix(3)): \(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func keygen(_ extra: [String] = []) throws -> (publicKey: String, privateKey: String) {
        let lines = try out(["keygen", "--bits", "1024"] + extra).split(separator: "\n").map(String.init)
        return (lines[0], lines[1])
    }

    func testDataFileAndStdinSignLikeInlineData() throws {
        let key = try keygen()
        let data = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let file = try write("data.bin", data)
        let hex = data.prefix(1000).map { String(format: "%02x", $0) }.joined()
        let small = try write("small.bin", Array(data.prefix(1000)))
        for alg in ["MD5withRSA", "SHA256withRSA", "SHA512withRSA"] {
            let inline = try out(["sign", "--alg", alg, "--private-key", key.privateKey, "--data-hex", hex])
            XCTAssertEqual(try out(["sign", "--alg", alg, "--private-key", key.privateKey, "--data-file", small]), inline, alg)
            let big = try out(["sign", "--alg", alg, "--private-key", key.privateKey, "--data-file", file])
            XCTAssertEqual(try out(["sign", "--alg", alg, "--private-key", key.privateKey, "--data-file", "-"], stdin: Data(data)), big)
            XCTAssertEqual(try out(["verify", "--alg", alg, "--public-key", key.publicKey, "--data-file", file, "--signature", big]), "true")
            let sigFile = try write("sig.txt", Array((big + "\n").utf8))
            XCTAssertEqual(try out(["verify", "--alg", alg, "--public-key", key.publicKey, "--data-file", "-", "--signature", "@" + sigFile],
                                   stdin: Data(data)), "true")
        }
    }

    func testSignaturesAndCiphertextsInEveryBase64FormAndAsFiles() throws {
        let key = try keygen()
        let sig = try out(["sign", "--private-key", key.privateKey, "--data", "-abc"])
        let sigBytes = Array(Data(base64Encoded: sig) ?? Data())
        let urlSafe = sig.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        let wrapped = stride(from: 0, to: sig.count, by: 20).map { i -> String in
            let a = sig.index(sig.startIndex, offsetBy: i), b = sig.index(a, offsetBy: 20, limitedBy: sig.endIndex) ?? sig.endIndex
            return String(sig[a..<b])
        }.joined(separator: "\r\n")
        for form in [sig, urlSafe, wrapped, "@" + (try write("sig.bin", sigBytes))] {
            XCTAssertEqual(try out(["verify", "--public-key", key.publicKey, "--data", "-abc", "--signature", form]), "true", form)
        }
        // A URL-safe signature that starts with '-' is taken as the value.
        let plain = Array("长消息 ".utf8) + Array(repeating: 0x41, count: 500)
        let ct = try out(["encrypt", "--public-key", key.publicKey, "--data-file", try write("plain.bin", plain)])
        let ctBytes = Array(Data(base64Encoded: ct) ?? Data())
        let ctFile = try write("ct.bin", ctBytes)
        let hex = plain.map { String(format: "%02x", $0) }.joined()
        XCTAssertEqual(try out(["decrypt", "--private-key", key.privateKey, "--ciphertext", "@" + ctFile]), hex)
        XCTAssertEqual(try out(["decrypt", "--private-key", key.privateKey, "--data-file", ctFile]), hex)
        XCTAssertEqual(try out(["decrypt", "--private-key", key.privateKey, "--data-file", "-"], stdin: Data(ctBytes)), hex)
        XCTAssertEqual(try out(["decrypt", "--private-key", key.privateKey, "--ciphertext", "@-"], stdin: Data(ct.utf8)), hex)
        let outFile = path("plain.out")
        XCTAssertEqual(try out(["decrypt", "--private-key", key.privateKey, "--ciphertext", ct, "--output-file", outFile]), "")
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: outFile))), plain)
        // Private-key encryption is deterministic: streamed from a file it equals the in-memory result.
        let long = Array(repeating: UInt8(0x5a), count: 1_200_000)  // more than one 1 MiB read
        let streamed = try out(["encrypt", "--private-key", key.privateKey, "--data-file", try write("long.bin", long)])
        let back = try out(["decrypt", "--public-key", key.publicKey, "--ciphertext", "@" + (try write("long.txt", Array(streamed.utf8))),
                            "--output-file", path("long.out")])
        XCTAssertEqual(back, "")
        XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: path("long.out")))), long)
        let short = try out(["encrypt", "--private-key", key.privateKey, "--data-hex", String(repeating: "5a", count: 500)])
        XCTAssertEqual(try out(["encrypt", "--private-key", key.privateKey, "--data-file", try write("s.bin", Array(repeating: 0x5a, count: 500))]), short)
    }

    func testValuesThatBeginWithDashesAndInlinePEM() throws {
        let lines = try out(["keygen", "--format", "pem"]).components(separatedBy: "-----END PUBLIC KEY-----")
        let publicPEM = lines[0] + "-----END PUBLIC KEY-----\n"
        let privatePEM = lines[1].trimmingCharacters(in: .whitespacesAndNewlines)
        let sig = try out(["sign", "--private-key", privatePEM, "--data", "-abc"])
        XCTAssertEqual(try out(["verify", "--public-key", publicPEM, "--data", "-abc", "--signature", sig]), "true")
        XCTAssertEqual(try out(["verify", "--public-key", publicPEM, "--data=-abc", "--signature=" + sig]), "true")
        XCTAssertEqual(try out(["md5", "--data", "-"]), "336d5ebc5436534e61d16e63ddfca327")  // MD5 of "-" and "--" by coreutils md5sum
        XCTAssertEqual(try out(["md5", "--data", "--"]), "cfab1ba8c67c7c838db98d666f02a132")
        let shown = try out(["key", "show", publicPEM, "--json"])
        XCTAssertTrue(shown.contains("\"bits\":1024"), shown)
    }

    func testDataMustBeValidUTF8() throws {
        // Foundation passes arguments as Swift strings, so the raw byte goes through sh's printf.
        for verb in ["md5 --data", "sign --private-key \(try keygen().privateKey) --data"] {
            let result = try CLIRunner.run(["-c", "exec \"$0\" \(verb) \"$(printf 'ab\\377')\"", CLIRunner.binary.path],
                                           executable: URL(fileURLWithPath: "/bin/sh"))
            assertOneLineError(result, exitCode: 2, mentioning: "--data-hex")
        }
        // U+FFFD typed as valid UTF-8 is fine.
        XCTAssertEqual(try out(["md5", "--data", "\u{FFFD}"]).count, 32)
    }

    func testKeyShowConvertAndKeygenExponent() throws {
        let key = try keygen(["--exponent", "3"])
        let shown = try out(["key", "show", key.privateKey, "--json"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(shown.utf8)) as? [String: Any])
        XCTAssertEqual(object["publicExponent"] as? String, "3")
        XCTAssertEqual(object["bits"] as? Int, 1024)
        XCTAssertEqual(object["javaReadsAsGiven"] as? Bool, true)
        XCTAssertEqual(object["publicKeyRsaUtils"] as? String, key.publicKey)
        XCTAssertEqual(object["privateKeyRsaUtils"] as? String, key.privateKey)
        // SHA-256 of the SPKI DER, by swift-crypto over the bytes of the RsaUtils string.
        let spki = Data(base64Encoded: key.publicKey) ?? Data()
        XCTAssertEqual(object["spkiSha256"] as? String, SHA256.hash(data: spki).map { String(format: "%02x", $0) }.joined())
        let pkcs1 = try out(["key", "convert", key.privateKey, "--to", "pkcs1-pem"])
        XCTAssertTrue(pkcs1.hasPrefix("-----BEGIN RSA PRIVATE KEY-----"))
        let hex = try out(["key", "convert", "@" + (try write("k.pem", Array(pkcs1.utf8))), "--to", "der-hex", "--public"])
        XCTAssertEqual(hex, spki.map { String(format: "%02x", $0) }.joined())
        XCTAssertEqual(try out(["key", "convert", hex, "--to", "rsautils"]), key.publicKey)
        XCTAssertTrue(try out(["key", "show", pkcs1]).contains("PEM \"RSA PRIVATE KEY\""))
        let pem = try out(["keygen", "--format", "pkcs1-pem", "--bits", "512", "--exponent", "0x10001"])
        XCTAssertTrue(pem.hasPrefix("-----BEGIN RSA PUBLIC KEY-----") && pem.contains("-----BEGIN RSA PRIVATE KEY-----"), pem)
        for bad in ["4", "1", "x"] {
            assertOneLineError(try CLIRunner.run(["keygen", "--exponent", bad]), exitCode: 2, mentioning: "exponent")
        }
        assertOneLineError(try CLIRunner.run(["key", "show", "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----"]),
                           exitCode: 2, mentioning: "encrypted PEM is not supported")
    }

    func testStrictRejectsWhatTheJDKAccepts() throws {
        // The stored vector's MissingNull case (javaVerdict "accepted", checked against the JDK in JavaAgreementTests).
        let url = CLIRunner.packageRoot.appendingPathComponent("Vectors/rsautils_verify_sha256_1024_test.json")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let group = try XCTUnwrap((json["testGroups"] as? [[String: Any]])?.first)
        let test = try XCTUnwrap((group["tests"] as? [[String: Any]])?.first { ($0["flags"] as? [String]) == ["MissingNull"] })
        let args = ["verify", "--alg", "SHA256withRSA", "--public-key", try XCTUnwrap(group["publicKeyDer"] as? String),
                    "--data-hex", try XCTUnwrap(test["msg"] as? String), "--signature",
                    "@" + (try write("sig.bin", Self.hexBytes(try XCTUnwrap(test["sig"] as? String))))]
        XCTAssertEqual(try out(args), "true")
        let strict = try CLIRunner.run(args + ["--strict"])
        XCTAssertEqual(strict.status, 1)
        XCTAssertEqual(strict.stdout, "false\n")
    }

    /// openssl 3 keys, signatures and ciphertexts (skipped without openssl).
    func testOpenSSLKeysSignaturesAndCiphertexts() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") else { throw XCTSkip("no /usr/bin/openssl") }
        func openssl(_ args: [String], stdin: Data? = nil) throws {
            let r = try CLIRunner.run(args, stdin: stdin, executable: URL(fileURLWithPath: "/usr/bin/openssl"))
            XCTAssertEqual(r.status, 0, "openssl \(args): \(r.stderr)")
        }
        try openssl(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", path("k.pem")])
        try openssl(["rsa", "-in", path("k.pem"), "-traditional", "-out", path("trad.pem")])
        try openssl(["rsa", "-in", path("k.pem"), "-pubout", "-out", path("pub.pem")])
        try openssl(["rsa", "-in", path("k.pem"), "-RSAPublicKey_out", "-out", path("rsapub.pem")])
        try openssl(["rsa", "-in", path("k.pem"), "-traditional", "-outform", "DER", "-out", path("trad.der")])
        try openssl(["rsa", "-in", path("k.pem"), "-pubout", "-outform", "DER", "-out", path("pub.der")])
        let data = try write("data.bin", Array("openssl 和 RsaUtils".utf8) + Array(repeating: 0x7e, count: 70_000))
        for (alg, digest) in [("MD5withRSA", "-md5"), ("SHA1withRSA", "-sha1"), ("SHA256withRSA", "-sha256"), ("SHA512withRSA", "-sha512")] {
            try openssl(["dgst", digest, "-sign", path("k.pem"), "-out", path("sig.bin"), data])
            for pub in ["pub.pem", "rsapub.pem", "pub.der", "k.pem", "trad.pem", "trad.der"] {
                XCTAssertEqual(try out(["verify", "--alg", alg, "--public-key", "@" + path(pub), "--data-file", data,
                                        "--signature", "@" + path("sig.bin")]), "true", "\(alg) \(pub)")
            }
            // Ours, verified by openssl, for each private key form.
            for priv in ["k.pem", "trad.pem", "trad.der"] {
                let sig = try out(["sign", "--alg", alg, "--private-key", "@" + path(priv), "--data-file", data])
                _ = try write("ours.bin", Array(Data(base64Encoded: sig) ?? Data()))
                try openssl(["dgst", digest, "-verify", path("pub.pem"), "-signature", path("ours.bin"), data])
            }
        }
        // openssl pkeyutl (PKCS#1 v1.5 type 2) → decrypt; ours → openssl decrypts.
        _ = try write("msg.bin", Array("13800138000".utf8))
        try openssl(["pkeyutl", "-encrypt", "-pubin", "-inkey", path("pub.pem"), "-in", path("msg.bin"), "-out", path("ct.bin")])
        XCTAssertEqual(try out(["decrypt", "--private-key", "@" + path("trad.der"), "--data-file", path("ct.bin"), "--output", "utf8"]),
                       "13800138000")
        let ct = try out(["encrypt", "--public-key", "@" + path("rsapub.pem"), "--data", "13800138000"])
        _ = try write("ours.ct", Array(Data(base64Encoded: ct) ?? Data()))
        try openssl(["pkeyutl", "-decrypt", "-inkey", path("k.pem"), "-in", path("ours.ct"), "-out", path("back.bin")])
        XCTAssertEqual(try String(contentsOfFile: path("back.bin"), encoding: .utf8), "13800138000")
        // Out of scope: an encrypted PEM and an RSA-PSS key get a one-line reason.
        try openssl(["pkcs8", "-topk8", "-in", path("k.pem"), "-out", path("enc.pem"), "-passout", "pass:x"])
        assertOneLineError(try CLIRunner.run(["sign", "--private-key", "@" + path("enc.pem"), "--data", "x"]), exitCode: 2,
                           mentioning: "encrypted PEM is not supported")
        try openssl(["genpkey", "-algorithm", "RSA-PSS", "-pkeyopt", "rsa_keygen_bits:1024", "-out", path("pss.pem")])
        assertOneLineError(try CLIRunner.run(["sign", "--private-key", "@" + path("pss.pem"), "--data", "x"]), exitCode: 2,
                           mentioning: "RSA-PSS")
    }

    static func hexBytes(_ hex: String) -> [UInt8] {
        var out = [UInt8](), chars = Array(hex.utf8), i = 0
        while i + 1 < chars.count, let byte = UInt8(String(decoding: chars[i...(i + 1)], as: UTF8.self), radix: 16) {
            out.append(byte)
            i += 2
        }
        return out
    }
}
