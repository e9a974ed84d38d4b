/// swift-argument-parser refuses any argument that starts with three dashes ("Invalid option") before
/// options are even matched, so an inline PEM key (`--public-key "-----BEGIN PUBLIC KEY-----..."`)
/// never reaches `.unconditional` parsing. Such an argument can only be a value: it is joined to the
/// option before it (`--public-key=-----BEGIN...`), or, after a non-option, moved behind `--` as a
/// positional argument (`key show "-----BEGIN..." --json`).
enum DashValues {
    /// The options whose values may be PEM text or start with dashes (keys, data, signatures, ciphertexts).
    static let valueOptions: Set<String> = [
        "--public-key", "--private-key", "--data", "--data-hex", "--data-file", "--signature", "--ciphertext",
        "--customer-private-key", "--customer-public-key", "--platform-public-key", "--platform-private-key",
    ]

    static func repaired(_ arguments: [String]) -> [String] {
        var out: [String] = []
        var positional: [String] = []
        var afterTerminator = false
        for argument in arguments {
            if afterTerminator {
                positional.append(argument)
            } else if argument == "--" {
                afterTerminator = true
            } else if argument.hasPrefix("---") {
                if let previous = out.last, valueOptions.contains(previous) {
                    out[out.count - 1] = previous + "=" + argument
                } else {
                    positional.append(argument)
                }
            } else {
                out.append(argument)
            }
        }
        return positional.isEmpty && !afterTerminator ? out : out + ["--"] + positional
    }
}
