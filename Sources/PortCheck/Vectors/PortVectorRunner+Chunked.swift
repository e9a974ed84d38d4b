import Conformance
import RSA

/// The JDK-made chunked ciphertexts (`rsautils_chunked_test.json`): the port must decrypt them to
/// the message, and its private-key encryption (type 1, deterministic) must give the JDK's bytes.
///
/// Only groups that model a working RsaUtils for their key are run: decryption slices of k bytes
/// (a k-byte key's block) and encryption slices of at most k − 11 bytes. The other groups record
/// how Java fails with constants that do not fit the key; a port has one chunking of its own, so
/// they are skips with that reason (the profile and matrix measure the port's own chunking).
///
/// Only groups of the port's own key size run (1024 bits when it has no genKeyPair): RsaUtils' chunk
/// constants belong to one key size, and Java's RsaUtils fails the same way with other keys.
extension PortVectorRunner {
    func runChunked(_ file: WycheproofFile<RsaUtilsChunkedGroup>, file name: String) throws {
        for (index, group) in file.testGroups.enumerated() {
            let k = (group.keys.keySize + 7) / 8
            let role = group.encryptKey == .public ? "public" : "private"
            let decryptOp: AdapterOp = group.encryptKey == .public ? .decryptByPrivateKey : .decryptByPublicKey
            let suite = "\(decryptOp.rawValue) \(group.keys.keySize) blocks \(group.encryptBlock)/\(group.decryptBlock)"
            let exactSuite = "encryptByPrivateKey \(group.keys.keySize) blocks \(group.encryptBlock)/\(group.decryptBlock)"
            guard group.decryptBlock == k, group.encryptBlock <= k - 11 else {
                let reason = "the group records Java with blocks \(group.encryptBlock)/\(group.decryptBlock) on a \(group.keys.keySize)-bit key "
                    + "(\(k - 11)/\(k) fit it); the port's own chunking is measured by the profile"
                skipAll(suite: suite, file: name, group: index, group.tests, reason)
                continue
            }
            let ownSize = portKeySize ?? 1024
            guard group.keys.keySize == ownSize else {
                let reason = "\(group.keys.keySize)-bit key; the port's keys have \(ownSize) bits"
                    + (portKeySize == nil ? " (assumed: no usable genKeyPair)" : "")
                skipAll(suite: suite, file: name, group: index, group.tests, reason)
                if group.encryptKey == .private { skipAll(suite: exactSuite, file: name, group: index, group.tests, reason) }
                continue
            }
            progress("vectors: \(name) group \(index)")
            if port.has(decryptOp) {
                for test in group.tests {
                    let observation = try observe({
                        let ct = LenientBase64.encode(test.ct.bytes)
                        let plain = group.encryptKey == .public
                            ? try port.decryptByPrivateKey(privateKey: keyFormat.privateKey(pkcs8: group.keys.privateKeyPkcs8.bytes), ciphertext: ct)
                            : try port.decryptByPublicKey(publicKey: keyFormat.publicKey(spki: group.keys.publicKeyDer.bytes), ciphertext: ct)
                        guard plain == test.msg.bytes else {
                            return .mismatch("its \(decryptOp.rawValue) of the JDK's \(role)-key ciphertext differs from the message",
                                             expected: test.msg.bytes, actual: plain)
                        }
                        return .accepted(output: plain)
                    }, onError: { .rejected("\(decryptOp.rawValue) failed: \($0)") })
                    record(suite: suite, file: name, group: index, test,
                           comment: "decrypt the JDK's ciphertext: \(test.comment)", observation)
                }
            } else {
                skipAll(suite: suite, file: name, group: index, group.tests, Self.lacks(decryptOp))
            }
            guard group.encryptKey == .private else { continue }
            guard group.encryptBlock == k - 11 else {
                skipAll(suite: exactSuite, file: name, group: index, group.tests,
                        "the group encrypts \(group.encryptBlock)-byte slices; a port is compared byte for byte with \(k - 11)-byte slices")
                continue
            }
            guard port.has(.encryptByPrivateKey) else {
                skipAll(suite: exactSuite, file: name, group: index, group.tests, Self.lacks(.encryptByPrivateKey))
                continue
            }
            for test in group.tests {
                let observation = try observe({
                    let text = try port.encryptByPrivateKey(privateKey: keyFormat.privateKey(pkcs8: group.keys.privateKeyPkcs8.bytes), data: test.msg.bytes)
                    if !test.msg.bytes.isEmpty { base64Outputs.append(text) }
                    let ct = LenientBase64.decode(text)
                    guard ct == test.ct.bytes else {
                        return .mismatch("its encryptByPrivateKey differs from the JDK's (type 1 padding is deterministic)",
                                         expected: test.ct.bytes, actual: ct)
                    }
                    return .accepted(output: ct)
                }, onError: { .rejected("encryptByPrivateKey failed: \($0)") })
                record(suite: exactSuite, file: name, group: index, test,
                       comment: "encrypt with the private key, byte for byte: \(test.comment)", observation)
            }
        }
    }
}
