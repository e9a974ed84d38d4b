import RSA

/// Every probe's typed finding, combined: what the implementation does.
public struct ImplementationProfile: Sendable {
    public var keys = KeyFinding()
    public var signature = SignatureFinding()
    public var publicCipher = CipherFinding()
    public var privateCipher = CipherFinding()
    public var roundTrip = RoundTripFinding()
    public var charset = CharsetFinding()
    public var base64 = Base64StyleFinding()
    public var failOpen = FailOpenFinding()

    /// Modulus bytes of the key pair in use.
    public var k = 128

    /// The padding Swift must use to encrypt for its decryption (its own, else PKCS#1).
    public var swiftEncryptPadding: CipherPadding { publicCipher.decryptPadding ?? publicCipher.encryptPadding ?? .pkcs1 }
    /// The padding Swift must use to decrypt its ciphertexts.
    public var swiftDecryptPadding: CipherPadding { publicCipher.encryptPadding ?? publicCipher.decryptPadding ?? .pkcs1 }

    /// Its encryption and decryption use different paddings (OAEP one way, PKCS#1 the other):
    /// its own round trip cannot work, each direction with Swift still can.
    public var mixedPadding: Bool {
        guard let e = publicCipher.encryptPadding, let d = publicCipher.decryptPadding else { return false }
        return e != d
    }

    /// True when it does not chunk (one doFinal): messages must fit one block.
    public var noChunking: Bool { publicCipher.encryptChunking == "none" || publicCipher.decryptChunking == "none" }

    /// The encryption chunk the Swift side uses: the class's when it fits the key, else the padding's maximum.
    public var swiftEncryptBlock: Int {
        let limit = max(1, swiftEncryptPadding.maximumMessage(k: k))
        return max(1, publicCipher.encryptBlock.map { min($0, limit) } ?? limit)
    }

    public var swiftPrivateEncryptBlock: Int {
        max(1, privateCipher.encryptBlock.map { min($0, k - 11) } ?? (k - 11))
    }
}
