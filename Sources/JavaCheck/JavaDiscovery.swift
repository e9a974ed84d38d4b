import ImplementationProbes
import JavaOracle
import RSA

/// Finds the RsaUtils roles in a user's class by behaviour. Candidates are found by their shape
/// (public, static or instance with a public no-argument constructor; a data and a key parameter
/// returning String/byte[]; verify: data, key and signature returning boolean); names only decide
/// which role is tried first. A role is confirmed by calling the method with a key pair and checking
/// what it did with Swift's own operations (its ciphertext decrypts, its signature verifies, it
/// decrypts a Swift ciphertext, it accepts a Swift signature), in each argument order the
/// parameter types allow. A method that fails every test keeps the role its name states, marked
/// unconfirmed, so a broken decrypt is still checked (and fails) rather than silently dropped.
final class JavaDiscovery {
    struct Outcome {
        var bindings: [RoleBinding] = []
        var findings: [String] = []
        var skips: [ProbeSkip] = []
        /// RSA-looking methods that are not public (listed, never called).
        var hidden: [JavaUserClass.Method] = []
        /// Public methods with a helper's shape.
        var candidates = 0
    }

    let user: JavaUserClass
    let publicString: String
    let privateString: String
    let publicKey: RSAPublicKey
    let privateKey: RSAPrivateKey
    var k: Int { publicKey.modulusByteCount }

    static let probe = ProbeData.ascii("java-check role probe 0123456789", label: "role probe")

    /// The class's own hard-coded key pair (nil: none found): methods without a key parameter use it.
    let ownKeys: RoleBinding.OwnKeys?

    init(user: JavaUserClass, publicString: String, privateString: String, publicKey: RSAPublicKey, privateKey: RSAPrivateKey,
         ownKeys: RoleBinding.OwnKeys? = nil) {
        self.user = user
        self.ownKeys = ownKeys
        self.publicString = publicString
        self.privateString = privateString
        self.publicKey = publicKey
        self.privateKey = privateKey
    }

    func run() throws -> Outcome {
        var outcome = Outcome()
        var failures: [String] = []
        var unconfirmed: [(JavaUserClass.Method, ImplementationOperation, Assignment)] = []
        var keyless: [JavaUserClass.Method] = []
        for method in user.methods {
            let hinted = Self.hints(method)
            guard Self.hasHelperShape(method) else { continue }
            guard method.isPublic else {
                if !hinted.isEmpty { outcome.hidden.append(method) }
                continue
            }
            guard method.isStatic || user.instantiable else {
                outcome.skips.append(ProbeSkip(check: "method \(method.signature)",
                                               reason: "an instance method and the class has neither a public no-argument constructor nor a static factory"))
                continue
            }
            // Without the class's own private key its keyless methods cannot be checked against Swift.
            if ownKeys?.privateKey == nil, Self.takesNoKey(method) {
                keyless.append(method)
                continue
            }
            outcome.candidates += 1
            if let binding = try confirm(method, hinted: hinted, failures: &failures) {
                outcome.bindings.append(binding)
            } else if hinted.count >= 1, let first = Self.assignments(method, role: hinted[0], ownKeys: ownKeys != nil).first {
                unconfirmed.append((method, hinted[0], first))
            }
        }
        for method in keyless {
            outcome.skips.append(ProbeSkip(check: "method \(method.signature)",
                                           reason: ownKeys == nil
                                               ? "it takes no key (it uses a key fixed in the class) and no key pair of the class's own was found "
                                                   + "in its fields or key accessors"
                                               : "it takes no key (it uses a key fixed in the class) and only the class's public key was found: "
                                                   + "without the private key Swift cannot check what it produces or make what it reads"))
        }
        // Unconfirmed methods keep their named role only where no method confirmed it.
        for (method, role, a) in unconfirmed {
            let sameKind = outcome.bindings.contains { $0.role == role && $0.dataKind == (method.parameters[a.data] == "String" ? .text : .bytes) }
            guard !sameKind else { continue }
            outcome.bindings.append(binding(role, method, a, confirmed: false))
            outcome.findings.append("\(method.signature) could not be confirmed as \(role.rawValue) by calling it"
                + (failures.first { $0.hasPrefix(method.signature) }.map { " (\($0.dropFirst(method.signature.count + 2)))" } ?? "")
                + "; it is checked as \(role.rawValue) because of its name")
        }
        let bound = Set(outcome.bindings.map(\.method))
        let orphans = user.methods.filter { m in m.isPublic && Self.hasHelperShape(m) && !bound.contains(m)
            && !Self.hints(m).isEmpty && !keyless.contains(m) }
        if !orphans.isEmpty {
            outcome.findings.append("no role confirmed for " + orphans.map(\.signature).joined(separator: "; "))
        }
        if !outcome.hidden.isEmpty {
            outcome.findings.append("not called and not counted: \(outcome.hidden.count) RSA method\(outcome.hidden.count == 1 ? " is" : "s are") not public "
                + "(a caller outside the class cannot use \(outcome.hidden.count == 1 ? "it" : "them")): "
                + outcome.hidden.map { "\($0.visibility) \($0.signature)" }.joined(separator: "; "))
        }
        if outcome.bindings.contains(where: { !$0.method.isStatic }) {
            outcome.findings.append("instance methods are called on one instance made with its public no-argument constructor (or its static factory)")
        }
        let keyTyped = outcome.bindings.filter { [.publicKey, .privateKey, .anyKey].contains($0.keyKind) }
        if !keyTyped.isEmpty {
            outcome.findings.append("Key-typed parameters (" + Set(keyTyped.map(\.method.name)).sorted().joined(separator: ", ")
                + ") are given key objects made from the RsaUtils key strings (X.509 / PKCS#8)")
        }
        for b in outcome.bindings where b.role == .verify {
            if let sig = b.signatureIndex, let key = b.keyIndex, sig < key, b.dataIndex < sig {
                outcome.findings.append("\(b.method.signature) takes (data, signature, publicKey), not RsaUtils' (data, publicKey, signature)")
            }
        }
        let fixed = outcome.bindings.filter { $0.keyIndex == nil }
        if !fixed.isEmpty {
            outcome.findings.append("no key parameter in " + fixed.map { "\($0.method.signature) (\($0.role.rawValue))" }.joined(separator: ", ")
                + ": these use the class's own key pair (read from its fields or key accessors), so they were driven with that pair only (checks with other keys are skipped)")
        }
        let charsets = outcome.bindings.filter { $0.charsetIndex != nil }
        if !charsets.isEmpty {
            outcome.findings.append("charset parameter in " + charsets.map(\.method.signature).joined(separator: ", ")
                + ": driven with \"\(RoleBinding.charset)\"; the charset is the caller's choice, and the Swift side must encode text with the same one")
        }
        let keyFirst = outcome.bindings.filter { $0.order == "key-first" }
        if !keyFirst.isEmpty {
            outcome.findings.append("argument order: the key comes first in " + keyFirst.map { "\($0.method.signature) (\($0.role.rawValue))" }.joined(separator: ", ")
                + "; RsaUtils puts the data first")
        }
        return outcome
    }

    // MARK: - Shapes and hints

    /// A helper's shape: data and a key (and a charset) returning String/byte[], or data, key and
    /// signature (and a charset) returning boolean; or the same without the key (the class's own key)
    /// when the name says what it does (a data-only `base64Encode(byte[])` is no RSA helper).
    static func hasHelperShape(_ m: JavaUserClass.Method) -> Bool {
        let roles: [ImplementationOperation] = returnsBoolean(m) ? [.verify] : returnsBinary(m) ? [.encryptByPublicKey, .decryptByPrivateKey] : []
        return roles.contains { role in
            let all = assignments(m, role: role, ownKeys: true)
            return all.contains { $0.key != nil } || (!all.isEmpty && !hints(m).isEmpty)
        }
    }

    /// It has a helper's shape only without a key parameter.
    static func takesNoKey(_ m: JavaUserClass.Method) -> Bool {
        hasHelperShape(m) && ![ImplementationOperation.verify, .encryptByPublicKey, .decryptByPrivateKey]
            .contains { !assignments(m, role: $0, ownKeys: false).isEmpty }
    }

    static func returnsBoolean(_ m: JavaUserClass.Method) -> Bool { m.returns == "boolean" || m.returns == "Boolean" }
    static func returnsBinary(_ m: JavaUserClass.Method) -> Bool { m.returns == "String" || m.returns == "byte[]" }

    static func hints(_ m: JavaUserClass.Method) -> [ImplementationOperation] {
        hintedRoles(m.name, parameterCount: returnsBoolean(m) ? 3 : 2)
    }

    /// Roles a name suggests, most likely first (empty: no hint).
    static func hintedRoles(_ name: String, parameterCount: Int) -> [ImplementationOperation] {
        let n = name.lowercased()
        if parameterCount == 3 { return n.contains("verify") || n.contains("check") || n.contains("sign") ? [.verify] : [] }
        guard parameterCount == 2 else { return [] }
        let pub = n.contains("pub"), pri = n.contains("pri")
        // "enc"/"dec" alone only with a key word (pubKeyDec, privKeyEnc), never base64Encode or urlDecode.
        let keyWord = pub || pri || n.contains("key") || n.contains("rsa")
        if n.contains("sign") && !n.contains("verify") { return [.sign] }
        if n.contains("decrypt") || (n.contains("dec") && keyWord && !n.contains("decode")) {
            if n.contains("dataonjava") { return [.decryptByPrivateKey] }
            return pub && !pri ? [.decryptByPublicKey] : pri && !pub ? [.decryptByPrivateKey] : [.decryptByPrivateKey, .decryptByPublicKey]
        }
        if n.contains("encrypt") || (n.contains("enc") && keyWord && !n.contains("encode")) {
            if n.contains("dataonjava") { return [.encryptByPublicKey] }
            return pub && !pri ? [.encryptByPublicKey] : pri && !pub ? [.encryptByPrivateKey] : [.encryptByPublicKey, .encryptByPrivateKey]
        }
        return []
    }

    /// Which parameter takes what; `key` nil = the class's own key, `charset` = "UTF-8".
    struct Assignment: Equatable {
        var data: Int
        var key: Int?
        var signature: Int?
        var charset: Int?
    }

    /// Parameter positions the types allow for a role, RsaUtils' order first, then (with `ownKeys`)
    /// the shapes without a key parameter. A charset parameter is a `Charset`, or a trailing String
    /// after the data and key (and signature).
    static func assignments(_ m: JavaUserClass.Method, role: ImplementationOperation, ownKeys: Bool = false) -> [Assignment] {
        let kinds = m.parameters.map(ParameterKind.init)
        let isPublic = role.takesPublicKey
        let isVerify = role == .verify
        guard isVerify ? returnsBoolean(m) : returnsBinary(m) else { return [] }
        var out: [Assignment] = []
        func add(_ a: Assignment) { if !out.contains(a) { out.append(a) } }
        /// (rest, charset): the positions left once a charset parameter is set aside.
        func splits(needed: Int) -> [([Int], Int?)] {
            let all = Array(kinds.indices)
            if kinds.count == needed { return [(all, nil)] }
            guard kinds.count == needed + 1 else { return [] }
            if let c = kinds.firstIndex(of: .charset) { return [(all.filter { $0 != c }, c)] }
            return kinds[needed] == .string ? [(Array(all.prefix(needed)), needed)] : []
        }
        // With a key parameter.
        for (rest, charset) in splits(needed: isVerify ? 3 : 2) {
            if isVerify {
                for (d, k, s) in [(0, 1, 2), (0, 2, 1), (1, 0, 2), (2, 0, 1), (1, 2, 0), (2, 1, 0)]
                where kinds[rest[d]].takesData && kinds[rest[k]].accepts(publicKey: isPublic) && kinds[rest[s]].takesData {
                    add(Assignment(data: rest[d], key: rest[k], signature: rest[s], charset: charset))
                }
            } else {
                for (d, k) in [(0, 1), (1, 0)] where kinds[rest[d]].takesData && kinds[rest[k]].accepts(publicKey: isPublic) {
                    add(Assignment(data: rest[d], key: rest[k], signature: nil, charset: charset))
                }
            }
        }
        guard ownKeys else { return out }
        // Without one: the class's own key.
        for (rest, charset) in splits(needed: isVerify ? 2 : 1) {
            if isVerify {
                for (d, s) in [(0, 1), (1, 0)] where kinds[rest[d]].takesData && kinds[rest[s]].takesData {
                    add(Assignment(data: rest[d], key: nil, signature: rest[s], charset: charset))
                }
            } else if kinds[rest[0]].takesData {
                add(Assignment(data: rest[0], key: nil, signature: nil, charset: charset))
            }
        }
        return out
    }

    private func binding(_ role: ImplementationOperation, _ m: JavaUserClass.Method, _ a: Assignment, confirmed: Bool) -> RoleBinding {
        RoleBinding(role: role, method: m, dataIndex: a.data, keyIndex: a.key, signatureIndex: a.signature, confirmed: confirmed,
                    charsetIndex: a.charset, ownKeys: ownKeys)
    }

    // MARK: - Confirmation

    /// Tries the hinted roles first, then the others; the first role whose test passes wins.
    private func confirm(_ m: JavaUserClass.Method, hinted: [ImplementationOperation], failures: inout [String]) throws -> RoleBinding? {
        let all: [ImplementationOperation] = Self.returnsBoolean(m) ? [.verify]
            : [.encryptByPublicKey, .decryptByPrivateKey, .sign, .encryptByPrivateKey, .decryptByPublicKey]
        let order = hinted + all.filter { !hinted.contains($0) }
        // Calls with the same arguments serve several tests: (data, private key) is sign or encryptByPrivateKey.
        var cache: [String: Result<JavaUserClass.Value, Error>] = [:]
        for role in order {
            for a in Self.assignments(m, role: role, ownKeys: ownKeys != nil) {
                let binding = binding(role, m, a, confirmed: true)
                let outcome: Result<Bool, Error>
                do {
                    outcome = try test(binding, cache: &cache)
                } catch let error as ProbeError {
                    // This assignment cannot be driven (a key it cannot take): try the next one.
                    outcome = .failure(error)
                }
                switch outcome {
                case .success(true): return binding
                case .success(false): continue
                case .failure(let error):
                    failures.append("\(m.signature): \(JavaClassImplementation.describe(error))")
                }
            }
        }
        return nil
    }

    private func call(_ binding: RoleBinding, _ args: [JavaUserClass.Argument], cache: inout [String: Result<JavaUserClass.Value, Error>]) throws
        -> Result<JavaUserClass.Value, Error> {
        let key = "\(binding.dataIndex)\(binding.keyIndex ?? -1)\(args.map { "\($0.json)" }.joined())"
        if let hit = cache[key] { return hit }
        let result: Result<JavaUserClass.Value, Error>
        do {
            result = .success(try user.call(binding.method, args))
        } catch let abort as JavaCheckError {
            throw abort
        } catch {
            result = .failure(error)
        }
        cache[key] = result
        return result
    }

    private func bytes(of value: JavaUserClass.Value) -> [UInt8]? {
        switch value {
        case .bytes(let b): return b
        case .string(let s):
            if s.utf8.count % (2 * k) == 0, s.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) || ($0 >= 0x41 && $0 <= 0x46) }),
               case .success(let b) = Hex.decode(s) { return b }
            return LenientBase64.decode(s)
        default: return nil
        }
    }

    /// Calls the method in `binding`'s role and checks the result with Swift.
    private func test(_ b: RoleBinding, cache: inout [String: Result<JavaUserClass.Value, Error>]) throws -> Result<Bool, Error> {
        let data = Self.probe
        let dataArgument = try b.dataArgument(data)
        switch b.role {
        case .encryptByPublicKey, .encryptByPrivateKey, .sign:
            let isPublic = b.role == .encryptByPublicKey
            let args = try b.arguments(data: dataArgument, key: isPublic ? publicString : privateString, publicKey: isPublic)
            switch try call(b, args, cache: &cache) {
            case .failure(let e): return .failure(e)
            case .success(let value):
                guard let out = bytes(of: value), out.count == k else { return .success(false) }
                switch b.role {
                case .encryptByPublicKey:
                    // RSA/ECB/NoPadding is still this role: the cipher probe names it.
                    return .success(SwiftCipher.padding(of: out, plain: data.bytes, privateKey: privateKey) != nil
                        || SwiftCipher.isUnpadded(out, plain: data.bytes, publicKey: publicKey, publicSide: true))
                case .encryptByPrivateKey:
                    return .success((try? RsaUtilsCipher.decrypt(out, publicKey: publicKey)) == data.bytes)
                default:
                    return .success(HashAlgorithm.allCases.contains { $0.isSupported && ((try? publicKey.isValidSignature(out, for: data.bytes, hash: $0)) ?? false) })
                }
            }
        case .decryptByPrivateKey, .decryptByPublicKey:
            let isPublic = b.role == .decryptByPublicKey
            var ciphertexts: [[UInt8]] = []
            if isPublic {
                ciphertexts.append(try RsaUtilsCipher.encrypt(data.bytes, privateKey: privateKey))
            } else {
                for padding in CipherPadding.allCases {
                    if let c = try? SwiftCipher.encrypt(data.bytes, publicKey: publicKey, padding: padding) { ciphertexts.append(c) }
                }
                if let raw = SwiftCipher.unpaddedEncrypt(data.bytes, publicKey: publicKey) { ciphertexts.append(raw) }
            }
            var lastError: Error?
            for ct in ciphertexts {
                for encoding in b.method.parameters[b.dataIndex] == "String" ? BinaryEncoding.allCases : [.base64] {
                    let input = b.binaryArgument(EncodedBinary(bytes: ct, encoding: encoding), at: b.dataIndex)
                    let args = try b.arguments(data: input, key: isPublic ? publicString : privateString, publicKey: isPublic)
                    switch try call(b, args, cache: &cache) {
                    case .success(.bytes(let out)) where out == data.bytes: return .success(true)
                    // NoPadding hands back the whole k-byte block, leading zeros included.
                    case .success(.bytes(let out)) where out.count == k && out.drop(while: { $0 == 0 }).elementsEqual(data.bytes): return .success(true)
                    case .success(.string(let out)) where out == data.text: return .success(true)
                    case .success: continue
                    case .failure(let e): lastError = e
                    }
                }
            }
            return lastError.map { .failure($0) } ?? .success(false)
        case .verify:
            guard let sigIndex = b.signatureIndex else { return .success(false) }
            let encodings: [BinaryEncoding] = b.method.parameters[sigIndex] == "String" ? BinaryEncoding.allCases : [.base64]
            for hash in HashAlgorithm.allCases where hash.isSupported && hash != .sha224 {
                let sig = try privateKey.signature(for: data.bytes, hash: hash)
                for encoding in encodings {
                    let args = try b.arguments(data: dataArgument, key: publicString, publicKey: true,
                                               signature: b.binaryArgument(EncodedBinary(bytes: sig, encoding: encoding), at: sigIndex))
                    guard case .success(.bool(true)) = try call(b, args, cache: &cache) else { continue }
                    // Not a verify that says yes to everything: a flipped signature must not pass.
                    var bad = sig
                    bad[bad.count - 1] ^= 1
                    let badArgs = try b.arguments(data: dataArgument, key: publicString, publicKey: true,
                                                  signature: b.binaryArgument(EncodedBinary(bytes: bad, encoding: encoding), at: sigIndex))
                    if case .success(.bool(true)) = try call(b, badArgs, cache: &cache) { return .success(false) }
                    return .success(true)
                }
            }
            return .success(false)
        default:
            return .success(false)
        }
    }
}
