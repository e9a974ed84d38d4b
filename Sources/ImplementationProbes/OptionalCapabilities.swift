/// Capabilities only some implementations have (a Java class has them, an adapter usually not).
/// The probes ask for them with `as?` and record a skip with the reason when they are absent.

/// String-taking helpers whose charset matters (the charset probe) and the JVM's own encodings.
public protocol TextHelperCapable: ImplementationUnderTest {
    /// The helpers that turn text into bytes or bytes into text, each callable on its own.
    var textHelpers: [TextHelper] { get }
    /// Calls one helper. Encode helpers get `text` (encrypt → ciphertext, sign → signature,
    /// verify → `.bool`); decode helpers get `binary` (the ciphertext) and answer `.text`.
    func call(_ helper: TextHelper, text: String?, binary: EncodedBinary?, signature: EncodedBinary?, key: String) throws -> ProducedValue
    /// `text.getBytes(charset)` in the implementation's runtime, per charset (missing: unknown charset).
    func encodings(of text: String, charsets: [String]) throws -> [String: [UInt8]]
    /// `new String(bytes, charset)` in the implementation's runtime, per charset.
    func decodings(of bytes: [UInt8], charsets: [String]) throws -> [String: String]
    /// The same implementation in a second runtime whose default charset is `charset` (to tell
    /// "platform default" from "fixed"). The caller closes it.
    func relaunched(defaultCharset charset: String) throws -> TextHelperCapable
    /// Ends a relaunched runtime.
    func close()
}

/// One String helper.
public struct TextHelper: Sendable, Equatable, Hashable {
    public enum Direction: String, Sendable { case encode, decode }
    /// What it does, in protocol terms (sign, verify, encryptByPublicKey, ...).
    public var operation: ImplementationOperation
    public var direction: Direction
    /// How the report names it: the Java signature ("String encryptedDataOnJava(String, String)").
    public var signature: String
    /// The method name ("encryptedDataOnJava").
    public var name: String
    /// A helper that may hide errors by returning its input (encryptedDataOnJava): the fail-open probe calls it.
    public var failOpenCandidate: Bool

    public init(operation: ImplementationOperation, direction: Direction, signature: String, name: String,
                failOpenCandidate: Bool = false) {
        self.operation = operation
        self.direction = direction
        self.signature = signature
        self.name = name
        self.failOpenCandidate = failOpenCandidate
    }
}

/// An implementation whose methods can be listed (a Java class): for the `methods` contract field,
/// the argument order per role, and what discovery found.
public protocol MethodListing: ImplementationUnderTest {
    var methodDescriptions: [MethodDescription] { get }
    /// Role → `data-first` | `key-first` (only roles with a data and a key argument).
    var argumentOrder: [String: String] { get }
    /// Findings of the discovery itself (private methods, unconfirmed roles, ...).
    var discoveryFindings: [String] { get }
    /// What discovery could not do (a skip each).
    var discoverySkips: [ProbeSkip] { get }
    /// Names of int constants the class declares with their values (wording of chunking findings only).
    var intConstants: [String: Int] { get }
    /// Its static final String constants naming a cipher transformation ("RSA/ECB/NoPadding"), for wording fixes.
    var transformationConstants: [String: String] { get }
}

extension MethodListing {
    public var transformationConstants: [String: String] { [:] }
}

/// One method of the class, as listed in the report.
public struct MethodDescription: Codable, Sendable, Equatable {
    /// The role it was confirmed in (or the name-hinted role with " (unconfirmed)"); "none" when it plays none.
    public var role: String
    public var name: String
    public var parameters: [String]
    public var returns: String
    public var isStatic: Bool
    /// `public` | `protected` | `package` | `private`.
    public var visibility: String

    public init(role: String, name: String, parameters: [String], returns: String, isStatic: Bool, visibility: String) {
        self.role = role
        self.name = name
        self.parameters = parameters
        self.returns = returns
        self.isStatic = isStatic
        self.visibility = visibility
    }

    /// "String sign(byte[], String)".
    public var signature: String { "\(returns) \(name)(\(parameters.joined(separator: ", ")))" }
}
