import BigNum

/// An RSA public key (n, e).
public struct RSAPublicKey: Sendable, Equatable {
    public static let minimumBits = 512
    public static let maximumBits = 16384

    public let modulus: BigInt
    public let publicExponent: BigInt

    /// k: the length of the modulus in bytes.
    public var modulusByteCount: Int { modulus.byteCount }

    /// The modulus length in bits.
    public var keySize: Int { modulus.bitWidth }

    public init(modulus: BigInt, publicExponent: BigInt) throws {
        let bits = modulus.bitWidth
        guard bits >= RSAPublicKey.minimumBits, bits <= RSAPublicKey.maximumBits else {
            throw RSAError.unsupportedKeySize(bits: bits)
        }
        guard modulus.isOdd else { throw RSAError.invalidKey("the modulus is even") }
        guard publicExponent >= BigInt(3), publicExponent.isOdd, publicExponent < modulus else {
            throw RSAError.invalidKey("the public exponent must be odd, at least 3 and below the modulus")
        }
        self.modulus = modulus
        self.publicExponent = publicExponent
    }

    // MARK: - Encodings

    /// X.509 SubjectPublicKeyInfo DER (Java `X509EncodedKeySpec`, `PublicKey.getEncoded()`).
    public init(spkiDER der: [UInt8]) throws {
        let (n, e) = try RSAKeyCodec.parseSPKI(der)
        try self.init(modulus: n, publicExponent: e)
    }

    /// PKCS#1 RSAPublicKey DER.
    public init(pkcs1DER der: [UInt8]) throws {
        let (n, e) = try RSAKeyCodec.parsePKCS1Public(der)
        try self.init(modulus: n, publicExponent: e)
    }

    /// PEM: "PUBLIC KEY" (SPKI) or "RSA PUBLIC KEY" (PKCS#1).
    public init(pem: String) throws {
        let block = try PEMBlock(parsing: pem)
        switch block.label {
        case "PUBLIC KEY": try self.init(spkiDER: block.der)
        case "RSA PUBLIC KEY": try self.init(pkcs1DER: block.der)
        default: throw RSAError.unsupportedPEMLabel(block.label.escapingControlCharacters + " (expected PUBLIC KEY or RSA PUBLIC KEY)")
        }
    }

    /// An RsaUtils key string: Base64 (commons-codec, lenient) of the SPKI DER.
    public init(rsaUtilsString: String) throws {
        let der = LenientBase64.decode(rsaUtilsString)
        guard !der.isEmpty else { throw RSAError.malformedBase64("the key string holds no Base64 data") }
        try self.init(spkiDER: der)
    }

    /// PEM when the text has a BEGIN line, otherwise an RsaUtils Base64 string.
    public init(keyText: String) throws {
        if PEMBlock.looksLikePEM(keyText) {
            try self.init(pem: keyText)
        } else {
            try self.init(rsaUtilsString: keyText)
        }
    }

    public var spkiDER: [UInt8] { RSAKeyCodec.spki(n: modulus, e: publicExponent) }
    public var pkcs1DER: [UInt8] { RSAKeyCodec.pkcs1Public(n: modulus, e: publicExponent) }
    public var pem: String { PEMBlock(label: "PUBLIC KEY", der: spkiDER).text }
    /// "RSA PUBLIC KEY" PEM (PKCS#1), as openssl `-RSAPublicKey_out` and Python `rsa` write it.
    public var pkcs1PEM: String { PEMBlock(label: "RSA PUBLIC KEY", der: pkcs1DER).text }
    public var rsaUtilsString: String { LenientBase64.encode(spkiDER) }
}
