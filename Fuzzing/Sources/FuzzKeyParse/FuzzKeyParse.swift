import FuzzSupport
import RSA

/// Every way a key is read: public (X.509 SPKI DER, PKCS#1 DER, PEM, RsaUtils Base64) and private
/// (PKCS#8 DER, PKCS#1 DER, PEM, RsaUtils Base64), and the CLI's `ImportedKey`, on the same bytes. A key that loads must
/// re-encode to something that loads back as the same key, in every encoding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    let text = String(decoding: bytes, as: UTF8.self)

    for key in [try? RSAPublicKey(spkiDER: bytes), try? RSAPublicKey(pkcs1DER: bytes),
                try? RSAPublicKey(keyText: text), try? RSAPublicKey(pem: text)].compactMap({ $0 }) {
        checkRoundTrips(key)
    }
    for key in [try? RSAPrivateKey(pkcs8DER: bytes), try? RSAPrivateKey(pkcs1DER: bytes),
                try? RSAPrivateKey(keyText: text), try? RSAPrivateKey(pem: text)].compactMap({ $0 }) {
        checkRoundTrips(key)
    }
    _ = try? PEMBlock(parsing: text)
    // The CLI's reader of any key form (`ImportedKey`: raw DER, PEM, Base64; either role).
    for role in [ImportedKey.Role.publicKey, .privateKey, nil] {
        if let imported = try? ImportedKey.parse(bytes, role: role) {
            checkRoundTrips(imported.publicKey)
            if let key = imported.privateKey { checkRoundTrips(key) }
            fuzzRequire(role != .privateKey || imported.privateKey != nil, "a public key read as a private one")
        }
        if let imported = try? ImportedKey.parse(text: text, role: role) {
            checkRoundTrips(imported.publicKey)
            if let key = imported.privateKey { checkRoundTrips(key) }
        }
    }
    return 0
}

func checkRoundTrips(_ key: RSAPublicKey) {
    fuzzRequire((try? RSAPublicKey(spkiDER: key.spkiDER)) == key, "SPKI round trip")
    fuzzRequire((try? RSAPublicKey(pkcs1DER: key.pkcs1DER)) == key, "PKCS#1 round trip")
    fuzzRequire((try? RSAPublicKey(keyText: key.pem)) == key, "PEM round trip")
    fuzzRequire((try? RSAPublicKey(keyText: key.rsaUtilsString)) == key, "RsaUtils string round trip")
}

func checkRoundTrips(_ key: RSAPrivateKey) {
    let der = key.pkcs8DER
    fuzzRequire((try? RSAPrivateKey(pkcs8DER: der))?.pkcs8DER == der, "PKCS#8 round trip")
    fuzzRequire((try? RSAPrivateKey(pkcs1DER: key.pkcs1DER))?.pkcs8DER == der, "PKCS#1 round trip")
    fuzzRequire((try? RSAPrivateKey(keyText: key.pem))?.pkcs8DER == der, "PEM round trip")
    fuzzRequire((try? RSAPrivateKey(keyText: key.rsaUtilsString))?.pkcs8DER == der, "RsaUtils string round trip")
    fuzzRequire(key.publicKey.modulus == key.modulus, "public half")
}
