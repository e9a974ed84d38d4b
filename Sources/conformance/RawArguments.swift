import Foundation

/// The command line as the kernel handed it over. `CommandLine.arguments` has already replaced bytes
/// that are not UTF-8 with U+FFFD, so a text option's value is checked against the raw `argv` bytes:
/// hashing or signing a silently altered string would be wrong.
enum RawArguments {
    /// The raw bytes of every argument.
    static var all: [[UInt8]] {
        (0..<Int(CommandLine.argc)).map { index in
            guard let pointer = CommandLine.unsafeArgv[index] else { return [] }
            return Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self),
                                             count: strlen(pointer)))
        }
    }

    /// The raw values given to `option` (`--opt VALUE` and `--opt=VALUE`).
    static func values(of option: String) -> [[UInt8]] {
        let name = Array(option.utf8), prefix = name + [UInt8(ascii: "=")]
        let argv = all
        var out: [[UInt8]] = []
        var index = 1
        while index < argv.count {
            let argument = argv[index]
            if argument == name, index + 1 < argv.count {
                out.append(argv[index + 1])
                index += 2
                continue
            }
            if argument.starts(with: prefix) { out.append(Array(argument.dropFirst(prefix.count))) }
            if argument == Array("--".utf8) { break }
            index += 1
        }
        return out
    }

    /// The UTF-8 bytes of a text option's value, or one error line when the raw argument was not UTF-8.
    static func utf8Value(_ value: String, option: String) throws -> [UInt8] {
        if value.unicodeScalars.contains("\u{FFFD}") {
            for raw in values(of: option) where String(validating: raw, as: UTF8.self) == nil {
                throw CLIFailure.usage("\(option): the value is not valid UTF-8; give the bytes with --data-hex HEX or --data-file PATH")
            }
        }
        return Array(value.utf8)
    }
}
