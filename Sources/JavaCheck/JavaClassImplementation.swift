import Foundation
import ImplementationProbes
import JavaOracle
import RSA

/// A user's Java class as an `ImplementationUnderTest`: each operation calls the method bound to
/// its role by `JavaDiscovery` (the byte[] variant when there is one), in the argument order
/// discovery found; the String variants are the text helpers of the charset probe.
final class JavaClassImplementation: ImplementationUnderTest, TextHelperCapable, MethodListing {
    let user: JavaUserClass
    let hello: JavaOracle.Hello
    let toolchain: JavaToolchain
    let classpath: [String]
    let options: JavaCheck.Options
    /// The main method per role.
    let main: [ImplementationOperation: RoleBinding]
    let helperBindings: [TextHelper: RoleBinding]
    let textHelpers: [TextHelper]
    /// The pair read at discovery (reused by the key probe), or why none could be read.
    let keyPair: Result<JavaUserClass.KeyStrings, Error>?
    let discovery: JavaDiscovery.Outcome
    /// Set for a relaunched copy: its own JVM, closed by `close()`.
    private let ownedOracle: JavaOracle?

    init(user: JavaUserClass, hello: JavaOracle.Hello, toolchain: JavaToolchain, classpath: [String], options: JavaCheck.Options,
         discovery: JavaDiscovery.Outcome, keyPair: Result<JavaUserClass.KeyStrings, Error>?, ownedOracle: JavaOracle? = nil) {
        self.user = user
        self.hello = hello
        self.toolchain = toolchain
        self.classpath = classpath
        self.options = options
        self.discovery = discovery
        self.keyPair = keyPair
        self.ownedOracle = ownedOracle
        var main: [ImplementationOperation: RoleBinding] = [:]
        for binding in discovery.bindings {
            if let current = main[binding.role], Self.rank(current) <= Self.rank(binding) { continue }
            main[binding.role] = binding
        }
        self.main = main
        var helpers: [TextHelper] = []
        var helperBindings: [TextHelper: RoleBinding] = [:]
        let ordered = discovery.bindings.sorted { Self.helperRank($0) < Self.helperRank($1) }
        for b in ordered {
            let encode = [.encryptByPublicKey, .encryptByPrivateKey, .sign, .verify].contains(b.role) && b.dataKind == .text
            let decode = [.decryptByPrivateKey, .decryptByPublicKey].contains(b.role) && b.method.returns == "String"
            guard encode || decode else { continue }
            let helper = TextHelper(operation: b.role, direction: encode ? .encode : .decode, signature: b.method.signature,
                                    name: b.method.name,
                                    failOpenCandidate: b.role == .encryptByPublicKey && b.method.returns == "String"
                                        && b.keyKind == .string)
            helpers.append(helper)
            helperBindings[helper] = b
        }
        self.textHelpers = helpers
        self.helperBindings = helperBindings
    }

    /// Main-role preference: confirmed, byte[] data, RsaUtils' own name, static.
    static func rank(_ b: RoleBinding) -> Int {
        (b.confirmed ? 0 : 8) + (b.dataKind == .bytes ? 0 : 4) + (b.method.name == b.role.rawValue ? 0 : 2) + (b.method.isStatic ? 0 : 1)
    }

    /// Helper order: encode side first, then RsaUtils' order of roles; encryptedDataOnJava-like helpers first.
    static func helperRank(_ b: RoleBinding) -> Int {
        let roles: [ImplementationOperation] = [.encryptByPublicKey, .encryptByPrivateKey, .sign, .verify, .decryptByPrivateKey, .decryptByPublicKey]
        return (roles.firstIndex(of: b.role) ?? 9) * 4 + (b.method.name.lowercased().contains("onjava") ? 0 : 1) + (b.confirmed ? 0 : 2)
    }

    // MARK: - ImplementationUnderTest

    var subject: ImplementationSubject {
        ImplementationSubject(name: user.className, kind: "java-class", runtime: hello.java, defaultCharset: hello.charset, location: classpath)
    }

    var operations: Set<ImplementationOperation> {
        var ops = Set(main.keys)
        if let keyPair {
            switch keyPair {
            case .success: ops.insert(.genKeyPair)
            case .failure(let error) where !Self.isProbeLimit(error): ops.insert(.genKeyPair)
            case .failure: break
            }
        }
        return ops
    }

    func dataKind(of operation: ImplementationOperation) -> DataKind { main[operation]?.dataKind ?? .bytes }

    func methodName(of operation: ImplementationOperation) -> String {
        if operation == .genKeyPair, case .success(let pair)? = keyPair {
            return String(pair.via.split(separator: "(").first.map { $0.split(separator: " ").last ?? $0 } ?? "genKeyPair")
        }
        return main[operation]?.method.name ?? operation.rawValue
    }

    func genKeyPair(bits: Int) throws -> GeneratedKeyPair {
        let strings: JavaUserClass.KeyStrings
        if let keyPair, bits == options.requestedKeyBits || (try? keyPair.get())?.fixedInClass == true {
            strings = try keyPair.mapError { Self.translate($0) }.get()
        } else {
            do { strings = try user.keyPair(bits: bits) } catch { throw Self.translate(error) }
        }
        return GeneratedKeyPair(publicKey: strings.publicKey, privateKey: strings.privateKey, via: strings.via,
                                encodedByProbe: strings.encodedByProbe, tookBits: strings.tookBits, fixedInClass: strings.fixedInClass)
    }

    func sign(algorithm: String, privateKey: String, data: ProbeData) throws -> ProducedValue {
        let b = try binding(.sign)
        return try invoke(b, b.arguments(data: b.dataArgument(data), key: privateKey, publicKey: false))
    }

    func verify(algorithm: String, publicKey: String, data: ProbeData, signature: EncodedBinary) throws -> Bool {
        let b = try binding(.verify)
        let value = try invoke(b, b.arguments(data: b.dataArgument(data), key: publicKey, publicKey: true,
                                             signature: b.binaryArgument(signature, at: b.signatureIndex ?? 2)))
        guard case .bool(let valid) = value else { throw ProbeError.misbehaved("\(b.method.signature) returned \(value.summary)") }
        return valid
    }

    func encryptByPublicKey(publicKey: String, data: ProbeData) throws -> ProducedValue {
        let b = try binding(.encryptByPublicKey)
        return try invoke(b, b.arguments(data: b.dataArgument(data), key: publicKey, publicKey: true))
    }

    func encryptByPrivateKey(privateKey: String, data: ProbeData) throws -> ProducedValue {
        let b = try binding(.encryptByPrivateKey)
        return try invoke(b, b.arguments(data: b.dataArgument(data), key: privateKey, publicKey: false))
    }

    func decryptByPrivateKey(privateKey: String, ciphertext: EncodedBinary) throws -> ProducedValue {
        let b = try binding(.decryptByPrivateKey)
        return try invoke(b, b.arguments(data: b.binaryArgument(ciphertext, at: b.dataIndex), key: privateKey, publicKey: false))
    }

    func decryptByPublicKey(publicKey: String, ciphertext: EncodedBinary) throws -> ProducedValue {
        let b = try binding(.decryptByPublicKey)
        return try invoke(b, b.arguments(data: b.binaryArgument(ciphertext, at: b.dataIndex), key: publicKey, publicKey: true))
    }

    private func binding(_ operation: ImplementationOperation) throws -> RoleBinding {
        guard let b = main[operation] else { throw ProbeError.cannotDrive("no \(operation.rawValue) method") }
        return b
    }

    private func invoke(_ b: RoleBinding, _ args: [JavaUserClass.Argument]) throws -> ProducedValue {
        let value: JavaUserClass.Value
        do { value = try user.call(b.method, args) } catch { throw Self.translate(error) }
        switch value {
        case .bytes(let bytes): return .bytes(bytes)
        case .string(let s): return .text(s)
        case .bool(let v): return .bool(v)
        case .null: throw ProbeError.misbehaved("\(b.method.name) returned null (it probably caught an exception)")
        case .object(let c, _): throw ProbeError.misbehaved("\(b.method.name) returned a \(c)")
        }
    }

    /// A user exception is a finding; the probe's own refusals ("probe: ...") are limits of the probe.
    static func translate(_ error: Error) -> Error {
        switch error {
        case let failure as JavaUserClass.CallFailure:
            return isProbeLimit(failure) ? ProbeError.cannotDrive(failure.message) : ProbeError.threw(failure.message)
        default:
            return error
        }
    }

    static func isProbeLimit(_ error: Error) -> Bool {
        guard let failure = error as? JavaUserClass.CallFailure else { return false }
        return failure.message.contains("probe:") || failure.message.hasPrefix("NoSuchMethodException: no key generator")
    }

    static func describe(_ error: Error) -> String { ProbeFormat.error(translate(error)) }

    // MARK: - TextHelperCapable

    func call(_ helper: TextHelper, text: String?, binary: EncodedBinary?, signature: EncodedBinary?, key: String) throws -> ProducedValue {
        guard let b = helperBindings[helper] else { throw ProbeError.cannotDrive("no helper \(helper.signature)") }
        let data: JavaUserClass.Argument
        if helper.direction == .decode {
            guard let binary else { throw ProbeError.cannotDrive("\(helper.signature) needs a ciphertext") }
            data = b.binaryArgument(binary, at: b.dataIndex)
        } else {
            guard let text else { throw ProbeError.cannotDrive("\(helper.signature) needs a text") }
            data = .string(text)
        }
        let sig = signature.map { b.binaryArgument($0, at: b.signatureIndex ?? 2) }
        return try invoke(b, b.arguments(data: data, key: key, publicKey: b.role.takesPublicKey, signature: sig))
    }

    func encodings(of text: String, charsets: [String]) throws -> [String: [UInt8]] { try user.encode(text, charsets: charsets) }

    func decodings(of bytes: [UInt8], charsets: [String]) throws -> [String: String] { try user.decode(bytes, charsets: charsets) }

    func relaunched(defaultCharset charset: String) throws -> TextHelperCapable {
        let oracle: JavaOracle
        do {
            oracle = try JavaOracle(toolchain: toolchain, errorOutput: options.errorOutput, jvmArguments: ["-Dfile.encoding=\(charset)"])
        } catch {
            throw ProbeError.cannotDrive("\(error)")
        }
        oracle.answerTimeoutSeconds = options.callTimeoutSeconds
        do {
            let hello = try oracle.hello()
            let other = try JavaUserClass(oracle: oracle, classpath: classpath, className: user.className,
                                          commonsCodecJar: toolchain.commonsCodecJar)
            // Methods without a key use the class's own pair: the second JVM must hold the same one
            // (keys generated when the class loads differ in each JVM, and nothing could be compared).
            if let own = discovery.bindings.lazy.compactMap(\.ownKeys).first, try other.classKeys().publicKey != own.publicKey {
                throw ProbeError.cannotDrive("the class makes its own keys anew in each JVM (the second JVM holds another pair)")
            }
            return JavaClassImplementation(user: other, hello: hello, toolchain: toolchain, classpath: classpath, options: options,
                                           discovery: discovery, keyPair: keyPair, ownedOracle: oracle)
        } catch {
            oracle.close()
            throw ProbeError.cannotDrive("\(error)")
        }
    }

    func close() { ownedOracle?.close() }

    // MARK: - MethodListing

    var methodDescriptions: [MethodDescription] {
        let via = (try? keyPair?.get())?.via ?? ""
        return user.methods.map { m in
            var roles = discovery.bindings.filter { $0.method == m }.map { $0.role.rawValue + ($0.confirmed ? "" : " (unconfirmed)") }
            if roles.isEmpty, via.contains(" \(m.name)(") || via.hasPrefix("\(m.name)(") { roles = ["keyPair"] }
            if roles.isEmpty, !m.isPublic, discovery.hidden.contains(m) { roles = ["none (not public: not called)"] }
            return MethodDescription(role: roles.first ?? "none", name: m.name, parameters: m.parameters, returns: m.returns,
                                     isStatic: m.isStatic, visibility: m.visibility)
        }
    }

    var argumentOrder: [String: String] {
        var out: [String: String] = [:]
        for (role, b) in main where b.keyIndex != nil { out[role.rawValue] = b.order }
        return out
    }

    var discoveryFindings: [String] { discovery.findings }
    var discoverySkips: [ProbeSkip] { discovery.skips }
    var intConstants: [String: Int] { user.intConstants }
    var transformationConstants: [String: String] { user.transformationConstants }
}
