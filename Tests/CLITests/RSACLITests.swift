import Foundation
import XCTest

/// The RSA verbs run as a user runs them, against keys, signatures and ciphertexts made by the JDK
/// (Tests/RSATests/Fixtures/jdk_fixtures.json, written by JDKFixtures.java in the same folder).
final class RSACLITests: XCTestCase {
    struct Fixtures: Decodable {
        struct Key: Decodable {
            struct Signature: Decodable { let alg: String; let message: Int; let signature: String }
            struct Encryption: Decodable { let length: Int; let ciphertext: String }
            let bits: Int
            let publicKey, privateKey, publicKeyCRLF, privateKeyCRLF: String
            let signatures: [Signature]
            let encryptByPrivateKey: String
            let encryptByPublicKey: [Encryption]
        }
        let longPlaintextHex: String
        let messagesHex: [String]
        let keys: [Key]
    }

    var fixtures: Fixtures!
    var tmp: URL!

    override func setUpWithError() throws {
        let url = CLIRunner.packageRoot.appendingPathComponent("Tests/RSATests/Fixtures/jdk_fixtures.json")
        fixtures = try JSONDecoder().decode(Fixtures.self, from: Data(contentsOf: url))
        tmp = FileManager.default.temporaryDirectory.appendingPathComponent("rsacli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: tmp) }

    private func file(_ name: String, _ text: String) throws -> String {
        let url = tmp.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return "@" + url.path
    }

    private func out(_ args: [String]) throws -> String {
        let result = try CLIRunner.run(args)
        XCTAssertEqual(result.status, 0, "\(args.prefix(2)) stderr: \(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testSignEqualsTheJDKWithCRLFKeyFiles() throws {
        for key in fixtures.keys where key.bits != 512 {
            let keyFile = try file("priv\(key.bits).txt", key.privateKeyCRLF)
            let pubFile = try file("pub\(key.bits).txt", key.publicKeyCRLF)
            for sig in key.signatures {
                let data = fixtures.messagesHex[sig.message]
                XCTAssertEqual(try out(["sign", "--alg", sig.alg, "--private-key", keyFile, "--data-hex", data]), sig.signature,
                               "\(key.bits) \(sig.alg) message \(sig.message)")
                XCTAssertEqual(try out(["verify", "--alg", sig.alg, "--public-key", pubFile, "--data-hex", data,
                                        "--signature", sig.signature]), "true")
            }
        }
    }

    func testVerifyFalseExitsOne() throws {
        let key = fixtures.keys[1]
        let sig = key.signatures[0]
        let result = try CLIRunner.run(["verify", "--alg", sig.alg, "--public-key", key.publicKey,
                                        "--data-hex", fixtures.messagesHex[sig.message] + "00", "--signature", sig.signature])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "false\n")
    }

    func testEncryptByPrivateKeyEqualsTheJDKAndJDKCiphertextsDecrypt() throws {
        let plainHex = fixtures.longPlaintextHex
        for key in fixtures.keys {
            XCTAssertEqual(try out(["encrypt", "--private-key", key.privateKey, "--data-hex", plainHex]), key.encryptByPrivateKey)
            for encryption in key.encryptByPublicKey {
                XCTAssertEqual(try out(["decrypt", "--private-key", key.privateKeyCRLF, "--ciphertext", encryption.ciphertext]),
                               String(plainHex.prefix(2 * encryption.length)), "\(key.bits) bits, \(encryption.length) bytes")
            }
            XCTAssertEqual(try out(["decrypt", "--public-key", key.publicKey, "--ciphertext", key.encryptByPrivateKey]), plainHex)
        }
    }

    func testKeygenFormatsAndRoundTrip() throws {
        let lines = try out(["keygen", "--bits", "512"]).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2)
        let ct = try out(["encrypt", "--public-key", lines[0], "--data", "中文 hello"])
        XCTAssertEqual(try out(["decrypt", "--private-key", lines[1], "--ciphertext", ct, "--output", "utf8"]), "中文 hello")
        let json = try out(["keygen", "--format", "json"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String])
        XCTAssertNotNil(object["publicKey"])
        XCTAssertNotNil(object["privateKey"])
        let pem = try out(["keygen", "--bits", "1024", "--format", "pem"])
        XCTAssertTrue(pem.contains("-----BEGIN PUBLIC KEY-----") && pem.contains("-----BEGIN PRIVATE KEY-----"))
        let privatePEM = String(pem[try XCTUnwrap(pem.range(of: "-----BEGIN PRIVATE KEY-----")).lowerBound...])
        XCTAssertFalse(try out(["sign", "--private-key", try file("k.pem", privatePEM), "--data", "x"]).isEmpty)
    }

    /// Chunked decryption errors as the user sees them (rule in docs/JAVA_AGREEMENT.md): public defects
    /// name their block (counted from 1; offset from 0), a padding failure names none. The JDK's
    /// 1024-bit ciphertext of 235 bytes has three 128-byte blocks at offsets 0, 128 and 256.
    func testChunkedDecryptionErrorsNameOnlyPublicDefects() throws {
        let key = fixtures.keys[1]
        let ct = try XCTUnwrap(Data(base64Encoded: key.encryptByPublicKey[6].ciphertext))
        XCTAssertEqual(key.encryptByPublicKey[6].length, 235)
        XCTAssertEqual(ct.count, 384)
        func decrypt(_ bytes: Data) throws -> CLIResult {
            let url = tmp.appendingPathComponent("ct-\(UUID().uuidString).bin")
            try bytes.write(to: url)
            return try CLIRunner.run(["decrypt", "--private-key", key.privateKey, "--data-file", url.path])
        }
        let partial = try decrypt(ct + Data(repeating: 0, count: 5))
        assertOneLineError(partial, exitCode: 1)
        XCTAssertEqual(partial.stderr, "error: ciphertext of 389 bytes is not a whole number of 128-byte blocks: "
                       + "the last one, block 4 of 4 (counted from 1; offset 384, 5 bytes), is partial\n")
        var tooLarge = ct
        tooLarge.replaceSubrange(128..<256, with: Data(repeating: 0xff, count: 128))  // 2^1024 − 1 ≥ n
        let notBelow = try decrypt(tooLarge)
        assertOneLineError(notBelow, exitCode: 1)
        XCTAssertEqual(notBelow.stderr, "error: ciphertext block 2 of 3 (counted from 1; offset 128, 128 bytes): its integer is not below the modulus n\n")
        var flipped = ct
        flipped[383] ^= 0x01  // block 3 now decrypts to noise: a padding failure, which names no block
        let padding = try decrypt(flipped)
        assertOneLineError(padding, exitCode: 1)
        XCTAssertEqual(padding.stderr, "error: decryption failed (bad ciphertext or padding)\n")
    }

    func testBadInputIsOneLineError() throws {
        let key = fixtures.keys[1]
        assertOneLineError(try CLIRunner.run(["sign", "--private-key", "not a key", "--data", "x"]), exitCode: 2, mentioning: "private-key")
        assertOneLineError(try CLIRunner.run(["sign", "--private-key", key.privateKey, "--data-hex", "0g"]), exitCode: 2, mentioning: "hex")
        assertOneLineError(try CLIRunner.run(["sign", "--alg", "MD4withRSA", "--private-key", key.privateKey, "--data", "x"]),
                           exitCode: 2, mentioning: "algorithm")
        assertOneLineError(try CLIRunner.run(["decrypt", "--private-key", key.privateKey, "--ciphertext",
                                              String(key.encryptByPublicKey[1].ciphertext.dropLast(8))]), exitCode: 1)
        assertOneLineError(try CLIRunner.run(["sign", "--private-key", "@/nonexistent/key", "--data", "x"]), exitCode: 2, mentioning: "cannot read")
        // As in the JDK, a too-large block fails only when a slice really exceeds k−11.
        assertOneLineError(try CLIRunner.run(["encrypt", "--public-key", key.publicKey, "--data", String(repeating: "x", count: 200),
                                              "--block", "245"]), exitCode: 2, mentioning: "block")
        XCTAssertEqual(try CLIRunner.run(["encrypt", "--public-key", key.publicKey, "--data", "x", "--block", "245"]).status, 0)
        // Signatures are decoded as commons-codec does: "%%%" is no bytes, and the JDK throws on a signature
        // of the wrong length (RsaUtils verify passes the SignatureException on): false, exit 1, a note.
        let empty = try CLIRunner.run(["verify", "--public-key", key.publicKey, "--data", "x", "--signature", "%%%"])
        XCTAssertEqual(empty.status, 1)
        XCTAssertEqual(empty.stdout, "false\n")
        XCTAssertTrue(empty.stderr.hasPrefix("note: the signature has 0 bytes, not 128: the JDK throws SignatureException"), empty.stderr)
        assertOneLineError(try CLIRunner.run(["encrypt", "--data", "x"]), exitCode: 2)
        // A PEM-armoured public key where a private key is expected (the reverse works: its public half is used).
        let pemFile = try file("wrong.pem", "-----BEGIN PUBLIC KEY-----\n\(key.publicKey)\n-----END PUBLIC KEY-----\n")
        assertOneLineError(try CLIRunner.run(["sign", "--private-key", pemFile, "--data", "x"]), exitCode: 2, mentioning: "public key")
    }
}
