/// Why port-check could not give a verdict (exit 2): bad usage, a broken environment, or an adapter
/// that broke the protocol (ADAPTER.md). The description is the one `error:` line.
public enum PortCheckError: Error, CustomStringConvertible, Sendable, Equatable {
    case usage(String)
    case environment(String)
    /// The adapter broke the protocol: not JSON, wrong id, no `ok`, timed out, exited early, …
    case adapter(String)

    public var description: String {
        switch self {
        case .usage(let m): return m
        case .environment(let m): return m
        case .adapter(let m): return "adapter: " + m
        }
    }
}

/// Renders bytes read from an adapter for a one-line message: at most `limit` bytes, decoded as
/// UTF-8 (invalid sequences become U+FFFD), control characters and quotes escaped, in quotes.
enum Quoted {
    static func bytes(_ bytes: [UInt8], limit: Int = 200) -> String {
        let cut = bytes.count > limit
        let text = String(decoding: bytes.prefix(limit), as: UTF8.self)
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || (0x7f...0x9f).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        if bytes.isEmpty { return "nothing" }
        return out + (cut ? "…" : "")
    }

    static func text(_ text: String, limit: Int = 200) -> String {
        bytes(Array(text.utf8), limit: limit)
    }
}
