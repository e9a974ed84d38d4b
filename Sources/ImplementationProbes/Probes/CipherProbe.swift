import RSA

/// What one encryption direction showed (public → private, or private → public).
public struct CipherFinding: Sendable {
    /// Largest input giving one k-byte block when it chunks (nil: no chunks, or not measurable).
    public var encryptBlock: Int?
    /// Largest input it encrypts at all, when it does not chunk.
    public var encryptLimit: Int?
    public var encryptChunking: String?
    public var encryptPadding: CipherPadding?
    public var encryptNote: String?
    public var decryptBlock: Int?
    public var decryptBlockMeasured = false
    public var decryptChunking: String?
    public var decryptPadding: CipherPadding?
    public var slices: SliceSize?
    public var decryptNote: String?
    /// Its encryption / decryption is raw RSA without padding (`RSA/ECB/NoPadding`).
    public var encryptUnpadded = false
    public var decryptUnpadded = false
    /// Constants of a bigger key in the class (MAX_ENCRYPT_BLOCK = 245 on a 1024-bit key).
    public var oversizedConstants: [String: Int] = [:]
}

/// What offering 1 and 3 Swift blocks to a decryption method showed.
public enum SliceSize: Sendable {
    /// Both decrypt: it slices k bytes.
    case fits
    /// One block decrypts, three do not: one doFinal (no chunking) or slices larger than k.
    case larger
    /// Not even one block decrypts: its slices are smaller than k (BadPaddingException), or another padding.
    case smaller
}

/// Chunking and padding, by calling: the encryption block is the largest input that still gives
/// one k-byte block (binary search) and one byte more shows blocks (two blocks) or no chunking (an
/// exception at the padding's limit); the padding is the one Swift decrypts its output with; the
/// decryption side gets Swift ciphertexts of 1 and 3 blocks.
struct CipherProbe {
    enum Direction { case publicToPrivate, privateToPublic }
    let direction: Direction

    private var encryptOp: ImplementationOperation { direction == .publicToPrivate ? .encryptByPublicKey : .encryptByPrivateKey }
    private var decryptOp: ImplementationOperation { direction == .publicToPrivate ? .decryptByPrivateKey : .decryptByPublicKey }

    func run(_ ctx: ProbeContext) throws -> CipherFinding {
        var finding = CipherFinding()
        guard let pub = ctx.publicKey, let priv = ctx.privateKey else { return finding }
        var cache: [Int: Result<[UInt8], Error>] = [:]
        let encryptKey = direction == .publicToPrivate ? ctx.publicString : ctx.privateString
        func encrypt(_ n: Int) throws -> Result<[UInt8], Error> {
            if let hit = cache[n] { return hit }
            let data = ProbeData.ascii(length: n)
            let r = try ctx.attempt { () -> [UInt8] in
                direction == .publicToPrivate ? try ctx.encryptPublic(data, key: encryptKey) : try ctx.encryptPrivate(data, key: encryptKey)
            }
            cache[n] = r
            return r
        }
        if ctx.implementation.has(encryptOp) {
            try measureEncrypt(ctx, &finding, encrypt, pub: pub, priv: priv)
        }
        if ctx.implementation.has(decryptOp) {
            try measureDecrypt(ctx, &finding, pub: pub, priv: priv)
        }
        return finding
    }

    // MARK: - Encryption

    private func measureEncrypt(_ ctx: ProbeContext, _ f: inout CipherFinding, _ encrypt: (Int) throws -> Result<[UInt8], Error>,
                                pub: RSAPublicKey, priv: RSAPrivateKey) throws {
        let k = ctx.k, method = ctx.name(encryptOp)
        func single(_ n: Int) throws -> Bool {
            if case .success(let c) = try encrypt(n) { return c.count == k }
            return false
        }
        guard try single(1) else {
            switch try encrypt(1) {
            case .success(let c): f.encryptNote = "\(method) on 1 byte gave \(c.count) bytes, not one \(k)-byte block"
            case .failure(let e): f.encryptNote = "\(method) on 1 byte failed: \(ctx.describe(e))"
            }
            return
        }
        // Padding: what decrypts its one-block output on the Swift side.
        if case .success(let c) = try encrypt(16) {
            let plain = ProbeData.ascii(length: 16).bytes
            if direction == .publicToPrivate {
                f.encryptPadding = SwiftCipher.padding(of: c, plain: plain, privateKey: priv)
            } else if (try? RsaUtilsCipher.decrypt(c, publicKey: pub)) == plain {
                f.encryptPadding = .pkcs1
            }
            if f.encryptPadding == nil {
                f.encryptUnpadded = Self.isUnpadded(c, plain: plain, pub: pub, direction: direction)
                f.encryptNote = f.encryptUnpadded ? Self.unpaddedNote(ctx, method, encrypting: true)
                    : "\(method)'s output decrypts on the Swift side with neither PKCS#1 v1.5 nor OAEP (SHA-1 or SHA-256)"
            }
        }
        defer {
            // The chunking note below must not hide that there is no padding at all.
            if f.encryptUnpadded, let note = f.encryptNote, !note.contains("NoPadding") {
                f.encryptNote = Self.unpaddedNote(ctx, method, encrypting: true) + "; " + note
            }
        }
        var lo = 1, hi = k + 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if try single(mid) { lo = mid } else { hi = mid }
        }
        let limit = (f.encryptPadding ?? .pkcs1).maximumMessage(k: k)
        let paddingName = f.encryptPadding == .pkcs1 || f.encryptPadding == nil ? "PKCS#1 v1.5" : "OAEP"
        switch try encrypt(lo + 1) {
        case .success(let c) where c.count == 2 * k:
            f.encryptBlock = lo
            f.encryptChunking = "blocks"
            f.encryptNote = "\(method): inputs of up to \(lo) bytes give one \(k)-byte block, \(lo + 1) bytes give two (chunks of \(lo) bytes)"
        case .success(let c):
            f.encryptNote = "\(method): \(lo) bytes give one \(k)-byte block, \(lo + 1) bytes give \(c.count) bytes (not a whole number of blocks)"
        case .failure(let e):
            let oversized = Self.oversizedConstants(ctx, k: k)
            f.oversizedConstants = oversized
            if lo == limit && oversized.isEmpty {
                f.encryptLimit = lo
                f.encryptChunking = "none"
                f.encryptNote = "\(method) does not chunk: the whole input goes into one doFinal, so inputs of up to \(lo) bytes "
                    + "(the \(paddingName) limit of a \(k * 8)-bit key) work and \(lo + 1) bytes fail (\(ctx.describe(e)))"
            } else {
                f.encryptChunking = oversized.isEmpty ? nil : "blocks"
                let constants = oversized.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: ", ")
                f.encryptNote = "\(method): inputs of up to \(lo) bytes work, \(lo + 1) bytes fail (\(ctx.describe(e))): "
                    + "its encryption chunk is larger than the \(lo) bytes a \(k * 8)-bit key takes per block"
                    + (constants.isEmpty ? "" : " (its constants \(constants) are those of a bigger key)")
            }
        }
    }

    /// Int constants of the class that are the block sizes of a bigger key than the one in use.
    static func oversizedConstants(_ ctx: ProbeContext, k: Int) -> [String: Int] {
        guard let listing = ctx.implementation as? MethodListing else { return [:] }
        let bigger = Set([128, 256, 384, 512, 1024].filter { $0 > k }.flatMap { [$0, $0 - 11] })
        return listing.intConstants.filter { bigger.contains($0.value) }
    }

    // MARK: - Decryption

    private func measureDecrypt(_ ctx: ProbeContext, _ f: inout CipherFinding, pub: RSAPublicKey, priv: RSAPrivateKey) throws {
        let k = ctx.k, method = ctx.name(decryptOp)
        let decryptKey = direction == .publicToPrivate ? ctx.privateString : ctx.publicString
        let candidates: [CipherPadding] = direction == .privateToPublic ? [.pkcs1]
            : ([f.encryptPadding ?? .pkcs1] + CipherPadding.allCases).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        func works(length: Int, padding: CipherPadding) throws -> Result<Void, Error> {
            let data = ctx.payload(for: decryptOp, length: length)
            return try ctx.attempt {
                let ct = direction == .publicToPrivate
                    ? try SwiftCipher.encrypt(data.bytes, publicKey: pub, padding: padding)
                    : try RsaUtilsCipher.encrypt(data.bytes, privateKey: priv)
                let plain = direction == .publicToPrivate ? try ctx.decryptPrivate(ct, key: decryptKey) : try ctx.decryptPublic(ct, key: decryptKey)
                guard plain.matches(data) else {
                    throw ProbeError.misbehaved("\(method) gave \(plain.summary) for \(ProbeFormat.bytes(data.bytes))")
                }
            }
        }
        var chosen: CipherPadding?
        var firstError: Error?
        for padding in candidates {
            switch try works(length: min(40, padding.maximumMessage(k: k)), padding: padding) {
            case .success: chosen = padding
            case .failure(let e): if firstError == nil { firstError = e }
            }
            if chosen != nil { break }
        }
        if chosen == nil, let note = try unpaddedDecryption(ctx, method: method, pub: pub) {
            f.decryptUnpadded = true
            f.decryptNote = note
            return
        }
        guard let padding = chosen else {
            let guess = f.encryptBlock.map { $0 + 11 }.flatMap { $0 < k ? $0 : nil }
            f.slices = .smaller
            f.decryptBlock = guess
            f.decryptChunking = guess == nil ? nil : "blocks"
            f.decryptNote = "\(method) cannot decrypt even one \(k)-byte block made by Swift (\(firstError.map(ctx.describe) ?? "no result"))"
                + (guess.map { ": it cuts the ciphertext into slices smaller than \(k) bytes (probably \($0) = \($0 - 11) + 11, the constants of a \($0 * 8)-bit key)" } ?? "")
            return
        }
        f.decryptPadding = direction == .publicToPrivate ? padding : nil
        let max = padding.maximumMessage(k: k)
        switch try works(length: 2 * max + 5, padding: padding) {
        case .success:
            f.slices = .fits
            f.decryptBlock = k
            f.decryptBlockMeasured = true
            f.decryptChunking = "blocks"
            f.decryptNote = "\(method) decrypts Swift ciphertexts of 1 and 3 blocks of \(k) bytes"
        case .failure(let e):
            f.slices = .larger
            if f.encryptChunking == "none" || (f.oversizedConstants.isEmpty && !ctx.implementation.has(encryptOp)) {
                f.decryptChunking = "none"
                f.decryptNote = "\(method) does not chunk: it decrypts one \(k)-byte block but not 3 blocks (\(ctx.describe(e))); "
                    + "the whole ciphertext goes into one doFinal"
            } else {
                let guess = f.encryptBlock.map { $0 + 11 }.flatMap { $0 > k ? $0 : nil }
                    ?? f.oversizedConstants.values.filter { $0 > k && $0 % 128 == 0 }.min()
                f.decryptBlock = guess
                f.decryptChunking = "blocks"
                f.decryptNote = "\(method) decrypts a single \(k)-byte block but not 3 blocks (\(ctx.describe(e))): "
                    + "it cuts the ciphertext into slices larger than \(k) bytes" + (guess.map { " (probably \($0))" } ?? "")
            }
        }
    }

    // MARK: - No padding (RSA/ECB/NoPadding)

    static func isUnpadded(_ c: [UInt8], plain: [UInt8], pub: RSAPublicKey, direction: Direction) -> Bool {
        SwiftCipher.isUnpadded(c, plain: plain, publicKey: pub, publicSide: direction == .publicToPrivate)
    }

    /// Its decryption of a Swift-made raw block (no padding) gives the plain text (possibly with the
    /// leading zero bytes NoPadding leaves in the k-byte result).
    private func unpaddedDecryption(_ ctx: ProbeContext, method: String, pub: RSAPublicKey) throws -> String? {
        guard direction == .publicToPrivate else { return nil }
        let k = ctx.k
        let data = ctx.payload(for: decryptOp, length: 16)
        let block = [UInt8](repeating: 0, count: k - data.bytes.count) + data.bytes
        guard let ct = SwiftCipher.unpaddedEncrypt(data.bytes, publicKey: pub) else { return nil }
        guard case .success(let out) = try ctx.attempt({ try ctx.decryptPrivate(ct, key: ctx.privateString) }) else { return nil }
        let bytes: [UInt8]
        switch out {
        case .bytes(let b): bytes = b
        case .text(let t): bytes = Array(t.utf8)
        case .bool: return nil
        }
        guard bytes == block || bytes == data.bytes || bytes.drop { $0 == 0 }.elementsEqual(data.bytes) else { return nil }
        return Self.unpaddedNote(ctx, method, encrypting: false)
    }

    /// "raw/textbook RSA without padding", with the fix worded with its own transformation constant.
    static func unpaddedNote(_ ctx: ProbeContext, _ method: String, encrypting: Bool) -> String {
        let constants = (ctx.implementation as? MethodListing)?.transformationConstants ?? [:]
        let named = constants.filter { $0.value.uppercased().contains("NOPADDING") }.sorted { $0.key < $1.key }
        let fix = named.isEmpty ? "Cipher.getInstance(\"RSA/ECB/PKCS1Padding\") instead of \"RSA/ECB/NoPadding\""
            : named.map { "\($0.key) = \"RSA/ECB/PKCS1Padding\" (not \"\($0.value)\")" }.joined(separator: " and ")
        return "\(method) uses raw (textbook) RSA without padding (RSA/ECB/NoPadding): "
            + (encrypting ? "its output is the input as a number to the power e mod n, the same every time for the same input, "
                + "and Swift's PKCS#1 v1.5 decryption rejects it"
                : "it decrypts a Swift-made block without padding, so Swift's PKCS#1 v1.5 ciphertexts come back with their padding bytes")
            + "; unpadded RSA is insecure (deterministic and malleable) and not RsaUtils' convention: fix \(ctx.wording.subject) with \(fix)"
    }
}
