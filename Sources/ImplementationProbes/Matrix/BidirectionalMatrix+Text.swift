import RSA
import Crypto

/// The String helpers with the detected charset, its own round trips, and MD5.
extension BidirectionalMatrix {
    func textMatrix() throws {
        let group = "text"
        guard let impl = ctx.implementation as? TextHelperCapable, let pub = ctx.publicKey, let priv = ctx.privateKey else { return }
        let text = CharsetProbe.text
        for helper in impl.textHelpers where [.encryptByPublicKey, .decryptByPrivateKey].contains(helper.operation) {
            // A charset that was not recognised: try UTF-8, so that the check shows what goes wrong.
            let observed = profile.charset.byMethod[helper.signature] ?? "unknown"
            let charset = profile.charset.encodings[observed] != nil ? observed : "UTF-8"
            let bytes = profile.charset.encodings[charset] ?? Array(text.utf8)
            switch helper.direction {
            case .encode:
                try record(group, "text.\(helper.name)", "\(w.sentenceActor) \(helper.name)(text) → Swift decrypts and reads it as \(charset)") {
                    let ct = try ctx.binary(try impl.call(helper, text: text, binary: nil, signature: nil, key: ctx.publicString), from: .encryptByPublicKey)
                    let plain = try SwiftCipher.decrypt(ct, privateKey: priv, padding: profile.swiftDecryptPadding)
                    return plain == bytes ? .pass : .fail(expected: ProbeFormat.bytes(bytes), actual: ProbeFormat.bytes(plain))
                }
            case .decode:
                try record(group, "text.\(helper.name)", "Swift encrypts the text as \(charset) → \(w.actor) \(helper.name) gives it back") {
                    let ct = try SwiftCipher.encrypt(bytes, publicKey: pub, padding: profile.swiftEncryptPadding, block: profile.swiftEncryptBlock,
                                                     singleBlock: profile.noChunking)
                    let plain = try impl.call(helper, text: nil, binary: ctx.encoded(ct, for: .decryptByPrivateKey), signature: nil, key: ctx.privateString)
                    return plain == .text(text) ? .pass : .fail(expected: ProbeFormat.text(text), actual: plain.summary)
                }
            }
        }
    }

    func selfMatrix() throws {
        let group = "self"
        if profile.noChunking, impl.has(.encryptByPublicKey), impl.has(.decryptByPrivateKey) {
            let limit = profile.swiftEncryptPadding.maximumMessage(k: k)
            let data = ctx.payload(for: .encryptByPublicKey, length: limit)
            try record(group, "self.round-trip-at-limit", "its own encrypt → decrypt of \(lengthText(limit)) (its one-block limit) gives the input back") {
                let ct = try ctx.encryptPublic(data, key: ctx.publicString)
                let plain = try ctx.decryptPrivate(ct, key: ctx.privateString)
                return plain.matches(data) ? .pass : .fail(expected: ProbeFormat.bytes(data.bytes), actual: plain.summary)
            }
        } else if profile.mixedPadding {
            // Not a Java ↔ Swift mismatch: the padding finding explains it.
        } else if let ok = profile.roundTrip.survives {
            items.append(MatrixItem(group: group, id: "self.long-round-trip",
                                    name: "its own encrypt → decrypt of \(RoundTripProbe.length) bytes gives the input back",
                                    verdict: ok ? .pass : .fail,
                                    expected: ok ? nil : "the \(RoundTripProbe.length)-byte input",
                                    actual: ok ? nil : profile.roundTrip.note))
        } else {
            skip(group, "self.long-round-trip", "its own encrypt → decrypt of \(RoundTripProbe.length) bytes",
                 "needs both a public-key encryption and a private-key decryption method")
        }
        if impl.has(.sign), impl.has(.verify), profile.signature.verifyAccepts == true, let hash = profile.signature.algorithm {
            let message = SignatureProbe.message
            try record(group, "self.sign-verify", "its own verify accepts its own signature") {
                let sig = try ctx.sign(message, privateKey: ctx.privateString, algorithm: hash.jcaSignatureName)
                return try ctx.verify(message, publicKey: ctx.publicString, signature: sig, algorithm: hash.jcaSignatureName)
                    ? .pass : .fail(expected: "true", actual: "false")
            }
        }
    }

    /// MD5 against swift-crypto's (an independent implementation), when it has an md5 operation.
    func digestMatrix() throws {
        guard impl.has(.md5) else { return }
        let messages: [(String, [UInt8])] = [("empty", []), ("abc", Array("abc".utf8)),
                                             ("text", Array(CharsetProbe.text.utf8)), ("binary 1000 bytes", ProbeData.binary(length: 1000).bytes)]
        for (label, bytes) in messages {
            try record("digest", "digest.md5.\(label)", "its MD5 of \(label) equals swift-crypto's") {
                let theirs = try impl.md5(data: bytes)
                let expected = Array(Insecure.MD5.hash(data: bytes))
                return theirs == expected ? .pass : .fail(expected: ProbeFormat.bytes(expected), actual: ProbeFormat.bytes(theirs))
            }
        }
    }
}
