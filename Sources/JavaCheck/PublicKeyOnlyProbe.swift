import ImplementationProbes
import RSA

/// What can still be learnt from an encrypt method whose class hard-codes only a public key: Swift
/// cannot decrypt its output, but the output's shape tells one k-byte block per chunk, the chunk
/// size, and whether the padding is random (PKCS#1 v1.5 or OAEP, not told apart without the
/// private key) or absent (raw RSA: Swift's own unpadded encryption gives the same bytes). These are
/// findings, not matrix checks: nothing here shows that Swift and Java agree on the plaintext.
struct PublicKeyOnlyProbe {
    let user: JavaUserClass
    let publicKey: RSAPublicKey

    func facts(_ method: JavaUserClass.Method) throws -> [String] {
        guard method.parameters.count == 1, JavaDiscovery.returnsBinary(method), ParameterKind(method.parameters[0]).takesData else { return [] }
        let k = publicKey.modulusByteCount
        func encrypt(_ length: Int) throws -> [UInt8]? {
            let data = ProbeData.ascii(length: length)
            let argument: JavaUserClass.Argument = method.parameters[0] == "byte[]" ? .bytes(data.bytes) : .string(data.text ?? "")
            let value: JavaUserClass.Value
            do { value = try user.call(method, [argument]) } catch let abort as JavaCheckError { throw abort } catch { return nil }
            switch value {
            case .bytes(let b): return b
            case .string(let s):
                if s.utf8.count == 2 * k * max(1, s.utf8.count / (2 * k)), case .success(let b) = Hex.decode(s) { return b }
                return LenientBase64.decode(s)
            default: return nil
            }
        }
        var out: [String] = []
        let probe = ProbeData.ascii(length: 16)
        guard let first = try encrypt(16), let second = try encrypt(16) else {
            return ["\(method.signature) failed on a 16-byte input with its hard-coded public key"]
        }
        guard first.count == k else {
            return ["\(method.signature) gave \(first.count) bytes for 16 bytes of input, not one \(k)-byte block of its \(k * 8)-bit key"]
        }
        if first == second, SwiftCipher.isUnpadded(first, plain: probe.bytes, publicKey: publicKey, publicSide: true) {
            out.append("\(method.signature) uses raw (textbook) RSA without padding (RSA/ECB/NoPadding): its output equals Swift's unpadded "
                + "encryption with its public key; Swift's PKCS#1 v1.5 decryption would reject it")
        } else if first != second {
            out.append("\(method.signature) gives one \(k)-byte block for 16 bytes and a different one each time (random padding: "
                + "PKCS#1 v1.5 or OAEP, which cannot be told apart without the private key)")
        } else {
            out.append("\(method.signature) gives the same \(k)-byte block twice for the same input, yet not raw RSA: a padding Swift does not recognise")
        }
        if let longer = try encrypt(k - 10) {
            out.append(longer.count == 2 * k
                ? "\(method.signature): \(k - 10) bytes give two \(k)-byte blocks (it chunks)"
                : "\(method.signature): \(k - 10) bytes give \(longer.count) bytes")
        } else {
            out.append("\(method.signature) fails on \(k - 10) bytes (more than one PKCS#1 block holds): it does not chunk")
        }
        return out
    }
}
