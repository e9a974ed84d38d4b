import RSA

/// Wycheproof RSASSA-PKCS1-v1_5 verification with the Java-compatible policy (the library's default and
/// the `verify` verb's): valid → true, invalid → false (never a throw), acceptable → either, recorded with
/// Java's verdict (from the file's `javaVerdict` when present, which the Java-compatible verification
/// must then give) and the strict RFC 8017 verdict.
public struct RsassaPkcs1VerifySuite: VectorSuite {
    public typealias Group = RsassaPkcs1VerifyGroup
    public static let schema = RsassaPkcs1VerifyGroup.schema

    public init() {}

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
            let key: RSAPublicKey
            switch loadKey(group) {
            case .success(let k): key = k
            case .failure(let problem):
                recorder.recordAll(group.tests, group: index, problem.observation)
                continue
            }
            for test in group.tests {
                recorder.record(test, group: index) { verify(test, key: key, hash: hash) }
                if test.result == .acceptable, let note = javaVerdict(test, key: key, hash: hash) {
                    recorder.annotateLast(note)
                }
            }
        }
        return recorder.outcomes
    }

    func loadKey(_ group: Group) -> Result<RSAPublicKey, GroupProblem> {
        let key: RSAPublicKey
        do {
            key = try RSAPublicKey(spkiDER: group.publicKeyDer.bytes)
        } catch {
            return .failure(GroupProblem(.mismatch("group key: cannot load publicKeyDer: \(describe(error))", expected: nil, actual: nil)))
        }
        var check = KeyConsistency()
        check.same("SPKI re-encoding", key.spkiDER, group.publicKeyDer.bytes)
        check.same("modulus", key.modulus, group.publicKey.modulus)
        check.same("publicExponent", key.publicExponent, group.publicKey.publicExponent)
        if let parsed = check.attempt("parsing publicKeyAsn", { try RSAPublicKey(pkcs1DER: group.publicKeyAsn.bytes) }) {
            check.same("publicKeyAsn parsed (SPKI DER)", parsed.spkiDER, key.spkiDER)
        }
        check.same("PKCS#1 re-encoding", key.pkcs1DER, group.publicKeyAsn.bytes)
        if let parsed = check.attempt("parsing publicKeyPem", { try RSAPublicKey(pem: group.publicKeyPem) }) {
            check.same("publicKeyPem parsed (SPKI DER)", parsed.spkiDER, key.spkiDER)
        }
        if key.keySize != group.keySize {
            check.report("keySize", KeySizeMismatch(expected: group.keySize, actual: key.keySize))
        }
        check.rsaUtilsStrings(publicKey: group.publicKeyRsaUtils, privateKey: group.privateKeyRsaUtils,
                              spki: group.publicKeyDer.bytes, pkcs8: nil)
        if let problem = check.problem { return .failure(GroupProblem(problem)) }
        return .success(key)
    }

    func verify(_ test: SignatureTestVector, key: RSAPublicKey, hash: HashAlgorithm) -> Observation {
        let ok: Bool
        do {
            ok = try key.isValidSignature(test.sig.bytes, for: test.msg.bytes, hash: hash)
        } catch {
            return .mismatch("verify threw \(describe(error)) (it must return true or false)", expected: nil, actual: nil)
        }
        if let java = test.javaVerdict, java != (ok ? "accepted" : "rejected") {
            return .mismatch("the JDK \(java) this signature (javaVerdict), the Java-compatible verification \(ok ? "accepted" : "rejected") it",
                             expected: nil, actual: nil)
        }
        if ok { return .accepted(output: recovered(test, key: key)) }
        if test.result == .valid {
            // Show why: the EMSA-PKCS1-v1_5 block the signature should hold vs the one it holds.
            let expected = try? PKCS1.emsaEncode(message: test.msg.bytes, hash: hash, modulusByteCount: key.modulusByteCount)
            return .mismatch("verify returned false for a valid signature (expected: EMSA block, actual: block recovered from sig)",
                             expected: expected, actual: recovered(test, key: key))
        }
        return .rejected("verify returned false")
    }

    /// Java's verdict on an acceptable case and the strict one.
    func javaVerdict(_ test: SignatureTestVector, key: RSAPublicKey, hash: HashAlgorithm) -> JavaVerdict? {
        let word: (Bool) -> String = { $0 ? "accepted" : "rejected" }
        guard let compatible = try? key.isValidSignature(test.sig.bytes, for: test.msg.bytes, hash: hash),
              let strict = try? key.isValidSignature(test.sig.bytes, for: test.msg.bytes, hash: hash, policy: .strict)
        else { return nil }
        if let java = test.javaVerdict { return JavaVerdict(java: java, source: "vector file (JDK)", strict: word(strict)) }
        return JavaVerdict(java: word(compatible), source: "Java-compatible verification", strict: word(strict))
    }

    /// The block inside the signature (s^e mod n), when the signature has the right length.
    private func recovered(_ test: SignatureTestVector, key: RSAPublicKey) -> [UInt8]? {
        try? key.recoverEncodedMessage(test.sig.bytes)
    }
}
