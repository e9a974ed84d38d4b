/// Why a text is not the JSON `JSONParser` accepts: one line saying what and where (byte offset
/// from the start of the text, 0-based).
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public let offset: Int

    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { "\(message) at byte \(offset)" }
}
