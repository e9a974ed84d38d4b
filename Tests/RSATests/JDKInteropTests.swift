import BigNum
import Foundation
import RSA
import XCTest

/// Byte-for-byte agreement with keys, signatures and ciphertexts the JDK produced.
final class JDKInteropTests: XCTestCase {
    var fixtures: JDKFixtures!

    override func setUpWithError() throws { fixtures = try JDKFixtures.load() }

    func testKeyStringsParseAndReEncodeByteIdentically() throws {
        for key in fixtures.keys {
            let pub = try RSAPublicKey(rsaUtilsString: key.publicKey)
            let priv = try RSAPrivateKey(rsaUtilsString: key.privateKey)
            XCTAssertEqual(pub.keySize, key.bits)
            XCTAssertEqual(pub.rsaUtilsString, key.publicKey, "\(key.bits): public key string")
            XCTAssertEqual(priv.rsaUtilsString, key.privateKey, "\(key.bits): private key string")
            XCTAssertEqual(priv.publicKey, pub)
            // commons-codec chunked form (CRLF every 76 characters) parses to the same key.
            XCTAssertTrue(key.publicKeyCRLF.contains("\r\n"))
            XCTAssertEqual(try RSAPublicKey(rsaUtilsString: key.publicKeyCRLF).spkiDER, base64(key.publicKey))
            XCTAssertEqual(try RSAPrivateKey(rsaUtilsString: key.privateKeyCRLF).pkcs8DER, base64(key.privateKey))
            // PEM round trip of the same key.
            XCTAssertEqual(try RSAPublicKey(keyText: pub.pem), pub)
            XCTAssertEqual(try RSAPrivateKey(keyText: priv.pem).pkcs8DER, priv.pkcs8DER)
        }
    }

    func testDerivationFromPrimesMatchesTheJDK() throws {
        for key in fixtures.keys {
            let p = BigInt(twosComplementBytes: hexBytes(key.prime1Hex))
            let q = BigInt(twosComplementBytes: hexBytes(key.prime2Hex))
            let derived = try RSAPrivateKey(prime1: p, prime2: q, publicExponent: BigInt(65537))
            XCTAssertEqual(derived.modulus.twosComplementBytes, hexBytes(key.modulusHex))
            XCTAssertEqual(derived.privateExponent.twosComplementBytes, hexBytes(key.privateExponentHex),
                           "\(key.bits): d must be e^-1 mod lcm(p-1, q-1) as the JDK computes it")
            XCTAssertEqual(derived.pkcs8DER, base64(key.privateKey), "\(key.bits): PKCS#8 bytes as getEncoded()")
        }
    }

    func testSignaturesEqualTheJDKs() throws {
        for key in fixtures.keys {
            let priv = try RSAPrivateKey(rsaUtilsString: key.privateKeyCRLF)
            for expected in key.signatures {
                let hash = try XCTUnwrap(HashAlgorithm(jcaSignatureName: expected.alg))
                let message = hexBytes(fixtures.messagesHex[expected.message])
                let signature = try priv.signature(for: message, hash: hash)
                XCTAssertEqual(LenientBase64.encode(signature), expected.signature, "\(key.bits) \(expected.alg) #\(expected.message)")
                XCTAssertTrue(try priv.publicKey.isValidSignature(base64(expected.signature), for: message, hash: hash))
            }
        }
    }

    func testEncryptByPrivateKeyEqualsTheJDK() throws {
        let plain = hexBytes(fixtures.longPlaintextHex)
        for key in fixtures.keys {
            let priv = try RSAPrivateKey(rsaUtilsString: key.privateKey)
            let ours = try RsaUtilsCipher.encrypt(plain, privateKey: priv)
            XCTAssertEqual(LenientBase64.encode(ours), key.encryptByPrivateKey, "\(key.bits)")
            XCTAssertEqual(try RsaUtilsCipher.decrypt(base64(key.encryptByPrivateKey), publicKey: priv.publicKey), plain)
        }
    }

    func testDecryptsJDKCiphertextsAtEveryBoundary() throws {
        let plain = hexBytes(fixtures.longPlaintextHex)
        for key in fixtures.keys {
            let priv = try RSAPrivateKey(rsaUtilsString: key.privateKey)
            for encryption in key.encryptByPublicKey {
                let decrypted = try RsaUtilsCipher.decrypt(base64(encryption.ciphertext), privateKey: priv)
                XCTAssertEqual(decrypted, Array(plain.prefix(encryption.length)), "\(key.bits) bits, \(encryption.length) bytes")
            }
        }
    }
}
