import BigNum
import RSA

/// PKCS#1 v1.5 padding vectors from the JDK: type 2 with a fixed PS, type 1, DigestInfo/EMSA per hash,
/// and malformed blocks that decryption must reject.
public struct RsaPkcs1PaddingSuite: VectorSuite {
    public typealias Group = RsaPkcs1PaddingGroup
    public static let schema = RsaPkcs1PaddingGroup.schema

    public init() {}

    public func run(_ file: WycheproofFile<Group>, path: String, context: RunContext) -> OutcomeLog {
        var recorder = OutcomeRecorder(path: path)
        for (index, group) in file.testGroups.enumerated() {
            switch LoadedKeyPair.load(group.keys) {
            case .failure(let problem):
                switch group.cases {
                case .encryptType2(let t): recorder.recordAll(t, group: index, problem.observation)
                case .encryptType1(let t): recorder.recordAll(t, group: index, problem.observation)
                case .digestInfo(let t): recorder.recordAll(t, group: index, problem.observation)
                case .decryptMalformed(let t): recorder.recordAll(t, group: index, problem.observation)
                }
            case .success(let keys):
                switch group.cases {
                case .encryptType2(let tests):
                    for test in tests { recorder.record(test, group: index) { type2(test, keys) } }
                case .encryptType1(let tests):
                    for test in tests { recorder.record(test, group: index) { type1(test, keys) } }
                case .digestInfo(let tests):
                    for test in tests { recorder.record(test, group: index) { digestInfo(test, keys) } }
                case .decryptMalformed(let tests):
                    for test in tests { recorder.record(test, group: index) { malformed(test, keys) } }
                }
            }
        }
        return recorder.outcomes
    }

    /// Pad with `ps` → `em`, encrypt → `ct`, decrypt `ct` → `msg`.
    func type2(_ test: Pkcs1EncryptType2TestVector, _ keys: LoadedKeyPair) -> Observation {
        let k = keys.publicKey.modulusByteCount
        let em: [UInt8], ct: [UInt8]
        do {
            em = try PKCS1.padType2(test.msg.bytes, modulusByteCount: k, paddingString: test.ps.bytes)
            ct = try keys.publicKey.encrypt(test.msg.bytes, paddingString: test.ps.bytes)
        } catch {
            return .rejected("encryption refused: \(describe(error))")
        }
        if test.result == .invalid { return .accepted(output: ct) }
        var compare = Comparison()
        compare.expect("type-2 block (em)", em, equals: test.em.bytes)
        compare.expect("ciphertext", ct, equals: test.ct.bytes)
        if compare.isClean {
            do {
                compare.expect("decrypted plaintext", try keys.privateKey.decrypt(test.ct.bytes), equals: test.msg.bytes)
            } catch {
                compare.fail(.mismatch("decrypting the vector's ct failed: \(describe(error))", expected: test.msg.bytes, actual: nil))
            }
        }
        return compare.mismatch ?? .accepted(output: ct)
    }

    /// Pad (type 1) → `em`, private-key encrypt → `ct`, public-key decrypt → `msg`, recover → `em`.
    func type1(_ test: Pkcs1EncryptType1TestVector, _ keys: LoadedKeyPair) -> Observation {
        let k = keys.publicKey.modulusByteCount
        let em: [UInt8], ct: [UInt8]
        do {
            em = try PKCS1.padType1(test.msg.bytes, modulusByteCount: k)
            ct = try keys.privateKey.encryptType1(test.msg.bytes)
        } catch {
            return .rejected("encryption refused: \(describe(error))")
        }
        if test.result == .invalid { return .accepted(output: ct) }
        var compare = Comparison()
        compare.expect("type-1 block (em)", em, equals: test.em.bytes)
        compare.expect("ciphertext", ct, equals: test.ct.bytes)
        if compare.isClean {
            do {
                compare.expect("block recovered from ct", try keys.publicKey.recoverEncodedMessage(test.ct.bytes), equals: test.em.bytes)
                compare.expect("decryptType1(ct)", try keys.publicKey.decryptType1(test.ct.bytes), equals: test.msg.bytes)
            } catch {
                compare.fail(.mismatch("public-key decryption of the vector's ct failed: \(describe(error))", expected: test.msg.bytes, actual: nil))
            }
        }
        return compare.mismatch ?? .accepted(output: ct)
    }

    /// DigestInfo for `sha`, the EMSA block, the JDK signature, verification and recovery.
    func digestInfo(_ test: Pkcs1DigestInfoTestVector, _ keys: LoadedKeyPair) -> Observation {
        let hash: HashAlgorithm
        switch HashLookup.resolve(test.sha) {
        case .success(let h): hash = h
        case .failure(let skip): return skip.observation
        }
        let k = keys.publicKey.modulusByteCount
        let info: [UInt8], em: [UInt8], sig: [UInt8]
        do {
            info = try PKCS1.digestInfo(hash: hash, digest: try hash.digest(test.msg.bytes))
            em = try PKCS1.emsaEncode(message: test.msg.bytes, hash: hash, modulusByteCount: k)
            sig = try keys.privateKey.signature(for: test.msg.bytes, hash: hash)
        } catch {
            return .rejected("signing refused: \(describe(error))")
        }
        if test.result == .invalid { return .accepted(output: sig) }
        var compare = Comparison()
        compare.expect("DigestInfo", info, equals: test.digestInfo.bytes)
        compare.expect("EMSA-PKCS1-v1_5 block (em)", em, equals: test.em.bytes)
        compare.expect("signature", sig, equals: test.sig.bytes)
        if compare.isClean {
            let verifies = (try? keys.publicKey.isValidSignature(test.sig.bytes, for: test.msg.bytes, hash: hash)) ?? false
            compare.expect("the vector's signature does not verify", verifies)
            let recovered = (try? keys.publicKey.recoverEncodedMessage(test.sig.bytes)) ?? []
            compare.expect("block recovered from sig", recovered, equals: test.em.bytes)
        }
        return compare.mismatch ?? .accepted(output: sig)
    }

    /// A malformed block: decryption in the given mode must fail. When the vector gives the block, it
    /// must be what `ct` holds as a number mod n (`ct` itself may be longer or not reduced).
    func malformed(_ test: Pkcs1DecryptMalformedTestVector, _ keys: LoadedKeyPair) -> Observation {
        if !test.em.isEmpty {
            let n = keys.publicKey.modulus, e = keys.publicKey.publicExponent, k = keys.publicKey.modulusByteCount
            let em = BigInt(bigEndianBytes: test.em.bytes).modulo(n)
            let c = BigInt(bigEndianBytes: test.ct.bytes).modulo(n)
            // privateDecrypt: ct ≡ em^e (mod n); publicDecrypt: em ≡ ct^e (mod n).
            let (lhs, rhs, what) = test.mode == .privateDecrypt
                ? (em.flatMap { $0.power(e, modulo: n) }, c, "em^e mod n vs ct mod n")
                : (c.flatMap { $0.power(e, modulo: n) }, em, "ct^e mod n vs em mod n")
            guard let lhs, let rhs, lhs == rhs else {
                return .mismatch("vector consistency: \(what)", expected: rhs?.serialize(count: k), actual: lhs?.serialize(count: k))
            }
        }
        let plaintext: [UInt8]
        do {
            switch test.mode {
            case .privateDecrypt: plaintext = try keys.privateKey.decrypt(test.ct.bytes)
            case .publicDecrypt: plaintext = try keys.publicKey.decryptType1(test.ct.bytes)
            }
        } catch {
            return .rejected("decryption failed: \(describe(error))")
        }
        return .accepted(output: plaintext)
    }
}
