import RSA

/// How the port writes its keys (learned from its genKeyPair), so that the stored vectors hand it
/// keys in its own format: ADAPTER.md keys are "strings as the port produces and accepts them".
/// RsaUtils Base64 without line breaks (the default), Base64 wrapped into lines, or PEM (SPKI /
/// PKCS#8, or PKCS#1 `RSA … KEY`).
struct PortKeyFormat: Equatable {
    enum Kind: Equatable {
        case base64
        /// Lines of `width` characters ended by `separator`.
        case wrapped(width: Int, separator: String)
        case pem(pkcs1: Bool)
    }

    var kind = Kind.base64

    init() {}

    /// The format of a key string the port produced (its public or private key).
    init(observed text: String) {
        if PEMBlock.looksLikePEM(text) {
            kind = .pem(pkcs1: text.contains("BEGIN RSA "))
            return
        }
        let separator = text.contains("\r\n") ? "\r\n" : "\n"
        let lines = text.components(separatedBy: separator).filter { !$0.isEmpty }
        if lines.count > 1, let width = lines.first?.count, width > 0 {
            kind = .wrapped(width: width, separator: separator)
        }
    }

    var description: String {
        switch kind {
        case .base64: return "Base64 without line breaks"
        case .wrapped(let width, let separator): return "Base64 in lines of \(width) (\(separator == "\r\n" ? "CRLF" : "LF"))"
        case .pem(let pkcs1): return pkcs1 ? "PEM (PKCS#1)" : "PEM"
        }
    }

    /// A public key (SPKI DER) in this format.
    func publicKey(spki der: [UInt8]) -> String {
        switch kind {
        case .pem(let pkcs1):
            guard pkcs1, let key = try? RSAPublicKey(spkiDER: der) else { return PEMBlock(label: "PUBLIC KEY", der: der).text }
            return PEMBlock(label: "RSA PUBLIC KEY", der: key.pkcs1DER).text
        default:
            return wrap(LenientBase64.encode(der))
        }
    }

    /// A private key (PKCS#8 DER) in this format.
    func privateKey(pkcs8 der: [UInt8]) -> String {
        switch kind {
        case .pem(let pkcs1):
            guard pkcs1, let key = try? RSAPrivateKey(pkcs8DER: der) else { return PEMBlock(label: "PRIVATE KEY", der: der).text }
            return PEMBlock(label: "RSA PRIVATE KEY", der: key.pkcs1DER).text
        default:
            return wrap(LenientBase64.encode(der))
        }
    }

    /// The same conversions from RsaUtils strings (vector files that only carry those).
    func publicKey(rsaUtils text: String) -> String { kind == .base64 ? text : publicKey(spki: LenientBase64.decode(text)) }
    func privateKey(rsaUtils text: String) -> String { kind == .base64 ? text : privateKey(pkcs8: LenientBase64.decode(text)) }

    private func wrap(_ base64: String) -> String {
        guard case .wrapped(let width, let separator) = kind else { return base64 }
        let chars = Array(base64)
        return stride(from: 0, to: chars.count, by: width).map { String(chars[$0..<min($0 + width, chars.count)]) }
            .joined(separator: separator) + separator
    }
}
