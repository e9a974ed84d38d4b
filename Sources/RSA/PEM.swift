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
            throw RSAError.malformedPEM("no '\(footer.escapingControlCharacters)' line")
        }
        let body = bodyAndRest[..<end.lowerBound]
        if label.contains("ENCRYPTED") || body.contains("ENCRYPTED") {
            throw RSAError.unsupportedKey("encrypted PEM is not supported (decrypt it first, e.g. openssl pkey -in KEY -out PLAIN.pem)")
        }
        // RFC 1421 header lines ("Name: value") carry nothing we use; the rest is Base64, decoded as
        // leniently as every other Base64 input (CRLF, spaces and stray characters skipped). Keys kept in
        // JSON or environment variables often carry literal "\n" escapes ('\' is never Base64).
        var text = [UInt8]()
        var previous: UInt8 = 0
        for byte in body.utf8 {
            if previous == UInt8(ascii: "\\"), byte == UInt8(ascii: "n") || byte == UInt8(ascii: "r") {
                text[text.count - 1] = 0x0a
            } else {
                text.append(byte)
            }
            previous = byte
        }
        let lines = text.split(whereSeparator: { $0 == 0x0a || $0 == 0x0d }).filter { !$0.contains(UInt8(ascii: ":")) }
        let der = LenientBase64.decode(Array(lines.joined(separator: [0x0a])))
        guard !der.isEmpty else {
            throw RSAError.malformedPEM("the body of '\(label.escapingControlCharacters)' holds no Base64 data")
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
