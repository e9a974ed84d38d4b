import BigNum
import SwiftASN1

/// DER encodings of RSA keys, byte-identical to Java's `getEncoded()`:
/// minimal two's-complement INTEGERs (`BigInteger.toByteArray()`), rsaEncryption with a NULL parameter.
enum RSAKeyCodec {
    /// rsaEncryption, 1.2.840.113549.1.1.1
    static let rsaEncryptionOID: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 1, 1]
    /// id-RSASSA-PSS, 1.2.840.113549.1.1.10 (RSA-PSS keys: out of scope)
    static let rsassaPSSOID: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 1, 10]
    /// Names for the error message when a key of another algorithm is given.
    static let otherAlgorithms: [ASN1ObjectIdentifier: String] = [
        [1, 2, 840, 10045, 2, 1]: "EC", [1, 2, 840, 10040, 4, 1]: "DSA", [1, 3, 101, 110]: "X25519",
        [1, 3, 101, 111]: "X448", [1, 3, 101, 112]: "Ed25519", [1, 3, 101, 113]: "Ed448",
        [1, 2, 840, 113_549, 1, 3, 1]: "DH",
    ]

    // MARK: - Parsing

    /// RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }   (PKCS#1)
    static func parsePKCS1Public(_ der: [UInt8]) throws -> (n: BigInt, e: BigInt) {
        try wrap("PKCS#1 RSAPublicKey") {
            let node = try DER.parse(der)
            return try DER.sequence(node, identifier: .sequence) { nodes in
                let n = try integer(&nodes)
                let e = try integer(&nodes)
                return (n, e)
            }
        }
    }

    /// SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }   (X.509)
    ///
    /// Like the JDK's `X509Key.decode(InputStream)`, bytes after the outer SEQUENCE are ignored
    /// (a key string with trailing Base64 garbage still loads in Java's KeyFactory).
    static func parseSPKI(_ der: [UInt8]) throws -> (n: BigInt, e: BigInt) {
        let inner: [UInt8] = try wrap("X.509 SubjectPublicKeyInfo") {
            let node = try DER.parse(firstElement(der))
            return try DER.sequence(node, identifier: .sequence) { nodes in
                try parseAlgorithmIdentifier(&nodes)
                guard let bitNode = nodes.next() else { throw RSAError.malformedDER("missing subjectPublicKey") }
                let bits = try ASN1BitString(derEncoded: bitNode)
                guard bits.paddingBits == 0 else { throw RSAError.malformedDER("subjectPublicKey has padding bits") }
                return Array(bits.bytes)
            }
        }
        return try parsePKCS1Public(inner)
    }

    struct PrivateComponents {
        var n, e, d, p, q, dp, dq, qInv: BigInt
    }

    /// RSAPrivateKey ::= SEQUENCE { version 0, n, e, d, p, q, dP, dQ, qInv }   (PKCS#1, two primes only)
    static func parsePKCS1Private(_ der: [UInt8]) throws -> PrivateComponents {
        try wrap("PKCS#1 RSAPrivateKey") {
            let node = try DER.parse(der)
            return try DER.sequence(node, identifier: .sequence) { nodes in
                let version = try integer(&nodes)
                guard version.isZero else {
                    throw RSAError.unsupportedKey("multi-prime RSA keys (RSAPrivateKey version \(version)) are not supported")
                }
                return PrivateComponents(
                    n: try integer(&nodes), e: try integer(&nodes), d: try integer(&nodes),
                    p: try integer(&nodes), q: try integer(&nodes), dp: try integer(&nodes),
                    dq: try integer(&nodes), qInv: try integer(&nodes))
            }
        }
    }

    /// PrivateKeyInfo ::= SEQUENCE { version 0, privateKeyAlgorithm AlgorithmIdentifier,
    ///                               privateKey OCTET STRING, attributes [0] IMPLICIT Attributes OPTIONAL }   (PKCS#8)
    static func parsePKCS8(_ der: [UInt8]) throws -> PrivateComponents {
        let inner: [UInt8] = try wrap("PKCS#8 PrivateKeyInfo") {
            let node = try DER.parse(der)
            return try DER.sequence(node, identifier: .sequence) { nodes in
                let version = try integer(&nodes)
                guard version.isZero || version == BigInt(1) else {
                    throw RSAError.malformedDER("PrivateKeyInfo version \(version)")
                }
                try parseAlgorithmIdentifier(&nodes)
                guard let octets = nodes.next() else { throw RSAError.malformedDER("missing privateKey") }
                let key = try ASN1OctetString(derEncoded: octets)
                while nodes.next() != nil {}  // attributes / public key: not used
                return Array(key.bytes)
            }
        }
        return try parsePKCS1Private(inner)
    }

    /// The bytes of the first TLV (DER definite length), or the whole input when it cannot be delimited
    /// (the parser then reports the problem).
    static func firstElement(_ der: [UInt8]) -> ArraySlice<UInt8> {
        guard der.count >= 2 else { return der[...] }
        let first = Int(der[1])
        var headerLength = 2
        var contentLength = first
        if first & 0x80 != 0 {
            let lengthBytes = first & 0x7f
            guard lengthBytes >= 1, lengthBytes <= 4, der.count >= 2 + lengthBytes else { return der[...] }
            contentLength = der[2..<(2 + lengthBytes)].reduce(0) { $0 << 8 | Int($1) }
            headerLength += lengthBytes
        }
        let total = headerLength + contentLength
        return total <= der.count ? der[0..<total] : der[...]
    }

    private static func parseAlgorithmIdentifier(_ nodes: inout ASN1NodeCollection.Iterator) throws {
        guard let algorithm = nodes.next() else { throw RSAError.malformedDER("missing AlgorithmIdentifier") }
        try DER.sequence(algorithm, identifier: .sequence) { inner in
            guard let oidNode = inner.next() else { throw RSAError.malformedDER("empty AlgorithmIdentifier") }
            let oid = try ASN1ObjectIdentifier(derEncoded: oidNode)
            guard oid == rsaEncryptionOID else {
                if oid == rsassaPSSOID {
                    throw RSAError.unsupportedKey("RSA-PSS keys (id-RSASSA-PSS, 1.2.840.113549.1.1.10) are not supported: "
                        + "RsaUtils keys are rsaEncryption (1.2.840.113549.1.1.1)")
                }
                let name = otherAlgorithms[oid].map { " (\($0))" } ?? ""
                throw RSAError.malformedDER("algorithm \(oid)\(name) is not rsaEncryption (1.2.840.113549.1.1.1)")
            }
            if let parameters = inner.next() {
                _ = try ASN1Null(derEncoded: parameters)
            }
        }
    }

    private static func integer(_ nodes: inout ASN1NodeCollection.Iterator) throws -> BigInt {
        guard let node = nodes.next() else { throw RSAError.malformedDER("missing INTEGER") }
        let bytes = try ArraySlice<UInt8>(derEncoded: node)
        return BigInt(bigEndianBytes: bytes)
    }

    /// Maps swift-asn1 errors to one-line RSAError values naming the structure.
    private static func wrap<T>(_ structure: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as RSAError {
            throw error
        } catch {
            throw RSAError.malformedDER("not a valid \(structure) (\(oneLine(error)))")
        }
    }

    static func oneLine(_ error: Error) -> String {
        if let asn1 = error as? ASN1Error { return "\(asn1.code)" }
        let text = String(describing: error)
        return text.split(separator: "\n").first.map(String.init) ?? text
    }

    // MARK: - Serializing (hand-rolled DER: the structures are fixed and tiny)

    static func pkcs1Public(n: BigInt, e: BigInt) -> [UInt8] {
        sequence(derInteger(n) + derInteger(e))
    }

    static func spki(n: BigInt, e: BigInt) -> [UInt8] {
        let bitString = tlv(0x03, [0x00] + pkcs1Public(n: n, e: e))
        return sequence(algorithmIdentifier + bitString)
    }

    static func pkcs1Private(_ c: PrivateComponents) -> [UInt8] {
        sequence([c.n, c.e, c.d, c.p, c.q, c.dp, c.dq, c.qInv].reduce(derInteger(BigInt(0))) { $0 + derInteger($1) })
    }

    static func pkcs8(_ c: PrivateComponents) -> [UInt8] {
        sequence(derInteger(BigInt(0)) + algorithmIdentifier + tlv(0x04, pkcs1Private(c)))
    }

    /// SEQUENCE { OID rsaEncryption, NULL }
    static let algorithmIdentifier: [UInt8] = [
        0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
    ]

    static func derInteger(_ value: BigInt) -> [UInt8] { tlv(0x02, value.twosComplementBytes) }

    static func sequence(_ content: [UInt8]) -> [UInt8] { tlv(0x30, content) }

    static func tlv(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [tag]
        let length = content.count
        if length < 0x80 {
            out.append(UInt8(length))
        } else {
            var lengthBytes = [UInt8]()
            var l = length
            while l > 0 {
                lengthBytes.insert(UInt8(l & 0xff), at: 0)
                l >>= 8
            }
            out.append(0x80 | UInt8(lengthBytes.count))
            out.append(contentsOf: lengthBytes)
        }
        return out + content
    }
}
