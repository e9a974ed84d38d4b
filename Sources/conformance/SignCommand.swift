import ArgumentParser
import RSA

/// `conformance sign`: PKCS#1 v1.5 signature, Base64 (as RsaUtils `sign`). A `--data-file` is hashed as a
/// stream, so a file of any size is signed in constant memory.
struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sign", abstract: "Sign with a private key (PKCS#1 v1.5).")

    @Option(help: "MD5withRSA, SHA1withRSA, SHA256withRSA, SHA384withRSA or SHA512withRSA.")
    var alg: String = "MD5withRSA"

    @Option(name: .customLong("private-key"), parsing: .unconditional,
            help: "RsaUtils string, PEM, DER hex, or @file (any of these or binary DER).")
    var privateKey: String

    @OptionGroup var input: DataOptions

    func run() throws {
        let hash = try AlgorithmInput.hash(alg)
        let key = try KeyInput.privateKey(privateKey)
        let digest = try input.digest(hash)
        do {
            print(LenientBase64.encode(try key.signature(forDigest: digest, hash: hash)))
        } catch let error as RSAError {
            throw CLIFailure("\(error)")
        }
    }
}
