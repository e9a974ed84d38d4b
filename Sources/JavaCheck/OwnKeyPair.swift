import ImplementationProbes
import RSA

/// The class's own hard-coded key pair (static or instance fields, no-argument key accessors), for
/// methods that take only the data. Used only when it parses on the Swift side and its two halves
/// belong together; a public key alone is reported with what it leaves unchecked. The private key is
/// never shown: findings name where the keys were found, not what they are.
struct OwnKeyPair {
    /// The pair as the key probe reads it (nil: no usable pair).
    var pair: JavaUserClass.KeyStrings?
    /// What the methods without a key parameter are driven with (nil: nothing was found).
    var keys: RoleBinding.OwnKeys?
    var findings: [String] = []
    var skips: [ProbeSkip] = []

    static func read(_ user: JavaUserClass) throws -> OwnKeyPair {
        var out = OwnKeyPair()
        let found: JavaUserClass.ClassKeys
        do {
            found = try user.classKeys()
        } catch let abort as JavaCheckError {
            throw abort
        } catch {
            out.skips.append(ProbeSkip(check: "keys.class-constant", reason: "its key fields could not be read: \(JavaClassImplementation.describe(error))"))
            return out
        }
        guard let publicText = found.publicKey, let publicVia = found.publicVia else {
            let reason = found.unpaired.isEmpty
                ? "no RSA key in its fields or no-argument key accessors (String Base64/hex/PEM, byte[], PublicKey/PrivateKey, KeyPair, Map)"
                : "its keys do not form a pair: " + found.unpaired.joined(separator: "; ")
            out.skips.append(ProbeSkip(check: "keys.class-constant", reason: reason))
            return out
        }
        guard let publicKey = try? RSAPublicKey(keyText: publicText) else {
            out.skips.append(ProbeSkip(check: "keys.class-constant", reason: "its public key \(publicVia) does not parse on the Swift side"))
            return out
        }
        guard let privateText = found.privateKey, let privateVia = found.privateVia else {
            out.keys = RoleBinding.OwnKeys(publicKey: publicText, privateKey: nil)
            out.findings.append("only a public key is hard-coded (\(publicVia), \(publicKey.keySize) bits) and no private key was found: "
                + "evaluated: its public key parses on the Swift side; not evaluated: what it encrypts (only the private key can decrypt it, "
                + "and Swift cannot tell its padding without it), and what it decrypts or verifies (Swift would need the private key to make "
                + "ciphertexts or signatures for it)")
            if !found.unpaired.isEmpty {
                out.findings.append("keys found that do not form a pair: " + found.unpaired.joined(separator: "; "))
            }
            out.skips.append(ProbeSkip(check: "keys.class-constant", reason: "only a public key is hard-coded (\(publicVia)); without its private key "
                + "no encryption, decryption, signature or verification can be checked against Swift"))
            let probe = PublicKeyOnlyProbe(user: user, publicKey: publicKey)
            for method in user.methods where method.isPublic && (method.isStatic || user.instantiable) && JavaDiscovery.takesNoKey(method)
                && JavaDiscovery.hints(method).first == .encryptByPublicKey {
                out.findings += try probe.facts(method)
            }
            return out
        }
        guard let privateKey = try? RSAPrivateKey(keyText: privateText), privateKey.publicKey == publicKey else {
            out.skips.append(ProbeSkip(check: "keys.class-constant", reason: "its hard-coded public key (\(publicVia)) and private key (\(privateVia)) "
                + "do not belong together (different modulus or exponent)"))
            return out
        }
        out.keys = RoleBinding.OwnKeys(publicKey: publicText, privateKey: privateText)
        out.pair = JavaUserClass.KeyStrings(publicKey: publicText, privateKey: privateText,
                                            via: "its own keys: public key \(publicVia); private key \(privateVia)",
                                            encodedByProbe: true, tookBits: false, fixedInClass: true)
        return out
    }
}
