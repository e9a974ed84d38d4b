import ArgumentParser
import RSA

/// `conformance encrypt`: RsaUtils chunked encryption; type 2 with a public key, type 1 with a private key.
struct EncryptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encrypt", abstract: "RsaUtils chunked encryption (default block k-11), Base64 output.")

    @Option(name: .customLong("public-key"), help: "Encrypt with this public key (PKCS#1 type 2).")
    var publicKey: String?

    @Option(name: .customLong("private-key"), help: "Encrypt with this private key (PKCS#1 type 1, as encryptByPrivateKey).")
    var privateKey: String?

    @OptionGroup var input: DataOptions

    @Option(help: "Plaintext block size (RsaUtils uses 117).")
    var block: Int?

    func validate() throws {
        if (publicKey == nil) == (privateKey == nil) { throw ValidationError("give exactly one of --public-key or --private-key") }
    }

    func run() throws {
        let data = try input.bytes()
        do {
            let ciphertext: [UInt8]
            if let publicKey {
                ciphertext = try RsaUtilsCipher.encrypt(data, publicKey: try KeyInput.publicKey(publicKey), block: block)
            } else {
                ciphertext = try RsaUtilsCipher.encrypt(data, privateKey: try KeyInput.privateKey(privateKey ?? ""), block: block)
            }
            print(LenientBase64.encode(ciphertext))
        } catch let error as RSAError {
            throw CLIFailure.usage("\(error)")
        }
    }
}

/// `conformance decrypt`: RsaUtils chunked decryption; prints hex (default) or UTF-8; exit 1 on a bad ciphertext.
struct DecryptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decrypt", abstract: "RsaUtils chunked decryption (default block k).")

    enum Output: String, ExpressibleByArgument, CaseIterable { case hex, utf8 }

    @Option(name: .customLong("private-key"), help: "Decrypt with this private key (type 2 blocks).")
    var privateKey: String?

    @Option(name: .customLong("public-key"), help: "Decrypt with this public key (type 1 blocks, as decryptByPublicKey).")
    var publicKey: String?

    @Option(help: "The ciphertext, Base64.")
    var ciphertext: String

    @Option(help: "Ciphertext block size (RsaUtils uses 128).")
    var block: Int?

    @Option(help: "hex or utf8.")
    var output: Output = .hex

    func validate() throws {
        if (publicKey == nil) == (privateKey == nil) { throw ValidationError("give exactly one of --private-key or --public-key") }
    }

    func run() throws {
        let bytes = try Base64Input.decode(ciphertext, option: "--ciphertext")
        let plaintext: [UInt8]
        do {
            if let privateKey {
                plaintext = try RsaUtilsCipher.decrypt(bytes, privateKey: try KeyInput.privateKey(privateKey), block: block)
            } else {
                plaintext = try RsaUtilsCipher.decrypt(bytes, publicKey: try KeyInput.publicKey(publicKey ?? ""), block: block)
            }
        } catch let error as RSAError {
            if case .invalidBlockSize = error { throw CLIFailure.usage("\(error)") }
            throw CLIFailure("\(error)")
        }
        switch output {
        case .hex:
            print(HexInput.encode(plaintext))
        case .utf8:
            guard let text = String(validating: plaintext, as: UTF8.self) else {
                throw CLIFailure("the plaintext is not valid UTF-8 (use --output hex)")
            }
            print(text)
        }
    }
}
