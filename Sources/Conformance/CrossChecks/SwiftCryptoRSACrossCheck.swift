import BigNum
import Crypto
import _CryptoExtras
import Foundation
import MD5
import RSA

/// GMP RSA against swift-crypto's `_RSA` (BoringSSL), both directions, on seeded test keys:
/// signatures with SHA-1/256/384/512, key encodings, and, for MD5withRSA (which `_RSA` lacks),
/// the DigestInfo recovered from our signature compared with swift-crypto's `Insecure.MD5`.
struct SwiftCryptoRSACrossCheck: CheckSuite {
    let name = "cross-check: GMP RSA vs swift-crypto _RSA"
    let keySizes: [Int]
    let messagesPerKey: Int

    init(keySizes: [Int] = [1024, 2048], messagesPerKey: Int = 4) {
        self.keySizes = keySizes
        self.messagesPerKey = messagesPerKey
    }

    var notes: [String: VectorNote] {
        [
            "GmpToSwiftCrypto": VectorNote(bugType: "FUNCTIONALITY", description: "Signed by the GMP side, verified by swift-crypto."),
            "SwiftCryptoToGmp": VectorNote(bugType: "FUNCTIONALITY", description: "Signed by swift-crypto, verified by the GMP side."),
            "KeyEncoding": VectorNote(bugType: "FUNCTIONALITY", description: "Key DER produced by one side, read by the other, re-encoded byte for byte."),
            "DigestInfoRecovery": VectorNote(bugType: "FUNCTIONALITY",
                                             description: "MD5withRSA: the encoded block recovered with the public key must hold swift-crypto's MD5 of the message."),
        ]
    }

    static let hashes: [(HashAlgorithm, String)] = [(.sha1, "SHA-1"), (.sha256, "SHA-256"), (.sha384, "SHA-384"), (.sha512, "SHA-512")]

    func run(context: RunContext) -> [Outcome] {
        let source = SeededByteSource(SeededRandom.forSuite(name, seed: context.effectiveSeed))
        var recorder = CheckRecorder(suite: name)
        for bits in keySizes {
            var ours: RSAPrivateKey?
            recorder.check("\(bits)-bit GMP key generation (seeded)") {
                ours = try RSAKeyGenerator.generate(bits: bits, randomBytes: source.bytes)
                return .pass
            }
            guard let ours else { continue }
            var theirs: _RSA.Signing.PrivateKey?
            recorder.check("\(bits)-bit GMP key read by swift-crypto", flags: ["KeyEncoding"]) {
                let imported = try _RSA.Signing.PrivateKey(unsafeDERRepresentation: ours.pkcs1DER)
                theirs = imported
                return CheckRecorder.same(ours.publicKey.spkiDER, Array(imported.publicKey.derRepresentation), "SPKI DER")
            }
            var generated: _RSA.Signing.PrivateKey?
            recorder.check("\(bits)-bit swift-crypto key read by GMP side", flags: ["KeyEncoding"]) {
                let key = try _RSA.Signing.PrivateKey(unsafeKeySize: .init(bitCount: bits))
                generated = key
                let parsed = try RSAPrivateKey(pkcs1DER: Array(key.derRepresentation))
                return CheckRecorder.same(Array(key.derRepresentation), parsed.pkcs1DER, "PKCS#1 DER")
            }
            for m in 0..<messagesPerKey {
                let message = source.bytes(m * 37 + (m == 1 ? 1000 : 0))
                for (hash, label) in Self.hashes {
                    if let theirs {
                        recorder.check("\(bits) \(label) GMP sign → swift-crypto verify (\(message.count) B)", flags: ["GmpToSwiftCrypto"]) {
                            let signature = try ours.signature(for: message, hash: hash)
                            let ok = theirs.publicKey.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: signature),
                                                                        for: try Self.digest(hash, message), padding: .insecurePKCS1v1_5)
                            return CheckRecorder.truth(ok, "swift-crypto rejected the GMP signature")
                        }
                    }
                    if let generated {
                        recorder.check("\(bits) \(label) swift-crypto sign → GMP verify (\(message.count) B)", flags: ["SwiftCryptoToGmp"]) {
                            let signature = try generated.signature(for: try Self.digest(hash, message), padding: .insecurePKCS1v1_5)
                            let publicKey = try RSAPublicKey(spkiDER: Array(generated.publicKey.derRepresentation))
                            let ok = try publicKey.isValidSignature(Array(signature.rawRepresentation), for: message, hash: hash)
                            // Deterministic padding: our signature must equal theirs byte for byte.
                            let mine = try RSAPrivateKey(pkcs1DER: Array(generated.derRepresentation)).signature(for: message, hash: hash)
                            return ok ? CheckRecorder.same(Array(signature.rawRepresentation), mine, "signatures")
                                : .fail(reason: "GMP side rejected the swift-crypto signature")
                        }
                    }
                }
                recorder.check("\(bits) MD5withRSA: recovered DigestInfo holds swift-crypto's MD5 (\(message.count) B)",
                               flags: ["DigestInfoRecovery"]) {
                    let signature = try ours.signature(for: message, hash: .md5)
                    let block = try ours.publicKey.recoverEncodedMessage(signature)
                    let expectedDigest = Array(Insecure.MD5.hash(data: message))
                    let prefix: [UInt8] = [0x30, 0x20, 0x30, 0x0c, 0x06, 0x08, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x05, 0x05, 0x00, 0x04, 0x10]
                    let k = ours.publicKey.modulusByteCount
                    // 00 01 FF..FF 00 DigestInfo, written out independently of the PKCS1 encoder.
                    let expected = [0x00, 0x01] + [UInt8](repeating: 0xff, count: k - 3 - prefix.count - 16) + [0x00] + prefix + expectedDigest
                    return CheckRecorder.same(expected, block, "encoded blocks")
                }
            }
        }
        return recorder.outcomes
    }

    static func digest(_ hash: HashAlgorithm, _ message: [UInt8]) throws -> any Digest {
        switch hash {
        case .sha1: return Insecure.SHA1.hash(data: message)
        case .sha256: return SHA256.hash(data: message)
        case .sha384: return SHA384.hash(data: message)
        case .sha512: return SHA512.hash(data: message)
        default: throw RSAError.unsupportedHash(hash.rawValue)
        }
    }
}
