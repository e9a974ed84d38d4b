import BigNum

extension RSAPrivateKey {
    /// RSADP / RSASP1 (RFC 8017 §5.1.2) on a k-byte big-endian input: I2OSP(c^d mod n, k), or nil
    /// when c ≥ n. Hardened (see `PrivateWorkspace`):
    /// - base blinding with a secret r from the CSPRNG (precomputed pairs refreshed by squaring),
    /// - CRT with `mpz_powm_sec` when the primes are known, else `mpz_powm_sec` with d,
    /// - the result is checked with the public exponent before it is released (fault attacks).
    func rawPrivate(_ bytes: [UInt8]) throws -> [UInt8]? {
        try workspaces.withWorkspace { try $0.run(bytes, key: self) }
    }

    /// RSASSA-PKCS1-v1_5 signature (RFC 8017 §8.2.1): k bytes, left-padded.
    public func signature(for message: [UInt8], hash: HashAlgorithm) throws -> [UInt8] {
        try signature(forDigest: hash.digest(message), hash: hash)
    }

    /// RSASSA-PKCS1-v1_5 signature of a digest computed elsewhere (e.g. a file hashed as a stream
    /// with `MessageHasher`): the same bytes as `signature(for:hash:)` of the message.
    public func signature(forDigest digest: [UInt8], hash: HashAlgorithm) throws -> [UInt8] {
        let k = publicKey.modulusByteCount
        let em = try PKCS1.emsaEncode(digest: digest, hash: hash, modulusByteCount: k)
        guard let out = try rawPrivate(em) else { throw RSAError.faultDetected }  // EM starts 0x00 01: < n
        return out
    }

    /// RSAES-PKCS1-v1_5 decryption (RFC 8017 §7.2.2). Every failure is the same `decryptionFailed`.
    public func decrypt(_ ciphertext: [UInt8]) throws -> [UInt8] {
        guard ciphertext.count == publicKey.modulusByteCount else { throw RSAError.decryptionFailed }
        let em: [UInt8]?
        do { em = try rawPrivate(ciphertext) } catch RSAError.randomSourceFailed { throw RSAError.randomSourceFailed }
        guard let em, let message = PKCS1.unpad(em, blockType: 0x02) else { throw RSAError.decryptionFailed }
        return message
    }

    /// Private-key "encryption" of one block with type 1 padding, as the JDK's Cipher does
    /// for RsaUtils `encryptByPrivateKey` (deterministic).
    public func encryptType1(_ message: [UInt8]) throws -> [UInt8] {
        let k = publicKey.modulusByteCount
        let em = try PKCS1.padType1(message, modulusByteCount: k)
        guard let out = try rawPrivate(em) else { throw RSAError.faultDetected }
        return out
    }
}
