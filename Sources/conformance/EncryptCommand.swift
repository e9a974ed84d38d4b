import ArgumentParser
import RSA

/// `conformance encrypt`: RsaUtils chunked encryption; type 2 with a public key, type 1 with a private key.
/// A `--data-file` is read and encrypted in pieces of whole blocks and the Base64 written as it goes,
/// so large files need bounded memory.
struct EncryptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encrypt", abstract: "RsaUtils chunked encryption (default block k-11), Base64 output.")

    @Option(name: .customLong("public-key"), parsing: .unconditional,
            help: "Encrypt with this public key (PKCS#1 type 2); RsaUtils string, PEM, DER hex or @file.")
    var publicKey: String?

    @Option(name: .customLong("private-key"), parsing: .unconditional,
            help: "Encrypt with this private key (PKCS#1 type 1, as encryptByPrivateKey).")
    var privateKey: String?

    @OptionGroup var input: DataOptions

    @Option(help: "Plaintext block size (RsaUtils uses 117).")
    var block: Int?

    func validate() throws {
        if (publicKey == nil) == (privateKey == nil) { throw ValidationError("give exactly one of --public-key or --private-key") }
    }

    func run() throws {
        let encrypt: ([UInt8]) throws -> [UInt8]
        let k: Int
        if let publicKey {
            let key = try KeyInput.publicKey(publicKey)
            k = key.modulusByteCount
            encrypt = { try RsaUtilsCipher.encrypt($0, publicKey: key, block: block) }
        } else {
            let key = try KeyInput.privateKey(privateKey ?? "")
            k = key.publicKey.modulusByteCount
            encrypt = { try RsaUtilsCipher.encrypt($0, privateKey: key, block: block) }
        }
        var output = Base64Output()
        do {
            if let path = input.dataFile {
                // Whole blocks per call: the concatenation is what one call over the whole input gives.
                let blockSize = max(1, block ?? PKCS1.maximumMessageLength(modulusByteCount: k))
                let piece = blockSize * max(1, FileInput.chunkSize / blockSize)
                var pending = [UInt8]()
                try FileInput.stream(path, option: "--data-file") { chunk in
                    pending.append(contentsOf: chunk)
                    if pending.count >= piece {
                        let whole = pending.count / blockSize * blockSize
                        output.write(try encrypt(Array(pending[..<whole])))
                        pending.removeFirst(whole)
                    }
                }
                output.write(try encrypt(pending))
            } else {
                output.write(try encrypt(try input.bytes()))
            }
        } catch let error as RSAError {
            throw CLIFailure.usage("\(error)")
        }
        output.finish()
    }
}

/// Base64 written as the bytes come: whole 3-byte groups at once, padding only at the end, so the text
/// equals `LenientBase64.encode` of all the bytes.
struct Base64Output {
    private var pending: [UInt8] = []

    mutating func write(_ bytes: [UInt8]) {
        pending.append(contentsOf: bytes)
        let whole = pending.count / 3 * 3
        guard whole > 0 else { return }
        print(LenientBase64.encode(Array(pending[..<whole])), terminator: "")
        pending.removeFirst(whole)
    }

    mutating func finish() {
        print(LenientBase64.encode(pending))
        pending = []
    }
}
