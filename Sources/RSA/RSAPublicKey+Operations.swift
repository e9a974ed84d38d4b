import BigNum

extension RSAPublicKey {
    /// RSAEP / RSAVP1: m^e mod n (public exponent: variable-time is fine).
    func rawPublic(_ value: BigInt) -> BigInt? {
        value.power(publicExponent, modulo: modulus)
    }

    /// OS2IP of a k-byte input that must be below n (RFC 8017 §5.1.1/§5.2.2 step 1).
    func representative(_ bytes: [UInt8]) -> BigInt? {
        guard bytes.count == modulusByteCount else { return nil }
        let value = BigInt(bigEndianBytes: bytes)
        return value < modulus ? value : nil
    }

    /// The encoded block inside a signature or a type-1 ciphertext: I2OSP(c^e mod n, k).
    public func recoverEncodedMessage(_ input: [UInt8]) throws -> [UInt8] {
        guard let c = representative(input), let m = rawPublic(c), let em = m.serialize(count: modulusByteCount) else {
            throw RSAError.decryptionFailed
        }
        return em
    }

    /// RSAES-PKCS1-v1_5 encryption with a random padding string from the system CSPRNG.
    public func encrypt(_ message: [UInt8]) throws -> [UInt8] {
        let k = modulusByteCount
        let maximum = PKCS1.maximumMessageLength(modulusByteCount: k)
        guard message.count <= maximum else { throw RSAError.messageTooLong(length: message.count, maximum: maximum) }
        return try encrypt(message, paddingString: PKCS1.randomPaddingString(count: k - 3 - message.count))
    }

    /// RSAES-PKCS1-v1_5 encryption with a given padding string (deterministic: for test vectors).
    public func encrypt(_ message: [UInt8], paddingString: [UInt8]) throws -> [UInt8] {
        let em = try PKCS1.padType2(message, modulusByteCount: modulusByteCount, paddingString: paddingString)
        let m = BigInt(bigEndianBytes: em)  // < n: EM starts with 0x00 and has k bytes
        guard let c = rawPublic(m), let out = c.serialize(count: modulusByteCount) else {
            throw RSAError.decryptionFailed
        }
        return out
    }

    /// Public-key "decryption" of a type-1 block (RsaUtils `decryptByPublicKey`, one block).
    public func decryptType1(_ ciphertext: [UInt8]) throws -> [UInt8] {
        guard let em = try? recoverEncodedMessage(ciphertext), let message = PKCS1.unpad(em, blockType: 0x01) else {
            throw RSAError.decryptionFailed
        }
        return message
    }

    /// RSASSA-PKCS1-v1_5 verification of a message: `isValidSignature(_:digest:hash:policy:)` of its digest.
    /// Returns false for every malformed signature; throws only for a hash the RSA module lacks.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8], hash: HashAlgorithm,
                                 policy: SignatureVerificationPolicy = .javaCompatible) throws -> Bool {
        guard hash.isSupported else { throw RSAError.unsupportedHash(hash.rawValue) }
        return try isValidSignature(signature, digest: hash.digest(message), hash: hash, policy: policy)
    }

    /// RSASSA-PKCS1-v1_5 verification (RFC 8017 §8.2.2) of a digest computed elsewhere (e.g. a streamed
    /// file), by re-encoding and constant-time comparison. `.javaCompatible` (the default) also accepts the
    /// DigestInfo without NULL parameters, as JDK 17's `Signature.verify` does; `.strict` accepts only
    /// the RFC 8017 encoding. A signature whose length is not k is false here; see
    /// `SignatureVerificationPolicy.javaThrowsOnLength` for what the JDK does then.
    public func isValidSignature(_ signature: [UInt8], digest: [UInt8], hash: HashAlgorithm,
                                 policy: SignatureVerificationPolicy = .javaCompatible) throws -> Bool {
        guard hash.isSupported else { throw RSAError.unsupportedHash(hash.rawValue) }
        guard digest.count == hash.digestLength else {
            throw RSAError.signingFailed("a \(hash.rawValue) digest has \(hash.digestLength) bytes, got \(digest.count)")
        }
        let k = modulusByteCount
        // Step 1: length check.
        guard signature.count == k else { return false }
        // Step 2: RSAVP1, s < n, I2OSP.
        guard let em = try? recoverEncodedMessage(signature) else { return false }
        // Step 3: EMSA-PKCS1-v1_5 encoding of the digest.
        guard let expected = try? PKCS1.emsaEncode(digest: digest, hash: hash, modulusByteCount: k) else { return false }
        // Step 4: compare; the JDK then tries the encoding without NULL. Each comparison is constant-time;
        // the second is made only when the first fails (everything here is public: signature, message, key).
        if constantTimeEqual(em, expected) { return true }
        guard policy == .javaCompatible,
              let legacy = try? PKCS1.emsaEncode(digest: digest, hash: hash, modulusByteCount: k, withNullParameters: false)
        else { return false }
        return constantTimeEqual(em, legacy)
    }
}

/// How `isValidSignature` decides.
public enum SignatureVerificationPolicy: String, Sendable, CaseIterable, Codable {
    /// JDK 17 `Signature.verify` (`SHA256withRSA`, `MD5withRSA`, ...), hence RsaUtils `verify`: the
    /// RFC 8017 encoding or the same DigestInfo without the NULL parameters.
    case javaCompatible
    /// RFC 8017 §8.2.2 exactly: only the re-encoded block with NULL parameters.
    case strict

    /// The JDK throws `SignatureException("Bad signature length: got L but was expecting k")` instead of
    /// returning false when the signature is not k bytes long (so RsaUtils `verify` throws); this says
    /// whether it would for this signature and key.
    public static func javaThrowsOnLength(signature: [UInt8], key: RSAPublicKey) -> Bool {
        signature.count != key.modulusByteCount
    }
}
