import Conformance
import Foundation
import JavaOracle
import XCTest

/// The CLI against the live JDK (one oracle JVM): keys, signatures and ciphertexts made by the CLI are
/// consumed by Java's RsaUtils, at every chunk boundary, for 512-, 1024- and 2048-bit keys.
final class CLIJavaInteropTests: XCTestCase {
    nonisolated(unsafe) static var oracle: JavaOracle?
    nonisolated(unsafe) static var startError: Error?

    override class func setUp() {
        do { oracle = try JavaOracle(packageRoot: CLIRunner.packageRoot.path) } catch { startError = error }
    }

    override class func tearDown() { oracle?.close() }

    private func javaOracle() throws -> JavaOracle {
        if let oracle = Self.oracle { return oracle }
        if let error = Self.startError as? JavaOracleError, error.meansNoJDK { throw XCTSkip("no JDK: \(error)") }
        throw Self.startError ?? XCTSkip("no oracle")
    }

    private func out(_ args: [String]) throws -> String {
        let result = try CLIRunner.run(args)
        XCTAssertEqual(result.status, 0, "stderr: \(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    func testKeygenJSONLoadsInJavaKeyFactory() throws {
        let oracle = try javaOracle()
        let json = try out(["keygen", "--format", "json"])
        let keys = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String])
        let pub = try oracle.parsePublicKey(try XCTUnwrap(keys["publicKey"]))
        let priv = try oracle.parsePrivateKey(try XCTUnwrap(keys["privateKey"]))
        XCTAssertEqual(pub.modulusBitCount, 1024)
        XCTAssertEqual(pub.der, Array(Data(base64Encoded: keys["publicKey"] ?? "") ?? Data()), "getEncoded() gives our bytes back")
        XCTAssertEqual(priv.der, Array(Data(base64Encoded: keys["privateKey"] ?? "") ?? Data()))
    }

    func testJavaDecryptsCLICiphertextsAtEveryBoundary() throws {
        let oracle = try javaOracle()
        let plain = (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ 7) }
        for bits in [512, 1024, 2048] {
            let pair = try oracle.keygen(bits: bits)
            let k = bits / 8
            for length in [0, 1, k - 12, k - 11, k - 10, 2 * (k - 11), 2 * (k - 11) + 1, 5000] {
                let data = Array(plain.prefix(length))
                let ct = try out(["encrypt", "--public-key", pair.publicKey, "--data-hex", hex(data)])
                let bytes = Array(Data(base64Encoded: ct) ?? Data())
                XCTAssertEqual(try oracle.decryptByPrivateKey(privateKey: pair.privateKey, ciphertext: bytes, block: k), data,
                               "\(bits) bits, \(length) bytes")
            }
            // Private-key encryption: byte-exact with the JDK, and readable by decryptByPublicKey.
            let data = Array(plain.prefix(2 * (k - 11) + 1))
            let ours = try out(["encrypt", "--private-key", pair.privateKey, "--data-hex", hex(data)])
            let theirs = try oracle.encryptByPrivateKey(privateKey: pair.privateKey, data: data, block: k - 11)
            XCTAssertEqual(ours, Data(theirs).base64EncodedString(), "\(bits) bits")
        }
    }

    func testCLISignaturesEqualTheJDKs() throws {
        let oracle = try javaOracle()
        let pair = try oracle.keygen(bits: 2048)
        for alg in ["MD5withRSA", "SHA1withRSA", "SHA256withRSA"] {
            let ours = try out(["sign", "--alg", alg, "--private-key", pair.privateKey, "--data", "中国移动"])
            let theirs = try oracle.sign(alg: alg, privateKey: pair.privateKey, data: Array("中国移动".utf8))
            XCTAssertEqual(ours, Data(theirs).base64EncodedString(), alg)
        }
    }
}
