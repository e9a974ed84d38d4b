import BigNum

/// The CRT part of a two-prime private key (RFC 8017 §3.2, second representation).
public struct RSAPrimes: Sendable, Equatable {
    public let p, q, dp, dq, qInv: BigInt

    public init(p: BigInt, q: BigInt, dp: BigInt, dq: BigInt, qInv: BigInt) {
        self.p = p
        self.q = q
        self.dp = dp
        self.dq = dq
        self.qInv = qInv
    }
}

/// An RSA private key: (n, e, d) and, when known, the primes and CRT values.
///
/// Keys without primes (Wycheproof's signature-generation groups) still sign, using d directly.
public struct RSAPrivateKey: Sendable {
    public let modulus: BigInt
    public let publicExponent: BigInt
    public let privateExponent: BigInt
    public let primes: RSAPrimes?

    public let publicKey: RSAPublicKey

    /// Blinding pairs and temporaries of the private operation, shared by copies of this key.
    let workspaces = PrivateOperationPool()

    /// From (n, e, d) only: private operations use d mod n directly (still `mpz_powm_sec`, blinded, checked).
    public init(modulus: BigInt, publicExponent: BigInt, privateExponent: BigInt) throws {
        publicKey = try RSAPublicKey(modulus: modulus, publicExponent: publicExponent)
        guard privateExponent.signum > 0, privateExponent < modulus else {
            throw RSAError.invalidKey("the private exponent must be in (0, n)")
        }
        self.modulus = modulus
        self.publicExponent = publicExponent
        self.privateExponent = privateExponent
        self.primes = nil
    }

    /// All values given (as decoded from PKCS#1/PKCS#8); checked for consistency.
    public init(modulus: BigInt, publicExponent: BigInt, privateExponent: BigInt, primes: RSAPrimes) throws {
        publicKey = try RSAPublicKey(modulus: modulus, publicExponent: publicExponent)
        let one = BigInt(1)
        guard primes.p > one, primes.q > one, primes.p * primes.q == modulus else {
            throw RSAError.invalidKey("n is not the product of the two primes")
        }
        guard privateExponent.signum > 0, privateExponent < modulus,
              primes.dp.signum > 0, primes.dq.signum > 0, primes.qInv.signum > 0,
              (primes.qInv * primes.q).modulo(primes.p) == one
        else {
            throw RSAError.invalidKey("inconsistent private exponent or CRT values")
        }
        self.modulus = modulus
        self.publicExponent = publicExponent
        self.privateExponent = privateExponent
        self.primes = primes
    }

    /// Derives the whole key from p, q and e as JDK 17's `RSAKeyPairGenerator` does:
    /// n = p·q, d = e⁻¹ mod lcm(p−1, q−1), dP = d mod (p−1), dQ = d mod (q−1), qInv = q⁻¹ mod p.
    public init(prime1 p: BigInt, prime2 q: BigInt, publicExponent e: BigInt) throws {
        let one = BigInt(1)
        guard p > one, q > one, p != q else { throw RSAError.invalidKey("p and q must be distinct and greater than 1") }
        let pMinus1 = p - one, qMinus1 = q - one
        let lambda = BigInt.lcm(pMinus1, qMinus1)
        guard let d = e.inverse(modulo: lambda) else {
            throw RSAError.invalidKey("e is not invertible modulo lcm(p−1, q−1)")
        }
        guard let dp = d.modulo(pMinus1), let dq = d.modulo(qMinus1), let qInv = q.inverse(modulo: p) else {
            throw RSAError.invalidKey("cannot derive the CRT values (q not invertible modulo p)")
        }
        try self.init(modulus: p * q, publicExponent: e, privateExponent: d,
                      primes: RSAPrimes(p: p, q: q, dp: dp, dq: dq, qInv: qInv))
    }

    // MARK: - Encodings

    init(components c: RSAKeyCodec.PrivateComponents) throws {
        if c.p.isZero && c.q.isZero {
            try self.init(modulus: c.n, publicExponent: c.e, privateExponent: c.d)
        } else {
            try self.init(modulus: c.n, publicExponent: c.e, privateExponent: c.d,
                          primes: RSAPrimes(p: c.p, q: c.q, dp: c.dp, dq: c.dq, qInv: c.qInv))
        }
    }

    /// PKCS#8 PrivateKeyInfo DER (Java `PKCS8EncodedKeySpec`, `PrivateKey.getEncoded()`).
    public init(pkcs8DER der: [UInt8]) throws {
        try self.init(components: RSAKeyCodec.parsePKCS8(der))
    }

    /// PKCS#1 RSAPrivateKey DER.
    public init(pkcs1DER der: [UInt8]) throws {
        try self.init(components: RSAKeyCodec.parsePKCS1Private(der))
    }

    /// PEM: "PRIVATE KEY" (PKCS#8) or "RSA PRIVATE KEY" (PKCS#1).
    public init(pem: String) throws {
        let block = try PEMBlock(parsing: pem)
        switch block.label {
        case "PRIVATE KEY": try self.init(pkcs8DER: block.der)
        case "RSA PRIVATE KEY": try self.init(pkcs1DER: block.der)
        default: throw RSAError.unsupportedPEMLabel(block.label.escapingControlCharacters + " (expected PRIVATE KEY or RSA PRIVATE KEY)")
        }
    }

    /// An RsaUtils key string: Base64 (commons-codec, lenient) of the PKCS#8 DER.
    public init(rsaUtilsString: String) throws {
        let der = LenientBase64.decode(rsaUtilsString)
        guard !der.isEmpty else { throw RSAError.malformedBase64("the key string holds no Base64 data") }
        try self.init(pkcs8DER: der)
    }

    /// PEM when the text has a BEGIN line, otherwise an RsaUtils Base64 string.
    public init(keyText: String) throws {
        if PEMBlock.looksLikePEM(keyText) {
            try self.init(pem: keyText)
        } else {
            try self.init(rsaUtilsString: keyText)
        }
    }

    var components: RSAKeyCodec.PrivateComponents {
        let zero = BigInt(0)
        return RSAKeyCodec.PrivateComponents(
            n: modulus, e: publicExponent, d: privateExponent,
            p: primes?.p ?? zero, q: primes?.q ?? zero, dp: primes?.dp ?? zero,
            dq: primes?.dq ?? zero, qInv: primes?.qInv ?? zero)
    }

    public var pkcs8DER: [UInt8] { RSAKeyCodec.pkcs8(components) }
    public var pkcs1DER: [UInt8] { RSAKeyCodec.pkcs1Private(components) }
    public var pem: String { PEMBlock(label: "PRIVATE KEY", der: pkcs8DER).text }
    /// Traditional "RSA PRIVATE KEY" PEM (PKCS#1), as openssl `rsa -traditional` writes it.
    public var pkcs1PEM: String { PEMBlock(label: "RSA PRIVATE KEY", der: pkcs1DER).text }
    public var rsaUtilsString: String { LenientBase64.encode(pkcs8DER) }
}
