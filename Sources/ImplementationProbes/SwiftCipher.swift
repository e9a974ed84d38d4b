import Foundation
import RSA
import _CryptoExtras

/// Encryption paddings the probes recognise.
public enum CipherPadding: String, Sendable, Equatable, CaseIterable {
    /// PKCS#1 v1.5 (`RSA/ECB/PKCS1Padding`, the JDK's default for "RSA").
    case pkcs1 = "PKCS1"
    /// OAEP with SHA-1 and MGF1-SHA-1 (`RSA/ECB/OAEPWithSHA-1AndMGF1Padding`, `RSA/ECB/OAEPPadding`).
    case oaepSHA1 = "OAEP"
    /// OAEP with SHA-256 (label hash and MGF1 both SHA-256).
    case oaepSHA256 = "OAEP-SHA256"

    /// The contract value (`PKCS1` | `OAEP`).
    public var contractName: String { self == .pkcs1 ? "PKCS1" : "OAEP" }

    /// Largest message one k-byte block takes.
    public func maximumMessage(k: Int) -> Int {
        switch self {
        case .pkcs1: return k - 11
        case .oaepSHA1: return k - 42
        case .oaepSHA256: return k - 66
        }
    }

    public var jcaName: String {
        switch self {
        case .pkcs1: return "RSA/ECB/PKCS1Padding"
        case .oaepSHA1: return "RSA/ECB/OAEPWithSHA-1AndMGF1Padding"
        case .oaepSHA256: return "OAEP with SHA-256 and MGF1-SHA-256"
        }
    }
}

/// The Swift side's public-key encryption in each padding, chunked like RsaUtils. PKCS#1 is the
/// RSA module (the code under test everywhere else); OAEP comes from swift-crypto (BoringSSL),
/// an independent implementation.
public enum SwiftCipher {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    public static func encrypt(_ data: [UInt8], publicKey: RSAPublicKey, padding: CipherPadding, block: Int? = nil,
                        singleBlock: Bool = false) throws -> [UInt8] {
        let k = publicKey.modulusByteCount
        switch padding {
        case .pkcs1:
            // One doFinal (a class without chunking): one block, even for an empty input.
            if singleBlock { return try publicKey.encrypt(data) }
            return try RsaUtilsCipher.encrypt(data, publicKey: publicKey, block: block)
        case .oaepSHA1, .oaepSHA256:
            let key = try _RSA.Encryption.PublicKey(unsafeDERRepresentation: publicKey.spkiDER)
            let chunk = min(block ?? padding.maximumMessage(k: k), padding.maximumMessage(k: k))
            guard chunk > 0 else { throw Failure(description: "key too small for \(padding.rawValue)") }
            if data.isEmpty && !singleBlock { return [] }  // RsaUtils' chunk loop never runs
            var out: [UInt8] = []
            var offset = 0
            repeat {
                let end = min(offset + chunk, data.count)
                out += Array(try key.encrypt(Array(data[offset..<end]), padding: swiftPadding(padding)))
                offset = end
            } while offset < data.count
            return out
        }
    }

    /// Decrypts k-byte blocks one by one.
    public static func decrypt(_ ciphertext: [UInt8], privateKey: RSAPrivateKey, padding: CipherPadding) throws -> [UInt8] {
        switch padding {
        case .pkcs1:
            return try RsaUtilsCipher.decrypt(ciphertext, privateKey: privateKey)
        case .oaepSHA1, .oaepSHA256:
            let k = privateKey.publicKey.modulusByteCount
            if ciphertext.isEmpty { return [] }  // RsaUtils' chunk loop: nothing in, nothing out
            guard ciphertext.count % k == 0 else {
                throw Failure(description: "\(ciphertext.count) bytes is not a whole number of \(k)-byte blocks")
            }
            let key = try _RSA.Encryption.PrivateKey(unsafeDERRepresentation: privateKey.pkcs1DER)
            var out: [UInt8] = []
            var offset = 0
            while offset < ciphertext.count {
                out += Array(try key.decrypt(Array(ciphertext[offset..<(offset + k)]), padding: swiftPadding(padding)))
                offset += k
            }
            return out
        }
    }

    private static func swiftPadding(_ padding: CipherPadding) -> _RSA.Encryption.Padding {
        padding == .oaepSHA256 ? .PKCS1_OAEP_SHA256 : .PKCS1_OAEP
    }

    /// The padding whose decryption of `ciphertext` gives `plain` (nil: none).
    public static func padding(of ciphertext: [UInt8], plain: [UInt8], privateKey: RSAPrivateKey) -> CipherPadding? {
        CipherPadding.allCases.first { padding in
            (try? decrypt(ciphertext, privateKey: privateKey, padding: padding)) == plain
        }
    }

    /// Raw (textbook) RSA of one block, as `RSA/ECB/NoPadding` computes it: the input as a k-byte
    /// number to the power e mod n (`recoverEncodedMessage` is that public operation). nil: too long.
    public static func unpaddedEncrypt(_ plain: [UInt8], publicKey: RSAPublicKey) -> [UInt8]? {
        let k = publicKey.modulusByteCount
        guard plain.count < k else { return nil }
        return try? publicKey.recoverEncodedMessage([UInt8](repeating: 0, count: k - plain.count) + plain)
    }

    /// `ciphertext` is raw RSA of `plain`: made with the public key (`publicSide`), or with the private
    /// key (its c^e mod n is the plain text as a k-byte number).
    public static func isUnpadded(_ ciphertext: [UInt8], plain: [UInt8], publicKey: RSAPublicKey, publicSide: Bool) -> Bool {
        let k = publicKey.modulusByteCount
        guard ciphertext.count == k, plain.count < k else { return false }
        if publicSide { return unpaddedEncrypt(plain, publicKey: publicKey) == ciphertext }
        return (try? publicKey.recoverEncodedMessage(ciphertext)) == [UInt8](repeating: 0, count: k - plain.count) + plain
    }
}
