/// A case's `result`: what a conforming implementation must do.
public enum ExpectedResult: String, Codable, Sendable, CaseIterable {
    /// Must be accepted (verify true, decrypt succeeds and equals `msg`, sign reproduces `sig`).
    case valid
    /// Must be rejected (verify false, decrypt fails, parse rejects).
    case invalid
    /// Either way passes; the outcome records which way it went.
    case acceptable
}
