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
    /// Every block is decrypted even after one has failed, and the failure is reported once at the
    /// end: stopping at the first bad block would tell, by the time taken, whether an attacker's
    /// block in front of valid ones had valid padding (a Bleichenbacher oracle through the chunk
    /// loop; `conformance timing` measures it). Slice lengths are public and checked first. The blocks
    /// are independent, so they are decrypted on all cores (`openBlocks`), in order in the output; each
    /// block does the same work whether its padding is valid or not, and the one branch on validity
    /// is the last step.
    public static func decrypt(_ data: [UInt8], privateKey: RSAPrivateKey, block: Int? = nil) throws -> [UInt8] {
        let k = privateKey.publicKey.modulusByteCount
        let size = try decryptBlock(block, data: data, modulusByteCount: k)
        let blocks = try slices(data, size: size).map { try asBlock($0, modulusByteCount: k) }
        let opened = try openBlocks(blocks, privateKey: privateKey)
        guard opened.valid else { throw RSAError.decryptionFailed }
        var output = [UInt8]()
        output.reserveCapacity(opened.blocks.count * k)
        for block in opened.blocks { output += block.encodedMessage[block.messageStart...] }
        return output
    }

    /// Whether `data` decrypts (every block well padded), with exactly the work of
    /// `decrypt(_:privateKey:block:)` up to its final branch: what `conformance timing` measures.
    @_spi(TimingLeak)
    public static func decryptionSucceeds(_ data: [UInt8], privateKey: RSAPrivateKey, block: Int? = nil) throws -> Bool {
        let k = privateKey.publicKey.modulusByteCount
        let size = try decryptBlock(block, data: data, modulusByteCount: k)
        let blocks = try slices(data, size: size).map { try asBlock($0, modulusByteCount: k) }
        return try openBlocks(blocks, privateKey: privateKey).valid
    }

    /// Decrypts with the public key (type 1): RsaUtils `decryptByPublicKey`.
    public static func decrypt(_ data: [UInt8], publicKey: RSAPublicKey, block: Int? = nil) throws -> [UInt8] {
        let k = publicKey.modulusByteCount
        let size = try decryptBlock(block, data: data, modulusByteCount: k)
        let blocks = try slices(data, size: size).map { try asBlock($0, modulusByteCount: k) }
        return try processBlocks(blocks) { try publicKey.decryptType1($0) }
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
    static func asBlock(_ slice: ArraySlice<UInt8>, modulusByteCount k: Int) throws -> [UInt8] {
        guard slice.count <= k else {
            throw RSAError.invalidBlockSize("a \(slice.count)-byte ciphertext slice is longer than one \(k * 8)-bit RSA block (\(k) bytes)")
        }
        return [UInt8](repeating: 0, count: k - slice.count) + slice
    }

    static func slices(_ data: [UInt8], size: Int) -> [ArraySlice<UInt8>] {
        stride(from: 0, to: data.count, by: size).map { data[$0..<min($0 + size, data.count)] }
    }
}
