import Foundation
import JavaOracle
import RSA

/// One java-check run: probes the profile (this file), then runs the matrix
/// (`JavaCheckSession+Matrix.swift`) and writes the verdict (`JavaCheckSession+Report.swift`).
///
/// Everything is detected by calling the class, never by reading its constants:
/// - key size: modulus of the key pair its genKeyPair hands out;
/// - signature algorithm: its signature verified on the Swift side with each hash (and the
///   DigestInfo recovered with the public key, for hashes Swift lacks); verify's argument order by
///   offering it a Swift signature both ways;
/// - encryption block: the largest input that still gives one k-byte block (binary search on the
///   ciphertext length), and what one byte more does (two blocks, or an exception);
/// - decryption block: Swift ciphertexts of 1 and 3 blocks offered to its decrypt method;
/// - charset: a non-ASCII text through each String method, compared with Java's encodings of it in
///   the candidate charsets; a second JVM with another file.encoding tells "platform default" from "fixed";
/// - Base64 style: the line breaks in every string it returns (keys, signatures, ciphertexts);
/// - fail-open: encryptedDataOnJava with an invalid key;
/// - long ciphertexts: 5,000 bytes through its own encryptByPublicKey → decryptByPrivateKey.
final class JavaCheckSession {
    static let hashCandidates: [HashAlgorithm] = [.md5, .sha1, .sha256, .sha384, .sha512, .sha224, .sha512_224, .sha512_256]
    static let charsetCandidates = ["UTF-8", "GBK", "GB18030", "Big5", "ISO-8859-1", "US-ASCII"]
    /// Chinese, Latin-1 and '€' (GBK 0x80 vs GB18030 A2E3): every candidate encodes it differently.
    static let probeText = "手机号码校验 café € ü"
    static let longLength = 5000

    let user: JavaUserClass
    var facade: RsaUtilsFacade
    let hello: JavaOracle.Hello
    let toolchain: JavaToolchain
    let classpath: [String]
    let options: JavaCheck.Options
    let progress: (String) -> Void

    // Keys: the class's own pair (as strings and parsed), and a Swift-made pair of the same size.
    var javaPublicString = ""
    var javaPrivateString = ""
    var javaPublic: RSAPublicKey?
    var javaPrivate: RSAPrivateKey?
    var keySize: Int?
    var keySource = "genKeyPair"
    var keyNotes: [String] = []
    var keyChecks: [JavaCheckItem] = []
    var swiftPrivate: RSAPrivateKey?
    var k = 128

    // Profile.
    var algorithm: HashAlgorithm?
    var algorithmNote: String?
    var verifyOrderFound: Bool?
    var signatureSample: RsaUtilsFacade.Binary?
    var encryptBlock: Int?
    var encryptNote: String?
    var decryptBlock: Int?
    var decryptBlockMeasured = false
    var decryptNote: String?
    /// How its decryption slices relate to the key's k-byte blocks (nil: no decrypt method).
    var decryptSlices: SliceSize?
    var privateEncryptBlock: Int?
    var privateEncryptNote: String?
    var publicDecryptBlock: Int?
    var publicDecryptNote: String?
    var longRoundTrip: Bool?
    var longRoundTripNote: String?
    var failOpen: Bool?
    var failOpenNote: String?
    /// Charset observed per String method signature (encode side and decode side).
    var charsetByMethod: [String: String] = [:]
    var charsetFollowsPlatform: [String: Bool] = [:]
    var charsetNotes: [String] = []
    var encodings: [String: [UInt8]] = [:]
    /// Every string the class returned where Base64 is expected (keys, signatures, ciphertexts).
    var base64Outputs: [String] = []

    var matrix: [JavaCheckItem] = []

    init(user: JavaUserClass, facade: RsaUtilsFacade, hello: JavaOracle.Hello, toolchain: JavaToolchain,
         classpath: [String], options: JavaCheck.Options, progress: @escaping (String) -> Void) {
        self.user = user
        self.facade = facade
        self.hello = hello
        self.toolchain = toolchain
        self.classpath = classpath
        self.options = options
        self.progress = progress
    }

    /// Runs `body`; a failure of the user's code or of the Swift side is the `.failure`, a dead
    /// bridge (`JavaCheckError`) stops the whole check.
    func attempt<T>(_ body: () throws -> T) throws -> Result<T, Error> {
        do {
            return .success(try body())
        } catch let error as JavaCheckError {
            throw error
        } catch {
            return .failure(error)
        }
    }

    // MARK: - Probe

    func probe() throws {
        progress("probing keys")
        try probeKeys()
        progress("probing the signature algorithm")
        try probeSignature()
        progress("probing block sizes")
        try probeEncryptBlock()
        try probeDecryptBlock()
        try probePrivateBlocks()
        try probeLongRoundTrip()
        progress("probing charsets")
        try probeCharsets()
        try probeFailOpen()
    }

    private func probeKeys() throws {
        let hasGenerator = ["genKeyPair", "initKey", "generateKeyPair"].contains { user.has($0) }
        var strings: JavaUserClass.KeyStrings?
        if hasGenerator {
            switch try attempt({ try user.keyPair(bits: 1024) }) {
            case .success(let pair):
                strings = pair
                keySource = pair.via + (pair.encodedByProbe ? " (Base64 of getEncoded() by the probe)" : "")
                if pair.via.contains("(int)") || pair.via.contains("(Integer)") {
                    keyNotes.append("its key generator takes the key size as an argument; the probe asked for 1024 bits")
                }
            case .failure(let error):
                keyNotes.append("its \(user.methods.first { ["genKeyPair", "initKey", "generateKeyPair"].contains($0.name) }?.signature ?? "genKeyPair") failed: \(JavaCheckFormat.error(error)); the probe used 1024-bit keys made by Swift")
                keyChecks.append(JavaCheckItem(group: "keys", id: "keys.genKeyPair", name: "its genKeyPair gives a key pair",
                                               verdict: .fail, expected: "two key strings", actual: JavaCheckFormat.error(error)))
            }
        } else {
            keyNotes.append("no genKeyPair: the key size cannot be probed; the probe used 1024-bit keys made by Swift")
        }

        if let strings {
            javaPublicString = strings.publicKey
            javaPrivateString = strings.privateKey
            base64Outputs += [strings.publicKey, strings.privateKey]
            let pub = try attempt { try RSAPublicKey(keyText: strings.publicKey) }
            let priv = try attempt { try RSAPrivateKey(keyText: strings.privateKey) }
            switch pub {
            case .success(let key):
                let der = LenientBase64.decode(strings.publicKey)
                keyChecks.append(check("keys", "keys.public.java-to-swift",
                                       "its public key string parses in Swift and re-encodes to the same X.509 DER",
                                       key.spkiDER == der, expected: JavaCheckFormat.bytes(der), actual: JavaCheckFormat.bytes(key.spkiDER)))
                javaPublic = key
            case .failure(let error):
                keyChecks.append(JavaCheckItem(group: "keys", id: "keys.public.java-to-swift", name: "its public key string parses in Swift",
                                               verdict: .fail, expected: "an RSA public key", actual: JavaCheckFormat.error(error)))
            }
            switch priv {
            case .success(let key):
                let der = LenientBase64.decode(strings.privateKey)
                keyChecks.append(check("keys", "keys.private.java-to-swift",
                                       "its private key string parses in Swift and re-encodes to the same PKCS#8 DER",
                                       key.pkcs8DER == der, expected: JavaCheckFormat.bytes(der), actual: JavaCheckFormat.bytes(key.pkcs8DER)))
                javaPrivate = key
            case .failure(let error):
                keyChecks.append(JavaCheckItem(group: "keys", id: "keys.private.java-to-swift", name: "its private key string parses in Swift",
                                               verdict: .fail, expected: "an RSA private key", actual: JavaCheckFormat.error(error)))
            }
            if let p = javaPublic, let q = javaPrivate {
                keyChecks.append(check("keys", "keys.pair", "its public and private key belong together (same modulus and exponent)",
                                       q.publicKey == p, expected: "same n and e", actual: "different keys"))
            }
            if let p = javaPublic, javaPrivate != nil {
                keySize = p.keySize
            } else {
                javaPublic = nil
                javaPrivate = nil
                keyNotes.append("its key strings do not parse on the Swift side; the probe used 1024-bit keys made by Swift")
            }
        }

        if javaPublic == nil || javaPrivate == nil {
            let key = try swiftKey(bits: 1024)
            javaPrivate = key
            javaPublic = key.publicKey
            javaPublicString = key.publicKey.rsaUtilsString
            javaPrivateString = key.rsaUtilsString
            if strings != nil || hasGenerator { keySource = "Swift (its own keys were unusable)" } else { keySource = "Swift (no genKeyPair)" }
        }
        k = javaPublic?.modulusByteCount ?? 128
        progress("making a \(keySize ?? 1024)-bit Swift key pair")
        swiftPrivate = try swiftKey(bits: keySize ?? 1024)
    }

    func swiftKey(bits: Int) throws -> RSAPrivateKey {
        do {
            return try RSAPrivateKey.generate(bits: bits)
        } catch {
            throw JavaCheckError.environment("cannot make a \(bits)-bit Swift key pair: \(error)")
        }
    }

    func check(_ group: String, _ id: String, _ name: String, _ ok: Bool, expected: String, actual: String) -> JavaCheckItem {
        ok ? JavaCheckItem(group: group, id: id, name: name, verdict: .pass)
            : JavaCheckItem(group: group, id: id, name: name, verdict: .fail, expected: expected, actual: actual)
    }

    // MARK: Signature algorithm

    static let signatureProbe = JavaCheckPayload.ascii("java-check signature probe 0123456789", label: "probe")

    private func probeSignature() throws {
        guard let pub = javaPublic, let priv = javaPrivate else { return }
        let message = Self.signatureProbe
        if let method = facade.sign {
            switch try attempt({ try facade.sign(message, privateKey: javaPrivateString, k: k) }) {
            case .success(let sig):
                signatureSample = sig
                if let text = sig.text { base64Outputs.append(text) }
                algorithm = Self.hashCandidates.first { hash in
                    hash.isSupported && ((try? pub.isValidSignature(sig.bytes, for: message.bytes, hash: hash)) ?? false)
                }
                if algorithm == nil {
                    algorithmNote = describeUnknownSignature(sig.bytes, publicKey: pub, method: method)
                }
            case .failure(let error):
                algorithmNote = "\(method.signature) failed: \(JavaCheckFormat.error(error))"
            }
        }
        guard facade.verify != nil else { return }
        // verify's argument order (and the algorithm, when there is no sign method).
        let hashes = algorithm.map { [$0] } ?? (facade.sign == nil ? Self.hashCandidates.filter(\.isSupported) : [])
        verifyOrderFound = false
        search: for hash in hashes {
            let signature = try priv.signature(for: message.bytes, hash: hash)
            for order in [RsaUtilsFacade.VerifyOrder.keyThenSignature, .signatureThenKey] {
                let result = try attempt { try facade.verify(message, publicKey: javaPublicString, signature: signature, order: order) }
                if case .success(true) = result {
                    facade.verifyOrder = order
                    verifyOrderFound = true
                    if algorithm == nil {
                        algorithm = hash
                        algorithmNote = "no sign method: detected by offering Swift signatures to its verify"
                    }
                    break search
                }
            }
        }
    }

    /// What an unrecognised signature is: the encoded block recovered with the public key.
    private func describeUnknownSignature(_ signature: [UInt8], publicKey: RSAPublicKey, method: JavaUserClass.Method) -> String {
        let tried = Self.hashCandidates.filter(\.isSupported).map(\.jcaSignatureName).joined(separator: ", ")
        guard signature.count == k, let em = try? publicKey.recoverEncodedMessage(signature) else {
            return "\(method.signature) gave \(signature.count) bytes, not one \(k)-byte RSA block"
        }
        if em.count > 2, em[0] == 0, em[1] == 1, let zero = em.dropFirst(2).firstIndex(of: 0) {
            let digestInfo = Array(em[(zero + 1)...])
            if let hash = HashAlgorithm.allCases.first(where: { digestInfo.starts(with: $0.digestInfoPrefix)
                && digestInfo.count == $0.digestInfoPrefix.count + $0.digestLength }) {
                if !hash.isSupported {
                    return "its signatures are \(hash.jcaSignatureName) (recognised by the DigestInfo), which the Swift side does not implement"
                }
                return "its signatures carry a \(hash.jcaSignatureName) DigestInfo but the digest is not of the message it was given"
            }
            return "its signatures are PKCS#1 v1.5 type 1 blocks with an unknown DigestInfo (\(JavaCheckFormat.bytes(digestInfo)))"
        }
        return "its signatures verify with none of \(tried) and are not PKCS#1 v1.5 (RSASSA-PSS or raw RSA?)"
    }

    // MARK: Block sizes

    private var encryptCache: [Int: Result<[UInt8], Error>] = [:]

    /// Its public-key encryption of `length` ASCII bytes (cached).
    func javaEncryptPublic(length: Int) throws -> Result<[UInt8], Error> {
        if let cached = encryptCache[length] { return cached }
        guard let method = facade.encryptPublic else { return .failure(JavaCheckError.bridge("no encrypt method")) }
        let payload = JavaCheckPayload.ascii(length: length)
        let result = try attempt { () -> [UInt8] in
            let out = try facade.encrypt(method, payload, key: javaPublicString, k: k)
            if let text = out.text, length > 0 { base64Outputs.append(text) }
            return out.bytes
        }
        encryptCache[length] = result
        return result
    }

    private func probeEncryptBlock() throws {
        guard let method = facade.encryptPublic else { return }
        let (block, note) = try measureEncryptBlock(method: method.signature) { try self.javaEncryptPublic(length: $0) }
        encryptBlock = block
        encryptNote = note
    }

    /// Largest input giving one k-byte block (binary search), then what one byte more gives.
    private func measureEncryptBlock(method: String, _ encrypt: (Int) throws -> Result<[UInt8], Error>) throws -> (Int?, String) {
        func single(_ n: Int) throws -> Bool {
            if case .success(let c) = try encrypt(n) { return c.count == k }
            return false
        }
        guard try single(1) else {
            let what: String
            switch try encrypt(1) {
            case .success(let c): what = "gave \(c.count) bytes, not one \(k)-byte block"
            case .failure(let e): what = "failed: \(JavaCheckFormat.error(e))"
            }
            return (nil, "\(method) on 1 byte \(what)")
        }
        var lo = 1, hi = k + 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if try single(mid) { lo = mid } else { hi = mid }
        }
        switch try encrypt(lo + 1) {
        case .success(let c) where c.count == 2 * k:
            return (lo, "\(method): inputs of up to \(lo) bytes give one \(k)-byte block, \(lo + 1) bytes give two")
        case .success(let c):
            return (nil, "\(method): \(lo) bytes give one \(k)-byte block, \(lo + 1) bytes give \(c.count) bytes (not a whole number of blocks)")
        case .failure(let e):
            return (nil, "\(method): inputs of up to \(lo) bytes work, \(lo + 1) bytes fail (\(JavaCheckFormat.error(e))): "
                + "its encryption chunk is larger than the \(lo) bytes a \(k * 8)-bit key takes per block")
        }
    }

    /// Offers Swift ciphertexts of 1 and 3 blocks to a decryption method and classifies its slice size.
    private func measureDecryptBlock(method: JavaUserClass.Method, makeCiphertext: ([UInt8]) throws -> [UInt8],
                                     key: String, knownEncryptBlock: Int?) throws -> (Int?, SliceSize, String) {
        let oneBlock = JavaCheckPayload.ascii(length: min(40, k - 11))
        let threeBlocks = JavaCheckPayload.ascii(length: 2 * (k - 11) + 5)
        func works(_ payload: JavaCheckPayload) throws -> Result<Void, Error> {
            try attempt {
                let ct = try makeCiphertext(payload.bytes)
                let plain = try facade.decrypt(method, ct, key: key)
                guard plain.matches(payload) else { throw Mismatch(expected: JavaCheckFormat.bytes(payload.bytes), actual: plain.summary) }
            }
        }
        let one = try works(oneBlock)
        let three = try works(threeBlocks)
        switch (one, three) {
        case (.success, .success):
            return (k, .fits, "\(method.signature) decrypts Swift ciphertexts of 1 and 3 blocks of \(k) bytes")
        case (.success, .failure(let e)):
            let guess = knownEncryptBlock.map { $0 + 11 }.flatMap { $0 > k ? $0 : nil }
            return (guess, .larger, "\(method.signature) decrypts a single \(k)-byte block but not 3 blocks (\(JavaCheckFormat.error(e))): "
                + "it cuts the ciphertext into slices larger than \(k) bytes"
                + (guess.map { " (probably \($0) = \($0 - 11) + 11)" } ?? ""))
        case (.failure(let e), _):
            let guess = knownEncryptBlock.map { $0 + 11 }.flatMap { $0 < k ? $0 : nil }
            return (guess, .smaller, "\(method.signature) cannot decrypt even one \(k)-byte block made by Swift (\(JavaCheckFormat.error(e)))"
                + (guess.map { ": it cuts the ciphertext into slices smaller than \(k) bytes (probably \($0) = \($0 - 11) + 11, the constants of a \($0 * 8)-bit key)" } ?? ""))
        }
    }

    /// What offering 1 and 3 Swift blocks to a decryption method showed.
    enum SliceSize {
        /// Both decrypt: it slices k bytes.
        case fits
        /// One block decrypts, three do not: its slices are larger than k (IllegalBlockSizeException).
        case larger
        /// Not even one block decrypts: its slices are smaller than k (BadPaddingException).
        case smaller
    }

    struct Mismatch: Error, CustomStringConvertible {
        let expected: String
        let actual: String
        var description: String { "expected \(expected), got \(actual)" }
    }

    private func probeDecryptBlock() throws {
        guard let method = facade.decryptPrivate, let pub = javaPublic else { return }
        let (block, slices, note) = try measureDecryptBlock(
            method: method, makeCiphertext: { try RsaUtilsCipher.encrypt($0, publicKey: pub) },
            key: javaPrivateString, knownEncryptBlock: encryptBlock)
        decryptBlock = block
        decryptBlockMeasured = slices == .fits
        decryptSlices = slices
        decryptNote = note
    }

    private func probePrivateBlocks() throws {
        guard let priv = javaPrivate else { return }
        if let method = facade.encryptPrivate {
            var cache: [Int: Result<[UInt8], Error>] = [:]
            let (block, note) = try measureEncryptBlock(method: method.signature) { n in
                if let hit = cache[n] { return hit }
                let r = try attempt { try self.facade.encrypt(method, .ascii(length: n), key: self.javaPrivateString, k: self.k).bytes }
                cache[n] = r
                return r
            }
            privateEncryptBlock = block
            privateEncryptNote = note
        }
        if let method = facade.decryptPublic {
            let (block, slices, note) = try measureDecryptBlock(
                method: method, makeCiphertext: { try RsaUtilsCipher.encrypt($0, privateKey: priv) },
                key: javaPublicString, knownEncryptBlock: privateEncryptBlock ?? encryptBlock)
            publicDecryptBlock = block
            publicDecryptNote = slices == .fits ? note : note + " [publicDecryptBlock inferred, not observed]"
        }
    }

    private func probeLongRoundTrip() throws {
        guard let enc = facade.encryptPublic, let dec = facade.decryptPrivate else { return }
        let payload = JavaCheckPayload.ascii(length: Self.longLength)
        let result = try attempt { () -> JavaCheckPlain in
            let ct = try facade.encrypt(enc, payload, key: javaPublicString, k: k)
            return try facade.decrypt(dec, ct.bytes, key: javaPrivateString)
        }
        switch result {
        case .success(let plain) where plain.matches(payload):
            longRoundTrip = true
            longRoundTripNote = "a \(Self.longLength)-byte input survives its own \(enc.name) → \(dec.name)"
        case .success(let plain):
            longRoundTrip = false
            longRoundTripNote = "its own \(enc.name) → \(dec.name) of \(Self.longLength) bytes gave \(plain.summary)"
        case .failure(let error):
            longRoundTrip = false
            longRoundTripNote = "its own \(enc.name) → \(dec.name) of \(Self.longLength) bytes failed: \(JavaCheckFormat.error(error))"
        }
    }

    // MARK: Charsets

    /// The String methods whose charset matters, with their direction.
    enum TextDirection { case encode, decode }

    var textMethods: [(JavaUserClass.Method, TextDirection)] {
        var out: [(JavaUserClass.Method, TextDirection)] = []
        let s = RsaUtilsFacade.textParameter
        if let m = facade.encryptedDataOnJava { out.append((m, .encode)) }
        if let m = user.method("encryptByPublicKey", [s, s]) { out.append((m, .encode)) }
        if let m = user.method("encryptByPrivateKey", [s, s]) { out.append((m, .encode)) }
        if let m = facade.sign, m.parameters[0] == s { out.append((m, .encode)) }
        if let m = facade.verify, m.parameters[0] == s { out.append((m, .encode)) }
        if let m = facade.decryptDataOnJava { out.append((m, .decode)) }
        if let m = user.method("decryptByPrivateKey", [s, s]), m.returns == "String" { out.append((m, .decode)) }
        if let m = user.method("decryptByPublicKey", [s, s]), m.returns == "String" { out.append((m, .decode)) }
        return out
    }

    private func probeCharsets() throws {
        let methods = textMethods
        guard !methods.isEmpty, javaPublic != nil else { return }
        encodings = try user.encode(Self.probeText, charsets: Self.charsetCandidates)
        let utf8 = Array(Self.probeText.utf8)
        let decodings = try user.decode(utf8, charsets: Self.charsetCandidates)
        for (method, direction) in methods {
            let observed = try observeCharset(facade: facade, method: method, direction: direction, decodings: decodings)
            charsetByMethod[method.signature] = observed
        }
        // A second JVM with another default charset: does the observation follow file.encoding?
        let following = methods.filter { charsetByMethod[$0.0.signature] == hello.charset }
        guard options.probePlatformCharset, !following.isEmpty else {
            for (m, _) in methods where charsetByMethod[m.signature] != nil && charsetByMethod[m.signature] != "unknown" {
                charsetFollowsPlatform[m.signature] = false
            }
            return
        }
        let alternative = hello.charset.uppercased() == "ISO-8859-1" ? "UTF-8" : "ISO-8859-1"
        progress("probing charsets again in a JVM with file.encoding=\(alternative)")
        do {
            let oracle = try JavaOracle(toolchain: toolchain, errorOutput: options.errorOutput,
                                        jvmArguments: ["-Dfile.encoding=\(alternative)"])
            oracle.answerTimeoutSeconds = options.callTimeoutSeconds
            defer { oracle.close() }
            let other = try JavaUserClass(oracle: oracle, classpath: classpath, className: user.className,
                                          commonsCodecJar: toolchain.commonsCodecJar)
            var otherFacade = RsaUtilsFacade(user: other)
            otherFacade.verifyOrder = facade.verifyOrder
            for (m, _) in methods where charsetByMethod[m.signature] != nil && charsetByMethod[m.signature] != "unknown" {
                charsetFollowsPlatform[m.signature] = false
            }
            for (method, direction) in following {
                let seen = try observeCharset(facade: otherFacade, method: method, direction: direction, decodings: decodings)
                charsetFollowsPlatform[method.signature] = seen == alternative
                if seen != alternative && seen != hello.charset {
                    charsetNotes.append("\(method.signature) gave \(seen) in a JVM whose default charset is \(alternative)")
                }
            }
        } catch let error as JavaCheckError {
            charsetNotes.append("the second JVM (file.encoding=\(alternative)) failed: \(error); platform dependence not determined")
            for (m, _) in following { charsetFollowsPlatform[m.signature] = nil }
        } catch {
            charsetNotes.append("the second JVM (file.encoding=\(alternative)) could not start: \(error); platform dependence not determined")
            for (m, _) in following { charsetFollowsPlatform[m.signature] = nil }
        }
    }

    /// The charset a String method uses: the probe text goes through it and comes out on the
    /// Swift side (or the other way round), compared with Java's own encodings of the text.
    private func observeCharset(facade: RsaUtilsFacade, method: JavaUserClass.Method, direction: TextDirection,
                                decodings: [String: String]) throws -> String {
        guard let pub = javaPublic, let priv = javaPrivate else { return "unknown" }
        let text = JavaCheckPayload(bytes: Array(Self.probeText.utf8), text: Self.probeText, label: "text")
        func match(_ bytes: [UInt8]) -> String {
            Self.charsetCandidates.first { encodings[$0] == bytes } ?? "unknown"
        }
        let result = try attempt { () -> String in
            switch (method.name, direction) {
            case ("encryptedDataOnJava", _), ("encryptByPublicKey", _):
                let ct = try facade.encrypt(method, text, key: javaPublicString, k: k)
                if let s = ct.text { base64Outputs.append(s) }
                return match(try RsaUtilsCipher.decrypt(ct.bytes, privateKey: priv))
            case ("encryptByPrivateKey", _):
                let ct = try facade.encrypt(method, text, key: javaPrivateString, k: k)
                return match(try RsaUtilsCipher.decrypt(ct.bytes, publicKey: pub))
            case ("sign", _):
                guard let hash = algorithm else { return "unknown" }
                let sig = try facade.sign(text, privateKey: javaPrivateString, k: k)
                return Self.charsetCandidates.first { name in
                    encodings[name].map { (try? pub.isValidSignature(sig.bytes, for: $0, hash: hash)) ?? false } ?? false
                } ?? "unknown"
            case ("verify", _):
                guard let hash = algorithm else { return "unknown" }
                for name in Self.charsetCandidates {
                    guard let bytes = encodings[name] else { continue }
                    let sig = try priv.signature(for: bytes, hash: hash)
                    if try facade.verify(text, publicKey: javaPublicString, signature: sig) { return name }
                }
                return "unknown"
            case ("decryptDataOnJava", _), ("decryptByPrivateKey", _):
                let ct = try RsaUtilsCipher.encrypt(text.bytes, publicKey: pub)
                guard case .text(let s) = try facade.decrypt(method, ct, key: javaPrivateString) else { return "unknown" }
                return Self.charsetCandidates.first { decodings[$0] == s } ?? "unknown"
            case ("decryptByPublicKey", _):
                let ct = try RsaUtilsCipher.encrypt(text.bytes, privateKey: priv)
                guard case .text(let s) = try facade.decrypt(method, ct, key: javaPublicString) else { return "unknown" }
                return Self.charsetCandidates.first { decodings[$0] == s } ?? "unknown"
            default:
                return "unknown"
            }
        }
        switch result {
        case .success(let name): return name
        case .failure(let error):
            charsetNotes.append("\(method.signature) failed on the probe text: \(JavaCheckFormat.error(error))")
            return "unknown"
        }
    }

    /// The charset of its String methods: the encoding side of encryptedDataOnJava first.
    var charset: String? {
        let order = textMethods.map(\.0.signature)
        let known = order.compactMap { charsetByMethod[$0] }.filter { $0 != "unknown" }
        return known.first ?? (order.isEmpty ? nil : "unknown")
    }

    var charsetSource: String? {
        let values = textMethods.compactMap { charsetFollowsPlatform[$0.0.signature] }
        if values.contains(true) { return "platform default" }
        if !values.isEmpty { return "fixed" }
        return nil
    }

    // MARK: Fail-open

    static let failOpenText = "java-check fail-open probe 13800138000"

    private func probeFailOpen() throws {
        guard let method = facade.encryptedDataOnJava else { return }
        let result = try attempt { try user.call(method.name, [.string(Self.failOpenText), .string("not a key")]) }
        switch result {
        case .success(.string(let s)) where s == Self.failOpenText:
            failOpen = true
            failOpenNote = "encryptedDataOnJava fails open: with an invalid key it returned the plaintext unchanged"
        case .success(let value):
            failOpen = false
            failOpenNote = "encryptedDataOnJava with an invalid key returned \(value.summary) (not the plaintext)"
        case .failure(let error):
            failOpen = false
            failOpenNote = "encryptedDataOnJava with an invalid key throws (\(JavaCheckFormat.error(error))): it does not fail open"
        }
    }

    // MARK: Base64 style

    var base64Style: (lineBreaks: Bool, style: String) {
        let broken = base64Outputs.filter { $0.contains("\n") || $0.contains("\r") }
        var traits: [String] = []
        let urlSafe = base64Outputs.contains { $0.contains("-") || $0.contains("_") }
        if urlSafe { traits.append("URL-safe alphabet") }
        guard let sample = broken.max(by: { $0.count < $1.count }) else {
            return (false, (["no line breaks"] + traits).joined(separator: ", "))
        }
        let crlf = sample.contains("\r\n")
        let separator = crlf ? "\r\n" : (sample.contains("\n") ? "\n" : "\r")
        let lines = sample.components(separatedBy: separator).filter { !$0.isEmpty }
        let width = lines.first?.count ?? 0
        let name = crlf ? "CRLF" : (separator == "\n" ? "LF" : "CR")
        return (true, (["\(name) every \(width) characters"] + traits).joined(separator: ", "))
    }
}
