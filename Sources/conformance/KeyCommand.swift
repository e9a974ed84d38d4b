import ArgumentParser
import RSA

/// `conformance key show|convert`: what a key is and what Java makes of it; conversions between forms.
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key", abstract: "Inspect and convert RSA keys (RsaUtils strings, PEM, DER).",
        subcommands: [KeyShowCommand.self, KeyConvertCommand.self])
}

/// The key argument shared by the `key` verbs: text, or @file (text or binary DER), or @- (stdin).
struct KeyArgument: ParsableArguments {
    // An inline PEM key ("-----BEGIN ...") reaches this argument through `DashValues`.
    @Argument(help: ArgumentHelp("RsaUtils string, PEM, DER hex, or @file (any of these or binary DER; @- = stdin).",
                                 valueName: "key"))
    var key: String

    func load() throws -> ImportedKey {
        if key == "@-" {
            let bytes = try FileInput.readAll("-", option: "key", limit: FileInput.keyFileLimit)
            do { return try ImportedKey.parse(bytes) } catch { throw CLIFailure.usage("key: \(error)") }
        }
        return try KeyInput.imported(key, option: "key", role: .publicKey)
    }
}
