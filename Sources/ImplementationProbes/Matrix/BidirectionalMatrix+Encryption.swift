import RSA

/// Public → private and private → public encryption, with the detected chunking and padding.
extension BidirectionalMatrix {
    private func boundaryLengths(_ block: Int) -> [Int] {
        var seen = Set<Int>()
        return [0, 1, block - 1, block, block + 1, 2 * block, 2 * block + 1, RoundTripProbe.length]
            .filter { $0 >= 0 && seen.insert($0).inserted }
    }

    func encryptionMatrix() throws {
        let group = "encryption"
        guard let pub = ctx.publicKey, let priv = ctx.privateKey, let swiftKey = ctx.swiftKey else { return }
        let hasEnc = impl.has(.encryptByPublicKey), hasDec = impl.has(.decryptByPrivateKey)
        guard hasEnc || hasDec else {
            skip(group, "encryption", "public-key encryption", "no encryptByPublicKey / decryptByPrivateKey")
            return
        }
        let block = profile.swiftEncryptBlock
        let encPadding = profile.swiftEncryptPadding, decPadding = profile.swiftDecryptPadding
        // Without chunking, Swift must send one block: longer inputs must be refused by the class.
        let limit = profile.noChunking ? encPadding.maximumMessage(k: k) : nil
        let swiftBlocks = "blocks of \(k)" + (decPadding == .pkcs1 ? "" : ", \(decPadding.rawValue)")
        for length in boundaryLengths(block) {
            if let limit, length > limit {
                if hasEnc {
                    let data = ctx.payload(for: .encryptByPublicKey, length: length)
                    try record(group, "encryption.java-refuses.\(length)",
                               "\(w.sentenceActor) refuses \(lengthText(length)) (no chunking: at most \(limit) bytes per message)") {
                        switch try ctx.attempt({ try ctx.encryptPublic(data, key: ctx.publicString) }) {
                        case .failure(ProbeError.threw), .failure(ProbeError.misbehaved): return .pass
                        case .failure(let error): throw error
                        case .success(let ct):
                            let plain = try? SwiftCipher.decrypt(ct, privateKey: priv, padding: decPadding)
                            return plain == data.bytes ? .pass
                                : .fail(expected: "an exception, or a ciphertext Swift decrypts", actual: ProbeFormat.bytes(ct))
                        }
                    }
                }
                continue
            }
            if hasEnc {
                let data = ctx.payload(for: .encryptByPublicKey, length: length)
                try record(group, "encryption.java-to-swift.\(length)",
                           "\(w.sentenceActor) encrypts \(lengthText(length)) (\(ctx.name(.encryptByPublicKey))) → Swift decrypts (\(swiftBlocks))") {
                    let ct = try ctx.encryptPublic(data, key: ctx.publicString)
                    let blocks = limit != nil ? 1 : (length + block - 1) / block
                    guard ct.count == blocks * k else {
                        return .fail(expected: "\(blocks * k) bytes (\(blocks) blocks of \(k))", actual: "\(ct.count) bytes")
                    }
                    let plain = try SwiftCipher.decrypt(ct, privateKey: priv, padding: decPadding)
                    return plain == data.bytes ? .pass : .fail(expected: ProbeFormat.bytes(data.bytes), actual: ProbeFormat.bytes(plain))
                }
            } else {
                skip(group, "encryption.java-to-swift.\(length)", "\(w.sentenceActor) encrypts \(lengthText(length)) → Swift decrypts", "no public-key encryption method")
            }
            if hasDec {
                let data = ctx.payload(for: .decryptByPrivateKey, length: length)
                try record(group, "encryption.swift-to-java.\(length)",
                           "Swift encrypts \(lengthText(length)) (blocks of \(block)) → \(w.actor) decrypts (\(ctx.name(.decryptByPrivateKey)))") {
                    let ct = try SwiftCipher.encrypt(data.bytes, publicKey: pub, padding: encPadding, block: block,
                                                     singleBlock: limit != nil)
                    let plain = try ctx.decryptPrivate(ct, key: ctx.privateString)
                    return plain.matches(data) ? .pass : .fail(expected: ProbeFormat.bytes(data.bytes), actual: plain.summary)
                }
            } else {
                skip(group, "encryption.swift-to-java.\(length)", "Swift encrypts \(lengthText(length)) → \(w.actor) decrypts", "no private-key decryption method")
            }
        }
        // Swift-made keys in its methods.
        let swiftPublicString = swiftKey.publicKey.rsaUtilsString
        let swiftPrivateString = swiftKey.rsaUtilsString
        let length = limit.map { min($0, 2 * block + 1) } ?? (2 * block + 1)
        if hasEnc {
            let data = ctx.payload(for: .encryptByPublicKey, length: length)
            try record(group, "encryption.java-to-swift.swift-key", "\(w.sentenceActor) encrypts \(lengthText(length)) with a Swift-made public key string → Swift decrypts") {
                let ct = try ctx.encryptPublic(data, key: swiftPublicString)
                let plain = try SwiftCipher.decrypt(ct, privateKey: swiftKey, padding: decPadding)
                return plain == data.bytes ? .pass : .fail(expected: ProbeFormat.bytes(data.bytes), actual: ProbeFormat.bytes(plain))
            }
        }
        if hasDec {
            let data = ctx.payload(for: .decryptByPrivateKey, length: length)
            try record(group, "encryption.swift-to-java.swift-key", "Swift encrypts \(lengthText(length)) → \(w.actor) decrypts with a Swift-made private key string") {
                let ct = try SwiftCipher.encrypt(data.bytes, publicKey: swiftKey.publicKey, padding: encPadding, block: block,
                                                 singleBlock: limit != nil)
                let plain = try ctx.decryptPrivate(ct, key: swiftPrivateString)
                return plain.matches(data) ? .pass : .fail(expected: ProbeFormat.bytes(data.bytes), actual: plain.summary)
            }
        }
    }

    // MARK: - Private → public (type 1, deterministic)

    func privateEncryptionMatrix() throws {
        let group = "private-encryption"
        guard let pub = ctx.publicKey, let priv = ctx.privateKey else { return }
        let hasEnc = impl.has(.encryptByPrivateKey), hasDec = impl.has(.decryptByPublicKey)
        guard hasEnc || hasDec else {
            skip(group, "private-encryption", "private-key encryption / public-key decryption", "no encryptByPrivateKey / decryptByPublicKey")
            return
        }
        let block = profile.swiftPrivateEncryptBlock
        let limit = profile.privateCipher.encryptChunking == "none" || profile.privateCipher.decryptChunking == "none" ? k - 11 : nil
        var seen = Set<Int>()
        let lengths = [0, 1, block, block + 1, RoundTripProbe.length].filter { n in seen.insert(n).inserted && (limit.map { n <= $0 } ?? true) }
        for length in lengths {
            if hasEnc {
                let data = ctx.payload(for: .encryptByPrivateKey, length: length)
                let made = try ctx.attempt { try ctx.encryptPrivate(data, key: ctx.privateString) }
                try record(group, "private-encryption.java-to-swift.\(length)",
                           "\(w.sentenceActor) encrypts \(lengthText(length)) with the private key → Swift decrypts with the public key") {
                    let ct = try made.get()
                    let plain = try RsaUtilsCipher.decrypt(ct, publicKey: pub, block: k)
                    return plain == data.bytes ? .pass : .fail(expected: ProbeFormat.bytes(data.bytes), actual: ProbeFormat.bytes(plain))
                }
                try record(group, "private-encryption.byte-exact.\(length)",
                           "Swift's private-key encryption of \(lengthText(length)) is byte-identical to \(w.possessive) (blocks of \(block))") {
                    let ct = try made.get()
                    // Without chunking: one block, even for an empty input.
                    let mine = limit != nil ? try priv.encryptType1(data.bytes) : try RsaUtilsCipher.encrypt(data.bytes, privateKey: priv, block: block)
                    return mine == ct ? .pass : .fail(expected: ProbeFormat.bytes(ct), actual: ProbeFormat.bytes(mine))
                }
            } else {
                skip(group, "private-encryption.java-to-swift.\(length)", "\(w.sentenceActor) encrypts \(lengthText(length)) with the private key → Swift decrypts",
                     "no encryptByPrivateKey")
            }
            if hasDec {
                let data = ctx.payload(for: .decryptByPublicKey, length: length)
                try record(group, "private-encryption.swift-to-java.\(length)",
                           "Swift encrypts \(lengthText(length)) with the private key → \(w.actor) decrypts with the public key") {
                    let ct = limit != nil ? try priv.encryptType1(data.bytes) : try RsaUtilsCipher.encrypt(data.bytes, privateKey: priv, block: block)
                    let plain = try ctx.decryptPublic(ct, key: ctx.publicString)
                    return plain.matches(data) ? .pass : .fail(expected: ProbeFormat.bytes(data.bytes), actual: plain.summary)
                }
            } else {
                skip(group, "private-encryption.swift-to-java.\(length)", "Swift encrypts \(lengthText(length)) with the private key → \(w.actor) decrypts",
                     "no decryptByPublicKey")
            }
        }
    }
}
