import ArgumentParser
import Foundation
import RSA

/// `--data S | --data-hex H | --data-file PATH`: the bytes to sign, verify or encrypt.
///
/// Values are taken unconditionally (`--data -abc`, `--data-hex -` is an error only because it is not hex).
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data-hex"), parsing: .unconditional, help: "Input bytes as hexadecimal.")
    var dataHex: String?

    @Option(name: .customLong("data"), parsing: .unconditional,
            help: "Input as a string (its UTF-8 bytes; must be valid UTF-8).")
    var data: String?

    @Option(name: .customLong("data-file"), parsing: .unconditional,
            help: ArgumentHelp("Input file, or - for standard input (read as a stream when signing and verifying).",
                               valueName: "path"))
    var dataFile: String?

    func validate() throws {
        let given = [dataHex, data, dataFile].compactMap { $0 }.count
        if given > 1 { throw ValidationError("give only one of --data, --data-hex, --data-file") }
        if given == 0 { throw ValidationError("missing input: give --data STRING, --data-hex HEX or --data-file PATH") }
    }

    /// The whole input in memory.
    func bytes() throws -> [UInt8] {
        if let dataHex { return try HexInput.decode(dataHex, option: "--data-hex") }
        if let data { return try RawArguments.utf8Value(data, option: "--data") }
        var all = [UInt8]()
        try FileInput.stream(dataFile ?? "-", option: "--data-file") { all.append(contentsOf: $0) }
        return all
    }

    /// The digest of the input; a file is hashed as a stream in bounded memory.
    func digest(_ hash: HashAlgorithm) throws -> [UInt8] {
        var hasher: MessageHasher
        do { hasher = try MessageHasher(hash) } catch { throw CLIFailure.usage("\(error)") }
        if let dataFile {
            try FileInput.stream(dataFile, option: "--data-file") { chunk in chunk.withUnsafeBytes { hasher.update($0) } }
        } else {
            hasher.update(try bytes())
        }
        return hasher.finalize()
    }

    /// True when the input is standard input (which another option then cannot also read).
    var readsStandardInput: Bool { dataFile == "-" }
}

/// Keys on the command line: an RsaUtils string, PEM (any label of an RSA key, any line ends), DER as
/// hex, or `@path` to a file holding any of these or binary DER. A private key is accepted where a
/// public key is needed (its public half is used).
enum KeyInput {
    static func imported(_ argument: String, option: String, role: ImportedKey.Role) throws -> ImportedKey {
        let bytes: [UInt8]
        if argument.hasPrefix("@") {
            bytes = try FileInput.readAll(String(argument.dropFirst()), option: option, what: "key file",
                                          limit: FileInput.keyFileLimit)
        } else {
            bytes = Array(argument.utf8)
        }
        do { return try ImportedKey.parse(bytes, role: role) } catch {
            throw CLIFailure.usage("\(option): \(error)")
        }
    }

    static func publicKey(_ argument: String, option: String = "--public-key") throws -> RSAPublicKey {
        try imported(argument, option: option, role: .publicKey).publicKey
    }

    static func privateKey(_ argument: String, option: String = "--private-key") throws -> RSAPrivateKey {
        let key = try imported(argument, option: option, role: .privateKey)
        guard let privateKey = key.privateKey else {
            throw CLIFailure.usage("\(option): this is a public key; a private key is needed here")
        }
        return privateKey
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

/// `--signature` / `--ciphertext`: Base64 decoded as commons-codec does (both alphabets, padding optional,
/// every other character skipped), or `@PATH` (`@-` = standard input): the file's text as Base64 or,
/// when the file is not text (a byte that is neither printable ASCII nor whitespace, after an optional
/// UTF-8 byte order mark), its raw bytes (openssl writes binary signatures).
enum Base64Input {
    static func decode(_ argument: String, option: String) throws -> [UInt8] {
        guard argument.hasPrefix("@") else { return LenientBase64.decode(argument) }
        var bytes = try FileInput.readAll(String(argument.dropFirst()), option: option, what: "file")
        if bytes.starts(with: [0xef, 0xbb, 0xbf]) { bytes.removeFirst(3) }  // a UTF-8 byte order mark
        let isText = bytes.allSatisfy { $0 == 0x09 || $0 == 0x0a || $0 == 0x0d || ($0 >= 0x20 && $0 < 0x7f) }
        return isText ? LenientBase64.decode(bytes) : bytes
    }
}
