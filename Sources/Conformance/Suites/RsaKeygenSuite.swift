import BigNum
import RSA

/// Key generation vectors: derivation of n, d and the CRT values from (p, q, e) byte for byte as the
/// JDK; RsaUtils key strings parsed like Java's RsaUtils; FIPS 186-4 parameter checks.
public struct RsaKeygenSuite: VectorSuite {
    public typealias Group = RsaKeygenGroup
    public static let schema = RsaKeygenGroup.schema

    public init() {}

    public func run(_ file: WycheproofFile<Group>, path: String, context: RunContext) -> OutcomeLog {
        var recorder = OutcomeRecorder(path: path)
        for (index, group) in file.testGroups.enumerated() {
            switch group {
            case .derivation(let g):
                for test in g.tests { recorder.record(test, group: index) { derive(test, keySize: g.keySize) } }
            case .stringParse(let g):
                for test in g.tests { recorder.record(test, group: index) { parse(test) } }
            case .parameterCheck(let g):
                for test in g.tests { recorder.record(test, group: index) { checkParameters(test) } }
            }
        }
        return recorder.outcomes
    }

    func derive(_ test: RsaKeyDerivationTestVector, keySize: Int) -> Observation {
        let key: RSAPrivateKey
        do {
            key = try RSAPrivateKey(prime1: test.p.value, prime2: test.q.value, publicExponent: test.e.value)
        } catch {
            return .rejected("derivation refused: \(describe(error))")
        }
        var compare = Comparison()
        func same(_ what: String, _ actual: BigInt?, _ expected: VectorBigInt) {
            compare.expect(what, actual?.twosComplementBytes ?? [], equals: expected.bytes)
        }
        same("n", key.modulus, test.n)
        same("d", key.privateExponent, test.d)
        same("dp", key.primes?.dp, test.dp)
        same("dq", key.primes?.dq, test.dq)
        same("qInv", key.primes?.qInv, test.qInv)
        compare.expect("privateKeyPkcs8", key.pkcs8DER, equals: test.privateKeyPkcs8.bytes)
        compare.expect("publicKeyDer", key.publicKey.spkiDER, equals: test.publicKeyDer.bytes)
        compare.expect("privateKeyRsaUtils", Array(key.rsaUtilsString.utf8), equals: Array(test.privateKeyRsaUtils.utf8))
        compare.expect("publicKeyRsaUtils", Array(key.publicKey.rsaUtilsString.utf8), equals: Array(test.publicKeyRsaUtils.utf8))
        compare.expect("keySize", key.publicKey.keySize == keySize,
                       detail: "the key has \(key.publicKey.keySize) bits, the group says \(keySize)")
        if compare.isClean {
            do {
                compare.expect("privateKeyRsaUtils parsed (PKCS#8 DER)",
                               try RSAPrivateKey(rsaUtilsString: test.privateKeyRsaUtils).pkcs8DER, equals: test.privateKeyPkcs8.bytes)
                compare.expect("publicKeyRsaUtils parsed (SPKI DER)",
                               try RSAPublicKey(rsaUtilsString: test.publicKeyRsaUtils).spkiDER, equals: test.publicKeyDer.bytes)
            } catch {
                compare.fail(.mismatch("parsing the vector's RsaUtils strings failed: \(describe(error))", expected: nil, actual: nil))
            }
        }
        return compare.mismatch ?? .accepted(output: key.pkcs8DER)
    }

    func parse(_ test: RsaKeyStringParseTestVector) -> Observation {
        let der: [UInt8]
        do {
            switch test.keyType {
            case .public: der = try RSAPublicKey(rsaUtilsString: test.keyString).spkiDER
            case .private: der = try RSAPrivateKey(rsaUtilsString: test.keyString).pkcs8DER
            }
        } catch {
            return .rejected("parse refused: \(describe(error))")
        }
        if test.result == .invalid { return .accepted(output: der) }
        var compare = Comparison()
        compare.expect("re-encoded key (getEncoded DER)", der, equals: test.der.bytes)
        return compare.mismatch ?? .accepted(output: der)
    }

    func checkParameters(_ test: RsaKeyParameterCheckTestVector) -> Observation {
        let broken = RSAKeyGenerator.violations(p: test.p.value, q: test.q.value, e: test.e.value, bits: test.keySize)
        // The vector's flags name the rules it breaks: they must agree with the rules the RSA module found.
        let named = Set(test.flags.filter { RuleFlags.all.contains($0) })
        let unexplained = named.filter { flag in !broken.contains { RuleFlags.flags(for: $0).contains(flag) } }
        let unflagged = broken.filter { RuleFlags.flags(for: $0).isDisjoint(with: named) }
        if !unexplained.isEmpty || !unflagged.isEmpty {
            return .mismatch("parameter rules disagree: the vector flags \(named.sorted().joined(separator: ", ")), "
                + "the RSA module found \(broken.map(\.rawValue).joined(separator: ", "))", expected: nil, actual: nil)
        }
        if broken.isEmpty { return .accepted() }
        return .rejected("violates \(broken.map(\.rawValue).joined(separator: ", "))")
    }
}

/// The flags the key-generation vectors use for FIPS 186-4 rules, per `RSAKeyParameterRule`.
enum RuleFlags {
    static func flags(for rule: RSAKeyParameterRule) -> Set<String> {
        switch rule {
        case .pNotPrime: return ["CompositeP"]
        case .qNotPrime: return ["CompositeQ"]
        case .pOutOfRange, .qOutOfRange: return ["PrimeTooSmall", "PrimeTooLarge"]
        case .primesTooClose: return ["PrimesTooClose"]
        case .exponentNotOdd: return ["EvenExponent"]
        case .exponentOutOfRange: return ["SmallExponent", "LargeExponent"]
        case .exponentNotCoprimeToPMinus1, .exponentNotCoprimeToQMinus1: return ["ExponentNotCoprime"]
        case .modulusWrongLength: return ["WrongModulusLength"]
        }
    }

    static let all: Set<String> = RSAKeyParameterRule.allCases.reduce(into: Set<String>()) { $0.formUnion(flags(for: $1)) }
}
