import BigNum
import RSA

/// The hash a group or case names; else why its cases are skipped (a known hash the RSA module
/// does not implement) or fail (a name that is no Wycheproof hash: a malformed file, not a skip).
enum HashLookup {
    static func resolve(_ name: String) -> Result<HashAlgorithm, HashSkip> {
        guard let hash = HashAlgorithm(rawValue: name) else {
            return .failure(HashSkip(reason: "unknown hash '\(name)' (not a Wycheproof hash name)", isUnknown: true))
        }
        guard hash.isSupported else {
            return .failure(HashSkip(reason: "hash \(name) is not supported by the RSA module (swift-crypto has no implementation)"))
        }
        return .success(hash)
    }

    struct HashSkip: Error {
        let reason: String
        var isUnknown = false

        /// Skipped for an unsupported hash; failed for a name that is not a hash at all.
        var observation: Observation {
            isUnknown ? .mismatch(reason, expected: nil, actual: nil) : .skipped(reason)
        }
    }
}

/// Group-level key checks: "all formats encode the same key" (Wycheproof), and our encodings must
/// reproduce the vector's bytes. The first disagreement is kept and fails every case of the group.
struct KeyConsistency {
    private(set) var problem: Observation?

    mutating func same(_ what: String, _ actual: [UInt8], _ expected: [UInt8]) {
        guard problem == nil, actual != expected else { return }
        problem = .mismatch("group key: \(what) differs", expected: expected, actual: actual)
    }

    mutating func same(_ what: String, _ actual: BigInt, _ expected: VectorBigInt) {
        guard problem == nil, actual != expected.value else { return }
        problem = .mismatch("group key: \(what) differs", expected: expected.bytes, actual: actual.twosComplementBytes)
    }

    /// Runs a parse/encode step; an error is a disagreement (the vector says the input is well-formed).
    mutating func attempt<T>(_ what: String, _ body: () throws -> T) -> T? {
        guard problem == nil else { return nil }
        do {
            return try body()
        } catch {
            problem = .mismatch("group key: \(what) failed: \(describe(error))", expected: nil, actual: nil)
            return nil
        }
    }

    mutating func report(_ what: String, _ detail: CustomStringConvertible) {
        guard problem == nil else { return }
        problem = .mismatch("group key: \(what): \(detail)", expected: nil, actual: nil)
    }

    /// RsaUtils strings, when the group has them, must parse to the same key.
    mutating func rsaUtilsStrings(publicKey: String?, privateKey: String?, spki: [UInt8], pkcs8: [UInt8]?) {
        if let publicKey, let parsed = attempt("parsing publicKeyRsaUtils", { try RSAPublicKey(rsaUtilsString: publicKey) }) {
            same("publicKeyRsaUtils parsed (SPKI DER)", parsed.spkiDER, spki)
        }
        if let privateKey, let parsed = attempt("parsing privateKeyRsaUtils", { try RSAPrivateKey(rsaUtilsString: privateKey) }) {
            if let pkcs8 {
                same("privateKeyRsaUtils parsed (PKCS#8 DER)", parsed.pkcs8DER, pkcs8)
            } else {
                same("privateKeyRsaUtils parsed, public part (SPKI DER)", parsed.publicKey.spkiDER, spki)
            }
        }
    }
}

/// The key pair of our padding and chunking groups, loaded from DER and checked against the RsaUtils strings.
struct LoadedKeyPair {
    let publicKey: RSAPublicKey
    let privateKey: RSAPrivateKey

    /// The keys, or the group-level problem that fails every case.
    static func load(_ fields: VectorKeyPair) -> Result<LoadedKeyPair, GroupProblem> {
        let publicKey: RSAPublicKey, privateKey: RSAPrivateKey
        do {
            publicKey = try RSAPublicKey(spkiDER: fields.publicKeyDer.bytes)
        } catch {
            return .failure(GroupProblem(.mismatch("group key: cannot load publicKeyDer: \(describe(error))", expected: nil, actual: nil)))
        }
        do {
            privateKey = try RSAPrivateKey(pkcs8DER: fields.privateKeyPkcs8.bytes)
        } catch {
            return .failure(GroupProblem(.mismatch("group key: cannot load privateKeyPkcs8: \(describe(error))", expected: nil, actual: nil)))
        }
        var check = KeyConsistency()
        check.same("SPKI re-encoding", publicKey.spkiDER, fields.publicKeyDer.bytes)
        check.same("PKCS#8 re-encoding", privateKey.pkcs8DER, fields.privateKeyPkcs8.bytes)
        check.same("public part of the private key (SPKI DER)", privateKey.publicKey.spkiDER, fields.publicKeyDer.bytes)
        if publicKey.keySize != fields.keySize {
            check.report("keySize", KeySizeMismatch(expected: fields.keySize, actual: publicKey.keySize))
        }
        check.rsaUtilsStrings(publicKey: fields.publicKeyRsaUtils, privateKey: fields.privateKeyRsaUtils,
                              spki: fields.publicKeyDer.bytes, pkcs8: fields.privateKeyPkcs8.bytes)
        if let problem = check.problem { return .failure(GroupProblem(problem)) }
        return .success(LoadedKeyPair(publicKey: publicKey, privateKey: privateKey))
    }
}

struct GroupProblem: Error {
    let observation: Observation
    init(_ observation: Observation) { self.observation = observation }
}

struct KeySizeMismatch: Error, CustomStringConvertible {
    let expected: Int, actual: Int
    var description: String { "the key has \(actual) bits, the group says keySize \(expected)" }
}
