import Foundation
import JavaOracle
import RSA

/// The bidirectional matrix, run with the detected profile: keys, signatures (both ways,
/// byte-exact), public → private encryption at the chunk boundaries (both ways, with its keys and
/// with Swift's), private → public encryption (both ways, byte-exact), the String helpers with the
/// detected charset, and its own round trips.
extension JavaCheckSession {
    /// The encryption chunk the Swift side uses: the class's when it fits the key, else k − 11.
    var swiftEncryptBlock: Int { encryptBlock.map { min($0, k - 11) } ?? (k - 11) }
    var swiftPrivateEncryptBlock: Int { privateEncryptBlock.map { min($0, k - 11) } ?? swiftEncryptBlock }
    /// The Swift side always decrypts k-byte blocks (the only size that can work).
    var swiftDecryptBlock: Int { k }

    enum Outcome {
        case pass
        case fail(expected: String, actual: String)
        case skip(String)
    }

    func record(_ group: String, _ id: String, _ name: String, _ body: () throws -> Outcome) throws {
        let item: JavaCheckItem
        switch try attempt(body) {
        case .success(.pass):
            item = JavaCheckItem(group: group, id: id, name: name, verdict: .pass)
        case .success(.fail(let expected, let actual)):
            item = JavaCheckItem(group: group, id: id, name: name, verdict: .fail, expected: expected, actual: actual)
        case .success(.skip(let reason)):
            item = JavaCheckItem(group: group, id: id, name: name, verdict: .skip, detail: reason)
        case .failure(let error):
            item = JavaCheckItem(group: group, id: id, name: name, verdict: .fail, expected: "no error",
                                 actual: JavaCheckFormat.error(error))
        }
        matrix.append(item)
    }

    func skip(_ group: String, _ id: String, _ name: String, _ reason: String) {
        matrix.append(JavaCheckItem(group: group, id: id, name: name, verdict: .skip, detail: reason))
    }

    func runMatrix() throws {
        progress("running the matrix")
        matrix += keyChecks
        try signatureMatrix()
        try encryptionMatrix()
        try privateEncryptionMatrix()
        try textMatrix()
        try selfMatrix()
    }

    // MARK: - Signatures

    /// Messages: empty, ASCII, non-ASCII text (bytes in the charset of a String sign method, else
    /// UTF-8), 10 KB, and binary bytes when sign takes byte[].
    private var signatureMessages: [JavaCheckPayload] {
        var out: [JavaCheckPayload] = [
            JavaCheckPayload(bytes: [], text: "", label: "empty"),
            .ascii("appId=300011&phone=13800138000&ts=20240501123045678", label: "ASCII"),
        ]
        let takesText = facade.sign?.parameters.first == RsaUtilsFacade.textParameter
            || (facade.sign == nil && facade.verify?.parameters.first == RsaUtilsFacade.textParameter)
        let textCharset = takesText ? (facade.sign.flatMap { charsetByMethod[$0.signature] }
            ?? facade.verify.flatMap { charsetByMethod[$0.signature] } ?? "UTF-8") : "UTF-8"
        let textBytes = takesText ? (encodings[textCharset] ?? Array(Self.probeText.utf8)) : Array(Self.probeText.utf8)
        out.append(JavaCheckPayload(bytes: textBytes, text: Self.probeText, label: "text (\(textCharset))"))
        out.append(.ascii(length: 10 * 1024, label: "10 KB"))
        if !takesText { out.append(.binary(length: 256, label: "binary 256 bytes")) }
        return out
    }

    private func signatureMatrix() throws {
        let group = "signatures"
        guard facade.sign != nil || facade.verify != nil else {
            skip(group, "signatures", "signatures", "the class has no sign or verify method")
            return
        }
        guard let pub = javaPublic, let priv = javaPrivate, let swiftKey = swiftPrivate else { return }
        guard let hash = algorithm, hash.isSupported else {
            matrix.append(JavaCheckItem(group: group, id: "signatures.algorithm", name: "its signature algorithm is one Swift implements",
                                        verdict: .fail, expected: Self.hashCandidates.filter(\.isSupported).map(\.jcaSignatureName).joined(separator: " | "),
                                        actual: algorithmNote ?? "none matched"))
            return
        }
        let alg = hash.jcaSignatureName
        if let found = verifyOrderFound, !found {
            matrix.append(JavaCheckItem(group: group, id: "signatures.verify-order", name: "its verify accepts a valid \(alg) signature",
                                        verdict: .fail, expected: "true for verify(data, publicKey, sign) or verify(data, sign, publicKey)",
                                        actual: "false or an exception both ways"))
        }
        let swiftPublicString = swiftKey.publicKey.rsaUtilsString
        let swiftPrivateString = swiftKey.rsaUtilsString
        for message in signatureMessages {
            let tag = message.label
            if facade.sign != nil {
                let signed = try attempt { try facade.sign(message, privateKey: javaPrivateString, k: k) }
                try record(group, "signatures.java-to-swift.\(tag)", "Java signs (\(alg), \(tag)) → Swift verifies") {
                    let sig = try signed.get()
                    return try pub.isValidSignature(sig.bytes, for: message.bytes, hash: hash)
                        ? .pass : .fail(expected: "valid", actual: "invalid: \(JavaCheckFormat.bytes(sig.bytes))")
                }
                try record(group, "signatures.byte-exact.\(tag)", "Swift's signature is byte-identical to Java's (\(tag))") {
                    let sig = try signed.get().bytes
                    let mine = try priv.signature(for: message.bytes, hash: hash)
                    return mine == sig ? .pass : .fail(expected: JavaCheckFormat.bytes(sig), actual: JavaCheckFormat.bytes(mine))
                }
            } else {
                skip(group, "signatures.java-to-swift.\(tag)", "Java signs (\(tag)) → Swift verifies", "no sign method")
            }
            if facade.verify != nil {
                try record(group, "signatures.swift-to-java.\(tag)", "Swift signs (\(alg), \(tag), Swift key) → Java verifies") {
                    let sig = try swiftKey.signature(for: message.bytes, hash: hash)
                    return try facade.verify(message, publicKey: swiftPublicString, signature: sig)
                        ? .pass : .fail(expected: "true", actual: "false")
                }
            } else {
                skip(group, "signatures.swift-to-java.\(tag)", "Swift signs (\(tag)) → Java verifies", "no verify method")
            }
        }
        let ascii = signatureMessages[1]
        if facade.sign != nil {
            try record(group, "signatures.swift-key", "Java signs with a Swift-made private key string → byte-identical to Swift") {
                let sig = try facade.sign(ascii, privateKey: swiftPrivateString, k: k).bytes
                let mine = try swiftKey.signature(for: ascii.bytes, hash: hash)
                return sig == mine ? .pass : .fail(expected: JavaCheckFormat.bytes(mine), actual: JavaCheckFormat.bytes(sig))
            }
            try record(group, "signatures.tampered.swift-rejects", "Swift rejects Java's signature with one bit flipped") {
                var sig = try facade.sign(ascii, privateKey: javaPrivateString, k: k).bytes
                guard !sig.isEmpty else { return .fail(expected: "a signature", actual: "0 bytes") }
                sig[sig.count - 1] ^= 1
                return try pub.isValidSignature(sig, for: ascii.bytes, hash: hash) ? .fail(expected: "invalid", actual: "valid") : .pass
            }
        }
        if facade.verify != nil {
            try record(group, "signatures.tampered.java-rejects", "Java rejects a Swift signature with one bit flipped") {
                var sig = try priv.signature(for: ascii.bytes, hash: hash)
                sig[sig.count - 1] ^= 1
                switch try attempt({ try facade.verify(ascii, publicKey: javaPublicString, signature: sig) }) {
                case .success(false), .failure: return .pass
                case .success(true): return .fail(expected: "false", actual: "true")
                }
            }
        }
    }

    // MARK: - Public → private encryption

    func bytes(_ n: Int) -> String { n == 1 ? "1 byte" : "\(n) bytes" }

    private func boundaryLengths(_ block: Int) -> [Int] {
        var seen = Set<Int>()
        return [0, 1, block - 1, block, block + 1, 2 * block, 2 * block + 1, Self.longLength]
            .filter { $0 >= 0 && seen.insert($0).inserted }
    }

    private func payload(for method: JavaUserClass.Method, length: Int) -> JavaCheckPayload {
        method.parameters.first == RsaUtilsFacade.bytesParameter ? .binary(length: length) : .ascii(length: length)
    }

    private func encryptionMatrix() throws {
        let group = "encryption"
        guard let pub = javaPublic, let priv = javaPrivate, let swiftKey = swiftPrivate else { return }
        let block = swiftEncryptBlock
        let enc = facade.encryptPublic, dec = facade.decryptPrivate
        if enc == nil && dec == nil {
            skip(group, "encryption", "public-key encryption", "no encryptByPublicKey / decryptByPrivateKey / encryptedDataOnJava")
            return
        }
        for length in boundaryLengths(block) {
            if let enc {
                let data = payload(for: enc, length: length)
                try record(group, "encryption.java-to-swift.\(length)",
                           "Java encrypts \(bytes(length)) (\(enc.name)) → Swift decrypts (blocks of \(swiftDecryptBlock))") {
                    let ct = try facade.encrypt(enc, data, key: javaPublicString, k: k).bytes
                    let blocks = (length + block - 1) / block
                    guard ct.count == blocks * k else {
                        return .fail(expected: "\(blocks * k) bytes (\(blocks) blocks of \(k))", actual: "\(ct.count) bytes")
                    }
                    let plain = try RsaUtilsCipher.decrypt(ct, privateKey: priv, block: swiftDecryptBlock)
                    return plain == data.bytes ? .pass : .fail(expected: JavaCheckFormat.bytes(data.bytes), actual: JavaCheckFormat.bytes(plain))
                }
            } else {
                skip(group, "encryption.java-to-swift.\(length)", "Java encrypts \(bytes(length)) → Swift decrypts", "no public-key encryption method")
            }
            if let dec {
                let data = payload(for: dec, length: length)
                try record(group, "encryption.swift-to-java.\(length)",
                           "Swift encrypts \(bytes(length)) (blocks of \(block)) → Java decrypts (\(dec.name))") {
                    let ct = try RsaUtilsCipher.encrypt(data.bytes, publicKey: pub, block: block)
                    let plain = try facade.decrypt(dec, ct, key: javaPrivateString)
                    return plain.matches(data) ? .pass : .fail(expected: JavaCheckFormat.bytes(data.bytes), actual: plain.summary)
                }
            } else {
                skip(group, "encryption.swift-to-java.\(length)", "Swift encrypts \(bytes(length)) → Java decrypts", "no private-key decryption method")
            }
        }
        // Swift-made keys in the class's methods.
        let swiftPublicString = swiftKey.publicKey.rsaUtilsString
        let swiftPrivateString = swiftKey.rsaUtilsString
        let length = 2 * block + 1
        if let enc {
            let data = payload(for: enc, length: length)
            try record(group, "encryption.java-to-swift.swift-key", "Java encrypts \(bytes(length)) with a Swift-made public key string → Swift decrypts") {
                let ct = try facade.encrypt(enc, data, key: swiftPublicString, k: k).bytes
                let plain = try RsaUtilsCipher.decrypt(ct, privateKey: swiftKey, block: swiftDecryptBlock)
                return plain == data.bytes ? .pass : .fail(expected: JavaCheckFormat.bytes(data.bytes), actual: JavaCheckFormat.bytes(plain))
            }
        }
        if let dec {
            let data = payload(for: dec, length: length)
            try record(group, "encryption.swift-to-java.swift-key", "Swift encrypts \(bytes(length)) → Java decrypts with a Swift-made private key string") {
                let ct = try RsaUtilsCipher.encrypt(data.bytes, publicKey: swiftKey.publicKey, block: block)
                let plain = try facade.decrypt(dec, ct, key: swiftPrivateString)
                return plain.matches(data) ? .pass : .fail(expected: JavaCheckFormat.bytes(data.bytes), actual: plain.summary)
            }
        }
    }

    // MARK: - Private → public encryption (type 1, deterministic)

    private func privateEncryptionMatrix() throws {
        let group = "private-encryption"
        guard let pub = javaPublic, let priv = javaPrivate else { return }
        let enc = facade.encryptPrivate, dec = facade.decryptPublic
        if enc == nil && dec == nil {
            skip(group, "private-encryption", "private-key encryption / public-key decryption",
                 "the class has no encryptByPrivateKey / decryptByPublicKey")
            return
        }
        let block = swiftPrivateEncryptBlock
        var seen = Set<Int>()
        let lengths = [0, 1, block, block + 1, Self.longLength].filter { seen.insert($0).inserted }
        for length in lengths {
            if let enc {
                let data = payload(for: enc, length: length)
                let made = try attempt { try facade.encrypt(enc, data, key: javaPrivateString, k: k).bytes }
                try record(group, "private-encryption.java-to-swift.\(length)",
                           "Java encrypts \(bytes(length)) with the private key → Swift decrypts with the public key") {
                    let ct = try made.get()
                    let plain = try RsaUtilsCipher.decrypt(ct, publicKey: pub, block: swiftDecryptBlock)
                    return plain == data.bytes ? .pass : .fail(expected: JavaCheckFormat.bytes(data.bytes), actual: JavaCheckFormat.bytes(plain))
                }
                try record(group, "private-encryption.byte-exact.\(length)",
                           "Swift's private-key encryption of \(bytes(length)) is byte-identical to Java's (blocks of \(block))") {
                    let ct = try made.get()
                    let mine = try RsaUtilsCipher.encrypt(data.bytes, privateKey: priv, block: block)
                    return mine == ct ? .pass : .fail(expected: JavaCheckFormat.bytes(ct), actual: JavaCheckFormat.bytes(mine))
                }
            } else {
                skip(group, "private-encryption.java-to-swift.\(length)", "Java encrypts \(bytes(length)) with the private key → Swift decrypts",
                     "no encryptByPrivateKey")
            }
            if let dec {
                let data = payload(for: dec, length: length)
                try record(group, "private-encryption.swift-to-java.\(length)",
                           "Swift encrypts \(bytes(length)) with the private key → Java decrypts with the public key") {
                    let ct = try RsaUtilsCipher.encrypt(data.bytes, privateKey: priv, block: block)
                    let plain = try facade.decrypt(dec, ct, key: javaPublicString)
                    return plain.matches(data) ? .pass : .fail(expected: JavaCheckFormat.bytes(data.bytes), actual: plain.summary)
                }
            } else {
                skip(group, "private-encryption.swift-to-java.\(length)", "Swift encrypts \(bytes(length)) with the private key → Java decrypts",
                     "no decryptByPublicKey")
            }
        }
    }

    // MARK: - String helpers with the detected charset

    private func textMatrix() throws {
        let group = "text"
        guard let pub = javaPublic, let priv = javaPrivate else { return }
        let text = JavaCheckPayload(bytes: Array(Self.probeText.utf8), text: Self.probeText, label: "text")
        for (method, direction) in textMethods where ["encryptedDataOnJava", "encryptByPublicKey", "decryptDataOnJava", "decryptByPrivateKey"].contains(method.name) {
            // A charset that was not recognised (or a method that failed on the probe text): try
            // UTF-8, so that the check shows what actually goes wrong.
            let observed = charsetByMethod[method.signature] ?? "unknown"
            let charset = encodings[observed] != nil ? observed : "UTF-8"
            let bytes = encodings[charset] ?? Array(Self.probeText.utf8)
            switch direction {
            case .encode:
                try record(group, "text.\(method.name)", "Java \(method.name)(text) → Swift decrypts and reads it as \(charset)") {
                    let ct = try facade.encrypt(method, text, key: javaPublicString, k: k).bytes
                    let plain = try RsaUtilsCipher.decrypt(ct, privateKey: priv, block: swiftDecryptBlock)
                    return plain == bytes ? .pass : .fail(expected: JavaCheckFormat.bytes(bytes), actual: JavaCheckFormat.bytes(plain))
                }
            case .decode:
                try record(group, "text.\(method.name)", "Swift encrypts the text as \(charset) → Java \(method.name) gives it back") {
                    let ct = try RsaUtilsCipher.encrypt(bytes, publicKey: pub, block: swiftEncryptBlock)
                    let plain = try facade.decrypt(method, ct, key: javaPrivateString)
                    return plain == .text(Self.probeText) ? .pass : .fail(expected: JavaCheckFormat.text(Self.probeText), actual: plain.summary)
                }
            }
        }
    }

    // MARK: - Its own round trips

    private func selfMatrix() throws {
        let group = "self"
        if let ok = longRoundTrip {
            matrix.append(JavaCheckItem(group: group, id: "self.long-round-trip",
                                        name: "its own encrypt → decrypt of \(Self.longLength) bytes gives the input back",
                                        verdict: ok ? .pass : .fail,
                                        expected: ok ? nil : "the \(Self.longLength)-byte input",
                                        actual: ok ? nil : longRoundTripNote))
        } else {
            skip(group, "self.long-round-trip", "its own encrypt → decrypt of \(Self.longLength) bytes",
                 "needs both a public-key encryption and a private-key decryption method")
        }
        if facade.sign != nil, facade.verify != nil, verifyOrderFound == true {
            let message = Self.signatureProbe
            try record(group, "self.sign-verify", "its own verify accepts its own signature") {
                let sig = try facade.sign(message, privateKey: javaPrivateString, k: k).bytes
                return try facade.verify(message, publicKey: javaPublicString, signature: sig) ? .pass : .fail(expected: "true", actual: "false")
            }
        }
    }
}
