import RSA

/// What the charset probe found.
public struct CharsetFinding: Sendable {
    /// Charset per helper signature ("UTF-8", "GBK", ..., "unknown").
    public var byMethod: [String: String] = [:]
    /// Per helper: follows the runtime's default charset (true) or is fixed (false).
    public var followsPlatform: [String: Bool] = [:]
    public var notes: [String] = []
    /// The runtime's encodings of the probe text, per candidate charset.
    public var encodings: [String: [UInt8]] = [:]
    /// Helpers in report order (encode side first).
    public var order: [String] = []
    public var skip: ProbeSkip?

    /// The charset of its String methods: the first helper with a known one.
    public var charset: String? {
        let known = order.compactMap { byMethod[$0] }.filter { $0 != "unknown" }
        return known.first ?? (order.isEmpty ? nil : "unknown")
    }

    public var source: String? {
        let values = order.compactMap { followsPlatform[$0] }
        if values.contains(true) { return "platform default" }
        if !values.isEmpty { return "fixed" }
        return nil
    }
}

/// Charset = a Chinese/Latin-1/€ text through every String helper, compared with the runtime's own
/// encodings of it; when it matched the runtime's default, a second runtime with another default
/// charset tells "platform default" from "fixed".
struct CharsetProbe {
    static let candidates = ["UTF-8", "GBK", "GB18030", "Big5", "ISO-8859-1", "US-ASCII"]
    /// Chinese, Latin-1 and '€' (GBK 0x80 vs GB18030 A2E3): every candidate encodes it differently.
    static let text = "手机号码校验 café € ü"

    func run(_ ctx: ProbeContext, algorithm: HashAlgorithm?) throws -> CharsetFinding {
        var finding = CharsetFinding()
        guard let impl = ctx.implementation as? TextHelperCapable else {
            finding.skip = ProbeSkip(check: "charset", reason: "the implementation takes bytes only (no String helpers): no charset to probe")
            return finding
        }
        let helpers = impl.textHelpers
        finding.order = helpers.map(\.signature)
        guard !helpers.isEmpty else { return finding }
        finding.encodings = try impl.encodings(of: Self.text, charsets: Self.candidates)
        let decodings = try impl.decodings(of: Array(Self.text.utf8), charsets: Self.candidates)
        for helper in helpers {
            finding.byMethod[helper.signature] = try observe(ctx, impl, helper, algorithm: algorithm, encodings: finding.encodings,
                                                             decodings: decodings, notes: &finding.notes)
        }
        let platform = impl.subject.defaultCharset
        let following = helpers.filter { finding.byMethod[$0.signature] == platform }
        for helper in helpers where (finding.byMethod[helper.signature] ?? "unknown") != "unknown" {
            finding.followsPlatform[helper.signature] = false
        }
        guard ctx.options.probePlatformCharset, !following.isEmpty else { return finding }
        let alternative = platform.uppercased() == "ISO-8859-1" ? "UTF-8" : "ISO-8859-1"
        ctx.progress("probing charsets again with default charset \(alternative)")
        let other: TextHelperCapable
        switch try ctx.attempt({ try impl.relaunched(defaultCharset: alternative) }) {
        case .success(let o): other = o
        case .failure(let error):
            finding.notes.append("the second runtime (default charset \(alternative)) could not start: \(error); platform dependence not determined")
            for helper in following { finding.followsPlatform[helper.signature] = nil }
            return finding
        }
        defer { other.close() }
        let otherContext = ProbeContext(implementation: other, options: ctx.options)
        otherContext.adoptKeys(from: ctx)
        for helper in following {
            let seen = try observe(otherContext, other, helper, algorithm: algorithm, encodings: finding.encodings,
                                   decodings: decodings, notes: &finding.notes)
            finding.followsPlatform[helper.signature] = seen == alternative
            if seen != alternative && seen != platform {
                finding.notes.append("\(helper.signature) gave \(seen) in a runtime whose default charset is \(alternative)")
            }
        }
        return finding
    }

    /// The charset one helper uses: the text goes through it and comes out on the Swift side (or
    /// the other way round), compared with the runtime's encodings of the text.
    private func observe(_ ctx: ProbeContext, _ impl: TextHelperCapable, _ helper: TextHelper, algorithm: HashAlgorithm?,
                         encodings: [String: [UInt8]], decodings: [String: String], notes: inout [String]) throws -> String {
        guard let pub = ctx.publicKey, let priv = ctx.privateKey else { return "unknown" }
        func match(_ bytes: [UInt8]) -> String { Self.candidates.first { encodings[$0] == bytes } ?? "unknown" }
        let text = Self.text
        let result = try ctx.attempt { () -> String in
            switch helper.operation {
            case .encryptByPublicKey:
                let ct = try ctx.binary(try impl.call(helper, text: text, binary: nil, signature: nil, key: ctx.publicString), from: .encryptByPublicKey)
                for padding in CipherPadding.allCases {
                    if let plain = try? SwiftCipher.decrypt(ct, privateKey: priv, padding: padding) { return match(plain) }
                }
                return "unknown"
            case .encryptByPrivateKey:
                let ct = try ctx.binary(try impl.call(helper, text: text, binary: nil, signature: nil, key: ctx.privateString), from: .encryptByPrivateKey)
                return match(try RsaUtilsCipher.decrypt(ct, publicKey: pub))
            case .sign:
                guard let hash = algorithm else { return "unknown" }
                let sig = try ctx.binary(try impl.call(helper, text: text, binary: nil, signature: nil, key: ctx.privateString), from: .sign)
                return Self.candidates.first { name in
                    encodings[name].map { (try? pub.isValidSignature(sig, for: $0, hash: hash)) ?? false } ?? false
                } ?? "unknown"
            case .verify:
                guard let hash = algorithm else { return "unknown" }
                for name in Self.candidates {
                    guard let bytes = encodings[name] else { continue }
                    let sig = ctx.encoded(try priv.signature(for: bytes, hash: hash), for: .verify)
                    if case .bool(true) = try impl.call(helper, text: text, binary: nil, signature: sig, key: ctx.publicString) { return name }
                }
                return "unknown"
            case .decryptByPrivateKey:
                let ct = ctx.encoded(try RsaUtilsCipher.encrypt(Array(text.utf8), publicKey: pub), for: .decryptByPrivateKey)
                guard case .text(let s) = try impl.call(helper, text: nil, binary: ct, signature: nil, key: ctx.privateString) else { return "unknown" }
                return Self.candidates.first { decodings[$0] == s } ?? "unknown"
            case .decryptByPublicKey:
                let ct = ctx.encoded(try RsaUtilsCipher.encrypt(Array(text.utf8), privateKey: priv), for: .decryptByPublicKey)
                guard case .text(let s) = try impl.call(helper, text: nil, binary: ct, signature: nil, key: ctx.publicString) else { return "unknown" }
                return Self.candidates.first { decodings[$0] == s } ?? "unknown"
            default:
                return "unknown"
            }
        }
        switch result {
        case .success(let name): return name
        case .failure(let error):
            notes.append("\(helper.signature) failed on the probe text: \(ctx.describe(error))")
            return "unknown"
        }
    }
}

extension ProbeContext {
    /// Uses the same keys as `other` (the second runtime of the charset probe).
    func adoptKeys(from other: ProbeContext) {
        publicString = other.publicString
        privateString = other.privateString
        publicKey = other.publicKey
        privateKey = other.privateKey
        swiftKey = other.swiftKey
        k = other.k
        outputs = other.outputs
    }
}
