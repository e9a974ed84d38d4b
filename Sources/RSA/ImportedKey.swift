import SwiftASN1

/// A key as a user holds it, in any of the forms RsaUtils users, openssl and Python tools write:
/// an RsaUtils string (Base64 of X.509 SPKI or PKCS#8 DER, decoded as commons-codec does), PEM
/// (`PUBLIC KEY`, `RSA PUBLIC KEY`, `PRIVATE KEY`, `RSA PRIVATE KEY`, any line ends), binary DER
/// (an openssl `-outform DER` file) or DER as hexadecimal. Base64 of PKCS#1 DER is read too.
public struct ImportedKey: Sendable {
    public enum Container: String, Sendable {
        case base64 = "Base64"
        case pem = "PEM"
        case der = "DER"
        case derHex = "DER hex"
    }

    public enum Structure: String, Sendable, CaseIterable {
        case spki = "X.509 SubjectPublicKeyInfo"
        case pkcs1Public = "PKCS#1 RSAPublicKey"
        case pkcs8 = "PKCS#8 PrivateKeyInfo"
        case pkcs1Private = "PKCS#1 RSAPrivateKey"

        public var isPrivate: Bool { self == .pkcs8 || self == .pkcs1Private }
    }

    public enum Role: Sendable { case publicKey, privateKey }

    public let container: Container
    public let structure: Structure
    /// The PEM label when the key came as PEM.
    public let pemLabel: String?
    public let publicKey: RSAPublicKey
    /// Nil for a public key.
    public let privateKey: RSAPrivateKey?

    /// "RsaUtils string (Base64 of X.509 SubjectPublicKeyInfo)", "PEM "RSA PRIVATE KEY" (PKCS#1 RSAPrivateKey)", ...
    public var formDescription: String {
        switch container {
        case .base64 where isRsaUtilsString: return "RsaUtils string (Base64 of \(structure.rawValue) DER)"
        case .base64: return "Base64 of \(structure.rawValue) DER"
        case .pem: return "PEM \"\(pemLabel ?? "")\" (\(structure.rawValue))"
        case .der: return "binary DER (\(structure.rawValue))"
        case .derHex: return "hexadecimal DER (\(structure.rawValue))"
        }
    }

    /// True when Java's RsaUtils reads the key as given: commons-codec Base64 of SPKI (public) or PKCS#8 (private).
    public var isRsaUtilsString: Bool { container == .base64 && (structure == .spki || structure == .pkcs8) }

    /// Reads a key from the bytes of an argument or a file. `role` orders the attempts and picks the error
    /// message: with `.publicKey` a private key is accepted too (its public half is used); with
    /// `.privateKey` a public key is an error that says so.
    public static func parse(_ input: [UInt8], role: Role? = nil) throws -> ImportedKey {
        // A UTF-8 byte order mark (Windows editors) is not part of the key.
        let bytes = input.starts(with: [0xef, 0xbb, 0xbf]) ? Array(input.dropFirst(3)) : input
        if let begin = firstIndex(of: Array("-----BEGIN ".utf8), in: bytes) {
            // The first block with a key label (a file may hold a certificate or parameters first).
            var text = Substring(String(decoding: bytes[begin...], as: UTF8.self))
            var firstLabel: String?
            while let range = text.range(of: "-----BEGIN ") {
                let rest = text[range.upperBound...]
                let label = rest.range(of: "-----").map { String(rest[..<$0.lowerBound]) } ?? ""
                if let structure = structure(forPEMLabel: label) {
                    let block = try PEMBlock(parsing: String(text[range.lowerBound...]))
                    do {
                        return try make(.pem, structure, label: block.label, der: block.der, role: role)
                    } catch {
                        // Some tools label SPKI "RSA PUBLIC KEY" or PKCS#1 "PRIVATE KEY": read what the DER is.
                        if let actual = sniff(block.der), actual != structure,
                           let key = try? make(.pem, actual, label: block.label, der: block.der, role: role) {
                            return key
                        }
                        throw error
                    }
                }
                if label.contains("ENCRYPTED") { _ = try PEMBlock(parsing: String(text[range.lowerBound...])) }
                if firstLabel == nil { firstLabel = label }
                text = rest
            }
            let label = firstLabel ?? ""
            throw RSAError.unsupportedPEMLabel(label.escapingControlCharacters + Self.labelAdvice(label))
        }
        if bytes.starts(with: Array("ssh-rsa ".utf8)) {
            throw RSAError.unsupportedKey("OpenSSH public keys are not supported (convert it: ssh-keygen -e -m PKCS8 -f KEY.pub)")
        }
        if bytes.first == 0x30, bytes.contains(where: { !isTextByte($0) }) {
            return try parseDER(bytes, container: .der, role: role)
        }
        let text = bytes.filter { !isWhitespace($0) }
        if text.count >= 4, text.count % 2 == 0, text.starts(with: Array("30".utf8)), text.allSatisfy(isHexDigit),
           let der = hexDecode(text), let key = try? parseDER(der, container: .derHex, role: role) {
            return key
        }
        let der = LenientBase64.decode(bytes)
        guard !der.isEmpty else { throw RSAError.malformedBase64("the key string holds no Base64 data") }
        return try parseDER(der, container: .base64, role: role)
    }

    public static func parse(text: String, role: Role? = nil) throws -> ImportedKey {
        try parse(Array(text.utf8), role: role)
    }

    /// The structure the DER's shape suggests; the structures the role expects come first, and the error
    /// reported is that of the most plausible one (for an RsaUtils string: SPKI or PKCS#8, as Java reads it).
    static func parseDER(_ der: [UInt8], container: Container, role: Role?) throws -> ImportedKey {
        let sniffed = sniff(der)
        var order: [Structure] = role == .privateKey ? [.pkcs8, .pkcs1Private, .spki, .pkcs1Public]
            : [.spki, .pkcs1Public, .pkcs8, .pkcs1Private]
        if let sniffed { order.removeAll { $0 == sniffed }; order.insert(sniffed, at: 0) }
        var firstError: Error?
        for structure in order {
            do {
                return try make(container, structure, label: nil, der: der, role: role)
            } catch let error as RSAError {
                // A public key where a private one is needed, or an out-of-scope key: say so at once.
                if case .unsupportedKey = error { throw error }
                if case .invalidKey = error, structure == sniffed { throw error }
                if case .unsupportedKeySize = error, structure == sniffed { throw error }
                if firstError == nil { firstError = error }
            }
        }
        throw firstError ?? RSAError.malformedDER("not an RSA key")
    }

    static func make(_ container: Container, _ structure: Structure, label: String?, der: [UInt8], role: Role?) throws -> ImportedKey {
        if structure.isPrivate {
            let key = structure == .pkcs8 ? try RSAPrivateKey(pkcs8DER: der) : try RSAPrivateKey(pkcs1DER: der)
            return ImportedKey(container: container, structure: structure, pemLabel: label, publicKey: key.publicKey, privateKey: key)
        }
        let key = structure == .spki ? try RSAPublicKey(spkiDER: der) : try RSAPublicKey(pkcs1DER: der)
        if role == .privateKey {
            throw RSAError.unsupportedKey("this is a public key (\(structure.rawValue)); a private key is needed here")
        }
        return ImportedKey(container: container, structure: structure, pemLabel: label, publicKey: key, privateKey: nil)
    }

    /// SEQUENCE { SEQUENCE ... } = SPKI; { INTEGER, SEQUENCE, ... } = PKCS#8; { INTEGER × 9 } = PKCS#1
    /// private; { INTEGER, INTEGER } = PKCS#1 public.
    static func sniff(_ der: [UInt8]) -> Structure? {
        guard let node = try? DER.parse(RSAKeyCodec.firstElement(der)), case .constructed(let children) = node.content else {
            return nil
        }
        let tags = children.map(\.identifier)
        guard let first = tags.first else { return nil }
        if first == .sequence { return .spki }
        guard first == .integer, tags.count >= 2 else { return nil }
        if tags[1] == .sequence { return .pkcs8 }
        if tags.allSatisfy({ $0 == .integer }) { return tags.count == 2 ? .pkcs1Public : .pkcs1Private }
        return nil
    }

    static func structure(forPEMLabel label: String) -> Structure? {
        switch label {
        case "PUBLIC KEY": return .spki
        case "RSA PUBLIC KEY": return .pkcs1Public
        case "PRIVATE KEY": return .pkcs8
        case "RSA PRIVATE KEY": return .pkcs1Private
        default: return nil
        }
    }

    static func labelAdvice(_ label: String) -> String {
        switch label {
        case "CERTIFICATE": return " (a certificate, not a key: extract it with openssl x509 -pubkey -noout -in CERT)"
        case "OPENSSH PRIVATE KEY": return " (OpenSSH format: convert it with ssh-keygen -p -m PEM -f KEY)"
        default: return " (expected PUBLIC KEY, RSA PUBLIC KEY, PRIVATE KEY or RSA PRIVATE KEY)"
        }
    }

    // MARK: - Byte helpers

    static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if Array(haystack[i..<(i + needle.count)]) == needle { return i }
        }
        return nil
    }

    static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0a || b == 0x0d }

    /// Printable ASCII or whitespace: what a Base64, hex or PEM text file holds.
    static func isTextByte(_ b: UInt8) -> Bool { isWhitespace(b) || (b >= 0x20 && b < 0x7f) }

    static func isHexDigit(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)
    }

    static func hexDecode(_ digits: [UInt8]) -> [UInt8]? {
        func value(_ b: UInt8) -> UInt8? {
            switch b {
            case 0x30...0x39: return b - 0x30
            case 0x41...0x46: return b - 0x41 + 10
            case 0x61...0x66: return b - 0x61 + 10
            default: return nil
            }
        }
        var out = [UInt8]()
        out.reserveCapacity(digits.count / 2)
        var i = 0
        while i + 1 < digits.count {
            guard let hi = value(digits[i]), let lo = value(digits[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }
}
