import ArgumentParser
import Foundation
import RSA

/// `--data-hex H | --data S`: the bytes to sign, verify or encrypt.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data-hex"), help: "Input bytes as hexadecimal.")
    var dataHex: String?

    @Option(name: .customLong("data"), help: "Input as a string (its UTF-8 bytes).")
    var data: String?

    func validate() throws {
        if dataHex != nil && data != nil { throw ValidationError("give either --data-hex or --data, not both") }
        if dataHex == nil && data == nil { throw ValidationError("missing input: give --data-hex HEX or --data STRING") }
    }

    func bytes() throws -> [UInt8] {
        if let dataHex { return try HexInput.decode(dataHex, option: "--data-hex") }
        return Array((data ?? "").utf8)
    }
}

/// Keys on the command line: an RsaUtils Base64 string, PEM, or `@path` to a file holding either.
enum KeyInput {
    static func text(_ argument: String, option: String) throws -> String {
        guard argument.hasPrefix("@") else { return argument }
        let path = String(argument.dropFirst())
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIFailure.usage("\(option): cannot read key file '\(path)'")
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func publicKey(_ argument: String, option: String = "--public-key") throws -> RSAPublicKey {
        let text = try text(argument, option: option)
        do { return try RSAPublicKey(keyText: text) } catch {
            throw CLIFailure.usage("\(option): \(error)")
        }
    }

    static func privateKey(_ argument: String, option: String = "--private-key") throws -> RSAPrivateKey {
        let text = try text(argument, option: option)
        do { return try RSAPrivateKey(keyText: text) } catch {
            throw CLIFailure.usage("\(option): \(error)")
        }
    }
}

enum AlgorithmInput {
    static func hash(_ name: String) throws -> HashAlgorithm {
        guard let hash = HashAlgorithm(jcaSignatureName: name) else {
            throw CLIFailure.usage("\(RSAError.unknownAlgorithm(name))")
        }
        guard hash.isSupported else { throw CLIFailure.usage("\(RSAError.unsupportedHash(hash.rawValue))") }
        return hash
    }
}

enum Base64Input {
    static func decode(_ text: String, option: String) throws -> [UInt8] {
        guard let bytes = LenientBase64.decodeStrict(text) else {
            throw CLIFailure.usage("\(option): not valid Base64")
        }
        return bytes
    }
}
