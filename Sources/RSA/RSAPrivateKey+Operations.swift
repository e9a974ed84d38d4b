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

    /// RSAES-PKCS1-v1_5 decryption (RFC 8017 §7.2.2). Every failure is the same `decryptionFailed`,
    /// decided only after the whole block has gone through the same work (`openBlock`).
    public func decrypt(_ ciphertext: [UInt8]) throws -> [UInt8] {
        let block = try openBlock(ciphertext)
        guard block.valid else { throw RSAError.decryptionFailed }
        return Array(block.encodedMessage[block.messageStart...])
    }

    /// Whether `ciphertext` decrypts to a well-formed type 2 block, with exactly the work of
    /// `decrypt` but no result to hand back: what `conformance timing` measures, so that the two
    /// classes it compares (valid and invalid padding) differ only in the secret-dependent work and
    /// not in how the harness receives a message or an error.
    @_spi(TimingLeak)
    public func decryptionSucceeds(_ ciphertext: [UInt8]) throws -> Bool {
        try openBlock(ciphertext).valid
    }

    /// One decrypted block, checked but not cut: the same allocation and work whether the padding
    /// is valid or not. When it is not, `encodedMessage` is all zeros (masked, not branched) and
    /// `messageStart` is k. Only a wrong length or c ≥ n, both public, exit early.
    /// Throws only for CSPRNG or fault-check failures, never for padding.
    func openBlock(_ ciphertext: [UInt8]) throws -> OpenedBlock {
        let k = publicKey.modulusByteCount
        guard ciphertext.count == k, var em = try rawPrivate(ciphertext), em.count == k else {
            return OpenedBlock(encodedMessage: [UInt8](repeating: 0, count: k), messageStart: k, valid: false)
        }
        let check = PKCS1.checkPadding(em, blockType: 0x02)
        for i in 0..<k { em[i] &= check.validMask }
        return OpenedBlock(encodedMessage: em, messageStart: check.messageStart, valid: check.validMask == 0xff)
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

/// A decrypted PKCS#1 type 2 block before the message is cut out (see `openBlock`).
struct OpenedBlock: Sendable {
    /// EM (k bytes) when valid, k zero bytes otherwise.
    let encodedMessage: [UInt8]
    /// Index of the message's first byte in `encodedMessage` (k when invalid).
    let messageStart: Int
    let valid: Bool
}
