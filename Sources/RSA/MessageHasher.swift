import Crypto
import MD5

/// A streaming hash for signing and verifying large inputs in constant memory: feed the message in
/// pieces of any size, then `finalize()`, then `signature(forDigest:hash:)` /
/// `isValidSignature(_:digest:hash:)`. MD5 is ours (pure Swift), SHA-1/2 come from swift-crypto.
public struct MessageHasher {
    public let algorithm: HashAlgorithm
    private var state: State

    private enum State {
        case md5(MD5)
        case sha1(Insecure.SHA1)
        case sha256(SHA256)
        case sha384(SHA384)
        case sha512(SHA512)
    }

    /// Throws `RSAError.unsupportedHash` for the hashes the RSA module does not implement.
    public init(_ algorithm: HashAlgorithm) throws {
        self.algorithm = algorithm
        switch algorithm {
        case .md5: state = .md5(MD5())
        case .sha1: state = .sha1(Insecure.SHA1())
        case .sha256: state = .sha256(SHA256())
        case .sha384: state = .sha384(SHA384())
        case .sha512: state = .sha512(SHA512())
        default: throw RSAError.unsupportedHash(algorithm.rawValue)
        }
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        switch state {
        case .md5(var h): h.update(bytes); state = .md5(h)
        case .sha1(var h): h.update(bufferPointer: bytes); state = .sha1(h)
        case .sha256(var h): h.update(bufferPointer: bytes); state = .sha256(h)
        case .sha384(var h): h.update(bufferPointer: bytes); state = .sha384(h)
        case .sha512(var h): h.update(bufferPointer: bytes); state = .sha512(h)
        }
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The digest of everything fed so far.
    public func finalize() -> [UInt8] {
        switch state {
        case .md5(let h): return h.finalize().bytes
        case .sha1(let h): return Array(h.finalize())
        case .sha256(let h): return Array(h.finalize())
        case .sha384(let h): return Array(h.finalize())
        case .sha512(let h): return Array(h.finalize())
        }
    }
}
