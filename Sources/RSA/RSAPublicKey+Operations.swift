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

    /// RSASSA-PKCS1-v1_5 verification (RFC 8017 §8.2.2) by re-encoding and constant-time comparison.
    /// Returns false for every malformed signature; throws only for a hash swift-crypto lacks.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8], hash: HashAlgorithm) throws -> Bool {
        guard hash.isSupported else { throw RSAError.unsupportedHash(hash.rawValue) }
        let k = modulusByteCount
        // Step 1: length check.
        guard signature.count == k else { return false }
        // Step 2: RSAVP1, s < n, I2OSP.
        guard let em = try? recoverEncodedMessage(signature) else { return false }
        // Step 3: EMSA-PKCS1-v1_5 encoding of the message.
        guard let expected = try? PKCS1.emsaEncode(message: message, hash: hash, modulusByteCount: k) else { return false }
        // Step 4: compare.
        return constantTimeEqual(em, expected)
    }
}
