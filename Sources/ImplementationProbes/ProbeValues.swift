import Foundation
import RSA

/// Input to an operation: the bytes, and the text they encode when the operation takes text.
public struct ProbeData: Sendable, Equatable {
    public let bytes: [UInt8]
    public let text: String?
    public let label: String

    public init(bytes: [UInt8], text: String?, label: String) {
        self.bytes = bytes
        self.text = text
        self.label = label
    }

    /// ASCII text: the same bytes in every charset an RsaUtils copy uses.
    public static func ascii(length: Int, label: String? = nil) -> ProbeData {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-_.".utf8)
        let bytes = (0..<max(0, length)).map { alphabet[($0 * 7 + $0 / alphabet.count) % alphabet.count] }
        return ProbeData(bytes: bytes, text: String(decoding: bytes, as: UTF8.self), label: label ?? "\(length) bytes")
    }

    public static func ascii(_ text: String, label: String) -> ProbeData {
        ProbeData(bytes: Array(text.utf8), text: text, label: label)
    }

    /// Deterministic binary bytes (all 256 values appear), for byte-taking operations.
    public static func binary(length: Int, label: String? = nil) -> ProbeData {
        var state: UInt32 = 0x9e37_79b9 &+ UInt32(truncatingIfNeeded: length)
        let bytes = (0..<max(0, length)).map { i -> UInt8 in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: (state >> 24) ^ UInt32(truncatingIfNeeded: i))
        }
        return ProbeData(bytes: bytes, text: nil, label: label ?? "\(length) bytes")
    }
}

/// What an operation gave back: bytes (byte[] / `dataHex`), text (a String: Base64, hex, or a
/// decrypted text), or a boolean.
public enum ProducedValue: Sendable, Equatable {
    case bytes([UInt8])
    case text(String)
    case bool(Bool)

    public var summary: String {
        switch self {
        case .bytes(let b): return ProbeFormat.bytes(b)
        case .text(let t): return ProbeFormat.text(t)
        case .bool(let b): return String(b)
        }
    }

    /// A decryption result compared with what was encrypted.
    public func matches(_ data: ProbeData) -> Bool {
        switch self {
        case .bytes(let b): return b == data.bytes
        case .text(let t): return data.text.map { $0 == t } ?? false
        case .bool: return false
        }
    }
}

/// A signature or ciphertext handed to the implementation: the bytes, and the text form in the
/// encoding the implementation itself produces (standard Base64, or hex).
public struct EncodedBinary: Sendable, Equatable {
    public let bytes: [UInt8]
    public let text: String

    public init(bytes: [UInt8], encoding: BinaryEncoding) {
        self.bytes = bytes
        switch encoding {
        case .hex: self.text = Hex.encode(bytes)
        case .base64: self.text = LenientBase64.encode(bytes)
        case .base64URL:
            // The URL-safe alphabet without padding (commons-codec encodeBase64URLSafeString).
            self.text = String(LenientBase64.encode(bytes).map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 }.filter { $0 != "=" })
        }
    }

    public init(bytes: [UInt8], text: String) {
        self.bytes = bytes
        self.text = text
    }
}

/// How an implementation writes binary values as text.
public enum BinaryEncoding: String, Sendable, Equatable, Codable, CaseIterable {
    case base64
    case hex
    /// URL-safe alphabet, no padding.
    case base64URL
}

/// Errors of single operations. `threw` is a finding about the implementation; `cannotDrive` is
/// a limit of the probe (a skip).
public enum ProbeError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The implementation ran and failed ("BadPaddingException: Decryption error").
    case threw(String)
    /// The probe cannot call it this way (absent, a parameter kind the probe cannot supply, ...).
    case cannotDrive(String)
    /// It returned something unusable without throwing ("encrypt returned null"): a finding too.
    case misbehaved(String)

    public var description: String {
        switch self {
        case .threw(let message), .misbehaved(let message): return message
        case .cannotDrive(let reason): return reason
        }
    }
}

/// An error that ends the whole check (the implementation's process died, stopped answering,
/// or broke its protocol). Conformers: `JavaCheckError`, port-check's adapter errors.
public protocol ProbeAbort: Error, CustomStringConvertible {}

/// A check the probe could not evaluate, with the reason.
public struct ProbeSkip: Codable, Sendable, Equatable, Hashable {
    public var check: String
    public var reason: String

    public init(check: String, reason: String) {
        self.check = check
        self.reason = reason
    }
}

/// Short renderings for reports.
public enum ProbeFormat {
    public static func bytes(_ b: [UInt8], limit: Int = 24) -> String {
        if b.isEmpty { return "0 bytes" }
        return "\(b.count) bytes \(Hex.encode(b.prefix(limit)))\(b.count > limit ? "…" : "")"
    }

    public static func text(_ s: String, limit: Int = 40) -> String {
        let cut = s.count > limit ? String(s.prefix(limit)) + "…" : s
        let escaped = cut.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
        return "\"\(escaped)\" (\(s.count) characters)"
    }

    /// "implementation threw X" for its own failures, "Swift: ..." for the Swift side.
    public static func error(_ error: Error, implementation: String = "Java") -> String {
        switch error {
        case ProbeError.threw(let message): return "\(implementation) threw \(message)"
        case ProbeError.cannotDrive(let reason): return "not driven: \(reason)"
        case ProbeError.misbehaved(let message): return message
        case let rsa as RSAError: return "Swift: \(rsa)"
        default: return "\(error)"
        }
    }

    public static func count(_ n: Int) -> String { n == 1 ? "1 byte" : "\(n) bytes" }
}
