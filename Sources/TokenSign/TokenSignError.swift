/// Failures of the TokenSign module's own operations (not request checks: those are
/// `TokenCheckFailure`s carrying the seed's return codes).
public enum TokenSignError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not a 17-digit `yyyyMMddHHmmssSSS` timestamp of a real date and time.
    case invalidTimestamp(String)
    /// The date lies outside the years 0000–9999 in UTC+8 (or is not finite), so it has no 17-digit form.
    case timestampOutOfRange(String)
    /// The system CSPRNG (getentropy) failed.
    case randomSourceUnavailable

    public var description: String {
        switch self {
        case .invalidTimestamp(let reason): return "invalid timestamp: \(reason)"
        case .timestampOutOfRange(let reason): return "timestamp out of range: \(reason)"
        case .randomSourceUnavailable: return "the system random source is unavailable"
        }
    }
}

