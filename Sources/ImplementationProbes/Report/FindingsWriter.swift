import RSA

/// The findings: one sentence each, naming what the implementation does, the real cause of a
/// mismatch and the real fix (never advice about constants the class does not have).
struct FindingsWriter {
    let assembler: ReportAssembler
    let report: ImplementationReport
    let failures: [MatrixItem]

    var profile: ImplementationProfile { assembler.profile }
    var ctx: ProbeContext { assembler.ctx }
    var impl: ImplementationUnderTest { ctx.implementation }
    var k: Int { profile.k }
    var w: SubjectWording { ctx.wording }

    func findings() -> [String] {
        var out: [String] = []
        out += (impl as? MethodListing)?.discoveryFindings ?? []
        out += keys()
        out += signature()
        out += cipher()
        out += base64()
        out += charset()
        if let note = profile.failOpen.note {
            out.append(profile.failOpen.failOpen == true
                ? note + "; a caller cannot tell a failure from a ciphertext (the Swift side throws instead)" : note)
        }
        if !report.skips.isEmpty {
            out.append("\(report.skips.count) check\(report.skips.count == 1 ? "" : "s") skipped (limits of the probe, see skips)")
        }
        switch report.verdict {
        case "compatible": out.append("compatible: every matrix check passes")
        case "incompatible": out.append("NOT compatible: \(failures.count) of \(report.matrix.count) matrix checks fail")
        default: out.append("not evaluable: no matrix check could run (see skips)")
        }
        return out
    }

    private func keys() -> [String] {
        var out: [String] = []
        if let size = profile.keys.keySize {
            out.append("key size \(size) bits (modulus of the key pair from \(profile.keys.generator ?? "its key generator"))")
        }
        return out + profile.keys.notes
    }

    private func signature() -> [String] {
        var out: [String] = []
        let s = profile.signature
        if let algorithm = s.algorithm {
            out.append("signature algorithm \(algorithm.jcaSignatureName)" + (impl.has(.sign)
                ? " (its signature verifies on the Swift side with \(algorithm.rawValue) and no other hash)"
                : " (its verify accepts Swift's \(algorithm.jcaSignatureName) signatures)"))
            if let note = s.note { out.append(note) }
        } else if let note = s.note {
            out.append("signature algorithm not recognised: \(note)")
        }
        return out
    }

    private func cipher() -> [String] {
        var out: [String] = []
        let pc = profile.publicCipher, vc = profile.privateCipher
        if let note = pc.encryptNote { out.append(note) }
        if let note = pc.decryptNote {
            out.append(pc.decryptBlockMeasured || pc.decryptBlock == nil ? note : note + " [decryptBlock inferred, not observed]")
        }
        if let note = vc.encryptNote, vc.encryptBlock != pc.encryptBlock || vc.encryptChunking != pc.encryptChunking { out.append(note) }
        if let note = vc.decryptNote, vc.decryptBlock != pc.decryptBlock || vc.decryptChunking != pc.decryptChunking { out.append(note) }
        // Padding per direction.
        let enc = pc.encryptPadding, dec = pc.decryptPadding
        if enc != nil && enc != .pkcs1 || dec != nil && dec != .pkcs1 {
            let e = enc.map { $0 == .pkcs1 ? "PKCS#1 v1.5" : $0.jcaName } ?? "unknown"
            let d = dec.map { $0 == .pkcs1 ? "PKCS#1 v1.5" : $0.jcaName } ?? "unknown"
            var text = "padding: its encryption uses \(e), its decryption \(d)"
            if let limit = enc.map({ $0.maximumMessage(k: k) }), enc != .pkcs1 {
                text += "; one \(k)-byte \(enc?.contractName ?? "") block holds at most \(limit) bytes (not the PKCS#1 limit \(k - 11))"
            }
            if enc != dec, enc != nil, dec != nil {
                text += "; the two directions differ, so its own encrypt → decrypt cannot round-trip: the Swift side must encrypt for it with \(d) and decrypt its output with \(e)"
            }
            out.append(text)
        }
        if profile.noChunking {
            let limit = profile.swiftEncryptPadding.maximumMessage(k: k)
            out.append("no chunking: one doFinal per call, so a message must fit one \(k)-byte block (at most \(limit) bytes); "
                + "the Swift side must not chunk either (longer messages fail in \(w.actor): split them in the protocol, or add chunking "
                + "to \(w.subject) with blocks of \(limit)/\(k))")
        } else if let note = profile.roundTrip.note {
            if profile.roundTrip.survives == false && profile.mixedPadding {
                out.append(note + " (expected: its two directions use different paddings)")
            } else if profile.roundTrip.survives == false {
                out.append(defect(note))
            } else {
                out.append(note)
            }
        }
        return out
    }

    /// Why its own long round trip fails, with the fix that matches what the class has.
    private func defect(_ note: String) -> String {
        let pc = profile.publicCipher
        var text = "DEFECT: " + note
        if pc.slices == .smaller, let block = pc.encryptBlock, block + 11 < k {
            text += ". This is the \(k * 8)-bit-key-with-\(block)/\(block + 11) defect: the chunk sizes are those of a \((block + 11) * 8)-bit key; "
                + "encryption still works (\(block)-byte chunks fit) but every \(pc.decryptBlock ?? block + 11)-byte slice of a \(k)-byte block "
                + "fails the padding check. Swift settings that read its ciphertexts: \(profile.signature.algorithm?.jcaSignatureName ?? "its signature algorithm"), "
                + "blocks \(block)/\(k); fix \(w.subject) with \(assembler.fix(observedEncrypt: block, observedDecrypt: pc.decryptBlock ?? block + 11))"
        } else if pc.slices == .larger || pc.encryptBlock == nil {
            let constants = pc.oversizedConstants.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: ", ")
            text += ". Its chunk sizes are larger than a \(k * 8)-bit key allows"
                + (constants.isEmpty ? "" : " (its constants \(constants) are those of a bigger key)")
                + ": inputs over \(k - 11) bytes throw IllegalBlockSizeException, one-block messages still work both ways; fix \(w.subject) with "
                + assembler.fix(observedEncrypt: nil, observedDecrypt: nil)
        }
        return text
    }

    private func base64() -> [String] {
        let b = profile.base64
        guard !b.styles.isEmpty else { return ["Base64 style: no Base64 output observed (its methods return bytes)"] }
        var out: [String] = []
        let distinct = Set(b.styles.values)
        if distinct.count > 1 {
            out.append("output encoding differs per method: " + b.styles.keys.sorted().map { "\($0): \(b.styles[$0] ?? "")" }.joined(separator: "; "))
        }
        if distinct.contains("hex") {
            let methods = b.styles.filter { $0.value == "hex" }.keys.sorted().joined(separator: ", ")
            out.append("\(methods) return\(methods.contains(",") ? "" : "s") hex, not Base64: the Swift side must write and read lowercase hex for those values")
        }
        if b.lineBreaks == true {
            let broken = b.styles.filter { $0.value.contains("every") }.map { "\($0.key) (\($0.value))" }.sorted().joined(separator: ", ")
            out.append("Base64 with line breaks from \(broken); Swift's LenientBase64 skips them when reading, "
                + "and Swift's strings without line breaks are what it gets back (commons-codec and the MIME decoders accept them)")
        } else if b.lineBreaks == false, distinct.count == 1 {
            out.append(b.summary == "no line breaks" ? "Base64 without line breaks" : "Base64: \(b.summary)")
        }
        return out
    }

    private func charset() -> [String] {
        let c = profile.charset
        guard let charset = c.charset else { return [] }
        var out: [String] = []
        let platform = impl.subject.defaultCharset
        var text = "charset of its String methods: \(charset)"
        if let source = c.source {
            text += source == "platform default"
                ? " (the platform default: \(w.runtime) default here \(platform); it follows -Dfile.encoding / the server's locale, so the Swift side must use the server's charset)"
                : " (fixed in the code; this \(w.runtime)'s default is \(platform))"
        }
        out.append(text)
        if Set(c.byMethod.values).count > 1 || c.followsPlatform.values.contains(true) && c.followsPlatform.values.contains(false) {
            out.append("charset per method: " + c.byMethod.keys.sorted().map { signature in
                let follows = c.followsPlatform[signature].map { $0 ? ", platform default" : ", fixed" } ?? ""
                return "\(signature): \(c.byMethod[signature] ?? "unknown")\(follows)"
            }.joined(separator: "; "))
        }
        if charset != "UTF-8" && charset != "unknown" {
            out.append("text must be encoded as \(charset) on the Swift side (String.utf8 gives different bytes for non-ASCII text)")
        }
        return out + c.notes
    }
}
