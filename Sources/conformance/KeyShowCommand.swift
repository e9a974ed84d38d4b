import ArgumentParser
import Foundation
import RSA

/// `conformance key show KEY [--json]`: size, exponent, the form the key came in, whether Java's RsaUtils
/// reads it as given, the RsaUtils strings Java's `getEncoded()` gives, and fingerprints.
struct KeyShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a key: size, exponent, form, Java's getEncoded() strings, fingerprints.")

    @OptionGroup var argument: KeyArgument

    @Flag(help: "One JSON object instead of lines.")
    var json = false

    func run() throws {
        let key = try argument.load()
        let rows = try Self.rows(key)
        if json {
            let object = Dictionary(uniqueKeysWithValues: rows.map { ($0.key, $0.json ?? $0.value) })
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
        } else {
            let width = rows.map(\.label.count).max() ?? 0
            for row in rows { print(row.label + ":" + String(repeating: " ", count: width - row.label.count + 1) + row.value) }
        }
    }

    struct Row {
        let key: String
        let label: String
        let value: String
        /// The JSON value when it is not the text (numbers, booleans).
        var json: Any?
    }

    static func rows(_ key: ImportedKey) throws -> [Row] {
        let publicKey = key.publicKey
        let spki = publicKey.spkiDER
        let sha256 = try HashAlgorithm.sha256.digest(spki)
        let sha1 = try HashAlgorithm.sha1.digest(spki)
        var rows = [
            Row(key: "type", label: "type", value: key.privateKey == nil ? "public" : "private"),
            Row(key: "form", label: "form", value: key.formDescription),
            Row(key: "javaReadsAsGiven", label: "Java RsaUtils reads it as given",
                value: key.isRsaUtilsString ? "yes" : "no (give it the RsaUtils string below)", json: key.isRsaUtilsString),
            Row(key: "bits", label: "size", value: "\(publicKey.keySize) bits", json: publicKey.keySize),
            Row(key: "publicExponent", label: "public exponent", value: "\(publicKey.publicExponent)"),
        ]
        if let privateKey = key.privateKey {
            rows.append(Row(key: "crt", label: "CRT values", value: privateKey.primes == nil ? "no (n, e, d only)" : "yes",
                            json: privateKey.primes != nil))
        }
        rows.append(Row(key: "spkiSha256", label: "SHA-256 of SPKI DER", value: HexInput.encode(sha256)))
        rows.append(Row(key: "spkiSha256Base64", label: "SHA-256 of SPKI DER (Base64)", value: LenientBase64.encode(sha256)))
        rows.append(Row(key: "spkiSha1", label: "SHA-1 of SPKI DER", value: HexInput.encode(sha1)))
        rows.append(Row(key: "publicKeyRsaUtils", label: "public key (RsaUtils, Java getEncoded())", value: publicKey.rsaUtilsString))
        if let privateKey = key.privateKey {
            rows.append(Row(key: "privateKeyRsaUtils", label: "private key (RsaUtils, Java getEncoded())",
                            value: privateKey.rsaUtilsString))
        }
        return rows
    }
}
