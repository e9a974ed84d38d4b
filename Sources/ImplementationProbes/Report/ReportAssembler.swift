import RSA

/// Profile + matrix → report: the contract fields, the verdict, the Swift settings that match and
/// the findings (each naming the real cause and the real fix).
struct ReportAssembler {
    let ctx: ProbeContext
    let profile: ImplementationProfile
    let matrix: [MatrixItem]

    var impl: ImplementationUnderTest { ctx.implementation }
    var k: Int { profile.k }
    var w: SubjectWording { ctx.wording }

    func report() -> ImplementationReport {
        let subject = impl.subject
        var r = ImplementationReport(className: subject.name)
        r.kind = subject.kind
        r.classpath = subject.location
        r.java = subject.runtime
        r.jvmCharset = subject.defaultCharset
        let listing = impl as? MethodListing
        r.methods = listing?.methodDescriptions ?? impl.operations.sorted { $0.rawValue < $1.rawValue }.map {
            MethodDescription(role: $0.rawValue, name: impl.methodName(of: $0), parameters: [], returns: "", isStatic: true, visibility: "public")
        }
        r.argumentOrder = listing?.argumentOrder ?? [:]
        r.keySize = profile.keys.keySize
        r.keySource = profile.keys.source
        r.keyGenerator = profile.keys.generator
        r.signatureAlgorithm = profile.signature.algorithm?.jcaSignatureName
        let pc = profile.publicCipher, vc = profile.privateCipher
        r.encryptBlock = pc.encryptBlock
        r.decryptBlock = pc.decryptBlock
        r.decryptBlockMeasured = pc.decryptBlockMeasured
        r.privateEncryptBlock = vc.encryptBlock
        r.publicDecryptBlock = vc.decryptBlock
        r.encryptChunking = pc.encryptChunking
        r.decryptChunking = pc.decryptChunking
        r.encryptPadding = pc.encryptPadding?.contractName
        r.decryptPadding = pc.decryptPadding?.contractName
        r.base64LineBreaks = profile.base64.lineBreaks
        r.base64Style = profile.base64.summary
        r.base64Styles = profile.base64.styles
        r.charset = profile.charset.charset
        r.charsetSource = profile.charset.source
        r.charsetByMethod = profile.charset.byMethod
        r.failOpen = profile.failOpen.failOpen
        r.longRoundTrip = profile.noChunking ? nil : profile.roundTrip.survives
        r.matrix = matrix
        r.skips = skips(listing: listing)

        let failures = matrix.filter { $0.verdict == .fail }
        let passes = matrix.contains { $0.verdict == .pass }
        r.verdict = !failures.isEmpty ? "incompatible" : (passes ? "compatible" : "not-evaluable")
        r.compatible = r.verdict == "compatible"
        let (settings, caveat) = swiftSettings(verdict: r.verdict, failures: failures)
        r.swiftSettings = settings
        r.swiftSettingsCaveat = caveat
        r.findings = FindingsWriter(assembler: self, report: r, failures: failures).findings()
        return r
    }

    /// Probe limits (each with its reason), discovery's, and the matrix's skips.
    private func skips(listing: MethodListing?) -> [ProbeSkip] {
        var out = profile.keys.skips
        if let skip = profile.charset.skip, !(impl is TextHelperCapable) || profile.charset.order.isEmpty { out.append(skip) }
        out += listing?.discoverySkips ?? []
        for operation in [ImplementationOperation.genKeyPair, .sign, .verify, .encryptByPublicKey, .decryptByPrivateKey,
                          .encryptByPrivateKey, .decryptByPublicKey] where !impl.has(operation)
            && !(operation == .genKeyPair && out.contains { $0.check == "keys.genKeyPair" }) {
            out.append(ProbeSkip(check: operation.rawValue, reason: "no \(operation.rawValue) method found"))
        }
        for item in matrix where item.verdict == .skip {
            out.append(ProbeSkip(check: item.id, reason: item.detail ?? "skipped"))
        }
        var seen = Set<ProbeSkip>()
        return out.filter { seen.insert($0).inserted }
    }

    /// "MD5withRSA, blocks 117/128, 1024-bit keys, text as UTF-8", and why they fall short.
    private func swiftSettings(verdict: String, failures: [MatrixItem]) -> (String, String?) {
        var parts: [String] = []
        if let algorithm = profile.signature.algorithm { parts.append(algorithm.jcaSignatureName) }
        if impl.has(.encryptByPublicKey) || impl.has(.decryptByPrivateKey) {
            if profile.noChunking {
                parts.append("no chunking (one block, at most \(profile.swiftEncryptPadding.maximumMessage(k: k)) bytes per message)")
            } else {
                parts.append("blocks \(profile.swiftEncryptBlock)/\(k)")
            }
            let enc = profile.swiftEncryptPadding, dec = profile.swiftDecryptPadding
            if enc != .pkcs1 || dec != .pkcs1 {
                parts.append(enc == dec ? "\(enc.jcaName)" : "encrypt for it with \(enc.jcaName), decrypt its ciphertexts with \(dec.jcaName)")
            }
        }
        if impl.has(.encryptByPrivateKey) || impl.has(.decryptByPublicKey), profile.swiftPrivateEncryptBlock != profile.swiftEncryptBlock {
            parts.append("private-key blocks \(profile.swiftPrivateEncryptBlock)/\(k)")
        }
        parts.append("\(profile.keys.keySize ?? k * 8)-bit keys")
        if let charset = profile.charset.charset, charset != "unknown" { parts.append("text as \(charset)") }
        if let style = profile.base64.styles.values.first(where: { $0 == "hex" }) { parts.append("binary values as \(style)") }
        if profile.base64.styles.values.contains(where: { $0.contains("URL-safe") }) { parts.append("URL-safe Base64 for its values") }
        let settings = parts.joined(separator: ", ")
        if verdict == "compatible" { return (settings, nil) }
        if verdict == "not-evaluable" { return (settings, "no matrix check could be evaluated (see skips)") }

        var reasons: [String] = []
        let pc = profile.publicCipher
        for f in [pc, profile.privateCipher] {
            if f.encryptUnpadded, let note = f.encryptNote { reasons.append(note) }
            if f.decryptUnpadded, let note = f.decryptNote, !f.encryptUnpadded { reasons.append(note) }
        }
        if profile.roundTrip.survives == false, pc.slices == .smaller, impl.has(.decryptByPrivateKey) {
            let size = pc.decryptBlock.map { "\($0)-byte" } ?? "smaller"
            reasons.append("its \(ctx.name(.decryptByPrivateKey)) cuts ciphertexts into \(size) slices but a \(k * 8)-bit key makes \(k)-byte blocks, "
                + "so nothing encrypted for it (by \(w.actor) or Swift) decrypts; Swift can read its ciphertexts with \(settings), "
                + "but Swift → \(w.actor) encryption cannot work until \(w.subject) uses \(k - 11)/\(k) (\(fix(observedEncrypt: pc.encryptBlock, observedDecrypt: pc.decryptBlock)))")
        } else if !profile.noChunking, profile.roundTrip.survives == false, pc.slices == .larger || (pc.encryptBlock == nil && impl.has(.encryptByPublicKey)) {
            reasons.append("its chunk sizes are larger than a \(k * 8)-bit key allows: inputs over \(k - 11) bytes fail in \(w.actor) "
                + "(IllegalBlockSizeException), so only one-block messages (up to \(k - 11) bytes) work both ways; "
                + "\(w.subject) needs \(k - 11)/\(k) (\(fix(observedEncrypt: nil, observedDecrypt: nil)))")
        } else if pc.encryptBlock == nil, !pc.encryptUnpadded, !profile.noChunking, impl.has(.encryptByPublicKey), let note = pc.encryptNote {
            reasons.append(note)
        }
        if let algorithm = profile.signature.algorithm, !algorithm.isSupported {
            reasons.append("its signature algorithm \(algorithm.jcaSignatureName) is not implemented on the Swift side")
        } else if profile.signature.algorithm == nil, impl.has(.sign) || impl.has(.verify) {
            reasons.append(profile.signature.note ?? "its signature algorithm was not recognised")
        }
        if reasons.isEmpty, let first = failures.first {
            var text = "\(failures.count) matrix check\(failures.count == 1 ? "" : "s") fail, first: \(first.name)"
            if let actual = first.actual { text += " (\(actual))" }
            reasons.append(text)
        }
        return (settings, reasons.joined(separator: "; "))
    }

    /// The fix in the class's own words: its int constants holding the wrong sizes, set to the right
    /// ones; without such constants, the chunk sizes to use (never a constant it does not have).
    func fix(observedEncrypt: Int?, observedDecrypt: Int?) -> String {
        guard let listing = impl as? MethodListing else {
            // A port: its constants are unknown; RsaUtils' names say which sizes are meant.
            return "MAX_ENCRYPT_BLOCK = \(k - 11) and MAX_DECRYPT_BLOCK = \(k) (RsaUtils' names)"
        }
        let constants = listing.intConstants
        let wrong = Set([observedEncrypt, observedDecrypt].compactMap { $0 }).union(profile.publicCipher.oversizedConstants.values)
        let named = constants.filter { wrong.contains($0.value) }.sorted { ($0.value % 64, $0.key) > ($1.value % 64, $1.key) }
        guard !named.isEmpty else { return "chunks of \(k - 11) bytes to encrypt and \(k) to decrypt" }
        return named.map { name, value in
            // Decryption sizes are whole key sizes (128, 256, ...); encryption sizes are 11 less.
            let encryptSide = value == observedEncrypt || value % 64 != 0
            return "\(name) = \(encryptSide ? k - 11 : k)"
        }.joined(separator: " and ")
    }
}
