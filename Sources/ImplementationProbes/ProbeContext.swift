import Foundation
import RSA

/// What every probe and the matrix share: the implementation, the keys in use, and the strings it
/// produced (for the Base64-style probe). Probes read it and return typed findings; only the key
/// probe sets the keys, and every call into the implementation goes through `attempt`.
public final class ProbeContext {
    public let implementation: ImplementationUnderTest
    public let options: ProbeOptions
    let progress: (String) -> Void
    /// "Java" for a Java class, "the implementation" for a port (in "… threw X").
    let implementationWord: String
    /// How findings and checks name it (from the subject's kind).
    public let wording: SubjectWording

    /// The key pair the checks use (its own when it could be read, else Swift-made), as strings and parsed.
    var publicString = ""
    var privateString = ""
    var publicKey: RSAPublicKey?
    var privateKey: RSAPrivateKey?
    /// A Swift-made pair of the same size (the "Swift-made keys in its methods" checks).
    var swiftKey: RSAPrivateKey?
    /// Modulus bytes of the key in use.
    var k = 128

    /// Every binary value it returned as a string, per method name (Base64 or hex).
    var outputs: [String: [String]] = [:]

    public init(implementation: ImplementationUnderTest, options: ProbeOptions, progress: @escaping (String) -> Void = { _ in }) {
        self.implementation = implementation
        self.options = options
        self.progress = progress
        self.implementationWord = implementation.subject.kind == "java-class" ? "Java" : "the implementation"
        self.wording = SubjectWording(kind: implementation.subject.kind)
    }

    /// Runs `body`; a failure of the implementation or of the Swift side is the `.failure`, an
    /// abort (`ProbeAbort`) ends the whole check.
    func attempt<T>(_ body: () throws -> T) throws -> Result<T, Error> {
        do {
            return .success(try body())
        } catch let abort as ProbeAbort {
            throw abort
        } catch {
            return .failure(error)
        }
    }

    func describe(_ error: Error) -> String { ProbeFormat.error(error, implementation: implementationWord) }

    func name(_ operation: ImplementationOperation) -> String { implementation.methodName(of: operation) }

    // MARK: - Binary values

    /// Records a string output for the style probe.
    func record(_ value: ProducedValue, of operation: ImplementationOperation) {
        if case .text(let s) = value, !s.isEmpty { outputs[name(operation), default: []].append(s) }
    }

    /// The encoding it writes binary values in, judged from what `operation` returned so far.
    func encoding(of operation: ImplementationOperation) -> BinaryEncoding {
        let seen = outputs[name(operation)] ?? []
        if !seen.isEmpty && seen.allSatisfy(Self.looksHex) { return .hex }
        // Its own URL-safe output: its decoder may refuse '+' and '/'.
        if seen.contains(where: { $0.contains("-") || $0.contains("_") }) { return .base64URL }
        return .base64
    }

    /// The encoding its decrypt/verify side expects: the style of the matching producer.
    func inputEncoding(for operation: ImplementationOperation) -> BinaryEncoding {
        switch operation {
        case .verify: return encoding(of: .sign)
        case .decryptByPrivateKey: return encoding(of: .encryptByPublicKey)
        case .decryptByPublicKey: return encoding(of: .encryptByPrivateKey)
        default: return .base64
        }
    }

    func encoded(_ bytes: [UInt8], for operation: ImplementationOperation) -> EncodedBinary {
        EncodedBinary(bytes: bytes, encoding: inputEncoding(for: operation))
    }

    /// Only hex digits, an even number of them, and a whole number of k-byte blocks.
    static func looksHex(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count % 2 == 0 && s.utf8.allSatisfy {
            ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) || ($0 >= 0x41 && $0 <= 0x46)
        }
    }

    /// Bytes of a signature or ciphertext it returned (byte[], Base64 or hex text).
    func binary(_ value: ProducedValue, from operation: ImplementationOperation) throws -> [UInt8] {
        switch value {
        case .bytes(let b): return b
        case .text(let s):
            if Self.looksHex(s), s.utf8.count % (2 * k) == 0, case .success(let bytes) = Hex.decode(s) { return bytes }
            return LenientBase64.decode(s)
        case .bool(let b):
            throw ProbeError.misbehaved("\(name(operation)) returned \(b), not a binary value")
        }
    }

    // MARK: - Calls with recording

    func sign(_ data: ProbeData, privateKey: String, algorithm: String) throws -> [UInt8] {
        let value = try implementation.sign(algorithm: algorithm, privateKey: privateKey, data: data)
        if data.bytes.count > 0 { record(value, of: .sign) }
        return try binary(value, from: .sign)
    }

    func verify(_ data: ProbeData, publicKey: String, signature: [UInt8], algorithm: String) throws -> Bool {
        try implementation.verify(algorithm: algorithm, publicKey: publicKey, data: data,
                                  signature: encoded(signature, for: .verify))
    }

    func encryptPublic(_ data: ProbeData, key: String) throws -> [UInt8] {
        let value = try implementation.encryptByPublicKey(publicKey: key, data: data)
        if data.bytes.count > 0 { record(value, of: .encryptByPublicKey) }
        return try binary(value, from: .encryptByPublicKey)
    }

    func encryptPrivate(_ data: ProbeData, key: String) throws -> [UInt8] {
        let value = try implementation.encryptByPrivateKey(privateKey: key, data: data)
        if data.bytes.count > 0 { record(value, of: .encryptByPrivateKey) }
        return try binary(value, from: .encryptByPrivateKey)
    }

    func decryptPrivate(_ ciphertext: [UInt8], key: String) throws -> ProducedValue {
        try implementation.decryptByPrivateKey(privateKey: key, ciphertext: encoded(ciphertext, for: .decryptByPrivateKey))
    }

    func decryptPublic(_ ciphertext: [UInt8], key: String) throws -> ProducedValue {
        try implementation.decryptByPublicKey(publicKey: key, ciphertext: encoded(ciphertext, for: .decryptByPublicKey))
    }

    /// Input for an operation: binary bytes for byte-taking operations, ASCII text otherwise.
    func payload(for operation: ImplementationOperation, length: Int, label: String? = nil) -> ProbeData {
        implementation.dataKind(of: operation) == .bytes ? .binary(length: length, label: label) : .ascii(length: length, label: label)
    }
}

/// Settings of one probe run.
public struct ProbeOptions: Sendable {
    /// Start a second runtime with another default charset (TextHelperCapable only).
    public var probePlatformCharset: Bool
    /// Key size asked of a generator that takes one.
    public var requestedKeyBits: Int

    public init(probePlatformCharset: Bool = true, requestedKeyBits: Int = 1024) {
        self.probePlatformCharset = probePlatformCharset
        self.requestedKeyBits = requestedKeyBits
    }
}

/// A Swift-made key pair could not be made (exit 2: the environment is broken).
public struct SwiftKeyFailure: ProbeAbort {
    public let description: String
}
