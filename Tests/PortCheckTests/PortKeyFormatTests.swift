@testable import PortCheck
import RSA
import XCTest

/// Keys are handed to a port in its own format. Expected texts are written out by hand (PEM armour
/// of RFC 7468, line wrapping) around the DER of a Swift key, and parsed back independently.
final class PortKeyFormatTests: XCTestCase {
    static let key: RSAPrivateKey? = try? RSAPrivateKey.generate(bits: 512)

    func testRecognisesTheFormats() {
        XCTAssertEqual(PortKeyFormat(observed: "MIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA").kind, .base64)
        XCTAssertEqual(PortKeyFormat(observed: "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n").kind, .pem(pkcs1: false))
        XCTAssertEqual(PortKeyFormat(observed: "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----").kind, .pem(pkcs1: true))
        XCTAssertEqual(PortKeyFormat(observed: "MIIBVQIBADAN\r\nBgkqhkiG9w0B\r\nAQEF\r\n").kind, .wrapped(width: 12, separator: "\r\n"))
        XCTAssertEqual(PortKeyFormat(observed: "MIIBVQIB\nADANBgkq\nhk").kind, .wrapped(width: 8, separator: "\n"))
    }

    func testWritesKeysTheWayThePortDoes() throws {
        let key = try XCTUnwrap(Self.key)
        let base64 = Data(key.pkcs8DER).base64EncodedString()

        var format = PortKeyFormat(observed: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
        let pem = format.privateKey(rsaUtils: base64)
        XCTAssertTrue(pem.hasPrefix("-----BEGIN PRIVATE KEY-----\n"), pem)
        XCTAssertTrue(pem.hasSuffix("-----END PRIVATE KEY-----\n"), pem)
        XCTAssertEqual(try RSAPrivateKey(pem: pem).pkcs8DER, key.pkcs8DER)

        format = PortKeyFormat(observed: "-----BEGIN RSA PUBLIC KEY-----\nAAAA\n-----END RSA PUBLIC KEY-----\n")
        let pkcs1 = format.publicKey(spki: key.publicKey.spkiDER)
        XCTAssertTrue(pkcs1.hasPrefix("-----BEGIN RSA PUBLIC KEY-----\n"), pkcs1)
        XCTAssertEqual(try RSAPublicKey(pem: pkcs1), key.publicKey)

        format = PortKeyFormat(observed: "ABCDEFGHIJ\r\nKLMNOPQRST\r\nUV\r\n")
        let wrapped = format.privateKey(pkcs8: key.pkcs8DER)
        let lines = wrapped.components(separatedBy: "\r\n")
        XCTAssertEqual(lines.dropLast(2).map(\.count), Array(repeating: 10, count: lines.count - 2))
        XCTAssertEqual(lines.last, "")
        XCTAssertEqual(lines.joined(), base64)

        XCTAssertEqual(PortKeyFormat().privateKey(rsaUtils: base64), base64)
    }
}
