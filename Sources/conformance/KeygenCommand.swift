import ArgumentParser
import RSA

/// `conformance keygen`: a new RSA key pair in RsaUtils, PEM (PKCS#8/SPKI or PKCS#1) or JSON form.
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen", abstract: "Generate an RSA key pair (RsaUtils strings by default).")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case rsautils, pem, json
        case pkcs1PEM = "pkcs1-pem"
    }

    @Option(help: "Modulus length in bits (512 to 16384).")
    var bits: Int = 1024

    @Option(help: "Public exponent: decimal or 0x-hex, odd, at least 3 (default 65537).")
    var exponent: String = "65537"

    @Option(help: "rsautils: public key line then private key line; pem (PUBLIC KEY + PRIVATE KEY); pkcs1-pem (RSA PUBLIC KEY + RSA PRIVATE KEY); json.")
    var format: Format = .rsautils

    func run() throws {
        let parsed = Result { try RSAKeyGenerator.publicExponent(parsing: exponent) }
        guard case .success(let e) = parsed else {
            throw CLIFailure.usage("--exponent: \(parsed.failureDescription)")
        }
        let key: RSAPrivateKey
        do { key = try RSAPrivateKey.generate(bits: bits, publicExponent: e) } catch let error as RSAError {
            throw CLIFailure.usage("--bits: \(error)")
        }
        switch format {
        case .rsautils:
            print(key.publicKey.rsaUtilsString)
            print(key.rsaUtilsString)
        case .pem:
            print(key.publicKey.pem, terminator: "")
            print(key.pem, terminator: "")
        case .pkcs1PEM:
            print(key.publicKey.pkcs1PEM, terminator: "")
            print(key.pkcs1PEM, terminator: "")
        case .json:
            print("{\"publicKey\":\"\(key.publicKey.rsaUtilsString)\",\"privateKey\":\"\(key.rsaUtilsString)\"}")
        }
    }
}

extension Result {
    var failureDescription: String {
        if case .failure(let error) = self { return "\(error)" }
        return ""
    }
}
