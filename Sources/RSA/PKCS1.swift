import BigNum

/// PKCS#1 v1.5 encodings (RFC 8017 §7.2 and §9.2) as pure functions on byte arrays.
public enum PKCS1 {
    /// The most a block can carry: k − 11 (at least 8 bytes of padding string).
    public static func maximumMessageLength(modulusByteCount k: Int) -> Int { k - 11 }

    /// EME-PKCS1-v1_5 (type 2): EM = 0x00 ‖ 0x02 ‖ PS ‖ 0x00 ‖ M, PS non-zero, |PS| = k − 3 − |M| ≥ 8.
    public static func padType2(_ message: [UInt8], modulusByteCount k: Int, paddingString ps: [UInt8]) throws -> [UInt8] {
        let maximum = maximumMessageLength(modulusByteCount: k)
        guard message.count <= maximum else { throw RSAError.messageTooLong(length: message.count, maximum: maximum) }
        let psLength = k - 3 - message.count
        guard ps.count == psLength else {
            throw RSAError.invalidPaddingString("need \(psLength) bytes for a \(message.count)-byte message, got \(ps.count)")
        }
        guard !ps.contains(0) else { throw RSAError.invalidPaddingString("contains a zero byte") }
        return [0x00, 0x02] + ps + [0x00] + message
    }

    /// A random non-zero padding string from the system CSPRNG (RFC 8017 §7.2.1 step 2.a).
    public static func randomPaddingString(count: Int) throws -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(count)
        while out.count < count {
            let bytes: [UInt8]
            do { bytes = try SystemRandom.bytes(count - out.count + 16) } catch { throw RSAError.randomSourceFailed }
            for b in bytes where b != 0 && out.count < count { out.append(b) }
        }
        return out
    }

    /// Type 1, as the JDK pads private-key "encryption" and signatures: 0x00 ‖ 0x01 ‖ 0xFF… ‖ 0x00 ‖ M.
    public static func padType1(_ message: [UInt8], modulusByteCount k: Int) throws -> [UInt8] {
        let maximum = maximumMessageLength(modulusByteCount: k)
        guard message.count <= maximum else { throw RSAError.messageTooLong(length: message.count, maximum: maximum) }
        return type1Block(modulusByteCount: k, tailCount: message.count) { tail in
            _ = tail.initialize(from: message)
        }
    }

    /// 0x00 ‖ 0x01 ‖ 0xFF… ‖ 0x00 ‖ T in one allocation, `writeTail` filling the last `tailCount` bytes
    /// (signing and verifying build one per call). The caller has checked tailCount ≤ k − 11.
    private static func type1Block(modulusByteCount k: Int, tailCount: Int,
                                   _ writeTail: (UnsafeMutableBufferPointer<UInt8>) -> Void) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: k) { buffer, initialized in
            let separator = k - tailCount - 1
            buffer[0] = 0x00
            buffer[1] = 0x01
            UnsafeMutableBufferPointer(rebasing: buffer[2..<separator]).initialize(repeating: 0xff)
            buffer[separator] = 0x00
            writeTail(UnsafeMutableBufferPointer(rebasing: buffer[(separator + 1)...]))
            initialized = k
        }
    }

    /// DigestInfo ::= SEQUENCE { digestAlgorithm AlgorithmIdentifier (with NULL), digest OCTET STRING }
    public static func digestInfo(hash: HashAlgorithm, digest: [UInt8]) throws -> [UInt8] {
        guard digest.count == hash.digestLength else {
            throw RSAError.signingFailed("a \(hash.rawValue) digest has \(hash.digestLength) bytes, got \(digest.count)")
        }
        return hash.digestInfoPrefix + digest
    }

    /// EMSA-PKCS1-v1_5 (RFC 8017 §9.2): type 1 padding of the DigestInfo of the message.
    public static func emsaEncode(message: [UInt8], hash: HashAlgorithm, modulusByteCount k: Int) throws -> [UInt8] {
        try emsaEncode(digest: hash.digest(message), hash: hash, modulusByteCount: k)  // Step 1
    }

    /// EMSA-PKCS1-v1_5 from a digest computed elsewhere (a streamed file). `withNullParameters: false`
    /// gives the legacy DigestInfo without NULL that the JDK also accepts when verifying.
    public static func emsaEncode(digest: [UInt8], hash: HashAlgorithm, modulusByteCount k: Int,
                                  withNullParameters: Bool = true) throws -> [UInt8] {
        guard digest.count == hash.digestLength else {
            throw RSAError.signingFailed("a \(hash.rawValue) digest has \(hash.digestLength) bytes, got \(digest.count)")
        }
        // Step 2: T = DigestInfo prefix ‖ digest.
        let prefix = withNullParameters ? hash.digestInfoPrefix : hash.digestInfoPrefixWithoutNull
        let tCount = prefix.count + digest.count
        guard k >= tCount + 11 else {  // Step 3
            throw RSAError.signingFailed("intended encoded message length too short for \(hash.rawValue)")
        }
        // Steps 4–5: EM = 0x00 ‖ 0x01 ‖ PS ‖ 0x00 ‖ T.
        return type1Block(modulusByteCount: k, tailCount: tCount) { tail in
            _ = UnsafeMutableBufferPointer(rebasing: tail[..<prefix.count]).initialize(from: prefix)
            _ = UnsafeMutableBufferPointer(rebasing: tail[prefix.count...]).initialize(from: digest)
        }
    }

    /// Removes type 1 or type 2 padding without data-dependent branches until the very end,
    /// and fails the same way whatever check failed (no padding oracle).
    static func unpad(_ em: [UInt8], blockType: UInt8) -> [UInt8]? {
        let check = checkPadding(em, blockType: blockType)
        guard check.validMask == 0xff else { return nil }
        return Array(em[check.messageStart...])
    }

    /// The padding check alone, branch-free and allocation-free: `validMask` is 0xff when EM is
    /// well formed and 0 otherwise; `messageStart` is the index after the separator when valid and
    /// k otherwise (selected with masks, so both outcomes do the same work).
    static func checkPadding(_ em: [UInt8], blockType: UInt8) -> (validMask: UInt8, messageStart: Int) {
        let k = em.count
        guard k >= 11 else { return (0, k) }  // k is public
        var bad: UInt8 = em[0] | (em[1] ^ blockType)
        var lookingForSeparator: UInt8 = 0xff  // 0xff until the first zero byte after the header
        var separatorIndex = 0
        for i in 2..<k {
            let byte = em[i]
            let isZero = UInt8(truncatingIfNeeded: (Int(byte) - 1) >> (Int.bitWidth - 1))  // 0xff when byte == 0
            let first = isZero & lookingForSeparator
            separatorIndex |= Int(first & 1) * i
            lookingForSeparator &= ~isZero
            if blockType == 0x01 {
                // Type 1: every padding byte before the separator must be 0xFF.
                bad |= lookingForSeparator & (byte ^ 0xff)
            }
        }
        bad |= lookingForSeparator  // no separator at all
        // At least 8 padding bytes: the separator is at index 10 or later (sign bit of the difference).
        bad |= UInt8(truncatingIfNeeded: (separatorIndex - 10) >> (Int.bitWidth - 1))
        // 0xff when bad == 0 (the sign bit of bad − 1), as a byte mask and as a word mask.
        let validWord = (Int(bad) - 1) >> (Int.bitWidth - 1)
        let start = ((separatorIndex + 1) & validWord) | (k & ~validWord)
        return (UInt8(truncatingIfNeeded: validWord), start)
    }
}

/// Constant-time equality of two byte arrays of the same length (length itself is public).
@inline(never)
func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    guard a.count == b.count else { return false }
    var difference: UInt8 = 0
    for i in 0..<a.count { difference |= a[i] ^ b[i] }
    return difference == 0
}
