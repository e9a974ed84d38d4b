import RSA

/// The bidirectional matrix, run with the detected profile: keys, signatures (both ways,
/// byte-exact), public → private encryption at the chunk boundaries (both ways, with its keys and
/// with Swift's), private → public encryption (both ways, byte-exact), the String helpers with the
/// detected charset, its own round trips, and MD5 when it has one.
final class BidirectionalMatrix {
    let ctx: ProbeContext
    let profile: ImplementationProfile
    var items: [MatrixItem] = []

    init(ctx: ProbeContext, profile: ImplementationProfile) {
        self.ctx = ctx
        self.profile = profile
    }

    enum Outcome {
        case pass
        case fail(expected: String, actual: String)
        case skip(String)
    }

    /// Runs one check: an error of the implementation or of Swift is a failure, a `cannotDrive` a skip.
    func record(_ group: String, _ id: String, _ name: String, _ body: () throws -> Outcome) throws {
        let item: MatrixItem
        switch try ctx.attempt(body) {
        case .success(.pass):
            item = MatrixItem(group: group, id: id, name: name, verdict: .pass)
        case .success(.fail(let expected, let actual)):
            item = MatrixItem(group: group, id: id, name: name, verdict: .fail, expected: expected, actual: actual)
        case .success(.skip(let reason)), .failure(ProbeError.cannotDrive(let reason)):
            item = MatrixItem(group: group, id: id, name: name, verdict: .skip, detail: reason)
        case .failure(let error):
            item = MatrixItem(group: group, id: id, name: name, verdict: .fail, expected: "no error", actual: ctx.describe(error))
        }
        items.append(item)
    }

    func skip(_ group: String, _ id: String, _ name: String, _ reason: String) {
        items.append(MatrixItem(group: group, id: id, name: name, verdict: .skip, detail: reason))
    }

    func run() throws -> [MatrixItem] {
        ctx.progress("running the matrix")
        items += profile.keys.checks
        try signatureMatrix()
        try encryptionMatrix()
        try privateEncryptionMatrix()
        try textMatrix()
        try selfMatrix()
        try digestMatrix()
        return items
    }

    var impl: ImplementationUnderTest { ctx.implementation }
    var k: Int { ctx.k }
    /// Names the implementation in the checks ("Java signs …" / "The port signs …").
    var w: SubjectWording { ctx.wording }

    func lengthText(_ n: Int) -> String { ProbeFormat.count(n) }

    // MARK: - Signatures

    /// Messages: empty, ASCII, non-ASCII text (bytes in the charset of a String sign, else UTF-8),
    /// 10 KB, and binary bytes when sign takes bytes.
    private var signatureMessages: [ProbeData] {
        var out: [ProbeData] = [
            ProbeData(bytes: [], text: "", label: "empty"),
            .ascii("appId=300011&phone=13800138000&ts=20240501123045678", label: "ASCII"),
        ]
        let takesText = (impl.has(.sign) ? impl.dataKind(of: .sign) : impl.dataKind(of: .verify)) == .text
        let helperCharset = profile.charset.byMethod.first { key, _ in key.contains(" \(ctx.name(impl.has(.sign) ? .sign : .verify))(") }?.value
        let charset = takesText ? (helperCharset.flatMap { profile.charset.encodings[$0] != nil ? $0 : nil } ?? "UTF-8") : "UTF-8"
        let textBytes = profile.charset.encodings[charset] ?? Array(CharsetProbe.text.utf8)
        out.append(ProbeData(bytes: textBytes, text: CharsetProbe.text, label: "text (\(charset))"))
        out.append(.ascii(length: 10 * 1024, label: "10 KB"))
        if !takesText { out.append(.binary(length: 256, label: "binary 256 bytes")) }
        return out
    }

    private func signatureMatrix() throws {
        let group = "signatures"
        guard impl.has(.sign) || impl.has(.verify) else {
            skip(group, "signatures", "signatures", "no sign or verify method")
            return
        }
        guard let pub = ctx.publicKey, let priv = ctx.privateKey, let swiftKey = ctx.swiftKey else { return }
        guard let hash = profile.signature.algorithm, hash.isSupported else {
            items.append(MatrixItem(group: group, id: "signatures.algorithm", name: "its signature algorithm is one Swift implements",
                                    verdict: .fail, expected: SignatureProbe.candidates.filter(\.isSupported).map(\.jcaSignatureName).joined(separator: " | "),
                                    actual: profile.signature.note ?? "none matched"))
            return
        }
        let alg = hash.jcaSignatureName
        if profile.signature.verifyAccepts == false {
            items.append(MatrixItem(group: group, id: "signatures.verify-accepts", name: "its verify accepts a valid \(alg) signature",
                                    verdict: .fail, expected: "true", actual: "false or an exception"))
        }
        let swiftPublicString = swiftKey.publicKey.rsaUtilsString
        let swiftPrivateString = swiftKey.rsaUtilsString
        for message in signatureMessages {
            let tag = message.label
            if impl.has(.sign) {
                let signed = try ctx.attempt { try ctx.sign(message, privateKey: ctx.privateString, algorithm: alg) }
                try record(group, "signatures.java-to-swift.\(tag)", "\(w.sentenceActor) signs (\(alg), \(tag)) → Swift verifies") {
                    let sig = try signed.get()
                    return try pub.isValidSignature(sig, for: message.bytes, hash: hash)
                        ? .pass : .fail(expected: "valid", actual: "invalid: \(ProbeFormat.bytes(sig))")
                }
                try record(group, "signatures.byte-exact.\(tag)", "Swift's signature is byte-identical to \(w.possessive) (\(tag))") {
                    let sig = try signed.get()
                    let mine = try priv.signature(for: message.bytes, hash: hash)
                    return mine == sig ? .pass : .fail(expected: ProbeFormat.bytes(sig), actual: ProbeFormat.bytes(mine))
                }
            } else {
                skip(group, "signatures.java-to-swift.\(tag)", "\(w.sentenceActor) signs (\(tag)) → Swift verifies", "no sign method")
            }
            if impl.has(.verify) {
                // Hard-coded keys: its verify knows only its own public key, so Swift signs with its private key.
                let own = profile.keys.source == "class-constant"
                try record(group, "signatures.swift-to-java.\(tag)", "Swift signs (\(alg), \(tag), \(own ? "its own key" : "Swift key")) → \(w.actor) verifies") {
                    let sig = try (own ? priv : swiftKey).signature(for: message.bytes, hash: hash)
                    return try ctx.verify(message, publicKey: own ? ctx.publicString : swiftPublicString, signature: sig, algorithm: alg)
                        ? .pass : .fail(expected: "true", actual: "false")
                }
            } else {
                skip(group, "signatures.swift-to-java.\(tag)", "Swift signs (\(tag)) → \(w.actor) verifies", "no verify method")
            }
        }
        let ascii = signatureMessages[1]
        if impl.has(.sign) {
            try record(group, "signatures.swift-key", "\(w.sentenceActor) signs with a Swift-made private key string → byte-identical to Swift") {
                let sig = try ctx.sign(ascii, privateKey: swiftPrivateString, algorithm: alg)
                let mine = try swiftKey.signature(for: ascii.bytes, hash: hash)
                return sig == mine ? .pass : .fail(expected: ProbeFormat.bytes(mine), actual: ProbeFormat.bytes(sig))
            }
            try record(group, "signatures.tampered.swift-rejects", "Swift rejects \(w.possessive) signature with one bit flipped") {
                var sig = try ctx.sign(ascii, privateKey: ctx.privateString, algorithm: alg)
                guard !sig.isEmpty else { return .fail(expected: "a signature", actual: "0 bytes") }
                sig[sig.count - 1] ^= 1
                return try pub.isValidSignature(sig, for: ascii.bytes, hash: hash) ? .fail(expected: "invalid", actual: "valid") : .pass
            }
        }
        if impl.has(.verify) {
            try record(group, "signatures.tampered.java-rejects", "\(w.sentenceActor) rejects a Swift signature with one bit flipped") {
                var sig = try priv.signature(for: ascii.bytes, hash: hash)
                sig[sig.count - 1] ^= 1
                switch try ctx.attempt({ try ctx.verify(ascii, publicKey: ctx.publicString, signature: sig, algorithm: alg) }) {
                case .success(false), .failure(ProbeError.threw), .failure(ProbeError.misbehaved): return .pass
                case .failure(let error): throw error
                case .success(true): return .fail(expected: "false", actual: "true")
                }
            }
        }
    }
}
