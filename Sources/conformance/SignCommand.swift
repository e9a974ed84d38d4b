import ArgumentParser
import RSA

/// `conformance sign`: PKCS#1 v1.5 signature, Base64 (as RsaUtils `sign`).
struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sign", abstract: "Sign with a private key (PKCS#1 v1.5).")

    @Option(help: "MD5withRSA, SHA1withRSA, SHA256withRSA, SHA384withRSA or SHA512withRSA.")
    var alg: String = "MD5withRSA"

    @Option(name: .customLong("private-key"), help: "RsaUtils string, PEM, or @file.")
    var privateKey: String

    @OptionGroup var input: DataOptions

    func run() throws {
        let hash = try AlgorithmInput.hash(alg)
        let key = try KeyInput.privateKey(privateKey)
        let data = try input.bytes()
        do {
            print(LenientBase64.encode(try key.signature(for: data, hash: hash)))
        } catch let error as RSAError {
            throw CLIFailure("\(error)")
        }
    }
}

/// `conformance verify`: prints true or false; exit 0 when true, 1 when false.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Verify a PKCS#1 v1.5 signature.")

    @Option(help: "MD5withRSA, SHA1withRSA, SHA256withRSA, SHA384withRSA or SHA512withRSA.")
    var alg: String = "MD5withRSA"

    @Option(name: .customLong("public-key"), help: "RsaUtils string, PEM, or @file.")
    var publicKey: String

    @OptionGroup var input: DataOptions

    @Option(help: "The signature, Base64.")
    var signature: String

    func run() throws {
        let hash = try AlgorithmInput.hash(alg)
        let key = try KeyInput.publicKey(publicKey)
        let data = try input.bytes()
        let sig = try Base64Input.decode(signature, option: "--signature")
        let valid = (try? key.isValidSignature(sig, for: data, hash: hash)) ?? false
        print(valid ? "true" : "false")
        if !valid { throw ExitCode(1) }
    }
}
