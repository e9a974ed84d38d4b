import RSA

/// What the key probe found.
public struct KeyFinding: Sendable {
    /// Modulus bits of its own pair (nil: no pair could be read).
    public var keySize: Int?
    /// `class` (its generator), `class-constant` (its hard-coded pair) or `swift`.
    public var source = "swift"
    public var generator: String?
    public var notes: [String] = []
    public var skips: [ProbeSkip] = []
    /// keys.* matrix checks (parse, re-encode, pair).
    public var checks: [MatrixItem] = []
}

/// Key size = modulus of the pair its genKeyPair hands out; the strings must parse on the Swift side
/// and re-encode to the same DER. When it has no generator, or its pair cannot be read, the probe
/// goes on with Swift-made keys (a skip, never a failure); a pair that is read but wrong is a failure.
struct KeyProbe {
    func run(_ ctx: ProbeContext) throws -> KeyFinding {
        var finding = KeyFinding()
        let impl = ctx.implementation
        var pair: GeneratedKeyPair?
        if impl.has(.genKeyPair) {
            switch try ctx.attempt({ try impl.genKeyPair(bits: ctx.options.requestedKeyBits) }) {
            case .success(let p):
                pair = p
                finding.generator = p.via + (p.encodedByProbe ? " (Base64 of getEncoded() by the probe)" : "")
                if p.tookBits {
                    finding.notes.append("its key generator takes the key size as an argument; the probe asked for \(ctx.options.requestedKeyBits) bits")
                }
            case .failure(ProbeError.cannotDrive(let reason)):
                finding.skips.append(ProbeSkip(check: "keys.genKeyPair", reason: "its key pair cannot be read by the probe (\(reason)); Swift-made keys were used"))
            case .failure(let error):
                // Its generator failing is not a Java ↔ Swift mismatch: the checks go on with Swift keys.
                finding.skips.append(ProbeSkip(check: "keys.genKeyPair",
                                               reason: "its \(ctx.name(.genKeyPair)) failed (\(ctx.describe(error))); Swift-made keys were used"))
                finding.notes.append("its key generator failed: \(ctx.describe(error)); the checks used Swift-made keys")
            }
        } else {
            finding.skips.append(ProbeSkip(check: "keys.genKeyPair", reason: "no key generator: the key size cannot be probed; Swift-made keys were used"))
        }

        if let pair {
            ctx.outputs[ctx.name(.genKeyPair), default: []] += [pair.publicKey, pair.privateKey].filter { _ in !pair.encodedByProbe }
            let parsedPublic = try ctx.attempt { try RSAPublicKey(keyText: pair.publicKey) }
            let parsedPrivate = try ctx.attempt { try RSAPrivateKey(keyText: pair.privateKey) }
            var pub: RSAPublicKey?
            var priv: RSAPrivateKey?
            switch parsedPublic {
            case .success(let key):
                let der = Self.der(of: pair.publicKey)
                finding.checks.append(Self.check("keys.public.java-to-swift", "its public key string parses in Swift and re-encodes to the same X.509 DER",
                                                 key.spkiDER == der,
                                                 expected: ProbeFormat.bytes(der), actual: ProbeFormat.bytes(key.spkiDER)))
                pub = key
            case .failure(let error):
                finding.checks.append(MatrixItem(group: "keys", id: "keys.public.java-to-swift", name: "its public key string parses in Swift",
                                                 verdict: .fail, expected: "an RSA public key", actual: ctx.describe(error)))
            }
            switch parsedPrivate {
            case .success(let key):
                let der = Self.der(of: pair.privateKey)
                // A hard-coded private key is the user's secret: a mismatch is named, never shown.
                finding.checks.append(Self.check("keys.private.java-to-swift", "its private key string parses in Swift and re-encodes to the same PKCS#8 DER",
                                                 key.pkcs8DER == der,
                                                 expected: pair.fixedInClass ? "its PKCS#8 DER (not shown)" : ProbeFormat.bytes(der),
                                                 actual: pair.fixedInClass ? "other DER (not shown)" : ProbeFormat.bytes(key.pkcs8DER)))
                priv = key
            case .failure(let error):
                finding.checks.append(MatrixItem(group: "keys", id: "keys.private.java-to-swift", name: "its private key string parses in Swift",
                                                 verdict: .fail, expected: "an RSA private key", actual: ctx.describe(error)))
            }
            if let p = pub, let q = priv {
                finding.checks.append(Self.check("keys.pair", "its public and private key belong together (same modulus and exponent)",
                                                 q.publicKey == p, expected: "same n and e", actual: "different keys"))
                if q.publicKey == p {
                    ctx.publicKey = p
                    ctx.privateKey = q
                    ctx.publicString = pair.publicKey
                    ctx.privateString = pair.privateKey
                    finding.keySize = p.keySize
                    finding.source = pair.fixedInClass ? "class-constant" : "class"
                }
            }
            if finding.source == "swift" {
                finding.notes.append("its key strings are not a usable RSA key pair on the Swift side; the probe used Swift-made keys")
            }
        }

        if ctx.publicKey == nil || ctx.privateKey == nil {
            let key = try Self.swiftKey(bits: ctx.options.requestedKeyBits)
            ctx.privateKey = key
            ctx.publicKey = key.publicKey
            ctx.publicString = key.publicKey.rsaUtilsString
            ctx.privateString = key.rsaUtilsString
        }
        ctx.k = ctx.publicKey?.modulusByteCount ?? 128
        ctx.progress("making a \(ctx.k * 8)-bit Swift key pair")
        ctx.swiftKey = try Self.swiftKey(bits: ctx.k * 8)
        return finding
    }

    /// The DER a key string carries: a PEM block's body, else lenient (commons-codec) Base64.
    static func der(of text: String) -> [UInt8] {
        if PEMBlock.looksLikePEM(text) { return (try? PEMBlock(parsing: text))?.der ?? [] }
        return LenientBase64.decode(text)
    }

    static func swiftKey(bits: Int) throws -> RSAPrivateKey {
        do {
            return try RSAPrivateKey.generate(bits: bits)
        } catch {
            throw SwiftKeyFailure(description: "cannot make a \(bits)-bit Swift key pair: \(error)")
        }
    }

    static func check(_ id: String, _ name: String, _ ok: Bool, expected: String, actual: String) -> MatrixItem {
        ok ? MatrixItem(group: "keys", id: id, name: name, verdict: .pass)
            : MatrixItem(group: "keys", id: id, name: name, verdict: .fail, expected: expected, actual: actual)
    }
}
