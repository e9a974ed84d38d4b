import Foundation
import JavaOracle

/// The result of `conformance java-check`: the profile of a user's RsaUtils class as probed, the
/// bidirectional matrix run with that profile, the findings and the verdict.
///
/// JSON (`--json` and `reports/java-check-<SimpleName>.json`): one object whose first fields are the
/// profile (`class`, `keySize`, `signatureAlgorithm`, `encryptBlock`, `decryptBlock`,
/// `base64LineBreaks`, `charset`, `failOpen`, ...), then `compatible`, `swiftSettings`, `findings`
/// and `matrix`. Unknown values are `null`, never left out.
public struct JavaCheckReport: Codable, Sendable, Equatable {
    /// Fully qualified class name.
    public var className: String
    /// The classpath entries, as absolute paths.
    public var classpath: [String]
    /// JDK version (`java.version`) and default charset of the probing JVM.
    public var java: String
    public var jvmCharset: String
    /// The RsaUtils methods found (static methods with a known name), as Java signatures.
    public var methods: [String]

    /// Modulus bits of the key pair made by the class's genKeyPair (nil: no usable genKeyPair).
    public var keySize: Int?
    /// Which methods produced the key strings.
    public var keySource: String
    /// JCA name of the signature algorithm its signatures verify with (nil: unknown or no sign/verify).
    public var signatureAlgorithm: String?
    /// Largest input that gives one ciphertext block with encryptByPublicKey (nil: not measurable).
    public var encryptBlock: Int?
    /// Slice size of decryptByPrivateKey (nil: unknown). See `decryptBlockMeasured`.
    public var decryptBlock: Int?
    /// True when `decryptBlock` was observed (k-byte blocks decrypt one by one); false when it was
    /// inferred from `encryptBlock` + 11 because no Swift ciphertext decrypted.
    public var decryptBlockMeasured: Bool
    /// The same two sizes for encryptByPrivateKey / decryptByPublicKey (nil: absent or unknown).
    public var privateEncryptBlock: Int?
    public var publicDecryptBlock: Int?
    /// True when its Base64 output (keys, signatures, ciphertext strings) has line breaks.
    public var base64LineBreaks: Bool
    /// e.g. "no line breaks", "CRLF every 76 characters".
    public var base64Style: String
    /// The charset its String methods use to turn text into bytes (nil: no String method).
    public var charset: String?
    /// "platform default" (follows file.encoding), "fixed", or nil when not determined.
    public var charsetSource: String?
    /// Per String method: the charset observed ("String encryptedDataOnJava(String, String)" → "UTF-8").
    public var charsetByMethod: [String: String]
    /// True when encryptedDataOnJava returns the plaintext unchanged on error (nil: no such method).
    public var failOpen: Bool?
    /// Whether a 5,000-byte input survives its own encryptByPublicKey → decryptByPrivateKey (nil: not run).
    public var longRoundTrip: Bool?

    /// Every matrix check passed with the detected profile.
    public var compatible: Bool
    /// The Swift settings that match the class (or come closest, see `swiftSettingsCaveat`).
    public var swiftSettings: String
    /// Why no Swift settings make the whole matrix pass (nil when compatible).
    public var swiftSettingsCaveat: String?
    public var findings: [String]
    public var matrix: [JavaCheckItem]
    /// Seconds the probe and the matrix took.
    public var durationSeconds: Double

    public var simpleClassName: String {
        String(className.split(separator: ".").last ?? Substring(className))
    }

    public var passed: Int { matrix.filter { $0.verdict == .pass }.count }
    public var failed: Int { matrix.filter { $0.verdict == .fail }.count }
    public var skipped: Int { matrix.filter { $0.verdict == .skip }.count }

    /// 0 when compatible, 1 otherwise.
    public var exitCode: Int32 { compatible ? 0 : 1 }

    enum CodingKeys: String, CodingKey {
        case className = "class", classpath, java, jvmCharset, methods, keySize, keySource, signatureAlgorithm
        case encryptBlock, decryptBlock, decryptBlockMeasured, privateEncryptBlock, publicDecryptBlock
        case base64LineBreaks, base64Style, charset, charsetSource, charsetByMethod, failOpen, longRoundTrip
        case compatible, swiftSettings, swiftSettingsCaveat, findings, matrix, durationSeconds
        case summary
    }

    struct Summary: Codable, Equatable {
        var passed: Int
        var failed: Int
        var skipped: Int
    }

    public init(className: String, classpath: [String], java: String, jvmCharset: String, methods: [String],
                keySize: Int?, keySource: String, signatureAlgorithm: String?, encryptBlock: Int?,
                decryptBlock: Int?, decryptBlockMeasured: Bool, privateEncryptBlock: Int?, publicDecryptBlock: Int?,
                base64LineBreaks: Bool, base64Style: String, charset: String?, charsetSource: String?,
                charsetByMethod: [String: String], failOpen: Bool?, longRoundTrip: Bool?, compatible: Bool,
                swiftSettings: String, swiftSettingsCaveat: String?, findings: [String], matrix: [JavaCheckItem],
                durationSeconds: Double) {
        self.className = className
        self.classpath = classpath
        self.java = java
        self.jvmCharset = jvmCharset
        self.methods = methods
        self.keySize = keySize
        self.keySource = keySource
        self.signatureAlgorithm = signatureAlgorithm
        self.encryptBlock = encryptBlock
        self.decryptBlock = decryptBlock
        self.decryptBlockMeasured = decryptBlockMeasured
        self.privateEncryptBlock = privateEncryptBlock
        self.publicDecryptBlock = publicDecryptBlock
        self.base64LineBreaks = base64LineBreaks
        self.base64Style = base64Style
        self.charset = charset
        self.charsetSource = charsetSource
        self.charsetByMethod = charsetByMethod
        self.failOpen = failOpen
        self.longRoundTrip = longRoundTrip
        self.compatible = compatible
        self.swiftSettings = swiftSettings
        self.swiftSettingsCaveat = swiftSettingsCaveat
        self.findings = findings
        self.matrix = matrix
        self.durationSeconds = durationSeconds
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        className = try c.decode(String.self, forKey: .className)
        classpath = try c.decode([String].self, forKey: .classpath)
        java = try c.decode(String.self, forKey: .java)
        jvmCharset = try c.decode(String.self, forKey: .jvmCharset)
        methods = try c.decode([String].self, forKey: .methods)
        keySize = try c.decodeIfPresent(Int.self, forKey: .keySize)
        keySource = try c.decode(String.self, forKey: .keySource)
        signatureAlgorithm = try c.decodeIfPresent(String.self, forKey: .signatureAlgorithm)
        encryptBlock = try c.decodeIfPresent(Int.self, forKey: .encryptBlock)
        decryptBlock = try c.decodeIfPresent(Int.self, forKey: .decryptBlock)
        decryptBlockMeasured = try c.decode(Bool.self, forKey: .decryptBlockMeasured)
        privateEncryptBlock = try c.decodeIfPresent(Int.self, forKey: .privateEncryptBlock)
        publicDecryptBlock = try c.decodeIfPresent(Int.self, forKey: .publicDecryptBlock)
        base64LineBreaks = try c.decode(Bool.self, forKey: .base64LineBreaks)
        base64Style = try c.decode(String.self, forKey: .base64Style)
        charset = try c.decodeIfPresent(String.self, forKey: .charset)
        charsetSource = try c.decodeIfPresent(String.self, forKey: .charsetSource)
        charsetByMethod = try c.decode([String: String].self, forKey: .charsetByMethod)
        failOpen = try c.decodeIfPresent(Bool.self, forKey: .failOpen)
        longRoundTrip = try c.decodeIfPresent(Bool.self, forKey: .longRoundTrip)
        compatible = try c.decode(Bool.self, forKey: .compatible)
        swiftSettings = try c.decode(String.self, forKey: .swiftSettings)
        swiftSettingsCaveat = try c.decodeIfPresent(String.self, forKey: .swiftSettingsCaveat)
        findings = try c.decode([String].self, forKey: .findings)
        matrix = try c.decode([JavaCheckItem].self, forKey: .matrix)
        durationSeconds = try c.decode(Double.self, forKey: .durationSeconds)
    }

    /// Optionals are written as `null` (not left out), so every profile field is always present.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(className, forKey: .className)
        try c.encode(classpath, forKey: .classpath)
        try c.encode(java, forKey: .java)
        try c.encode(jvmCharset, forKey: .jvmCharset)
        try c.encode(methods, forKey: .methods)
        try c.encode(keySize, forKey: .keySize)
        try c.encode(keySource, forKey: .keySource)
        try c.encode(signatureAlgorithm, forKey: .signatureAlgorithm)
        try c.encode(encryptBlock, forKey: .encryptBlock)
        try c.encode(decryptBlock, forKey: .decryptBlock)
        try c.encode(decryptBlockMeasured, forKey: .decryptBlockMeasured)
        try c.encode(privateEncryptBlock, forKey: .privateEncryptBlock)
        try c.encode(publicDecryptBlock, forKey: .publicDecryptBlock)
        try c.encode(base64LineBreaks, forKey: .base64LineBreaks)
        try c.encode(base64Style, forKey: .base64Style)
        try c.encode(charset, forKey: .charset)
        try c.encode(charsetSource, forKey: .charsetSource)
        try c.encode(charsetByMethod, forKey: .charsetByMethod)
        try c.encode(failOpen, forKey: .failOpen)
        try c.encode(longRoundTrip, forKey: .longRoundTrip)
        try c.encode(compatible, forKey: .compatible)
        try c.encode(swiftSettings, forKey: .swiftSettings)
        try c.encode(swiftSettingsCaveat, forKey: .swiftSettingsCaveat)
        try c.encode(findings, forKey: .findings)
        try c.encode(Summary(passed: passed, failed: failed, skipped: skipped), forKey: .summary)
        try c.encode(matrix, forKey: .matrix)
        try c.encode(durationSeconds, forKey: .durationSeconds)
    }
}

/// One check of the matrix.
public struct JavaCheckItem: Codable, Sendable, Equatable {
    public enum Verdict: String, Codable, Sendable {
        case pass, fail, skip
    }

    /// "keys", "signatures", "encryption", "private-encryption", "text", "self".
    public var group: String
    /// Stable identifier, e.g. "encryption.java-to-swift.118".
    public var id: String
    /// What was checked, in words.
    public var name: String
    public var verdict: Verdict
    /// For a failure: what was expected and what came out (hex is shortened); for a skip: the reason.
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
