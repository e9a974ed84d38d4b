import BigNum
import RSA
import XCTest

/// Every class of malformed input gives its own error, never a crash.
final class MalformedInputTests: XCTestCase {
    static let key = Result { try RSAPrivateKey.generate(bits: 1024) }

    private func assertError(_ expected: (RSAError) -> Bool, _ body: () throws -> Void, line: UInt = #line) {
        XCTAssertThrowsError(try body(), line: line) { error in
            guard let rsa = error as? RSAError else { return XCTFail("not an RSAError: \(error)", line: line) }
            XCTAssertTrue(expected(rsa), "unexpected \(rsa)", line: line)
            XCTAssertFalse(rsa.description.contains("\n"), line: line)
        }
    }

    func testKeyInputs() throws {
        let key = try Self.key.get()
        let spki = key.publicKey.spkiDER
        assertError({ if case .malformedBase64 = $0 { true } else { false } }) { _ = try RSAPublicKey(rsaUtilsString: "  \r\n") }
        assertError({ if case .malformedDER = $0 { true } else { false } }) { _ = try RSAPublicKey(spkiDER: Array(spki.dropLast(5))) }
        assertError({ if case .malformedDER = $0 { true } else { false } }) { _ = try RSAPublicKey(rsaUtilsString: "QUJDRA==") }
        // A private key given where a public key is expected, and the reverse.
        assertError({ if case .malformedDER = $0 { true } else { false } }) { _ = try RSAPublicKey(rsaUtilsString: key.rsaUtilsString) }
        assertError({ if case .malformedDER = $0 { true } else { false } }) { _ = try RSAPrivateKey(rsaUtilsString: key.publicKey.rsaUtilsString) }
        // Wrong algorithm OID (id-ecPublicKey 1.2.840.10045.2.1 instead of rsaEncryption).
        var wrongOID = spki
        if let i = wrongOID.firstIndex(of: 0x2a) { wrongOID.replaceSubrange(i..<(i + 9), with: [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x05, 0x00]) }
        assertError({ if case .malformedDER = $0 { true } else { false } }) { _ = try RSAPublicKey(spkiDER: wrongOID) }
        assertError({ if case .unsupportedPEMLabel = $0 { true } else { false } }) {
            _ = try RSAPublicKey(pem: "-----BEGIN CERTIFICATE-----\nQUJD\n-----END CERTIFICATE-----\n")
        }
        assertError({ if case .malformedPEM = $0 { true } else { false } }) {
            _ = try RSAPublicKey(pem: "-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n")
        }
        assertError({ if case .malformedPEM = $0 { true } else { false } }) { _ = try RSAPublicKey(pem: "-----BEGIN PUBLIC KEY-----\nQUJD\n") }
        assertError({ if case .unsupportedKeySize(bits: 256) = $0 { true } else { false } }) {
            _ = try RSAPublicKey(modulus: (BigInt(1) << 255) + BigInt(1), publicExponent: BigInt(65537))
        }
        assertError({ if case .unsupportedKeySize = $0 { true } else { false } }) { _ = try RSAPrivateKey.generate(bits: 256) }
        assertError({ if case .invalidKey = $0 { true } else { false } }) {
            _ = try RSAPublicKey(modulus: key.modulus, publicExponent: BigInt(65536))
        }
    }

    func testAlgorithms() throws {
        let key = try Self.key.get()
        XCTAssertNil(HashAlgorithm(jcaSignatureName: "MD4withRSA"))
        XCTAssertEqual(HashAlgorithm(jcaSignatureName: "md5withrsa"), .md5)
        assertError({ $0 == .unsupportedHash("SHA-224") }) { _ = try key.signature(for: [1], hash: .sha224) }
        assertError({ $0 == .unsupportedHash("SHA3-256") }) { _ = try key.publicKey.isValidSignature([1], for: [1], hash: .sha3_256) }
    }

    func testCiphertextsAndBlocks() throws {
        let key = try Self.key.get()
        let k = key.publicKey.modulusByteCount
        let ct = try key.publicKey.encrypt([1, 2, 3])
        for bad in [Array(ct.dropLast()), ct + [0], [], [UInt8](repeating: 0xff, count: k), key.modulus.serialize(count: k) ?? []] {
            assertError({ $0 == .decryptionFailed }) { _ = try key.decrypt(bad) }
        }
        assertError({ $0 == .ciphertextLengthMismatch(length: k + 1, block: k) }) {
            _ = try RsaUtilsCipher.decrypt(ct + [0], privateKey: key)
        }
        assertError({ if case .invalidBlockSize = $0 { true } else { false } }) {
            _ = try RsaUtilsCipher.encrypt([UInt8](repeating: 1, count: 200), publicKey: key.publicKey, block: 245)
        }
        // The JDK fails only on a slice longer than k−11: a short message with block 245 encrypts.
        XCTAssertEqual(try RsaUtilsCipher.encrypt([1], privateKey: key, block: 245).count, k)
        assertError({ if case .invalidBlockSize = $0 { true } else { false } }) {
            _ = try RsaUtilsCipher.encrypt([1], publicKey: key.publicKey, block: 0)
        }
        assertError({ $0 == .messageTooLong(length: k - 10, maximum: k - 11) }) {
            _ = try key.publicKey.encrypt([UInt8](repeating: 1, count: k - 10))
        }
        assertError({ if case .invalidPaddingString = $0 { true } else { false } }) {
            _ = try key.publicKey.encrypt([1], paddingString: [UInt8](repeating: 0, count: k - 4))
        }
        // A signature of the wrong length, s = n, or garbage is false, never a throw.
        let sig = try key.signature(for: [1], hash: .md5)
        XCTAssertFalse(try key.publicKey.isValidSignature(Array(sig.dropFirst()), for: [1], hash: .md5))
        XCTAssertFalse(try key.publicKey.isValidSignature(key.modulus.serialize(count: k) ?? [], for: [1], hash: .md5))
        XCTAssertFalse(try key.publicKey.isValidSignature([UInt8](repeating: 0, count: k), for: [1], hash: .md5))
    }
}
