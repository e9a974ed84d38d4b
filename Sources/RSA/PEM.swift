/// PEM armour (RFC 7468): `-----BEGIN <label>-----`, Base64 body, `-----END <label>-----`.
public struct PEMBlock: Sendable, Equatable {
    public let label: String
    public let der: [UInt8]

    public init(label: String, der: [UInt8]) {
        self.label = label
        self.der = der
    }

    /// True when the text looks like PEM (has a BEGIN line); used to tell PEM from RsaUtils strings.
    public static func looksLikePEM(_ text: String) -> Bool { text.contains("-----BEGIN ") }

    /// Parses the first PEM block of the text (text before it, such as openssl's "Bag Attributes", is ignored).
    public init(parsing text: String) throws {
        guard let begin = text.range(of: "-----BEGIN ") else { throw RSAError.malformedPEM("no -----BEGIN line") }
        let afterBegin = text[begin.upperBound...]
        guard let labelEnd = afterBegin.range(of: "-----") else { throw RSAError.malformedPEM("unterminated BEGIN line") }
        let label = String(afterBegin[..<labelEnd.lowerBound])
        let bodyAndRest = afterBegin[labelEnd.upperBound...]
        let footer = "-----END \(label)-----"
        guard let end = bodyAndRest.range(of: footer) else {
            throw RSAError.malformedPEM("no '\(footer)' line")
        }
        let body = bodyAndRest[..<end.lowerBound]
        guard !body.contains(":") else { throw RSAError.malformedPEM("encrypted or header-carrying PEM is not supported") }
        guard let der = LenientBase64.decodeStrict(String(body)), !der.isEmpty else {
            throw RSAError.malformedPEM("the body of '\(label)' is not valid Base64")
        }
        self.init(label: label, der: der)
    }

    /// 64-character lines, LF line ends, as OpenSSL and Java's PEM writers produce.
    public var text: String {
        let body = Array(LenientBase64.encode(der).utf8)
        var lines = ["-----BEGIN \(label)-----"]
        var i = 0
        while i < body.count {
            lines.append(String(decoding: body[i..<min(i + 64, body.count)], as: UTF8.self))
            i += 64
        }
        lines.append("-----END \(label)-----")
        return lines.joined(separator: "\n") + "\n"
    }
}
