import RSA

/// Wycheproof RSASSA-PKCS1-v1_5 signature generation: signing `msg` must reproduce `sig` byte for byte
/// (with the key from n, e, d and with the CRT key from PKCS#8), and `sig` must verify. An `acceptable`
/// case may also be refused by policy (key or hash), but if the implementation signs, the bytes must match.
public struct RsassaPkcs1GenerateSuite: VectorSuite {
    public typealias Group = RsassaPkcs1GenerateGroup
    public static let schema = RsassaPkcs1GenerateGroup.schema

    public init() {}

    struct Keys {
        /// From the numbers (n, e, d): no CRT, as upstream sig-gen groups give no primes.
        let fromNumbers: RSAPrivateKey
        /// From `privateKeyPkcs8` (full CRT key).
        let fromPkcs8: RSAPrivateKey
        let publicKey: RSAPublicKey
    }

    public func run(_ file: WycheproofFile<Group>, path: String, context: RunContext) -> OutcomeLog {
        var recorder = OutcomeRecorder(path: path)
        for (index, group) in file.testGroups.enumerated() {
            let hash: HashAlgorithm
            switch HashLookup.resolve(group.sha) {
            case .success(let h): hash = h
            case .failure(let skip):
                recorder.recordAll(group.tests, group: index, skip.observation)
                continue
            }
            switch loadKeys(group) {
            case .failure(let problem):
                recorder.recordAll(group.tests, group: index, problem.observation)
            case .success(let keys):
                for test in group.tests {
                    recorder.record(test, group: index) { sign(test, keys: keys, hash: hash) }
                }
            }
        }
        return recorder.outcomes
    }

    func loadKeys(_ group: Group) -> Result<Keys, GroupProblem> {
        let numbers = group.privateKey
        let fromNumbers: RSAPrivateKey
        do {
            fromNumbers = try RSAPrivateKey(modulus: numbers.modulus.value, publicExponent: numbers.publicExponent.value,
                                            privateExponent: numbers.privateExponent.value)
        } catch {
            // Refusing a key (e.g. by size policy) is a rejection: it passes for `acceptable` cases only.
            return .failure(GroupProblem(.rejected("key from (n, e, d) refused: \(describe(error))")))
        }
        var check = KeyConsistency()
        let fromPkcs8 = check.attempt("loading privateKeyPkcs8") { try RSAPrivateKey(pkcs8DER: group.privateKeyPkcs8.bytes) }
        let publicKey = check.attempt("loading keyDer") { try RSAPublicKey(spkiDER: group.keyDer.bytes) }
        if let fromPkcs8, let publicKey {
            check.same("PKCS#8 re-encoding", fromPkcs8.pkcs8DER, group.privateKeyPkcs8.bytes)
            check.same("modulus (PKCS#8)", fromPkcs8.modulus, numbers.modulus)
            check.same("privateExponent (PKCS#8)", fromPkcs8.privateExponent, numbers.privateExponent)
            check.same("public key of (n, e, d) vs keyDer (SPKI DER)", fromNumbers.publicKey.spkiDER, group.keyDer.bytes)
            check.same("SPKI re-encoding", publicKey.spkiDER, group.keyDer.bytes)
            check.same("PKCS#1 public re-encoding (keyAsn)", publicKey.pkcs1DER, group.keyAsn.bytes)
            if let pem = check.attempt("parsing keyPem", { try RSAPublicKey(pem: group.keyPem) }) {
                check.same("keyPem parsed (SPKI DER)", pem.spkiDER, group.keyDer.bytes)
            }
            if let pem = check.attempt("parsing privateKeyPem", { try RSAPrivateKey(pem: group.privateKeyPem) }) {
                check.same("privateKeyPem parsed (PKCS#8 DER)", pem.pkcs8DER, group.privateKeyPkcs8.bytes)
            }
            if publicKey.keySize != group.keySize {
                check.report("keySize", KeySizeMismatch(expected: group.keySize, actual: publicKey.keySize))
            }
            check.rsaUtilsStrings(publicKey: group.publicKeyRsaUtils, privateKey: group.privateKeyRsaUtils,
                                  spki: group.keyDer.bytes, pkcs8: group.privateKeyPkcs8.bytes)
        }
        if let problem = check.problem { return .failure(GroupProblem(problem)) }
        guard let fromPkcs8, let publicKey else {
            return .failure(GroupProblem(.mismatch("group key: cannot load the keys", expected: nil, actual: nil)))
        }
        return .success(Keys(fromNumbers: fromNumbers, fromPkcs8: fromPkcs8, publicKey: publicKey))
    }

    func sign(_ test: SignatureTestVector, keys: Keys, hash: HashAlgorithm) -> Observation {
        let signature: [UInt8]
        do {
            signature = try keys.fromNumbers.signature(for: test.msg.bytes, hash: hash)
        } catch {
            return .rejected("signing refused: \(describe(error))")
        }
        var compare = Comparison()
        compare.expect("signature (key from n, e, d)", signature, equals: test.sig.bytes)
        if compare.isClean {
            do {
                let crt = try keys.fromPkcs8.signature(for: test.msg.bytes, hash: hash)
                compare.expect("signature (CRT key from PKCS#8)", crt, equals: test.sig.bytes)
            } catch {
                compare.fail(.mismatch("signing with the CRT key from PKCS#8 failed: \(describe(error))", expected: test.sig.bytes, actual: nil))
            }
        }
        if compare.isClean {
            let verifies = (try? keys.publicKey.isValidSignature(test.sig.bytes, for: test.msg.bytes, hash: hash)) ?? false
            compare.expect("the vector's signature does not verify", verifies)
        }
        return compare.mismatch ?? .accepted(output: signature)
    }
}
