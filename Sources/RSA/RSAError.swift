/// Errors of the RSA module. Each case says what was wrong in one line.
///
/// Decryption failures are deliberately a single case (`decryptionFailed`) whatever check failed,
/// so that callers cannot build a padding oracle from the error (PRODUCT.md §7).
public enum RSAError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformedBase64(String)
    case malformedDER(String)
    case malformedPEM(String)
    case unsupportedPEMLabel(String)
    /// A key form that is out of scope (encrypted PEM, RSA-PSS, multi-prime, another algorithm).
    case unsupportedKey(String)
    case invalidKey(String)
    case unsupportedKeySize(bits: Int)
    case unsupportedHash(String)
    case unknownAlgorithm(String)
    case messageTooLong(length: Int, maximum: Int)
    case invalidPaddingString(String)
    case invalidBlockSize(String)
    case ciphertextLengthMismatch(length: Int, block: Int)
    /// A public defect of one block of a chunked ciphertext (see `CiphertextBlock` for which ones).
    case ciphertextBlockRejected(CiphertextBlock, reason: String)
    case decryptionFailed
    case signingFailed(String)
    case faultDetected
    case keyGenerationFailed(String)
    case randomSourceFailed

    public var description: String {
        switch self {
        case .malformedBase64(let why): return "malformed Base64: \(why)"
        case .malformedDER(let why): return "malformed DER key: \(why)"
        case .malformedPEM(let why): return "malformed PEM: \(why)"
        case .unsupportedPEMLabel(let label): return "unsupported PEM label '\(label)'"
        case .unsupportedKey(let why): return why
        case .invalidKey(let why): return "invalid RSA key: \(why)"
        case .unsupportedKeySize(let bits): return "unsupported RSA key size \(bits) bits (supported: 512 to 16384)"
        case .unsupportedHash(let name): return "unsupported hash \(name) (swift-crypto has no implementation of it)"
        case .unknownAlgorithm(let name):
            return "unknown signature algorithm '\(name)' (use MD5withRSA, SHA1withRSA, SHA256withRSA, SHA384withRSA or SHA512withRSA)"
        case .messageTooLong(let length, let maximum): return "message of \(length) bytes is too long for one block (at most \(maximum))"
        case .invalidPaddingString(let why): return "invalid PKCS#1 padding string: \(why)"
        case .invalidBlockSize(let why): return "invalid block size: \(why)"
        case .ciphertextLengthMismatch(let length, let block):
            let whole = "ciphertext of \(length) bytes is not a whole number of \(block)-byte blocks"
            guard block > 0, length > 0, length % block != 0 else { return whole }
            let last = CiphertextBlock(index: length / block, size: block, total: length)
            return whole + ": the last one, \(last), is partial"
        case .ciphertextBlockRejected(let block, let reason): return "ciphertext \(block): \(reason)"
        case .decryptionFailed: return "decryption failed (bad ciphertext or padding)"
        case .signingFailed(let why): return "signing failed: \(why)"
        case .faultDetected: return "private-key operation failed its consistency check (result withheld)"
        case .keyGenerationFailed(let why): return "key generation failed: \(why)"
        case .randomSourceFailed: return "the system CSPRNG failed"
        }
    }
}

extension String {
    /// The text with control characters escaped (`\n`, `\u{1b}`), for echoing user input inside a
    /// one-line error message.
    var escapingControlCharacters: String {
        var out = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || (0x7f...0x9f).contains(scalar.value) {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
