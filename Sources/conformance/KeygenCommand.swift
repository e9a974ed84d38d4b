import ArgumentParser
import RSA

/// `conformance keygen`: a new RSA key pair in RsaUtils, PEM or JSON form.
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen", abstract: "Generate an RSA key pair (RsaUtils strings by default).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case rsautils, pem, json }

    @Option(help: "Modulus length in bits (512 to 16384).")
    var bits: Int = 1024

    @Option(help: "rsautils: public key line then private key line; pem; json.")
    var format: Format = .rsautils

    func run() throws {
        let key: RSAPrivateKey
        do { key = try RSAPrivateKey.generate(bits: bits) } catch let error as RSAError {
            throw CLIFailure.usage("--bits: \(error)")
        }
        switch format {
        case .rsautils:
            print(key.publicKey.rsaUtilsString)
            print(key.rsaUtilsString)
        case .pem:
            print(key.publicKey.pem, terminator: "")
            print(key.pem, terminator: "")
        case .json:
            print("{\"publicKey\":\"\(key.publicKey.rsaUtilsString)\",\"privateKey\":\"\(key.rsaUtilsString)\"}")
        }
    }
}
