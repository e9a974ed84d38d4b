import RSA

/// What the signature probe found.
public struct SignatureFinding: Sendable {
    public var algorithm: HashAlgorithm?
    /// Why the algorithm is unknown, or how it was found.
    public var note: String?
    /// The JCA name the implementation accepted in `sign` (adapters refuse the others).
    public var requestedName: String?
    /// Its verify accepts a valid signature (nil: no verify, or nothing to offer).
    public var verifyAccepts: Bool?
}

/// Signature algorithm = the hash its signature verifies with on the Swift side (the DigestInfo is
/// recovered with the public key for hashes Swift lacks). An implementation with a fixed algorithm
/// ignores (Java) or refuses (adapter) the requested name, so the names are tried in turn and the
/// signature itself decides. Without sign: Swift signatures of each hash are offered to its verify.
struct SignatureProbe {
    static let candidates: [HashAlgorithm] = [.md5, .sha1, .sha256, .sha384, .sha512, .sha224, .sha512_224, .sha512_256]
    static let message = ProbeData.ascii("java-check signature probe 0123456789", label: "probe")

    func run(_ ctx: ProbeContext) throws -> SignatureFinding {
        var finding = SignatureFinding()
        guard let pub = ctx.publicKey, let priv = ctx.privateKey else { return finding }
        let impl = ctx.implementation
        let message = Self.message
        if impl.has(.sign) {
            var lastError: Error?
            for requested in Self.candidates.filter(\.isSupported) {
                switch try ctx.attempt({ try ctx.sign(message, privateKey: ctx.privateString, algorithm: requested.jcaSignatureName) }) {
                case .success(let signature):
                    finding.requestedName = requested.jcaSignatureName
                    finding.algorithm = Self.candidates.first { hash in
                        hash.isSupported && ((try? pub.isValidSignature(signature, for: message.bytes, hash: hash)) ?? false)
                    }
                    if finding.algorithm == nil {
                        finding.note = describeUnknown(signature, publicKey: pub, k: ctx.k, method: ctx.name(.sign))
                    }
                    lastError = nil
                case .failure(let error):
                    lastError = error
                    // A Java class ignores the name: its failure is the same for every name.
                    if impl.subject.kind == "java-class" { break }
                    continue
                }
                break
            }
            if let lastError {
                finding.note = "\(ctx.name(.sign)) failed: \(ctx.describe(lastError))"
            }
        }
        guard impl.has(.verify) else { return finding }
        let hashes = finding.algorithm.map { [$0] } ?? (impl.has(.sign) && finding.note == nil ? [] : Self.candidates.filter(\.isSupported))
        finding.verifyAccepts = false
        for hash in hashes {
            let signature = try priv.signature(for: message.bytes, hash: hash)
            let result = try ctx.attempt { try ctx.verify(message, publicKey: ctx.publicString, signature: signature, algorithm: hash.jcaSignatureName) }
            if case .success(true) = result {
                finding.verifyAccepts = true
                if finding.algorithm == nil {
                    finding.algorithm = hash
                    finding.note = impl.has(.sign) ? (finding.note.map { $0 + "; " } ?? "") + "its verify accepts \(hash.jcaSignatureName)"
                        : "no sign method: detected by offering Swift signatures to its verify"
                }
                break
            }
        }
        return finding
    }

    /// What an unrecognised signature is: the encoded block recovered with the public key.
    private func describeUnknown(_ signature: [UInt8], publicKey: RSAPublicKey, k: Int, method: String) -> String {
        let tried = Self.candidates.filter(\.isSupported).map(\.jcaSignatureName).joined(separator: ", ")
        guard signature.count == k, let em = try? publicKey.recoverEncodedMessage(signature) else {
            return "\(method) gave \(signature.count) bytes, not one \(k)-byte RSA block"
        }
        if em.count > 2, em[0] == 0, em[1] == 1, let zero = em.dropFirst(2).firstIndex(of: 0) {
            let digestInfo = Array(em[(zero + 1)...])
            if let hash = HashAlgorithm.allCases.first(where: { digestInfo.starts(with: $0.digestInfoPrefix)
                && digestInfo.count == $0.digestInfoPrefix.count + $0.digestLength }) {
                if !hash.isSupported {
                    return "its signatures are \(hash.jcaSignatureName) (recognised by the DigestInfo), which the Swift side does not implement"
                }
                return "its signatures carry a \(hash.jcaSignatureName) DigestInfo but the digest is not of the message it was given"
            }
            return "its signatures are PKCS#1 v1.5 type 1 blocks with an unknown DigestInfo (\(ProbeFormat.bytes(digestInfo)))"
        }
        return "its signatures verify with none of \(tried) and are not PKCS#1 v1.5 (RSASSA-PSS or raw RSA?)"
    }
}
