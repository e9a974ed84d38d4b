import Foundation
import JavaOracle
import RSA

/// Findings, the Swift settings that match, and the report.
extension JavaCheckSession {
    func report(duration: Double) -> JavaCheckReport {
        let style = base64Style
        let failures = matrix.filter { $0.verdict == .fail }
        let compatible = failures.isEmpty && matrix.contains { $0.verdict == .pass }
        let (settings, caveat) = swiftSettings(compatible: compatible, failures: failures)
        return JavaCheckReport(
            className: user.className, classpath: classpath, java: hello.java, jvmCharset: hello.charset,
            methods: user.methods.map(\.signature),
            keySize: keySize, keySource: keySource, signatureAlgorithm: algorithm?.jcaSignatureName,
            encryptBlock: encryptBlock, decryptBlock: decryptBlock, decryptBlockMeasured: decryptBlockMeasured,
            privateEncryptBlock: privateEncryptBlock, publicDecryptBlock: publicDecryptBlock,
            base64LineBreaks: style.lineBreaks, base64Style: style.style,
            charset: charset, charsetSource: charsetSource, charsetByMethod: charsetByMethod,
            failOpen: failOpen, longRoundTrip: longRoundTrip,
            compatible: compatible, swiftSettings: settings, swiftSettingsCaveat: caveat,
            findings: findings(style: style, compatible: compatible, failures: failures),
            matrix: matrix, durationSeconds: (duration * 1000).rounded() / 1000)
    }

    /// "MD5withRSA, blocks 117/128, 1024-bit keys, text as UTF-8".
    private func swiftSettings(compatible: Bool, failures: [JavaCheckItem]) -> (String, String?) {
        var parts: [String] = []
        if let algorithm { parts.append(algorithm.jcaSignatureName) }
        if facade.encryptPublic != nil || facade.decryptPrivate != nil {
            parts.append("blocks \(swiftEncryptBlock)/\(swiftDecryptBlock)")
        }
        if facade.encryptPrivate != nil || facade.decryptPublic != nil, swiftPrivateEncryptBlock != swiftEncryptBlock {
            parts.append("private-key blocks \(swiftPrivateEncryptBlock)/\(swiftDecryptBlock)")
        }
        parts.append("\(keySize ?? k * 8)-bit keys")
        if let charset, charset != "unknown" { parts.append("text as \(charset)") }
        let settings = parts.joined(separator: ", ")
        if compatible { return (settings, nil) }

        var reasons: [String] = []
        if longRoundTrip == false, decryptSlices == .smaller, let dec = facade.decryptPrivate {
            let size = decryptBlock.map { "\($0)-byte" } ?? "smaller"
            reasons.append("its \(dec.name) cuts ciphertexts into \(size) slices but a \(k * 8)-bit key makes \(k)-byte blocks, "
                + "so nothing encrypted for it (by Java or Swift) decrypts; Swift can read its ciphertexts with \(settings), "
                + "but Swift → Java encryption cannot work until the class uses \(k - 11)/\(k) (MAX_ENCRYPT_BLOCK = \(k - 11), MAX_DECRYPT_BLOCK = \(k))")
        } else if longRoundTrip == false, decryptSlices == .larger || (encryptBlock == nil && facade.encryptPublic != nil) {
            reasons.append("its chunk sizes are larger than a \(k * 8)-bit key allows: inputs over \(k - 11) bytes fail in Java "
                + "(IllegalBlockSizeException), so only one-block messages (up to \(k - 11) bytes) work both ways; "
                + "the class needs \(k - 11)/\(k) (MAX_ENCRYPT_BLOCK = \(k - 11), MAX_DECRYPT_BLOCK = \(k))")
        } else if encryptBlock == nil, facade.encryptPublic != nil, let note = encryptNote {
            reasons.append(note)
        }
        if let algorithm, !algorithm.isSupported {
            reasons.append("its signature algorithm \(algorithm.jcaSignatureName) is not implemented on the Swift side")
        } else if algorithm == nil, facade.sign != nil || facade.verify != nil {
            reasons.append(algorithmNote ?? "its signature algorithm was not recognised")
        }
        if reasons.isEmpty {
            if failures.isEmpty {
                reasons.append("no matrix check could run")
            } else {
                let first = failures[0]
                var text = "\(failures.count) matrix check\(failures.count == 1 ? "" : "s") fail, first: \(first.name)"
                if let actual = first.actual { text += " (\(actual))" }
                reasons.append(text)
            }
        }
        return (settings, reasons.joined(separator: "; "))
    }

    private func findings(style: (lineBreaks: Bool, style: String), compatible: Bool, failures: [JavaCheckItem]) -> [String] {
        var out: [String] = []
        // Keys.
        if let keySize {
            out.append("key size \(keySize) bits (modulus of the key pair from \(keySource))")
        }
        out += keyNotes
        // Signatures.
        if let algorithm {
            var text = "signature algorithm \(algorithm.jcaSignatureName)"
            text += facade.sign != nil ? " (its signature verifies on the Swift side with \(algorithm.rawValue) and no other hash)"
                : " (its verify accepts Swift's \(algorithm.jcaSignatureName) signatures)"
            out.append(text)
            if let note = algorithmNote { out.append(note) }
        } else if let note = algorithmNote {
            out.append("signature algorithm not recognised: \(note)")
        }
        if facade.verifyOrder == .signatureThenKey {
            out.append("its verify takes (data, signature, publicKey), not RsaUtils' (data, publicKey, signature)")
        }
        // Blocks.
        if let note = encryptNote { out.append(note) }
        if let note = decryptNote {
            out.append(decryptBlockMeasured ? note : note + " [decryptBlock inferred, not observed]")
        }
        if let note = privateEncryptNote, privateEncryptBlock != encryptBlock { out.append(note) }
        if let note = publicDecryptNote, publicDecryptBlock != decryptBlock || !decryptBlockMeasured { out.append(note) }
        if let note = longRoundTripNote {
            if longRoundTrip == false {
                var text = "DEFECT: " + note
                if decryptSlices == .smaller, let block = encryptBlock, block + 11 < k {
                    text += ". This is the \(k * 8)-bit-key-with-\(block)/\(block + 11) defect: the chunk sizes are those of a \((block + 11) * 8)-bit key; "
                        + "encryption still works (\(block)-byte chunks fit) but every \(decryptBlock ?? block + 11)-byte slice of a \(k)-byte block "
                        + "fails the padding check. Swift settings that read its ciphertexts: \(algorithm?.jcaSignatureName ?? "its signature algorithm"), "
                        + "blocks \(block)/\(k); fix the class with MAX_ENCRYPT_BLOCK = \(k - 11) and MAX_DECRYPT_BLOCK = \(k)"
                } else if decryptSlices == .larger || encryptBlock == nil {
                    text += ". Its chunk sizes are larger than a \(k * 8)-bit key allows (the constants of a bigger key): inputs over \(k - 11) bytes "
                        + "throw IllegalBlockSizeException, one-block messages still work both ways; fix the class with "
                        + "MAX_ENCRYPT_BLOCK = \(k - 11) and MAX_DECRYPT_BLOCK = \(k)"
                }
                out.append(text)
            } else {
                out.append(note)
            }
        }
        // Base64.
        if style.lineBreaks {
            out.append("its Base64 output has line breaks (\(style.style)); Swift's LenientBase64 skips them when reading, "
                + "and Swift's strings without line breaks are what it gets back (commons-codec and java.util.Base64 both accept them)")
        } else {
            out.append(style.style == "no line breaks" ? "Base64 without line breaks" : "Base64: \(style.style)")
        }
        // Charset.
        if let charset {
            let distinct = Set(charsetByMethod.values)
            var text = "charset of its String methods: \(charset)"
            if let source = charsetSource {
                text += source == "platform default"
                    ? " (the platform default: JVM default here \(hello.charset); it follows -Dfile.encoding / the server's locale, so the Swift side must use the server's charset)"
                    : " (fixed in the code; this JVM's default is \(hello.charset))"
            }
            out.append(text)
            if distinct.count > 1 || charsetFollowsPlatform.values.contains(true) && charsetFollowsPlatform.values.contains(false) {
                let perMethod = charsetByMethod.keys.sorted().map { signature -> String in
                    let follows = charsetFollowsPlatform[signature].map { $0 ? ", platform default" : ", fixed" } ?? ""
                    return "\(signature): \(charsetByMethod[signature] ?? "unknown")\(follows)"
                }
                out.append("charset per method: " + perMethod.joined(separator: "; "))
            }
            if charset != "UTF-8" && charset != "unknown" {
                out.append("text must be encoded as \(charset) on the Swift side (String.utf8 gives different bytes for non-ASCII text)")
            }
        }
        out += charsetNotes
        // Fail-open.
        if let note = failOpenNote {
            out.append(failOpen == true
                ? note + "; a caller cannot tell a failure from a ciphertext (the Swift side throws instead)"
                : note)
        }
        if !facade.unusable.isEmpty {
            out.append("not called (parameter types java-check does not drive): " + facade.unusable.map(\.signature).joined(separator: "; "))
        }
        let skipped = matrix.filter { $0.verdict == .skip }
        if !skipped.isEmpty {
            let reasons = Array(Set(skipped.compactMap(\.detail))).sorted()
            out.append("\(skipped.count) matrix checks skipped: " + reasons.joined(separator: "; "))
        }
        if compatible {
            out.append("compatible: every matrix check passes")
        } else {
            out.append("NOT compatible: \(failures.count) of \(matrix.count) matrix checks fail")
        }
        return out
    }
}
