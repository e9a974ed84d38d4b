import RSA

/// RsaUtils chunked encryption: blocks of `encryptBlock` bytes encrypted one by one (type 2 with the
/// public key and the vector's PS per block, type 1 with the private key), ciphertext cut into
/// `decryptBlock` bytes to decrypt. Invalid cases fail at the step named by `failsAt`.
public struct RsaUtilsChunkedSuite: VectorSuite {
    public typealias Group = RsaUtilsChunkedGroup
    public static let schema = RsaUtilsChunkedGroup.schema

    public init() {}

    public func run(_ file: WycheproofFile<Group>, path: String, context: RunContext) -> OutcomeLog {
        var recorder = OutcomeRecorder(path: path)
        for (index, group) in file.testGroups.enumerated() {
            switch LoadedKeyPair.load(group.keys) {
            case .failure(let problem):
                recorder.recordAll(group.tests, group: index, problem.observation)
            case .success(let keys):
                for test in group.tests {
                    recorder.record(test, group: index) { chunked(test, group: group, keys: keys) }
                }
            }
        }
        return recorder.outcomes
    }

    func chunked(_ test: RsaUtilsChunkedTestVector, group: Group, keys: LoadedKeyPair) -> Observation {
        let ct: [UInt8]
        do {
            switch group.encryptKey {
            case .public:
                ct = try RsaUtilsCipher.encrypt(test.msg.bytes, publicKey: keys.publicKey, block: group.encryptBlock,
                                                paddingStrings: test.ps.map(\.bytes))
            case .private:
                ct = try RsaUtilsCipher.encrypt(test.msg.bytes, privateKey: keys.privateKey, block: group.encryptBlock)
            }
        } catch {
            if test.failsAt == .decrypt {
                return .mismatch("encryption failed but the case says only decryption fails: \(describe(error))",
                                 expected: test.ct.bytes, actual: nil)
            }
            return .rejected("encryption failed: \(describe(error))")
        }
        if test.failsAt == .encrypt { return .accepted(output: ct) }
        var compare = Comparison()
        compare.expect("ciphertext", ct, equals: test.ct.bytes)
        if let mismatch = compare.mismatch { return mismatch }
        let plaintext: [UInt8]
        do {
            switch group.encryptKey {
            case .public: plaintext = try RsaUtilsCipher.decrypt(test.ct.bytes, privateKey: keys.privateKey, block: group.decryptBlock)
            case .private: plaintext = try RsaUtilsCipher.decrypt(test.ct.bytes, publicKey: keys.publicKey, block: group.decryptBlock)
            }
        } catch {
            return .rejected("decryption failed: \(describe(error))")
        }
        if test.failsAt == .decrypt { return .accepted(output: plaintext) }
        compare.expect("decrypted plaintext", plaintext, equals: test.msg.bytes)
        return compare.mismatch ?? .accepted(output: plaintext)
    }
}
