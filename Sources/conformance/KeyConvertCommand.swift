import ArgumentParser
import RSA

/// `conformance key convert KEY --to rsautils|pem|pkcs1-pem|der-hex [--public]`.
struct KeyConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert", abstract: "Convert a key to another form (a private key stays private unless --public).")

    enum Target: String, ExpressibleByArgument, CaseIterable {
        case rsautils, pem
        case pkcs1PEM = "pkcs1-pem"
        case derHex = "der-hex"
    }

    @OptionGroup var argument: KeyArgument

    @Option(help: "rsautils (Base64 of SPKI / PKCS#8 DER, as Java's getEncoded()), pem (PUBLIC KEY / PRIVATE KEY), pkcs1-pem (RSA PUBLIC KEY / RSA PRIVATE KEY), der-hex (SPKI / PKCS#8 DER as hex).")
    var to: Target

    @Flag(help: "Output the public half of a private key.")
    var `public` = false

    func run() throws {
        let key = try argument.load()
        if let privateKey = key.privateKey, !`public` {
            switch to {
            case .rsautils: print(privateKey.rsaUtilsString)
            case .pem: print(privateKey.pem, terminator: "")
            case .pkcs1PEM: print(privateKey.pkcs1PEM, terminator: "")
            case .derHex: print(HexInput.encode(privateKey.pkcs8DER))
            }
            return
        }
        let publicKey = key.publicKey
        switch to {
        case .rsautils: print(publicKey.rsaUtilsString)
        case .pem: print(publicKey.pem, terminator: "")
        case .pkcs1PEM: print(publicKey.pkcs1PEM, terminator: "")
        case .derHex: print(HexInput.encode(publicKey.spkiDER))
        }
    }
}
