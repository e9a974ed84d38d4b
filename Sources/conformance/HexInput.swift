import RSA
import Conformance

/// Strict hexadecimal for `--data-hex` (the vector files' `Hex` codec), errors named after the option.
enum HexInput {
    static func decode(_ text: String, option: String) throws -> [UInt8] {
        switch Hex.decode(text) {
        case .success(let bytes): return bytes
        case .failure(let problem): throw CLIFailure.usage("\(option): \(problem.description)")
        }
    }

    static func encode(_ bytes: [UInt8]) -> String { Hex.encode(bytes) }
}
