import Foundation

/// The result of java-check (and port-check): the profile of the implementation as probed, the
/// bidirectional matrix run with that profile, the findings and the verdict.
///
/// JSON contract (`--json`, `reports/java-check-<fully.qualified.Name>.json`): every field below is
/// always present; unknown values are `null`, never left out. `adapter` appears only when set.
public struct ImplementationReport: Codable, Sendable, Equatable {
    /// Fully qualified class name (or the adapter's name).
    public var className: String
    /// `java-class` | `adapter`.
    public var kind = "java-class"
    /// Classpath entries (absolute paths) or the adapter command.
    public var classpath: [String] = []
    /// Runtime (`java.version`) and its default charset.
    public var java = ""
    public var jvmCharset = ""
    /// Every method of the class with the role it plays (`none` when it plays none).
    public var methods: [MethodDescription] = []

    /// Modulus bits of the implementation's own key pair (nil: none could be read).
    public var keySize: Int?
    /// `class` (its own genKeyPair) or `swift` (Swift-made keys were used).
    public var keySource = "swift"
    /// How its key pair was obtained ("genKeyPair() + getPublicKey(Map) + getPrivateKey(Map)"), nil when not.
    public var keyGenerator: String?
    public var signatureAlgorithm: String?
    /// Largest input that gives one ciphertext block with encryptByPublicKey (nil: not measurable).
    public var encryptBlock: Int?
    /// Slice size of decryptByPrivateKey; `decryptBlockMeasured` false when inferred.
    public var decryptBlock: Int?
    public var decryptBlockMeasured = false
    public var privateEncryptBlock: Int?
    public var publicDecryptBlock: Int?
    /// `blocks` | `none` | nil (no such operation, or not determined).
    public var encryptChunking: String?
    public var decryptChunking: String?
    /// `PKCS1` | `OAEP` | nil.
    public var encryptPadding: String?
    public var decryptPadding: String?
    /// Role → `data-first` | `key-first`.
    public var argumentOrder: [String: String] = [:]
    /// True/false when Base64 output was seen; nil when none was.
    public var base64LineBreaks: Bool?
    /// Summary of the output encodings ("no line breaks", "CRLF every 76 characters", "hex", "mixed: ...").
    public var base64Style = "no Base64 output observed"
    /// Method → its output style.
    public var base64Styles: [String: String] = [:]
    public var charset: String?
    public var charsetSource: String?
    public var charsetByMethod: [String: String] = [:]
    public var failOpen: Bool?
    public var longRoundTrip: Bool?

    /// `compatible` | `incompatible` | `not-evaluable` (exit 0 / 1 / 2).
    public var verdict = "not-evaluable"
    public var compatible = false
    public var swiftSettings = ""
    public var swiftSettingsCaveat: String?
    public var findings: [String] = []
    /// Checks the probe could not evaluate, with the reason.
    public var skips: [ProbeSkip] = []
    public var matrix: [MatrixItem] = []
    public var durationSeconds: Double = 0
    /// Extra object a caller may attach (port-check: the adapter's hello, command, log).
    public var adapter: ReportJSON?

    public init(className: String) {
        self.className = className
    }

    public var passed: Int { matrix.filter { $0.verdict == .pass }.count }
    public var failed: Int { matrix.filter { $0.verdict == .fail }.count }
    public var skipped: Int { matrix.filter { $0.verdict == .skip }.count }

    /// 0 compatible, 1 incompatible, 2 not evaluable.
    public var exitCode: Int32 {
        switch verdict {
        case "compatible": return 0
        case "incompatible": return 1
        default: return 2
        }
    }

    /// The Java signatures of the methods that play a role.
    public var methodSignatures: [String] { methods.map(\.signature) }

    enum CodingKeys: String, CodingKey {
        case className = "class", kind, classpath, java, jvmCharset, methods, keySize, keySource, keyGenerator
        case signatureAlgorithm, encryptBlock, decryptBlock, decryptBlockMeasured, privateEncryptBlock, publicDecryptBlock
        case encryptChunking, decryptChunking, encryptPadding, decryptPadding, argumentOrder
        case base64LineBreaks, base64Style, base64Styles, charset, charsetSource, charsetByMethod, failOpen, longRoundTrip
        case verdict, compatible, swiftSettings, swiftSettingsCaveat, findings, skips, matrix, durationSeconds, adapter
        case summary
    }

    struct Summary: Codable, Equatable {
        var passed: Int
        var failed: Int
        var skipped: Int
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        className = try c.decode(String.self, forKey: .className)
        kind = try c.decode(String.self, forKey: .kind)
        classpath = try c.decode([String].self, forKey: .classpath)
        java = try c.decode(String.self, forKey: .java)
        jvmCharset = try c.decode(String.self, forKey: .jvmCharset)
        methods = try c.decode([MethodDescription].self, forKey: .methods)
        keySize = try c.decodeIfPresent(Int.self, forKey: .keySize)
        keySource = try c.decode(String.self, forKey: .keySource)
        keyGenerator = try c.decodeIfPresent(String.self, forKey: .keyGenerator)
        signatureAlgorithm = try c.decodeIfPresent(String.self, forKey: .signatureAlgorithm)
        encryptBlock = try c.decodeIfPresent(Int.self, forKey: .encryptBlock)
        decryptBlock = try c.decodeIfPresent(Int.self, forKey: .decryptBlock)
        decryptBlockMeasured = try c.decode(Bool.self, forKey: .decryptBlockMeasured)
        privateEncryptBlock = try c.decodeIfPresent(Int.self, forKey: .privateEncryptBlock)
        publicDecryptBlock = try c.decodeIfPresent(Int.self, forKey: .publicDecryptBlock)
        encryptChunking = try c.decodeIfPresent(String.self, forKey: .encryptChunking)
        decryptChunking = try c.decodeIfPresent(String.self, forKey: .decryptChunking)
        encryptPadding = try c.decodeIfPresent(String.self, forKey: .encryptPadding)
        decryptPadding = try c.decodeIfPresent(String.self, forKey: .decryptPadding)
        argumentOrder = try c.decode([String: String].self, forKey: .argumentOrder)
        base64LineBreaks = try c.decodeIfPresent(Bool.self, forKey: .base64LineBreaks)
        base64Style = try c.decode(String.self, forKey: .base64Style)
        base64Styles = try c.decode([String: String].self, forKey: .base64Styles)
        charset = try c.decodeIfPresent(String.self, forKey: .charset)
        charsetSource = try c.decodeIfPresent(String.self, forKey: .charsetSource)
        charsetByMethod = try c.decode([String: String].self, forKey: .charsetByMethod)
        failOpen = try c.decodeIfPresent(Bool.self, forKey: .failOpen)
        longRoundTrip = try c.decodeIfPresent(Bool.self, forKey: .longRoundTrip)
        verdict = try c.decode(String.self, forKey: .verdict)
        compatible = try c.decode(Bool.self, forKey: .compatible)
        swiftSettings = try c.decode(String.self, forKey: .swiftSettings)
        swiftSettingsCaveat = try c.decodeIfPresent(String.self, forKey: .swiftSettingsCaveat)
        findings = try c.decode([String].self, forKey: .findings)
        skips = try c.decode([ProbeSkip].self, forKey: .skips)
        matrix = try c.decode([MatrixItem].self, forKey: .matrix)
        durationSeconds = try c.decode(Double.self, forKey: .durationSeconds)
        adapter = try c.decodeIfPresent(ReportJSON.self, forKey: .adapter)
    }

    /// Optionals are written as `null` (not left out), so every profile field is always present.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(className, forKey: .className)
        try c.encode(kind, forKey: .kind)
        try c.encode(classpath, forKey: .classpath)
        try c.encode(java, forKey: .java)
        try c.encode(jvmCharset, forKey: .jvmCharset)
        try c.encode(methods, forKey: .methods)
        try c.encode(keySize, forKey: .keySize)
        try c.encode(keySource, forKey: .keySource)
        try c.encode(keyGenerator, forKey: .keyGenerator)
        try c.encode(signatureAlgorithm, forKey: .signatureAlgorithm)
        try c.encode(encryptBlock, forKey: .encryptBlock)
        try c.encode(decryptBlock, forKey: .decryptBlock)
        try c.encode(decryptBlockMeasured, forKey: .decryptBlockMeasured)
        try c.encode(privateEncryptBlock, forKey: .privateEncryptBlock)
        try c.encode(publicDecryptBlock, forKey: .publicDecryptBlock)
        try c.encode(encryptChunking, forKey: .encryptChunking)
        try c.encode(decryptChunking, forKey: .decryptChunking)
        try c.encode(encryptPadding, forKey: .encryptPadding)
        try c.encode(decryptPadding, forKey: .decryptPadding)
        try c.encode(argumentOrder, forKey: .argumentOrder)
        try c.encode(base64LineBreaks, forKey: .base64LineBreaks)
        try c.encode(base64Style, forKey: .base64Style)
        try c.encode(base64Styles, forKey: .base64Styles)
        try c.encode(charset, forKey: .charset)
        try c.encode(charsetSource, forKey: .charsetSource)
        try c.encode(charsetByMethod, forKey: .charsetByMethod)
        try c.encode(failOpen, forKey: .failOpen)
        try c.encode(longRoundTrip, forKey: .longRoundTrip)
        try c.encode(verdict, forKey: .verdict)
        try c.encode(compatible, forKey: .compatible)
        try c.encode(swiftSettings, forKey: .swiftSettings)
        try c.encode(swiftSettingsCaveat, forKey: .swiftSettingsCaveat)
        try c.encode(findings, forKey: .findings)
        try c.encode(skips, forKey: .skips)
        try c.encode(Summary(passed: passed, failed: failed, skipped: skipped), forKey: .summary)
        try c.encode(matrix, forKey: .matrix)
        try c.encode(durationSeconds, forKey: .durationSeconds)
        try c.encodeIfPresent(adapter, forKey: .adapter)
    }
}

/// One check of the matrix.
public struct MatrixItem: Codable, Sendable, Equatable {
    public enum Verdict: String, Codable, Sendable {
        case pass, fail, skip
    }

    /// "keys", "signatures", "encryption", "private-encryption", "text", "self", "digest".
    public var group: String
    /// Stable identifier, e.g. "encryption.java-to-swift.118".
    public var id: String
    public var name: String
    public var verdict: Verdict
    /// For a failure: what was expected and what came out; for a skip: `detail` is the reason.
    public var expected: String?
    public var actual: String?
    public var detail: String?

    public init(group: String, id: String, name: String, verdict: Verdict,
                expected: String? = nil, actual: String? = nil, detail: String? = nil) {
        self.group = group
        self.id = id
        self.name = name
        self.verdict = verdict
        self.expected = expected
        self.actual = actual
        self.detail = detail
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(group, forKey: .group)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(verdict, forKey: .verdict)
        try c.encodeIfPresent(expected, forKey: .expected)
        try c.encodeIfPresent(actual, forKey: .actual)
        try c.encodeIfPresent(detail, forKey: .detail)
    }
}

/// A free-form JSON value, for the `adapter` object a caller attaches.
public indirect enum ReportJSON: Codable, Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([ReportJSON])
    case object([String: ReportJSON])

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([ReportJSON].self) { self = .array(a) }
        else { self = .object(try c.decode([String: ReportJSON].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .number(let n): try c.encode(n)
        case .bool(let b): try c.encode(b)
        case .null: try c.encodeNil()
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }
}
