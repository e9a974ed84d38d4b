import Foundation
import RSA
import XCTest

@testable import Conformance
import JavaOracle

/// The RSA module against the JDK and commons-codec 1.15 through one oracle JVM, in batches:
/// Base64 decoding of random and crafted strings, the verdict on every upstream Wycheproof PKCS#1 verify
/// case and every stored verify vector, and Java's `getEncoded()` of keys imported in every form.
final class JavaAgreementTests: XCTestCase {
    private static let shared: Result<JavaOracle, any Error> = Result {
        try JavaOracle(packageRoot: TestPaths.packageRoot.path, errorOutput: .logFile)
    }

    override class func tearDown() {
        if case .success(let oracle) = shared { oracle.close() }
        super.tearDown()
    }

    private func oracle() throws -> JavaOracle {
        do {
            return try Self.shared.get()
        } catch let error as JavaOracleError where error.meansNoJDK {
            throw XCTSkip("no JDK: \(error)")
        }
    }

    // MARK: - Base64

    /// commons-codec `decodeBase64` of each text, through the bridge.
    private func javaDecode(_ texts: [String]) throws -> [[UInt8]] {
        let answer = try oracle().call("base64Decode", ["texts": .array(texts.map { .string($0) })])
        guard case .array(let items)? = answer["data"] else { throw XCTSkip("bad base64Decode answer") }
        return try items.map { item in
            guard let hex = item.stringValue, case .success(let bytes) = Hex.decode(hex) else {
                throw JavaOracleError.badAnswer("base64Decode: \(item)")
            }
            return bytes
        }
    }

    func testBase64DecodingEqualsCommonsCodecOnCraftedStrings() throws {
        let crafted = [
            "", "=", "==", "A", "AB", "ABC", "ABCD", "ABCDE", "ABCDEF", "ABCDEFG",
            "QQ", "QQ=", "QQ==", "QUI", "QUI=", "QUJD", "QR==", "QUJ=", "QX", "QUK",  // non-zero trailing bits
            "Q", "QUJDR", "QUJDRA", "QUJDRA=", "QUJDRA==", "QUJDRA===",               // a final lone character
            "QUJD=QUJD", "QU=JD", "=QUJD", "QQ==QUJD", "QUJD====", "Q=Q=Q",             // data after '='
            "-_-_", "+/+/", "-/+_", "a-b_c+d/", "____", "----",                         // both alphabets, mixed
            "QU JD", "QU\r\nJD", "Q\tU\nJ\rD", " QUJD ", "\r\n", "QUJD\n",              // whitespace
            "QU*JD", "Q.U,J;D", "QU!J@D#", "%%%", "{QUJD}", "QUJD\u{0}", "\u{7f}QUJD",   // stray ASCII
            "QUé JD", "中QUJD文", "QU\u{1F600}JD", "ÿþQUJD", "QU\u{FFFD}JD",              // non-ASCII (UTF-8 bytes skipped)
            "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC7", String(repeating: "A", count: 1001),
        ]
        let java = try javaDecode(crafted)
        for (text, expected) in zip(crafted, java) {
            XCTAssertEqual(LenientBase64.decode(text), expected, "decodeBase64(\(text.debugDescription))")
        }
    }

    func testBase64DecodingEqualsCommonsCodecOnRandomStrings() throws {
        var random = SeededRandom(seed: 0x6261_7365_3634)  // "base64"; replayable
        let pieces: [String] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_").map(String.init)
            + Array(repeating: "=", count: 3) + [" ", "\n", "\r\n", "\t", "*", ".", "!", "é", "中", "\u{1F600}", "\u{0}"]
        var texts = [String]()
        for _ in 0..<2000 {
            let length = Int(random.next() % 40)
            // Mostly alphabet letters so that most strings carry data, with some noise and padding.
            texts.append((0..<length).map { _ -> String in
                let roll = random.next() % 100
                let index = roll < 85 ? Int(random.next() % 64) : Int(random.next() % UInt64(pieces.count))
                return pieces[index]
            }.joined())
        }
        let java = try javaDecode(texts)
        XCTAssertEqual(java.count, texts.count)
        var disagreements = 0
        for (text, expected) in zip(texts, java) where LenientBase64.decode(text) != expected {
            disagreements += 1
            if disagreements <= 5 { XCTFail("decodeBase64(\(text.debugDescription)): Java \(expected), ours \(LenientBase64.decode(text))") }
        }
        XCTAssertEqual(disagreements, 0)
    }

    // MARK: - Verification verdicts

    /// Every upstream `rsa_signature_*_test.json` and stored `rsautils_verify_*` case: the JDK's verdict
    /// (one `verifyMany` call per group) equals the Java-compatible verification's; where the JDK throws,
    /// it is exactly the length case (`javaThrowsOnLength`); stored `javaVerdict` fields are the JDK's.
    func testVerificationVerdictsEqualTheJDKs() throws {
        var files = [URL]()
        let stored = TestPaths.packageRoot.appendingPathComponent("Vectors")
        files += try FileManager.default.contentsOfDirectory(at: stored, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix("rsautils_verify_") }
        // Without the shared upstream files (a checkout elsewhere) only the stored files are compared.
        let upstream = try? TestPaths.requireWycheproof()
        if let upstream {
            files += try FileManager.default.contentsOfDirectory(at: upstream, includingPropertiesForKeys: nil)
                .filter { $0.lastPathComponent.hasPrefix("rsa_signature_") && $0.lastPathComponent.hasSuffix("_test.json") }
        }
        XCTAssertGreaterThanOrEqual(files.count, 6)
        var compared = 0, differences = [String]()
        for url in files.sorted(by: { $0.path < $1.path }) {
            let file = try JSONDecoder().decode(WycheproofFile<RsassaPkcs1VerifyGroup>.self, from: Data(contentsOf: url))
            for group in file.testGroups {
                guard let hash = HashAlgorithm(rawValue: group.sha), hash.isSupported,
                      let key = try? RSAPublicKey(spkiDER: group.publicKeyDer.bytes) else { continue }
                let answer = try oracle().call("verifyMany", [
                    "alg": .string(hash.jcaSignatureName), "publicKey": .string(LenientBase64.encode(group.publicKeyDer.bytes)),
                    "cases": .array(group.tests.map { .object(["data": .string(Hex.encode($0.msg.bytes)), "signature": .string(Hex.encode($0.sig.bytes))]) }),
                ])
                guard case .array(let verdicts)? = answer["verdicts"], verdicts.count == group.tests.count else {
                    return XCTFail("bad verifyMany answer for \(url.lastPathComponent)")
                }
                for (test, verdict) in zip(group.tests, verdicts) {
                    let jdk = verdict.stringValue ?? ""
                    let ours = try key.isValidSignature(test.sig.bytes, for: test.msg.bytes, hash: hash)
                    let where_ = "\(url.lastPathComponent) tcId \(test.tcId) [\(test.flags.joined(separator: ","))]"
                    compared += 1
                    if jdk == "true" || jdk == "false" {
                        if ours != (jdk == "true") { differences.append("\(where_): JDK \(jdk), ours \(ours)") }
                        XCTAssertFalse(SignatureVerificationPolicy.javaThrowsOnLength(signature: test.sig.bytes, key: key), where_)
                    } else {
                        XCTAssertTrue(jdk.hasPrefix("SignatureException: Bad signature length"), "\(where_): \(jdk)")
                        XCTAssertTrue(SignatureVerificationPolicy.javaThrowsOnLength(signature: test.sig.bytes, key: key), where_)
                        XCTAssertFalse(ours, where_)
                    }
                    if let recorded = test.javaVerdict {
                        XCTAssertEqual(recorded, jdk == "true" ? "accepted" : "rejected", "stored javaVerdict of \(where_)")
                    }
                    if test.result == .acceptable, url.path.hasPrefix(stored.path) {
                        XCTAssertNotNil(test.javaVerdict, "stored acceptable case without javaVerdict: \(where_)")
                    }
                }
            }
        }
        // The six stored files hold 294 cases; the upstream files add thousands.
        XCTAssertGreaterThan(compared, upstream == nil ? 250 : 400)
        XCTAssertEqual(differences, [], "cases where the Java-compatible verification differs from the JDK")
    }

    // MARK: - Keys

    /// Keys the JDK made, handed to us in every form a user holds them in: what we import re-encodes to
    /// exactly the JDK's `getEncoded()`.
    func testImportedKeysReencodeAsJavaGetEncoded() throws {
        let oracle = try oracle()
        for bits in [512, 1024, 2048] {
            let pair = try oracle.keygen(bits: bits)
            let javaPublic = try oracle.parsePublicKey(pair.publicKey).der
            let javaPrivate = try oracle.parsePrivateKey(pair.privateKey).der
            let pub = try ImportedKey.parse(text: pair.publicKey).publicKey
            let priv = try XCTUnwrap(ImportedKey.parse(text: pair.privateKey).privateKey)
            let crlf = stride(from: 0, to: pair.privateKey.count, by: 76).map { i -> String in
                let start = pair.privateKey.index(pair.privateKey.startIndex, offsetBy: i)
                return String(pair.privateKey[start..<(pair.privateKey.index(start, offsetBy: 76, limitedBy: pair.privateKey.endIndex) ?? pair.privateKey.endIndex)])
            }.joined(separator: "\r\n") + "\r\n"
            let urlSafe = pair.publicKey.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
            let publicForms = [pair.publicKey, urlSafe, pub.pem, pub.pkcs1PEM, pub.pem.replacingOccurrences(of: "\n", with: "\r\n"),
                               Hex.encode(pub.spkiDER), LenientBase64.encode(pub.pkcs1DER)]
            let privateForms = [pair.privateKey, crlf, priv.pem, priv.pkcs1PEM, String(priv.pkcs1PEM.dropLast()), Hex.encode(priv.pkcs8DER)]
            for form in publicForms {
                XCTAssertEqual(try ImportedKey.parse(text: form, role: .publicKey).publicKey.spkiDER, javaPublic, "\(bits): \(form.prefix(40))")
            }
            for form in privateForms {
                let key = try XCTUnwrap(ImportedKey.parse(text: form, role: .privateKey).privateKey)
                XCTAssertEqual(key.pkcs8DER, javaPrivate, "\(bits): \(form.prefix(40))")
            }
            // What the JDK reads from our URL-safe / CRLF strings (commons-codec) is what we read.
            XCTAssertEqual(try oracle.parsePublicKey(urlSafe).der, javaPublic)
            XCTAssertEqual(try oracle.parsePrivateKey(crlf).der, javaPrivate)
        }
    }

    /// Keys of unusual shape made here (odd sizes, e = 3, a large e): the JDK's `getEncoded()` of our
    /// RsaUtils strings gives our bytes back, and the JDK verifies our signatures.
    func testUnusualKeysEncodeAsTheJDKDoes() throws {
        let oracle = try oracle()
        for (bits, exponent) in [(1000, "3"), (1025, "65537"), (768, "0x" + String(repeating: "f", count: 63))] {
            let e = try RSAKeyGenerator.publicExponent(parsing: exponent)
            let key = try RSAPrivateKey.generate(bits: bits, publicExponent: e)
            XCTAssertEqual(try oracle.parsePublicKey(key.publicKey.rsaUtilsString).der, key.publicKey.spkiDER, "\(bits) bits, e \(exponent)")
            XCTAssertEqual(try oracle.parsePrivateKey(key.rsaUtilsString).der, key.pkcs8DER, "\(bits) bits, e \(exponent)")
            let message = Array("中国移动".utf8)
            let signature = try key.signature(for: message, hash: .sha256)
            XCTAssertTrue(try oracle.verify(alg: "SHA256withRSA", publicKey: key.publicKey.rsaUtilsString, data: message, signature: signature))
        }
    }
}
