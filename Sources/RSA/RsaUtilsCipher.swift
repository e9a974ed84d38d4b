/// The chunking loop of Java's RsaUtils: the input is cut into fixed slices, each slice is one
/// PKCS#1 v1.5 block, the blocks are concatenated. With a public key the blocks are type 2
/// (random padding), with a private key type 1 (as the JDK's Cipher does).
///
/// Default block sizes follow the key: k − 11 to encrypt, k to decrypt (RsaUtils hard-codes
/// 117/128, which only fit 1024-bit keys). Empty input gives empty output.
public enum RsaUtilsCipher {
    /// Encrypts with the public key (type 2). `paddingStrings`, when given, fixes the PS of each
    /// block (one per block) so that the output is deterministic.
    public static func encrypt(_ data: [UInt8], publicKey: RSAPublicKey, block: Int? = nil,
                               paddingStrings: [[UInt8]]? = nil) throws -> [UInt8] {
        let k = publicKey.modulusByteCount
        let size = try encryptBlock(block, modulusByteCount: k)
        let chunks = slices(data, size: size)
        if let paddingStrings, paddingStrings.count != chunks.count {
            throw RSAError.invalidPaddingString("\(paddingStrings.count) padding strings for \(chunks.count) blocks")
        }
        var out = [UInt8]()
        out.reserveCapacity(chunks.count * k)
        for (index, chunk) in chunks.enumerated() {
            try checkSlice(chunk, block: size, modulusByteCount: k)
            if let paddingStrings {
                out += try publicKey.encrypt(Array(chunk), paddingString: paddingStrings[index])
            } else {
                out += try publicKey.encrypt(Array(chunk))
            }
        }
        return out
    }

    /// Encrypts with the private key (type 1, deterministic): RsaUtils `encryptByPrivateKey`.
    public static func encrypt(_ data: [UInt8], privateKey: RSAPrivateKey, block: Int? = nil) throws -> [UInt8] {
        let k = privateKey.publicKey.modulusByteCount
        let size = try encryptBlock(block, modulusByteCount: k)
        let chunks = slices(data, size: size)
        for chunk in chunks { try checkSlice(chunk, block: size, modulusByteCount: k) }
        // Each block is a private-key operation: in parallel, as decryption (see `processBlocks`).
        return try processBlocks(chunks) { try privateKey.encryptType1(Array($0)) }
    }

    /// Decrypts with the private key (type 2): RsaUtils `decryptByPrivateKey`.
    ///
    /// The public checks come first and name their block (`ciphertextBlocks`). Then every block is
    /// decrypted even after one has failed, and a padding failure is reported once at the end, as the
    /// opaque `decryptionFailed` that names no block: stopping at, or naming, the first bad block would
    /// tell whether an attacker's block in front of a known-bad one had valid padding (a Bleichenbacher
    /// oracle through the chunk loop; `conformance timing` measures it). The blocks are independent, so
    /// they are decrypted on all cores (`openBlocks`), in order in the output; each block does the same
    /// work whether its padding is valid or not, and the one branch on validity is the last step.
    public static func decrypt(_ data: [UInt8], privateKey: RSAPrivateKey, block: Int? = nil) throws -> [UInt8] {
        let blocks = try ciphertextBlocks(data, block: block, publicKey: privateKey.publicKey).blocks
        let opened = try openBlocks(blocks, privateKey: privateKey)
        guard opened.valid else { throw RSAError.decryptionFailed }
        var output = [UInt8]()
        output.reserveCapacity(opened.blocks.count * privateKey.publicKey.modulusByteCount)
        for block in opened.blocks { output += block.encodedMessage[block.messageStart...] }
        return output
    }

    /// Whether `data` decrypts (every block well padded), with exactly the work of
    /// `decrypt(_:privateKey:block:)` up to its final branch: what `conformance timing` measures.
    @_spi(TimingLeak)
    public static func decryptionSucceeds(_ data: [UInt8], privateKey: RSAPrivateKey, block: Int? = nil) throws -> Bool {
        let blocks = try ciphertextBlocks(data, block: block, publicKey: privateKey.publicKey).blocks
        return try openBlocks(blocks, privateKey: privateKey).valid
    }

    /// Decrypts with the public key (type 1): RsaUtils `decryptByPublicKey`. Nothing here is secret
    /// (cᵉ mod n), so every failure names its block: the first bad one in block order.
    public static func decrypt(_ data: [UInt8], publicKey: RSAPublicKey, block: Int? = nil) throws -> [UInt8] {
        let (blocks, size) = try ciphertextBlocks(data, block: block, publicKey: publicKey)
        var output = [UInt8]()
        for (index, result) in mapBlocks(blocks, { try publicKey.decryptType1($0) }).enumerated() {
            switch result {
            case .success(let bytes)?:
                output += bytes
            case .failure(let error)?:
                guard let rsa = error as? RSAError, rsa == .decryptionFailed else { throw error }
                throw RSAError.ciphertextBlockRejected(
                    CiphertextBlock(index: index, size: size, total: data.count),
                    reason: "raised to e it is not a PKCS#1 v1.5 type-1 block (made by the private key, as encryptByPrivateKey does)")
            case nil:
                throw RSAError.faultDetected  // unreachable: every slot is set
            }
        }
        return output
    }

    /// The ciphertext as k-byte RSA blocks, after the checks that need only public facts, each failure
    /// naming its block (`CiphertextBlock`): the length (a partial last block), a slice longer than k,
    /// an integer not below n (the JDK's "Message is larger than modulus"). They all run before any
    /// private-key operation, so stopping at the first tells nothing secret.
    static func ciphertextBlocks(_ data: [UInt8], block: Int?, publicKey: RSAPublicKey) throws -> (blocks: [[UInt8]], size: Int) {
        let k = publicKey.modulusByteCount
        let size = try decryptBlock(block, data: data, modulusByteCount: k)
        guard let n = publicKey.modulus.serialize(count: k) else { throw RSAError.invalidKey("the modulus does not fit in k bytes") }
        let blocks = try slices(data, size: size).enumerated().map { index, slice in
            let position = CiphertextBlock(index: index, size: size, total: data.count)
            let block = try asBlock(slice, modulusByteCount: k, position: position)
            // Both are k bytes, big-endian: byte order is integer order.
            guard block.lexicographicallyPrecedes(n) else {
                throw RSAError.ciphertextBlockRejected(position, reason: "its integer is not below the modulus n")
            }
            return block
        }
        return (blocks, size)
    }

    static func encryptBlock(_ block: Int?, modulusByteCount k: Int) throws -> Int {
        let size = block ?? PKCS1.maximumMessageLength(modulusByteCount: k)
        guard size >= 1 else { throw RSAError.invalidBlockSize("the encryption block must be at least 1 byte") }
        return size
    }

    /// The JDK throws IllegalBlockSizeException only when an actual slice exceeds k − 11 (a block
    /// of 245 on a 1024-bit key still encrypts a short message), so the check is per slice.
    static func checkSlice(_ slice: ArraySlice<UInt8>, block: Int, modulusByteCount k: Int) throws {
        let maximum = PKCS1.maximumMessageLength(modulusByteCount: k)
        guard slice.count <= maximum else {
            throw RSAError.invalidBlockSize("a \(slice.count)-byte slice (block \(block)) exceeds k − 11 = \(maximum) for a \(k * 8)-bit key")
        }
    }

    /// Any block size is accepted, as in RsaUtils: the JDK decrypts each slice with one `doFinal`.
    /// The ciphertext must be a whole number of blocks, except that a final slice of exactly k bytes
    /// is one RSA block and decrypts (the JDK decrypts a 128-byte ciphertext with block 256 on a
    /// 1024-bit key).
    static func decryptBlock(_ block: Int?, data: [UInt8], modulusByteCount k: Int) throws -> Int {
        let size = block ?? k
        guard size >= 1 else { throw RSAError.invalidBlockSize("the decryption block must be at least 1 byte") }
        let last = data.count % size
        guard last == 0 || last == k else { throw RSAError.ciphertextLengthMismatch(length: data.count, block: size) }
        return size
    }

    /// One slice as the JDK's Cipher sees it: longer than k is IllegalBlockSizeException; shorter is
    /// read as a big-endian number (RSACore), i.e. left-padded with zeros, and then fails the padding
    /// check as in the JDK (RsaUtils' 128 with a 2048-bit key).
    static func asBlock(_ slice: ArraySlice<UInt8>, modulusByteCount k: Int, position: CiphertextBlock) throws -> [UInt8] {
        guard slice.count <= k else {
            throw RSAError.invalidBlockSize("ciphertext \(position) is longer than one \(k * 8)-bit RSA block (\(k) bytes)")
        }
        return [UInt8](repeating: 0, count: k - slice.count) + slice
    }

    static func slices(_ data: [UInt8], size: Int) -> [ArraySlice<UInt8>] {
        stride(from: 0, to: data.count, by: size).map { data[$0..<min($0 + size, data.count)] }
    }
}
