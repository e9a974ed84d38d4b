import Conformance
import RSA

/// Signatures: the port's `sign` must give the JDK's bytes (PKCS#1 v1.5 is deterministic), its
/// `verify` the JDK's verdicts.
extension PortVectorRunner {
    func runSign(_ file: WycheproofFile<RsassaPkcs1GenerateGroup>, file name: String) throws {
        for (index, group) in file.testGroups.enumerated() {
            let alg = HashAlgorithm(rawValue: group.sha)?.jcaSignatureName ?? group.sha
            let suite = "sign \(alg) \(group.keySize)"
            guard port.has(.sign) else {
                skipAll(suite: suite, file: name, group: index, group.tests, Self.lacks(.sign))
                continue
            }
            progress("vectors: \(name) group \(index)")
            let key = keyFormat.privateKey(pkcs8: group.privateKeyPkcs8.bytes)
            for test in group.tests {
                let observation = try observe({
                    let text = try port.sign(alg: alg, privateKey: key, data: test.msg.bytes)
                    base64Outputs.append(text)
                    let signature = LenientBase64.decode(text)
                    guard signature == test.sig.bytes else {
                        return .mismatch("its \(alg) signature differs from the JDK's", expected: test.sig.bytes, actual: signature)
                    }
                    return .accepted(output: signature)
                }, onError: { error in
                    noteRefusal(error, alg: alg)
                    return .rejected("sign failed: \(error)")
                })
                record(suite: suite, file: name, group: index, test, observation)
            }
        }
    }

    func runVerify(_ file: WycheproofFile<RsassaPkcs1VerifyGroup>, file name: String) throws {
        for (index, group) in file.testGroups.enumerated() {
            let alg = HashAlgorithm(rawValue: group.sha)?.jcaSignatureName ?? group.sha
            let suite = "verify \(alg) \(group.keySize)"
            guard port.has(.verify) else {
                skipAll(suite: suite, file: name, group: index, group.tests, Self.lacks(.verify))
                continue
            }
            progress("vectors: \(name) group \(index)")
            let key = keyFormat.publicKey(spki: group.publicKeyDer.bytes)
            for test in group.tests {
                let observation = try observe({
                    let valid = try port.verify(alg: alg, publicKey: key, data: test.msg.bytes,
                                                signature: LenientBase64.encode(test.sig.bytes))
                    return valid ? .accepted() : .rejected("verify answered false")
                }, onError: { error in
                    // A port that throws on a bad signature (as the JDK does for a wrong length) rejects it.
                    noteRefusal(error, alg: alg)
                    return .rejected("verify failed: \(error)")
                })
                record(suite: suite, file: name, group: index, test, observation)
                if test.result == .acceptable, let java = test.javaVerdict {
                    let mine: String? = { if case .accepted = observation { return "accepted" }
                                          if case .rejected = observation { return "rejected" }
                                          return nil }()
                    if let mine, mine != java { javaDisagreements.append((alg, "\(alg) \(group.keySize) tcId \(test.tcId) (\(test.comment)): the JDK \(java), the port \(mine)")) }
                }
            }
        }
    }

    /// `acceptable` verify cases the port decides differently from the JDK: not failures (either verdict
    /// is allowed), but worth knowing when a signer produces such signatures.
    var javaDisagreementNote: String? {
        let relevant = javaDisagreements.filter { usedAlgorithms.contains($0.alg) }.map(\.text)
        guard !relevant.isEmpty else { return nil }
        return "verify differs from the JDK on \(relevant.count) `acceptable` signature\(relevant.count == 1 ? "" : "s") "
            + "(allowed either way): " + relevant.prefix(3).joined(separator: "; ") + (relevant.count > 3 ? "; …" : "")
    }

    private func noteRefusal(_ error: Error, alg: String) {
        guard let refusal = error as? PortRefusal else { return }
        if algorithmUse[alg, default: AlgorithmUse()].firstRefusal == nil {
            algorithmUse[alg, default: AlgorithmUse()].firstRefusal = refusal.message
        }
    }
}
