import ArgumentParser
import RSA

/// `conformance verify`: prints true or false; exit 0 when true, 1 when false.
///
/// The verdict is the JDK's (`Signature.verify`, hence RsaUtils `verify`) unless `--strict`. Where the
/// JDK throws instead of answering (a signature that is not k bytes: `SignatureException: Bad signature
/// length`, which RsaUtils `verify` passes on), the answer is `false`, exit 1, with a `note:` on stderr.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Verify a PKCS#1 v1.5 signature (the JDK's verdict; --strict for RFC 8017).")

    @Option(help: "MD5withRSA, SHA1withRSA, SHA256withRSA, SHA384withRSA or SHA512withRSA.")
    var alg: String = "MD5withRSA"

    @Option(name: .customLong("public-key"), parsing: .unconditional,
            help: "RsaUtils string, PEM, DER hex, or @file (any of these or binary DER); a private key works too.")
    var publicKey: String

    @OptionGroup var input: DataOptions

    @Option(parsing: .unconditional,
            help: "The signature: Base64 (read as commons-codec does), or @file (Base64 text or raw bytes; @- = stdin).")
    var signature: String

    @Flag(help: "RFC 8017 §8.2.2 exactly: also reject a DigestInfo without NULL parameters, which the JDK accepts.")
    var strict = false

    func validate() throws {
        if input.readsStandardInput && signature == "@-" {
            throw ValidationError("--data-file - and --signature @- cannot both read standard input")
        }
    }

    func run() throws {
        let hash = try AlgorithmInput.hash(alg)
        let key = try KeyInput.publicKey(publicKey)
        let sig = try Base64Input.decode(signature, option: "--signature")
        let digest = try input.digest(hash)
        let valid = (try? key.isValidSignature(sig, digest: digest, hash: hash, policy: strict ? .strict : .javaCompatible)) ?? false
        if SignatureVerificationPolicy.javaThrowsOnLength(signature: sig, key: key) {
            writeStderr("note: the signature has \(sig.count) bytes, not \(key.modulusByteCount): the JDK throws "
                + "SignatureException (Bad signature length) here, so RsaUtils verify throws; answered false")
        }
        print(valid ? "true" : "false")
        if !valid { throw ExitCode(1) }
    }
}
