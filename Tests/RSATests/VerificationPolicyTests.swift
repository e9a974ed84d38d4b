import BigNum
import XCTest

@testable import RSA

/// The Java-compatible and strict verification policies, digest entry points, streaming hashes and
/// key import in every form (the JDK's own verdicts are checked in ConformanceTests/JavaAgreementTests).
final class VerificationPolicyTests: XCTestCase {
    static let key: RSAPrivateKey? = try? RSAPrivateKey.generate(bits: 1024)

    private func key() throws -> RSAPrivateKey { try XCTUnwrap(Self.key) }

    /// Hand-derived from the prefixes of RFC 8017 §9.2 note 1 by removing `05 00` and shortening both
    /// SEQUENCE lengths by 2.
    func testDigestInfoPrefixesWithoutNull() {
        let hex: (HashAlgorithm) -> String = { $0.digestInfoPrefixWithoutNull.map { String(format: "%02x", $0) }.joined() }
        XCTAssertEqual(hex(.md5), "301e300a06082a864886f70d02050410")
        XCTAssertEqual(hex(.sha1), "301f300706052b0e03021a0414")
        XCTAssertEqual(hex(.sha256), "302f300b06096086480165030402010420")
        XCTAssertEqual(hex(.sha512), "304f300b06096086480165030402030440")
    }

    /// A block 00 01 ff.. 00 ‖ DigestInfo-without-NULL, signed with the raw type-1 private operation: the
    /// JDK accepts it (see the stored MissingNull vectors), so the default policy does; strict does not.
    func testMissingNullIsAcceptedByDefaultAndRejectedWhenStrict() throws {
        let key = try key()
        let message = Array("中国移动本机号码校验".utf8)
        for hash in [HashAlgorithm.md5, .sha1, .sha256] {
            let legacy = try key.encryptType1(hash.digestInfoPrefixWithoutNull + hash.digest(message))
            XCTAssertTrue(try key.publicKey.isValidSignature(legacy, for: message, hash: hash), hash.rawValue)
            XCTAssertFalse(try key.publicKey.isValidSignature(legacy, for: message, hash: hash, policy: .strict), hash.rawValue)
            XCTAssertFalse(try key.publicKey.isValidSignature(legacy, for: message + [0], hash: hash), hash.rawValue)
            let normal = try key.signature(for: message, hash: hash)
            XCTAssertTrue(try key.publicKey.isValidSignature(normal, for: message, hash: hash, policy: .strict))
            XCTAssertEqual(try key.signature(forDigest: hash.digest(message), hash: hash), normal)
            XCTAssertTrue(try key.publicKey.isValidSignature(normal, digest: hash.digest(message), hash: hash))
        }
        // Another legacy form (no DigestInfo at all) stays invalid under both policies.
        let bare = try key.encryptType1(HashAlgorithm.sha256.digest(message))
        XCTAssertFalse(try key.publicKey.isValidSignature(bare, for: message, hash: .sha256))
        XCTAssertThrowsError(try key.publicKey.isValidSignature(bare, digest: [1, 2, 3], hash: .sha256))
        XCTAssertTrue(SignatureVerificationPolicy.javaThrowsOnLength(signature: Array(bare.dropLast()), key: key.publicKey))
        XCTAssertFalse(SignatureVerificationPolicy.javaThrowsOnLength(signature: bare, key: key.publicKey))
    }

    func testStreamingHashEqualsOneShot() throws {
        var generator = SystemRandomNumberGenerator()
        let message = (0..<100_003).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for hash in [HashAlgorithm.md5, .sha1, .sha256, .sha384, .sha512] {
            var hasher = try MessageHasher(hash)
            var offset = 0
            for size in [0, 1, 63, 64, 65, 4096, 100] + Array(repeating: 7777, count: 20) where offset < message.count {
                let end = min(message.count, offset + size)
                hasher.update(Array(message[offset..<end]))
                offset = end
            }
            hasher.update(Array(message[offset...]))
            XCTAssertEqual(hasher.finalize(), try hash.digest(message), hash.rawValue)
        }
        XCTAssertThrowsError(try MessageHasher(.sha224))
    }

    func testImportedKeyForms() throws {
        let key = try key()
        let pub = key.publicKey
        let forms: [(String, ImportedKey.Container, ImportedKey.Structure)] = [
            (pub.rsaUtilsString, .base64, .spki), (pub.pem, .pem, .spki), (pub.pkcs1PEM, .pem, .pkcs1Public),
            (key.rsaUtilsString, .base64, .pkcs8), (key.pem, .pem, .pkcs8), (key.pkcs1PEM, .pem, .pkcs1Private),
            (pub.spkiDER.map { String(format: "%02X", $0) }.joined(), .derHex, .spki),
            (LenientBase64.encode(key.pkcs1DER), .base64, .pkcs1Private),
            (key.pkcs1PEM.replacingOccurrences(of: "\n", with: "\r\n"), .pem, .pkcs1Private),
            ("Bag Attributes\n    localKeyID: 01\n" + key.pem, .pem, .pkcs8),
            (pub.pem.replacingOccurrences(of: "\n", with: "\\n"), .pem, .spki),  // literal \n escapes (JSON, env vars)
            (pub.pem.replacingOccurrences(of: "\n", with: " "), .pem, .spki),     // one line
            // Mislabelled by some tools: SPKI as "RSA PUBLIC KEY", PKCS#1 as "PRIVATE KEY".
            (PEMBlock(label: "RSA PUBLIC KEY", der: pub.spkiDER).text, .pem, .spki),
            (PEMBlock(label: "PRIVATE KEY", der: key.pkcs1DER).text, .pem, .pkcs1Private),
        ]
        for (text, container, structure) in forms {
            let imported = try ImportedKey.parse(text: text)
            XCTAssertEqual(imported.container, container, text)
            XCTAssertEqual(imported.structure, structure, text)
            XCTAssertEqual(imported.publicKey, pub)
            XCTAssertEqual(imported.isRsaUtilsString, container == .base64 && (structure == .spki || structure == .pkcs8))
        }
        XCTAssertEqual(try ImportedKey.parse(pub.spkiDER).container, .der)
        XCTAssertEqual(try ImportedKey.parse([0xef, 0xbb, 0xbf] + Array(pub.spkiDER.map { String(format: "%02x", $0) }.joined().utf8)).container,
                       .derHex, "a byte order mark is skipped")
        XCTAssertEqual(try ImportedKey.parse(key.pkcs1DER).structure, .pkcs1Private)
        // A private key serves where a public one is needed; not the reverse.
        XCTAssertEqual(try ImportedKey.parse(text: key.pem, role: .publicKey).publicKey, pub)
        XCTAssertThrowsError(try ImportedKey.parse(text: pub.pem, role: .privateKey)) { error in
            XCTAssertTrue("\(error)".contains("public key"), "\(error)")
        }
    }

    func testOutOfScopeKeysSayWhy() throws {
        let key = try key()
        let encrypted = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n"
        let legacyEncrypted = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nMIIB\n-----END RSA PRIVATE KEY-----\n"
        for text in [encrypted, legacyEncrypted] {
            XCTAssertThrowsError(try ImportedKey.parse(text: text)) { XCTAssertTrue("\($0)".contains("encrypted PEM is not supported"), "\($0)") }
        }
        // id-RSASSA-PSS in place of rsaEncryption (last OID byte 01 -> 0a), parameters dropped.
        var pss = key.publicKey.spkiDER
        let rsaAlgorithm: [UInt8] = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00]
        let start = try XCTUnwrap((0..<pss.count).first { Array(pss[$0..<min(pss.count, $0 + 13)]) == rsaAlgorithm })
        pss[start + 10] = 0x0a
        XCTAssertThrowsError(try ImportedKey.parse(pss)) { XCTAssertTrue("\($0)".contains("RSA-PSS keys"), "\($0)") }
        // A multi-prime RSAPrivateKey (version 1).
        var multi = key.pkcs1DER
        let version = try XCTUnwrap((0..<multi.count - 2).first { multi[$0] == 0x02 && multi[$0 + 1] == 0x01 && multi[$0 + 2] == 0x00 })
        multi[version + 2] = 0x01
        XCTAssertThrowsError(try ImportedKey.parse(multi)) { XCTAssertTrue("\($0)".contains("multi-prime"), "\($0)") }
        XCTAssertThrowsError(try ImportedKey.parse(text: "ssh-rsa AAAAB3NzaC1yc2E= user@host")) {
            XCTAssertTrue("\($0)".contains("OpenSSH public keys are not supported"), "\($0)")
        }
        XCTAssertThrowsError(try ImportedKey.parse(text: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")) {
            XCTAssertTrue("\($0)".contains("certificate"), "\($0)")
        }
    }

    func testExponentParsing() throws {
        XCTAssertEqual(try RSAKeyGenerator.publicExponent(parsing: "65537"), BigInt(65537))
        XCTAssertEqual(try RSAKeyGenerator.publicExponent(parsing: "0x10001"), BigInt(65537))
        XCTAssertEqual(try RSAKeyGenerator.publicExponent(parsing: "3"), BigInt(3))
        for bad in ["1", "2", "65536", "-3", "abc", "", "0x", String(repeating: "9", count: 80)] {
            XCTAssertThrowsError(try RSAKeyGenerator.publicExponent(parsing: bad), bad)
        }
        let key = try RSAPrivateKey.generate(bits: 512, publicExponent: BigInt(3))
        XCTAssertEqual(key.publicExponent, BigInt(3))
    }
}

extension VerificationPolicyTests {
    /// Errors that echo user text stay on one line.
    func testEchoedTextHasNoLineBreaks() {
        XCTAssertThrowsError(try RSAKeyGenerator.publicExponent(parsing: "1\n2")) { XCTAssertFalse("\($0)".contains("\n"), "\($0)") }
        XCTAssertThrowsError(try ImportedKey.parse(text: "-----BEGIN A\nB-----\nQUJD\n-----END A\nB-----")) {
            XCTAssertFalse("\($0)".contains("\n"), "\($0)")
        }
    }
}
