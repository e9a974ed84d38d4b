import RSA

/// The request's `sign`: MD5withRSA (RSASSA-PKCS1-v1_5, MD5 DigestInfo) with the customer private
/// key over the UTF-8 bytes of appId + msgId + phoneNum + timestamp + token + version, Base64
/// (standard alphabet, padded, one line) — RsaUtils `sign`.
public enum NumberCheckSigner {
    public static func signString(appId: String, msgId: String, phoneNum: String, timestamp: String, token: String,
                                  version: String) -> String {
        appId + msgId + phoneNum + timestamp + token + version
    }

    /// Base64 of the MD5withRSA signature of `signString`'s UTF-8 bytes.
    public static func sign(_ signString: String, customerPrivateKey: RSAPrivateKey) throws -> String {
        LenientBase64.encode(try customerPrivateKey.signature(for: Array(signString.utf8), hash: .md5))
    }

    /// RsaUtils `verify`: the sign text is Base64-decoded the commons-codec way (characters outside
    /// the alphabet skipped), then verified with MD5withRSA. False for anything malformed.
    public static func isValid(sign: String, for signString: String, customerPublicKey: RSAPublicKey) -> Bool {
        let signature = LenientBase64.decode(sign)
        return (try? customerPublicKey.isValidSignature(signature, for: Array(signString.utf8), hash: .md5)) ?? false
    }
}
