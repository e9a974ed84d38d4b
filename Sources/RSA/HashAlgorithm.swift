import Crypto
import MD5

/// Hash functions of PKCS#1 v1.5 signatures. Raw values are Wycheproof's names.
public enum HashAlgorithm: String, CaseIterable, Codable, Sendable {
    case md5 = "MD5"
    case sha1 = "SHA-1"
    case sha224 = "SHA-224"
    case sha256 = "SHA-256"
    case sha384 = "SHA-384"
    case sha512 = "SHA-512"
    case sha512_224 = "SHA-512/224"
    case sha512_256 = "SHA-512/256"
    case sha3_224 = "SHA3-224"
    case sha3_256 = "SHA3-256"
    case sha3_384 = "SHA3-384"
    case sha3_512 = "SHA3-512"

    /// From a JCA signature name such as "MD5withRSA" or "SHA256withRSA" (case-insensitive).
    public init?(jcaSignatureName: String) {
        let wanted = jcaSignatureName.lowercased()
        guard let match = HashAlgorithm.allCases.first(where: { $0.jcaSignatureName.lowercased() == wanted }) else {
            return nil
        }
        self = match
    }

    public var jcaSignatureName: String {
        switch self {
        case .md5: return "MD5withRSA"
        case .sha1: return "SHA1withRSA"
        case .sha224: return "SHA224withRSA"
        case .sha256: return "SHA256withRSA"
        case .sha384: return "SHA384withRSA"
        case .sha512: return "SHA512withRSA"
        case .sha512_224: return "SHA512/224withRSA"
        case .sha512_256: return "SHA512/256withRSA"
        case .sha3_224: return "SHA3-224withRSA"
        case .sha3_256: return "SHA3-256withRSA"
        case .sha3_384: return "SHA3-384withRSA"
        case .sha3_512: return "SHA3-512withRSA"
        }
    }

    /// MD5 is ours (pure Swift); SHA-1/2 come from swift-crypto; the rest it does not implement.
    public var isSupported: Bool {
        switch self {
        case .md5, .sha1, .sha256, .sha384, .sha512: return true
        default: return false
        }
    }

    public var digestLength: Int {
        switch self {
        case .md5: return 16
        case .sha1: return 20
        case .sha224, .sha512_224, .sha3_224: return 28
        case .sha256, .sha512_256, .sha3_256: return 32
        case .sha384, .sha3_384: return 48
        case .sha512, .sha3_512: return 64
        }
    }

    public func digest(_ message: [UInt8]) throws -> [UInt8] {
        switch self {
        case .md5: return MD5.hash(message).bytes
        case .sha1: return Array(Insecure.SHA1.hash(data: message))
        case .sha256: return Array(SHA256.hash(data: message))
        case .sha384: return Array(SHA384.hash(data: message))
        case .sha512: return Array(SHA512.hash(data: message))
        default: throw RSAError.unsupportedHash(rawValue)
        }
    }

    /// Content bytes of the hash's OBJECT IDENTIFIER (RFC 8017 appendix B.1, NIST CSOR).
    var oidContent: [UInt8] {
        let nist: (UInt8) -> [UInt8] = { arc in [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, arc] }
        switch self {
        case .md5: return [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x02, 0x05]
        case .sha1: return [0x2b, 0x0e, 0x03, 0x02, 0x1a]
        case .sha256: return nist(0x01)
        case .sha384: return nist(0x02)
        case .sha512: return nist(0x03)
        case .sha224: return nist(0x04)
        case .sha512_224: return nist(0x05)
        case .sha512_256: return nist(0x06)
        case .sha3_224: return nist(0x07)
        case .sha3_256: return nist(0x08)
        case .sha3_384: return nist(0x09)
        case .sha3_512: return nist(0x0a)
        }
    }

    /// DER of `DigestInfo` up to the digest bytes (RFC 8017 §9.2, note 1), with the NULL parameter.
    public var digestInfoPrefix: [UInt8] { HashAlgorithm.prefixes[self]?.withNull ?? [] }

    /// The same prefix without the NULL parameters of the AlgorithmIdentifier: the legacy form that
    /// the JDK's `RSASignature.engineVerify` also accepts (it compares against both encodings).
    public var digestInfoPrefixWithoutNull: [UInt8] { HashAlgorithm.prefixes[self]?.withoutNull ?? [] }

    /// Both prefixes of every hash, built once (every signature and verification needs one).
    private static let prefixes: [HashAlgorithm: (withNull: [UInt8], withoutNull: [UInt8])] =
        Dictionary(uniqueKeysWithValues: allCases.map { ($0, ($0.buildPrefix(withNullParameters: true), $0.buildPrefix(withNullParameters: false))) })

    private func buildPrefix(withNullParameters: Bool) -> [UInt8] {
        let oid = oidContent
        let algorithmContent = [0x06, UInt8(oid.count)] + oid + (withNullParameters ? [0x05, 0x00] : [])
        let algorithmIdentifier = [0x30, UInt8(algorithmContent.count)] + algorithmContent
        let innerLength = algorithmIdentifier.count + 2 + digestLength
        return [0x30, UInt8(innerLength)] + algorithmIdentifier + [0x04, UInt8(digestLength)]
    }
}
