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

