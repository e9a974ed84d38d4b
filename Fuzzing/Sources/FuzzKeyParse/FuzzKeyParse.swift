import FuzzSupport
import RSA

/// Every way a key is read: public (X.509 SPKI DER, PKCS#1 DER, PEM, RsaUtils Base64), private
/// (PKCS#8 DER, PKCS#1 DER, PEM, RsaUtils Base64) and the CLI's `ImportedKey` (any form, either
/// role). The first byte picks the reader (one per input keeps each run cheap); the rest is the key.
/// A key that loads must re-encode to something that loads back as the same key, in every encoding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = fuzzBytes(data, size)
    guard let selector = input.first else { return 0 }
    let bytes = Array(input.dropFirst())
    let text = String(decoding: bytes, as: UTF8.self)
    switch selector % 10 {
    case 0: if let key = try? RSAPublicKey(spkiDER: bytes) { checkRoundTrips(key) }
    case 1: if let key = try? RSAPublicKey(pkcs1DER: bytes) { checkRoundTrips(key) }
    case 2: if let key = try? RSAPublicKey(keyText: text) { checkRoundTrips(key) }
    case 3: if let key = try? RSAPrivateKey(pkcs8DER: bytes) { checkRoundTrips(key) }
    case 4: if let key = try? RSAPrivateKey(pkcs1DER: bytes) { checkRoundTrips(key) }
    case 5: if let key = try? RSAPrivateKey(keyText: text) { checkRoundTrips(key) }
    case 6: _ = try? PEMBlock(parsing: text)
    case 7, 8, 9:
        let role: ImportedKey.Role? = selector % 10 == 7 ? .publicKey : selector % 10 == 8 ? .privateKey : nil
        for imported in [try? ImportedKey.parse(bytes, role: role), try? ImportedKey.parse(text: text, role: role)] {
            guard let imported else { continue }
            checkRoundTrips(imported.publicKey)
            if let key = imported.privateKey { checkRoundTrips(key) }
            fuzzRequire(role != .privateKey || imported.privateKey != nil, "a public key read as a private one")
        }
    default: break
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
