import ArgumentParser
import Foundation
import RSA

/// `conformance decrypt`: RsaUtils chunked decryption; prints hex (default) or UTF-8, or writes the bytes
/// to `--output-file`; exit 1 on a bad ciphertext.
struct DecryptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decrypt", abstract: "RsaUtils chunked decryption (default block k).")

    enum Output: String, ExpressibleByArgument, CaseIterable { case hex, utf8 }

    @Option(name: .customLong("private-key"), parsing: .unconditional,
            help: "Decrypt with this private key (type 2 blocks); RsaUtils string, PEM, DER hex or @file.")
    var privateKey: String?

    @Option(name: .customLong("public-key"), parsing: .unconditional,
            help: "Decrypt with this public key (type 1 blocks, as decryptByPublicKey).")
    var publicKey: String?

    @Option(parsing: .unconditional,
            help: "The ciphertext: Base64 (read as commons-codec does), or @file (Base64 text or raw bytes; @- = stdin).")
    var ciphertext: String?

    @Option(name: .customLong("data-file"), parsing: .unconditional,
            help: ArgumentHelp("The ciphertext as raw bytes from a file, or - for standard input.", valueName: "path"))
    var dataFile: String?

    @Option(help: "Ciphertext block size (RsaUtils uses 128).")
    var block: Int?

    @Option(help: "hex (default) or utf8.")
    var output: Output?

    @Option(name: .customLong("output-file"), help: ArgumentHelp("Write the plaintext bytes to this file instead.", valueName: "path"))
    var outputFile: String?

    func validate() throws {
        if (publicKey == nil) == (privateKey == nil) { throw ValidationError("give exactly one of --private-key or --public-key") }
        if (ciphertext == nil) == (dataFile == nil) { throw ValidationError("give exactly one of --ciphertext or --data-file") }
        if output != nil && outputFile != nil { throw ValidationError("give either --output or --output-file, not both") }
        if let outputFile, outputFile.isEmpty { throw ValidationError("--output-file needs a path") }
    }

    func run() throws {
        let decrypt: ([UInt8]) throws -> [UInt8]
        if let privateKey {
            let key = try KeyInput.privateKey(privateKey)
            decrypt = { try RsaUtilsCipher.decrypt($0, privateKey: key, block: block) }
        } else {
            let key = try KeyInput.publicKey(publicKey ?? "")
            decrypt = { try RsaUtilsCipher.decrypt($0, publicKey: key, block: block) }
        }
        let bytes = try dataFile.map { try FileInput.readAll($0, option: "--data-file") }
            ?? Base64Input.decode(ciphertext ?? "", option: "--ciphertext")
        let plaintext: [UInt8]
        do {
            plaintext = try decrypt(bytes)
        } catch let error as RSAError {
            if case .invalidBlockSize = error { throw CLIFailure.usage("\(error)") }
            throw CLIFailure("\(error)")
        }
        if let outputFile {
            do { try Data(plaintext).write(to: URL(fileURLWithPath: outputFile)) } catch {
                throw CLIFailure.usage("--output-file: cannot write '\(outputFile)': \(IOErrorText.describe(error))")
            }
            return
        }
        switch output ?? .hex {
        case .hex:
            print(HexInput.encode(plaintext))
        case .utf8:
            guard let text = String(validating: plaintext, as: UTF8.self) else {
                throw CLIFailure("the plaintext is not valid UTF-8 (use --output hex or --output-file)")
            }
            print(text)
        }
    }
}
