import RSA

/// Wycheproof RSAES-PKCS1-v1_5 decryption: valid → succeeds and equals `msg`; invalid → fails
/// (`msg` is then only the original plaintext and is not compared).
public struct RsaesPkcs1DecryptSuite: VectorSuite {
    public typealias Group = RsaesPkcs1DecryptGroup
    public static let schema = RsaesPkcs1DecryptGroup.schema

    public init() {}

    public func run(_ file: WycheproofFile<Group>, path: String, context: RunContext) -> OutcomeLog {
        var recorder = OutcomeRecorder(path: path)
        for (index, group) in file.testGroups.enumerated() {
            switch loadKey(group) {
            case .failure(let problem):
                recorder.recordAll(group.tests, group: index, problem.observation)
            case .success(let key):
                for test in group.tests {
                    recorder.record(test, group: index) { decrypt(test, key: key) }
                }
            }
        }
        return recorder.outcomes
    }

    func loadKey(_ group: Group) -> Result<RSAPrivateKey, GroupProblem> {
        let key: RSAPrivateKey
        do {
            key = try RSAPrivateKey(pkcs8DER: group.privateKeyPkcs8.bytes)
        } catch {
            return .failure(GroupProblem(.mismatch("group key: cannot load privateKeyPkcs8: \(describe(error))", expected: nil, actual: nil)))
        }
        var check = KeyConsistency()
        let numbers = group.privateKey
        check.same("PKCS#8 re-encoding", key.pkcs8DER, group.privateKeyPkcs8.bytes)
        check.same("modulus", key.modulus, numbers.modulus)
        check.same("publicExponent", key.publicExponent, numbers.publicExponent)
        check.same("privateExponent", key.privateExponent, numbers.privateExponent)
        if let primes = key.primes {
            if let p = numbers.prime1 { check.same("prime1", primes.p, p) }
            if let q = numbers.prime2 { check.same("prime2", primes.q, q) }
            if let dp = numbers.exponent1 { check.same("exponent1", primes.dp, dp) }
            if let dq = numbers.exponent2 { check.same("exponent2", primes.dq, dq) }
            if let qInv = numbers.coefficient { check.same("coefficient", primes.qInv, qInv) }
        }
        if let pem = check.attempt("parsing privateKeyPem", { try RSAPrivateKey(pem: group.privateKeyPem) }) {
            check.same("privateKeyPem parsed (PKCS#8 DER)", pem.pkcs8DER, group.privateKeyPkcs8.bytes)
        }
        if key.publicKey.keySize != group.keySize {
            check.report("keySize", KeySizeMismatch(expected: group.keySize, actual: key.publicKey.keySize))
        }
        if let problem = check.problem { return .failure(GroupProblem(problem)) }
        return .success(key)
    }

    func decrypt(_ test: RsaesPkcs1TestVector, key: RSAPrivateKey) -> Observation {
        let plaintext: [UInt8]
        do {
            plaintext = try key.decrypt(test.ct.bytes)
        } catch {
            return .rejected("decryption failed: \(describe(error))")
        }
        if test.result == .invalid { return .accepted(output: plaintext) }
        var compare = Comparison()
        compare.expect("plaintext", plaintext, equals: test.msg.bytes)
        return compare.mismatch ?? .accepted(output: plaintext)
    }
}
