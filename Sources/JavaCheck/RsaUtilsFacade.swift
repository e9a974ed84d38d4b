import Foundation
import JavaOracle
import RSA

/// Input to a user method: the bytes, and the text they encode when the method takes a String.
struct JavaCheckPayload {
    let bytes: [UInt8]
    let text: String?
    let label: String

    /// ASCII text: the same bytes in every charset a RsaUtils copy uses.
    static func ascii(length: Int, label: String? = nil) -> JavaCheckPayload {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-_.".utf8)
        let bytes = (0..<length).map { alphabet[($0 * 7 + $0 / alphabet.count) % alphabet.count] }
        return JavaCheckPayload(bytes: bytes, text: String(decoding: bytes, as: UTF8.self),
                                label: label ?? "\(length) bytes")
    }

    static func ascii(_ text: String, label: String) -> JavaCheckPayload {
        JavaCheckPayload(bytes: Array(text.utf8), text: text, label: label)
    }

    /// Deterministic binary bytes (all 256 values appear), for byte[] methods.
    static func binary(length: Int, label: String? = nil) -> JavaCheckPayload {
        var state: UInt32 = 0x9e37_79b9 &+ UInt32(truncatingIfNeeded: length)
        let bytes = (0..<length).map { i -> UInt8 in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: (state >> 24) ^ UInt32(truncatingIfNeeded: i))
        }
        return JavaCheckPayload(bytes: bytes, text: nil, label: label ?? "\(length) bytes")
    }
}

/// What a decryption method gave back: bytes (byte[] methods) or text (String methods).
enum JavaCheckPlain: Equatable {
    case bytes([UInt8])
    case text(String)

    func matches(_ payload: JavaCheckPayload) -> Bool {
        switch self {
        case .bytes(let b): return b == payload.bytes
        case .text(let t): return payload.text.map { $0 == t } ?? false
        }
    }

    var summary: String {
        switch self {
        case .bytes(let b): return JavaCheckFormat.bytes(b)
        case .text(let t): return JavaCheckFormat.text(t)
        }
    }
}

/// The RsaUtils roles (sign, verify, encrypt/decrypt both ways, the String helpers) mapped onto the
/// methods the user's class actually has, preferring the byte[] variants.
struct RsaUtilsFacade {
    typealias Method = JavaUserClass.Method

    enum VerifyOrder: String {
        /// verify(data, publicKey, signature): RsaUtils' order.
        case keyThenSignature
        /// verify(data, signature, publicKey).
        case signatureThenKey
    }

    let user: JavaUserClass
    let sign: Method?
    let verify: Method?
    var verifyOrder = VerifyOrder.keyThenSignature
    let encryptPublic: Method?
    let decryptPrivate: Method?
    let encryptPrivate: Method?
    let decryptPublic: Method?
    let encryptedDataOnJava: Method?
    let decryptDataOnJava: Method?
    /// Known names whose parameter lists java-check cannot call (e.g. a PublicKey parameter).
    let unusable: [Method]

    static let textParameter = "String"
    static let bytesParameter = "byte[]"

    init(user: JavaUserClass) {
        self.user = user
        func pick(_ name: String, _ variants: [[String]]) -> Method? {
            for parameters in variants {
                if let m = user.method(name, parameters) { return m }
            }
            return nil
        }
        let b = Self.bytesParameter, s = Self.textParameter
        sign = pick("sign", [[b, s], [s, s]])
        verify = pick("verify", [[b, s, s], [s, s, s]])
        encryptedDataOnJava = user.method("encryptedDataOnJava", [s, s])
        decryptDataOnJava = user.method("decryptDataOnJava", [s, s])
        encryptPublic = pick("encryptByPublicKey", [[b, s], [s, s]]) ?? encryptedDataOnJava
        decryptPrivate = pick("decryptByPrivateKey", [[b, s], [s, s]]) ?? decryptDataOnJava
        encryptPrivate = pick("encryptByPrivateKey", [[b, s], [s, s]])
        decryptPublic = pick("decryptByPublicKey", [[b, s], [s, s]])
        let used = [sign, verify, encryptPublic, decryptPrivate, encryptPrivate, decryptPublic,
                    encryptedDataOnJava, decryptDataOnJava].compactMap { $0 }
        let keyMethods: Set<String> = ["genKeyPair", "initKey", "generateKeyPair", "getPublicKey", "getPrivateKey"]
        unusable = user.methods.filter { m in !keyMethods.contains(m.name) && !used.contains(m) }
    }

    /// Something to call at all (else java-check stops with exit 2).
    var hasAnyOperation: Bool {
        [sign, verify, encryptPublic, decryptPrivate, encryptPrivate, decryptPublic].contains { $0 != nil }
    }

    // MARK: - Arguments and results

    struct NeedsText: Error, CustomStringConvertible {
        let method: String
        var description: String { "\(method) takes a String and the input is not text" }
    }

    private func argument(_ type: String, _ payload: JavaCheckPayload, method: Method) throws -> JavaUserClass.Argument {
        if type == Self.bytesParameter { return .bytes(payload.bytes) }
        guard let text = payload.text else { throw NeedsText(method: method.signature) }
        return .string(text)
    }

    /// A signature or ciphertext returned as byte[] or as a string (Base64, or hex when it is
    /// exactly 2k hex digits). Also gives the raw string for the Base64-style report.
    struct Binary {
        let bytes: [UInt8]
        let text: String?
    }

    struct UnexpectedResult: Error, CustomStringConvertible {
        let method: String
        let value: JavaUserClass.Value
        var description: String { "\(method) returned \(value.summary)" }
    }

    static func binary(_ value: JavaUserClass.Value, method: Method, modulusBytes k: Int) throws -> Binary {
        switch value {
        case .bytes(let b): return Binary(bytes: b, text: nil)
        case .string(let s):
            let hexDigits = s.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) || ($0 >= 0x41 && $0 <= 0x46) }
            if hexDigits, s.utf8.count > 0, s.utf8.count % (2 * k) == 0, let bytes = JavaOracle.hexBytes(s) {
                return Binary(bytes: bytes, text: s)
            }
            return Binary(bytes: LenientBase64.decode(s), text: s)
        default:
            throw UnexpectedResult(method: method.signature, value: value)
        }
    }

    private func binaryArgument(_ type: String, _ bytes: [UInt8]) -> JavaUserClass.Argument {
        type == Self.bytesParameter ? .bytes(bytes) : .string(LenientBase64.encode(bytes))
    }

    private func plain(_ value: JavaUserClass.Value, method: Method) throws -> JavaCheckPlain {
        switch value {
        case .bytes(let b): return .bytes(b)
        case .string(let s): return .text(s)
        default: throw UnexpectedResult(method: method.signature, value: value)
        }
    }

    // MARK: - Roles

    func sign(_ payload: JavaCheckPayload, privateKey: String, k: Int) throws -> Binary {
        guard let m = sign else { throw JavaCheckError.bridge("no sign method") }
        let value = try user.call(m.name, [try argument(m.parameters[0], payload, method: m), .string(privateKey)])
        return try Self.binary(value, method: m, modulusBytes: k)
    }

    func verify(_ payload: JavaCheckPayload, publicKey: String, signature: [UInt8],
                order: VerifyOrder? = nil) throws -> Bool {
        guard let m = verify else { throw JavaCheckError.bridge("no verify method") }
        let data = try argument(m.parameters[0], payload, method: m)
        let sig = JavaUserClass.Argument.string(LenientBase64.encode(signature))
        let args: [JavaUserClass.Argument] = (order ?? verifyOrder) == .keyThenSignature
            ? [data, .string(publicKey), sig] : [data, sig, .string(publicKey)]
        let value = try user.call(m.name, args)
        guard case .bool(let valid) = value else { throw UnexpectedResult(method: m.signature, value: value) }
        return valid
    }

    func encrypt(_ method: Method, _ payload: JavaCheckPayload, key: String, k: Int) throws -> Binary {
        let value = try user.call(method.name, [try argument(method.parameters[0], payload, method: method), .string(key)])
        if method.name == "encryptedDataOnJava", case .string(let s) = value, let text = payload.text, s == text, !text.isEmpty {
            throw FailedOpen(method: method.signature)
        }
        return try Self.binary(value, method: method, modulusBytes: k)
    }

    func decrypt(_ method: Method, _ ciphertext: [UInt8], key: String) throws -> JavaCheckPlain {
        let value = try user.call(method.name, [binaryArgument(method.parameters[0], ciphertext), .string(key)])
        let result = try plain(value, method: method)
        if method.name == "decryptDataOnJava", result == .text(""), !ciphertext.isEmpty {
            throw SwallowedError(method: method.signature)
        }
        return result
    }

    /// encryptedDataOnJava gave the plaintext back: it failed and hid the error.
    struct FailedOpen: Error, CustomStringConvertible {
        let method: String
        var description: String { "\(method) returned the plaintext unchanged (it failed and hid the error)" }
    }

    /// decryptDataOnJava gave "" for a non-empty ciphertext: it failed and hid the error.
    struct SwallowedError: Error, CustomStringConvertible {
        let method: String
        var description: String { "\(method) returned \"\" (it failed and hid the error)" }
    }
}

/// Short renderings for reports.
enum JavaCheckFormat {
    static func bytes(_ b: [UInt8], limit: Int = 24) -> String {
        if b.isEmpty { return "0 bytes" }
        let hex = JavaOracle.hexString(Array(b.prefix(limit)))
        return "\(b.count) bytes \(hex)\(b.count > limit ? "…" : "")"
    }

    static func text(_ s: String, limit: Int = 40) -> String {
        let cut = s.count > limit ? String(s.prefix(limit)) + "…" : s
        let escaped = cut.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
        return "\"\(escaped)\" (\(s.count) characters)"
    }

    static func error(_ error: Error) -> String {
        switch error {
        case let failure as JavaUserClass.CallFailure: return "Java threw \(failure.message)"
        case let rsa as RSAError: return "Swift: \(rsa)"
        default: return "\(error)"
        }
    }
}
