/// Wycheproof `rsa_common.json` PrivateKey: n, e, d required; the CRT values optional
/// (absent from every upstream sig-gen group).
public struct VectorRSAPrivateKey: Decodable, Sendable {
    public let modulus: VectorBigInt
    public let publicExponent: VectorBigInt
    public let privateExponent: VectorBigInt
    public let prime1: VectorBigInt?
    public let prime2: VectorBigInt?
    public let exponent1: VectorBigInt?
    public let exponent2: VectorBigInt?
    public let coefficient: VectorBigInt?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case modulus, publicExponent, privateExponent, prime1, prime2, exponent1, exponent2, coefficient
        case otherPrimeInfos
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        modulus = try c.decode(VectorBigInt.self, forKey: .modulus)
        publicExponent = try c.decode(VectorBigInt.self, forKey: .publicExponent)
        privateExponent = try c.decode(VectorBigInt.self, forKey: .privateExponent)
        prime1 = try c.decodeIfPresent(VectorBigInt.self, forKey: .prime1)
        prime2 = try c.decodeIfPresent(VectorBigInt.self, forKey: .prime2)
        exponent1 = try c.decodeIfPresent(VectorBigInt.self, forKey: .exponent1)
        exponent2 = try c.decodeIfPresent(VectorBigInt.self, forKey: .exponent2)
        coefficient = try c.decodeIfPresent(VectorBigInt.self, forKey: .coefficient)
        if let others = try c.decodeIfPresent([[VectorBigInt]].self, forKey: .otherPrimeInfos), !others.isEmpty {
            throw DecodingError.dataCorruptedError(
                forKey: .otherPrimeInfos, in: c, debugDescription: "multi-prime keys are not supported by this schema reader")
        }
    }
}

/// The verify schema's `publicKey`: {modulus, publicExponent}.
public struct VectorRSAPublicKey: Decodable, Sendable {
    public let modulus: VectorBigInt
    public let publicExponent: VectorBigInt

    enum CodingKeys: String, CodingKey, CaseIterable { case modulus, publicExponent }

    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        modulus = try c.decode(VectorBigInt.self, forKey: .modulus)
        publicExponent = try c.decode(VectorBigInt.self, forKey: .publicExponent)
    }
}
