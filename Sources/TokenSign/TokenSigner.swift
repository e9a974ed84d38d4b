import MD5

/// The getToken sign of seed §3.2.3:
/// `sign = MD5(appId + businessType + msgId + timestamp + traceId + version + appkey)`,
/// where `+` is plain concatenation (no separator), the bytes hashed are the UTF-8 encoding of the
/// concatenation, and the result is the digest in hexadecimal (32 characters), upper case unless
/// asked otherwise: every public getToken client sends upper case (docs/TOKEN_SIGN.md §2).
public enum TokenSigner {
    /// The concatenation, in the formula's order.
    public static func formulaString(appId: String, businessType: String, msgId: String, timestamp: String,
                                     traceId: String, version: String, appKey: String) -> String {
        appId + businessType + msgId + timestamp + traceId + version + appKey
    }

    public static func formulaString(for request: TokenSignRequest) -> String {
        formulaString(appId: request.appId, businessType: request.businessType, msgId: request.msgId,
                      timestamp: request.timestamp, traceId: request.traceId, version: request.version,
                      appKey: request.appKey)
    }

    /// Hex MD5 of the formula's UTF-8 bytes, in the given letter case (default upper).
    public static func sign(appId: String, businessType: String, msgId: String, timestamp: String,
                            traceId: String, version: String, appKey: String,
                            letterCase: TokenSignLetterCase = .default) -> String {
        letterCase.apply(MD5.hash(utf8: formulaString(appId: appId, businessType: businessType, msgId: msgId,
                                                      timestamp: timestamp, traceId: traceId, version: version,
                                                      appKey: appKey)).hexString)
    }

    public static func sign(for request: TokenSignRequest, letterCase: TokenSignLetterCase = .default) -> String {
        letterCase.apply(MD5.hash(utf8: formulaString(for: request)).hexString)
    }

    /// Compares a given sign with an expected hex sign: ASCII letters of both are case-folded (so
    /// upper-, lower- or mixed-case hex matches), the comparison of equal-length values
    /// takes the same time wherever they differ. Different lengths never match.
    public static func signMatches(_ given: String, expected: String) -> Bool {
        let a = Array(given.utf8), b = Array(expected.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<a.count {
            difference |= foldASCII(a[i]) ^ foldASCII(b[i])
        }
        return difference == 0
    }

    /// 'A'...'Z' → 'a'...'z' without a data-dependent branch.
    @inline(__always)
    private static func foldASCII(_ c: UInt8) -> UInt8 {
        // isUpper is 0x20 when c is in 0x41...0x5a, else 0 (computed with wrapping arithmetic).
        let geA = UInt8(truncatingIfNeeded: (UInt16(c) &+ 0xbf) >> 8)        // c >= 0x41 → 1
        let gtZ = UInt8(truncatingIfNeeded: (UInt16(c) &+ 0xa5) >> 8)        // c >= 0x5b → 1
        return c | ((geA & ~gtZ & 1) << 5)
    }
}

/// The letter case of the hex getToken sign. Every public client of getToken (the one-click-login
/// plugin SDK, a C# integration demo, a vendor's mini-program SDK) sends upper case; whether the
/// platform accepts lower case is not known. Checks accept either.
public enum TokenSignLetterCase: String, Sendable, CaseIterable {
    case upper
    case lower

    public static let `default` = TokenSignLetterCase.upper

    /// `hex` (lowercase hex digits) in this case.
    func apply(_ hex: String) -> String {
        self == .upper ? hex.uppercased() : hex
    }
}
