import BigNum
@_spi(TimingLeak) import RSA

/// The RSA questions of `conformance timing`: (a) PKCS#1 v1.5 decryption must not tell valid from
/// invalid padding (one block, and RsaUtils chunks with the bad block first); (b) private-key
/// operations must not depend on their input (fixed vs random ciphertext) nor on the secret
/// plaintext behind it (low vs high Hamming weight).
///
/// Inputs are real ciphertexts of the key: valid ones are encryptions of random messages of random
/// length; invalid ones are raw encryptions (c = EM^e mod n) of blocks with one padding defect, the
/// defects in turn (first byte not 0, block type not 2, no zero separator, separator too early), so
/// that every kind of early exit an unpadding routine could take is exercised.
///
/// What is timed is the same call for both classes, with a result of the same kind: the decryption
/// functions are measured through `decryptionSucceeds` (the whole work of `decrypt`, a Bool instead
/// of a message or an error), so the harness does not itself add a difference (returning and freeing
/// a message vs throwing an error) that is not in the secret-dependent work. Every input, the fixed
/// ones too, is a freshly allocated buffer built before the batch is timed, so the classes go
/// through the same memory and allocation pattern (a reused buffer would stay in cache).
public enum RSATimingExperiments {
    /// Blocks per RsaUtils chunked ciphertext.
    static let chunkBlocks = 3

    public static func all(key: RSAPrivateKey) -> [TimingExperiment] {
        let bits = key.publicKey.keySize
        let k = key.publicKey.modulusByteCount
        let fixedCiphertext = try? randomRepresentative(k)
        let fixedMessage = (try? SystemRandom.bytes(32)) ?? []
        let defect = Counter()
        return [
            TimingExperiment(name: "pkcs1-decrypt (\(bits)-bit, one block)", classNames: ("valid padding", "invalid padding")) { c in
                let ct = freshCopy(c == 0 ? try validCiphertext(key.publicKey) : try invalidCiphertext(key.publicKey, defect: defect.next()))
                return { _ = try? key.decryptionSucceeds(ct) }
            },
            TimingExperiment(name: "rsautils-decrypt (\(bits)-bit, \(chunkBlocks) blocks)", classNames: ("valid padding", "first block invalid")) { c in
                var ct = c == 0 ? try validCiphertext(key.publicKey) : try invalidCiphertext(key.publicKey, defect: defect.next())
                for _ in 1..<chunkBlocks { ct += try validCiphertext(key.publicKey) }
                let input = freshCopy(ct)
                return { _ = try? RsaUtilsCipher.decryptionSucceeds(input, privateKey: key) }
            },
            TimingExperiment(name: "private-op (\(bits)-bit, decrypt)", classNames: ("fixed ciphertext", "random ciphertext")) { c in
                guard let fixed = fixedCiphertext else { throw TimingInputError.randomSourceFailed }
                let random = try randomRepresentative(k)  // drawn for both classes: the same allocations
                let ct = freshCopy(c == 0 ? fixed : random)
                return { _ = try? key.decryptionSucceeds(ct) }
            },
            TimingExperiment(name: "private-op (\(bits)-bit, decrypt)", classNames: ("low-weight plaintext", "high-weight plaintext")) { c in
                // The secret is what the private key recovers: m of low or high Hamming weight behind
                // c = m^e mod n, which looks uniformly random in both classes.
                let ct = freshCopy(try key.publicKey.recoverEncodedMessage(try hammingWeightInput(k, high: c == 1)))
                return { _ = try? key.decryptionSucceeds(ct) }
            },
            TimingExperiment(name: "sign MD5withRSA (\(bits)-bit)", classNames: ("fixed message", "random message")) { c in
                let random = try SystemRandom.bytes(32)  // drawn for both classes: the same allocations
                let message = freshCopy(c == 0 ? fixedMessage : random)
                return { _ = try? key.signature(for: message, hash: .md5) }
            },
        ]
    }

    /// A copy in new storage of exactly its length (`Array(a)` would share a's buffer): every input
    /// of both classes goes through it, so all are allocated alike.
    static func freshCopy(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { [UInt8]($0) }
    }

    /// An encryption of a random message of random length (0…k−11 bytes).
    static func validCiphertext(_ key: RSAPublicKey) throws -> [UInt8] {
        let k = key.modulusByteCount
        let length = Int.random(in: 0...(k - 11))
        return try key.encrypt(try SystemRandom.bytes(length))
    }

    /// c = EM^e mod n for an EM with one PKCS#1 type 2 defect (`defect` mod 4).
    static func invalidCiphertext(_ key: RSAPublicKey, defect: Int) throws -> [UInt8] {
        let k = key.modulusByteCount
        var em = try nonZeroBytes(k)
        em[0] = 0x00
        em[1] = 0x02
        let separator = Int.random(in: 11..<k)
        em[separator] = 0x00
        switch defect % 4 {
        case 0:  // first byte not zero (block type 0 instead when that would not be below n)
            em[0] = 0x01
            if BigInt(bigEndianBytes: em) >= key.modulus { em[0] = 0x00; em[1] = 0x00 }
        case 1: em[1] = 0x01  // block type 1 where 2 is expected
        case 2: em[separator] = 0x5a  // no zero separator at all
        default:  // separator inside the 8 mandatory padding bytes
            em[separator] = 0x5a
            em[Int.random(in: 2..<10)] = 0x00
        }
        return try key.recoverEncodedMessage(em)
    }

    /// A random number below 2^(8(k−1)) (so below n), as k bytes.
    static func randomRepresentative(_ k: Int) throws -> [UInt8] {
        [0x00] + (try SystemRandom.bytes(k - 1))
    }

    /// k bytes below n (first byte 0) with about 16 set bits (low) or all but about 16 set bits (high).
    static func hammingWeightInput(_ k: Int, high: Bool) throws -> [UInt8] {
        var bytes = [UInt8](repeating: high ? 0xff : 0x00, count: k)
        bytes[0] = 0x00
        let positions = try SystemRandom.bytes(32)
        for i in stride(from: 0, to: positions.count, by: 2) {
            let index = 1 + (Int(positions[i]) << 8 | Int(positions[i + 1])) % (k - 1)
            let bit = UInt8(1) << (positions[i] & 7)
            if high { bytes[index] &= ~bit } else { bytes[index] |= bit }
        }
        return bytes
    }

    static func nonZeroBytes(_ count: Int) throws -> [UInt8] {
        var out = try SystemRandom.bytes(count)
        for i in out.indices where out[i] == 0 { out[i] = 0x01 }
        return out
    }
}

enum TimingInputError: Error, CustomStringConvertible {
    case randomSourceFailed
    var description: String { "the system random source failed" }
}

/// A shared counter (the experiments' closures are @Sendable).
final class Counter: @unchecked Sendable {
    private var value = 0
    func next() -> Int {
        value &+= 1
        return value
    }
}
